-- Open hidden dangers inside zones of kind $1 (ids $2; NULL = all), by the supervision category
-- of their enterprise (NULL: no enterprise, e.g. a public tip about a road). Edge points count
-- once, for the lower zone id.
WITH selected AS (
    SELECT z.id, z.geom FROM risk_zones z
    WHERE z.zone_kind = $1 AND z.active AND ($2::bigint[] IS NULL OR z.id = ANY ($2::bigint[]))
),
candidates AS (
    SELECT h.id, h.geom, h.level, h.deadline, h.enterprise_id
    FROM hazards h
    WHERE $2::bigint[] IS NULL AND h.status NOT IN ('closed', 'rejected') AND h.geom IS NOT NULL
    UNION
    SELECT h.id, h.geom, h.level, h.deadline, h.enterprise_id
    FROM selected s JOIN hazards h ON ST_Intersects(s.geom, h.geom)
    WHERE $2::bigint[] IS NOT NULL AND h.status NOT IN ('closed', 'rejected')
),
owners AS (
    SELECT DISTINCT ON (c.id) c.*, z.id AS zone_id
    FROM candidates c
    JOIN risk_zones z ON z.zone_kind = $1 AND z.active AND ST_Intersects(z.geom, c.geom)
    ORDER BY c.id, z.id
)
SELECT o.zone_id, e.supervision_category, count(*),
       count(*) FILTER (WHERE o.level = 'major'),
       count(*) FILTER (WHERE o.deadline < current_date)
FROM owners o
JOIN selected s ON s.id = o.zone_id
LEFT JOIN enterprises e ON e.id = o.enterprise_id
GROUP BY o.zone_id, e.supervision_category
ORDER BY o.zone_id, e.supervision_category
