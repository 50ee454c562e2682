-- The GiST indexes of a table, with the statements that recreate them. A bulk import drops them
-- and builds them again after the merge: one sorted build is several times faster than as many
-- single inserts into the tree.
SELECT format('%I', i.indexname) AS name, i.indexdef AS definition
FROM pg_indexes i
WHERE i.schemaname = current_schema() AND i.tablename = $1 AND i.indexdef LIKE '% USING gist %'
ORDER BY i.indexname
