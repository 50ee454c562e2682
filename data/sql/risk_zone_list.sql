-- Active zones of kind $1 (ids $2, a bigint[]; NULL = all) with their areas.
SELECT z.id, z.area_km2
FROM risk_zones z
WHERE z.zone_kind = $1 AND z.active AND ($2::bigint[] IS NULL OR z.id = ANY ($2::bigint[]))
ORDER BY z.id
