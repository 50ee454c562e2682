-- Staged premises that cannot be merged: a code repeated inside the file (the first row wins), or
-- a township code that names no township. (row, field, reason)
SELECT _row, 'code' AS field, 'premises code ' || code || ' repeats row ' || first_row AS reason
FROM (SELECT _row, code, min(_row) OVER (PARTITION BY code) AS first_row
      FROM import_staging) d
WHERE _row <> first_row
UNION ALL
SELECT s._row, 'township_code', 'no township has the code ' || s.township_code
FROM import_staging s
WHERE s.township_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = s.township_code AND r.kind = 'township')
ORDER BY 1, 2
