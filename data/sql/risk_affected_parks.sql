-- Parks to reassess in run $2: profile changes (dirty id <= $1), parks of the changed enterprises
-- $3 (their hazards count for the park), and parks an enterprise's grade left or entered (the
-- grades run $2 wrote or closed are all of enterprises $3: found through the primary key).
SELECT r.id FROM regions r
WHERE r.kind = 'park' AND r.code IN (
    SELECT d.park_code FROM risk_dirty d WHERE d.id <= $1 AND d.park_code IS NOT NULL
    UNION SELECT e.park_code FROM enterprises e WHERE e.id = ANY ($3::bigint[])
    UNION SELECT g.park_code FROM enterprise_risk g
          WHERE g.enterprise_id = ANY ($3::bigint[]) AND (g.valid_from = $2 OR g.valid_to = $2))
ORDER BY r.id
