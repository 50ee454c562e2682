-- Hidden dangers that can reach the density cells $1 (NULL = all) within $2 metres, in the
-- grid's projected metres, with what the model weighs them by.
WITH cells AS (
    SELECT z.centre_x, z.centre_y, z.srid FROM risk_zones z
    WHERE z.zone_kind = 'density' AND z.active AND ($1::bigint[] IS NULL OR z.id = ANY ($1::bigint[]))
),
reach AS (
    SELECT max(c.srid) AS srid, min(c.centre_x) - $2 AS x0, min(c.centre_y) - $2 AS y0,
           max(c.centre_x) + $2 AS x1, max(c.centre_y) + $2 AS y1
    FROM cells c
)
SELECT ST_X(p.pt), ST_Y(p.pt), h.level, h.status,
       coalesce(h.deadline < current_date AND h.status NOT IN ('closed', 'rejected'), false)
FROM hazards h
CROSS JOIN reach r
CROSS JOIN LATERAL (SELECT ST_Transform(h.geom, r.srid) AS pt) p
WHERE h.geom IS NOT NULL AND r.srid IS NOT NULL
  AND ST_X(p.pt) BETWEEN r.x0 AND r.x1 AND ST_Y(p.pt) BETWEEN r.y0 AND r.y1
ORDER BY h.id
