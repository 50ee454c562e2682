-- The hazards table's rules across fields, on each staged hazard as the merge would write it
-- (the file's value for the fields it provides, $1, the stored value for the others), so that a
-- partial update that would break a rule is a rejected row rather than a failed import.
WITH m AS (
    SELECT s._row,
           CASE WHEN 'status' = ANY($1) THEN s.status ELSE t.status END AS status,
           CASE WHEN 'closed_on' = ANY($1) THEN s.closed_on ELSE t.closed_on END AS closed_on,
           CASE WHEN 'found_on' = ANY($1) THEN s.found_on ELSE t.found_on END AS found_on,
           CASE WHEN 'deadline' = ANY($1) THEN s.deadline ELSE t.deadline END AS deadline
    FROM import_staging s
    LEFT JOIN hazards t ON t.code = s.code
)
SELECT _row, 'closed_on' AS field,
       CASE WHEN status = 'closed' THEN 'a closed hazard needs the date it was closed'
            ELSE 'the stored closing date ' || closed_on || ' does not fit the status ' || status ||
                 ' (give the closing date column, empty)' END AS reason
FROM m WHERE (status = 'closed') <> (closed_on IS NOT NULL)
UNION ALL
SELECT _row, 'deadline', 'deadline ' || deadline || ' is before the date found ' || found_on
FROM m WHERE deadline < found_on
ORDER BY 1, 2
