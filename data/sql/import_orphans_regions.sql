-- Staged regions whose parent is only in the file, and refused there: by the checks ($1, the
-- staged rows refused so far) or before staging (import_refused). Merged, they would break the
-- parent foreign key and abort the whole import; refused, the rest of the file loads. One
-- generation per run: the caller repeats with the rows found until none is left. A parent that
-- is stored already keeps its children. (row, field, reason)
WITH refused_rows AS (
    SELECT DISTINCT unnest($1::bigint[]) AS _row
),
-- every refused row with its code
refused AS (
    SELECT s._row, s.code FROM import_staging s JOIN refused_rows r ON r._row = s._row
    UNION ALL
    SELECT _row, code FROM import_refused
),
-- codes that only refused rows bring (a code repeated in the file keeps its first row) and that
-- no stored region has
lost AS (
    SELECT p.code, min(p._row) AS parent_row
    FROM refused p
    WHERE NOT EXISTS (SELECT 1 FROM regions g WHERE g.code = p.code)
      AND NOT EXISTS (SELECT 1 FROM import_staging k
                      WHERE k.code = p.code
                        AND NOT EXISTS (SELECT 1 FROM refused_rows r WHERE r._row = k._row))
    GROUP BY p.code
)
SELECT c._row, 'parent_code' AS field,
       'parent region ' || l.code || ' was refused (row ' || l.parent_row || ')' AS reason
FROM import_staging c
JOIN lost l ON l.code = c.parent_code
WHERE NOT EXISTS (SELECT 1 FROM refused_rows r WHERE r._row = c._row)
ORDER BY 1
