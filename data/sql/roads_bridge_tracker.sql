-- The bridges the danger-bridge tracker counts, judged on date $1 (ISO text), with the year of
-- clearance starting on $2 and "newly found" meaning rated on or after $3 (NULL: not asked):
-- every danger bridge (class 4/5 not treated since rated), every bridge that was a danger bridge
-- and was treated in [$2, $1], every class-4/5 rating since $3. Township: the one whose area
-- holds the bridge.
WITH candidates AS (
    SELECT b.*,
           -- a danger bridge before its treatment: rated 4/5 then, or an inspection said so
           (b.condition_class >= 4 OR EXISTS (
                SELECT 1 FROM bridge_inspections i
                WHERE i.bridge_code = b.code AND i.condition_class >= 4
                  AND i.inspected_at <= b.treated_at)) AS was_danger
    FROM bridges b
)
SELECT c.code, coalesce(c.name, c.code) AS name, c.route_code, road_format_stake(c.centre_m) AS stake,
       c.condition_class::integer AS condition_class, c.rated_at::text AS rated_at,
       c.interim_measure, coalesce(c.treatment, '') AS treatment,
       coalesce(c.treatment_deadline::text, '') AS treatment_deadline,
       coalesce(c.treated_at::text, '') AS treated_at,
       c.danger,
       c.danger AND c.treatment_deadline < $1::date AS overdue,
       c.danger AND c.rated_at < $2::date AS stock, -- rated before the year began
       NOT c.danger AND c.was_danger AND c.treated_at BETWEEN $2::date AND $1::date AS cleared,
       $3::date IS NOT NULL AND c.condition_class >= 4 AND c.rated_at >= $3::date AS newly_found,
       coalesce(t.code, '') AS township_code, coalesce(t.name, '') AS township_name
FROM candidates c
LEFT JOIN LATERAL (
    SELECT r.code, r.name FROM regions r
    WHERE r.kind = 'township' AND ST_Intersects(r.geom, c.geom)
    ORDER BY r.code LIMIT 1) t ON true
WHERE c.danger
   OR (c.was_danger AND c.treated_at BETWEEN $2::date AND $1::date)
   OR ($3::date IS NOT NULL AND c.condition_class >= 4 AND c.rated_at >= $3::date)
ORDER BY c.code
