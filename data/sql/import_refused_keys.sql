-- Remembers the rows refused before staging by their natural key ($1 rows, $2 codes), so that
-- the checks can refuse the rows of the file naming them as parent (import_orphans_*.sql).
INSERT INTO import_refused (_row, code)
SELECT * FROM unnest($1::bigint[], $2::text[])
