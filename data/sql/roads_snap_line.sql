-- Snaps a drawn line ($1, GeoJSON in WGS84) to the route whose pieces pass nearest to both of its
-- ends: the stakes of its ends projected onto that route, and how far each end lies from it.
-- Measured in each piece's UTM zone (road_utm_srid), like every stake.
WITH drawn AS (
    SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS line
),
ends AS (
    SELECT 1 AS n, ST_StartPoint(d.line) AS pt FROM drawn d
    UNION ALL
    SELECT 2, ST_EndPoint(d.line) FROM drawn d
),
-- each end's nearest position on each piece within reach ($2 metres, found by the index first)
nearest AS (
    SELECT e.n, p.route_code,
           p.from_m + (p.to_m - p.from_m) *
               ST_LineLocatePoint(ST_Transform(p.geom, road_utm_srid(p.geom)),
                                  ST_Transform(e.pt, road_utm_srid(p.geom))) AS stake_m,
           ST_Distance(ST_Transform(p.geom, road_utm_srid(p.geom)),
                       ST_Transform(e.pt, road_utm_srid(p.geom))) AS off_m
    FROM ends e
    JOIN road_pieces p ON p.geom && ST_Expand(e.pt, $2::float8 / 60000.0) -- >= $2 m in China
                      AND ST_DWithin(p.geom::geography, e.pt::geography, $2::float8)
),
per_end AS (
    SELECT DISTINCT ON (n.route_code, n.n) n.route_code, n.n, n.stake_m, n.off_m
    FROM nearest n
    ORDER BY n.route_code, n.n, n.off_m
)
SELECT a.route_code, least(a.stake_m, b.stake_m) AS from_m, greatest(a.stake_m, b.stake_m) AS to_m,
       greatest(a.off_m, b.off_m) AS off_m
FROM per_end a
JOIN per_end b ON b.route_code = a.route_code AND b.n = 2
WHERE a.n = 1
ORDER BY a.off_m + b.off_m, a.route_code
LIMIT 1
