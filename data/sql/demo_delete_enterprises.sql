-- Replacing the demo content, step 2: enterprises (they reference regions).
DELETE FROM enterprises
