-- Open hidden dangers inside zones of kind $1 (ids $2; NULL = all), by the supervision category
-- of their enterprise (NULL: no enterprise, e.g. a public tip about a road). Found zone first,
-- and edge points count once, as in risk_zone_members.sql.
WITH owned AS (
    SELECT s.id AS zone_id, h.level, h.deadline, h.enterprise_id
    FROM risk_zones s
    JOIN hazards h ON ST_Intersects(s.geom, h.geom)
    WHERE s.zone_kind = $1 AND s.active AND ($2::bigint[] IS NULL OR s.id = ANY ($2::bigint[]))
      AND h.status NOT IN ('closed', 'rejected')
      AND (ST_ContainsProperly(s.geom, h.geom)
           OR NOT EXISTS (SELECT 1 FROM risk_zones z
                          WHERE z.zone_kind = $1 AND z.active AND z.id < s.id
                            AND ST_Intersects(z.geom, h.geom)))
)
SELECT o.zone_id, e.supervision_category, count(*),
       count(*) FILTER (WHERE o.level = 'major'),
       count(*) FILTER (WHERE o.deadline < current_date)
FROM owned o
LEFT JOIN enterprises e ON e.id = o.enterprise_id
GROUP BY o.zone_id, e.supervision_category
ORDER BY o.zone_id, e.supervision_category
