-- Density cells (ids $1; NULL = all): centre in the grid's projected metres.
SELECT z.id, z.centre_x, z.centre_y
FROM risk_zones z
WHERE z.zone_kind = 'density' AND z.active AND ($1::bigint[] IS NULL OR z.id = ANY ($1::bigint[]))
ORDER BY z.id
