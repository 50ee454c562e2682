-- Staged regions that cannot be merged: a code repeated inside the file, a code already used by a
-- park, or a parent code found neither in the database nor in the file (a parent refused before
-- staging is import_orphans_regions.sql's to name). (row, field, reason)
SELECT _row, 'code' AS field, 'region code ' || code || ' repeats row ' || first_row AS reason
FROM (SELECT _row, code, min(_row) OVER (PARTITION BY code) AS first_row FROM import_staging) d
WHERE _row <> first_row
UNION ALL
SELECT s._row, 'code', 'the code ' || s.code || ' belongs to a park'
FROM import_staging s
WHERE EXISTS (SELECT 1 FROM regions r WHERE r.code = s.code AND r.kind = 'park')
UNION ALL
SELECT s._row, 'parent_code', 'no region has the parent code ' || s.parent_code
FROM import_staging s
WHERE s.parent_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = s.parent_code)
  AND NOT EXISTS (SELECT 1 FROM import_staging p WHERE p.code = s.parent_code)
  AND NOT EXISTS (SELECT 1 FROM import_refused f WHERE f.code = s.parent_code)
ORDER BY 1, 2
