-- The safety_works table's rules across fields, on each staged record as the merge would write it
-- (see import_rules_hazards.sql).
WITH m AS (
    SELECT s._row,
           CASE WHEN 'status' = ANY($1) THEN s.status ELSE t.status END AS status,
           CASE WHEN 'from_stake' = ANY($1) THEN s.from_stake ELSE t.from_m END AS from_m,
           CASE WHEN 'to_stake' = ANY($1) THEN s.to_stake ELSE t.to_m END AS to_m,
           CASE WHEN 'started_on' = ANY($1) THEN s.started_on ELSE t.started_on END AS started_on,
           CASE WHEN 'completed_on' = ANY($1) THEN s.completed_on ELSE t.completed_on END AS completed_on,
           CASE WHEN 'accepted_on' = ANY($1) THEN s.accepted_on ELSE t.accepted_on END AS accepted_on
    FROM import_staging s
    LEFT JOIN safety_works t ON t.code = s.code
)
SELECT _row, 'started_on' AS field, 'works that are ' || status || ' need a start date' AS reason
FROM m WHERE status <> 'planned' AND started_on IS NULL
UNION ALL
SELECT _row, 'completed_on', 'the completion date does not fit the status ' || status
FROM m WHERE (status IN ('completed', 'accepted')) <> (completed_on IS NOT NULL)
UNION ALL
SELECT _row, 'accepted_on', 'the acceptance date does not fit the status ' || status
FROM m WHERE (status = 'accepted') <> (accepted_on IS NOT NULL)
UNION ALL
SELECT _row, 'completed_on', 'the dates are out of order (started, completed, accepted)'
FROM m WHERE completed_on < started_on OR accepted_on < completed_on
UNION ALL
SELECT _row, 'to_stake', 'the works must end after they start'
FROM m WHERE NOT (from_m < to_m)
ORDER BY 1, 2
