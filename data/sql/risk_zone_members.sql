-- The currently graded enterprises inside zones of kind $1 (ids $2; NULL = all). A point on the
-- edge between two zones belongs to the one with the lower id only, so nothing counts twice.
WITH selected AS (
    SELECT z.id, z.geom FROM risk_zones z
    WHERE z.zone_kind = $1 AND z.active AND ($2::bigint[] IS NULL OR z.id = ANY ($2::bigint[]))
),
-- every current grade when all zones are selected, otherwise those inside a selected zone
-- (two branches gated by one-time filters on $2, so each gets its own plan: a scan, or a
-- spatial join from the few selected zones)
candidates AS (
    SELECT g.enterprise_id, g.geom
    FROM enterprise_risk g
    WHERE $2::bigint[] IS NULL AND g.valid_to IS NULL AND g.geom IS NOT NULL
    UNION
    SELECT g.enterprise_id, g.geom
    FROM selected s JOIN enterprise_risk g ON ST_Intersects(s.geom, g.geom)
    WHERE $2::bigint[] IS NOT NULL AND g.valid_to IS NULL
),
owners AS (
    SELECT DISTINCT ON (c.enterprise_id) c.enterprise_id, z.id AS zone_id
    FROM candidates c
    JOIN risk_zones z ON z.zone_kind = $1 AND z.active AND ST_Intersects(z.geom, c.geom)
    ORDER BY c.enterprise_id, z.id
)
SELECT o.zone_id, g.enterprise_id, g.name, g.supervision_category, g.colour, g.major_hazard_level
FROM owners o
JOIN selected s ON s.id = o.zone_id
JOIN enterprise_risk g ON g.enterprise_id = o.enterprise_id AND g.valid_to IS NULL
ORDER BY o.zone_id, g.enterprise_id
