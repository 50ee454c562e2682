-- Replacing the demo content, step 3: every region at once, so the parent_code references
-- between them are checked only at the end of the statement.
DELETE FROM regions
