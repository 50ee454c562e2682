-- Staged enterprises that cannot be merged: a credit code repeated inside the file (the first
-- row wins), or a township or park code that names no such region. (row, field, reason)
SELECT _row, 'credit_code' AS field,
       'credit code ' || credit_code || ' repeats row ' || first_row AS reason
FROM (SELECT _row, credit_code, min(_row) OVER (PARTITION BY credit_code) AS first_row
      FROM import_staging) d
WHERE _row <> first_row
UNION ALL
SELECT s._row, 'township_code', 'no township has the code ' || s.township_code
FROM import_staging s
WHERE s.township_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = s.township_code AND r.kind = 'township')
UNION ALL
SELECT s._row, 'park_code', 'no park has the code ' || s.park_code
FROM import_staging s
WHERE s.park_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = s.park_code AND r.kind = 'park')
ORDER BY 1, 2
