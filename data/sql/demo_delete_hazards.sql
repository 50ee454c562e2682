-- Replacing the demo content, step 1: hazards go first (they reference enterprises and regions).
-- DELETE, not TRUNCATE: readers keep seeing the old rows until the replacing transaction commits.
DELETE FROM hazards
