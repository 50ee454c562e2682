-- How many rows are staged, and about how many the target table holds (the planner's estimate,
-- which is all the bulk-load decision needs). $1: the target table.
SELECT (SELECT count(*) FROM import_staging) AS staged,
       greatest(c.reltuples, 0)::bigint AS existing
FROM pg_class c
WHERE c.oid = $1::regclass
