-- The enterprises inside zones of kind $1 (ids $2; NULL = all) with their current grade, if any
-- and if $3 (NULL columns: never graded, or not asked for). Positions come from enterprises (one
-- row each; the grades table also holds every old version), and the current grade is the
-- enterprise's latest version (primary key read backwards), unless closed.
WITH owned AS (
    -- zone first, so that PostGIS prepares each polygon once and probes the point index with it
    SELECT s.id AS zone_id, e.id AS enterprise_id
    FROM risk_zones s
    JOIN enterprises e ON ST_Intersects(s.geom, e.geom)
    WHERE s.zone_kind = $1 AND s.active AND ($2::bigint[] IS NULL OR s.id = ANY ($2::bigint[]))
      -- a point on the edge between two zones belongs to the one with the lower id only, so
      -- nothing counts twice; only the rare points not properly inside need the lookup
      AND (ST_ContainsProperly(s.geom, e.geom)
           OR NOT EXISTS (SELECT 1 FROM risk_zones z
                          WHERE z.zone_kind = $1 AND z.active AND z.id < s.id
                            AND ST_Intersects(z.geom, e.geom)))
)
SELECT o.zone_id, o.enterprise_id, g.name, g.supervision_category, g.colour, g.major_hazard_level
FROM owned o
LEFT JOIN LATERAL (SELECT c.* FROM enterprise_risk c
                   WHERE $3::boolean AND c.enterprise_id = o.enterprise_id
                   ORDER BY c.valid_from DESC LIMIT 1) g ON g.valid_to IS NULL
ORDER BY o.zone_id, o.enterprise_id
