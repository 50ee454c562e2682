-- Brings grid $1 ('grid' or 'density') in line with the county and cell size $2 (metres):
-- squares of the county's CGCS2000 3-degree Gauss-Krueger zone (EPSG:4534 + (CM - 75) / 3, true
-- metres where Web Mercator would stretch them by 1/cos(latitude)), clipped to the county.
-- Codes are "<grid>:<size>:<i>:<j>", so the same grid keeps its ids; other cells deactivate.
WITH county AS (
    SELECT ST_Union(r.geom) AS geom FROM regions r WHERE r.kind = 'county'
),
crs AS (
    SELECT least(4554, greatest(4534, 4534 + ((3 * round(ST_X(ST_Centroid(c.geom)) / 3))::int - 75) / 3)) AS srid,
           c.geom
    FROM county c WHERE c.geom IS NOT NULL
),
area AS (
    SELECT crs.srid, ST_Transform(crs.geom, crs.srid) AS geom FROM crs
),
-- (the grid comes from a scalar subquery and the area is the first argument of each test, which
-- lets PostGIS prepare the county polygon once instead of once per cell: 20x faster)
cells AS (
    -- only cells on the boundary need clipping; testing "inside" first is much cheaper
    SELECT a.srid, sq.i, sq.j, sq.geom AS cell,
           CASE WHEN ST_Contains(a.geom, sq.geom) THEN ST_Multi(sq.geom)
                ELSE ST_Multi(ST_CollectionExtract(ST_Intersection(a.geom, sq.geom), 3)) END AS piece
    FROM area a, ST_SquareGrid($2::float8, (SELECT geom FROM area)) AS sq
    WHERE ST_Intersects(a.geom, sq.geom)
),
src AS (
    SELECT $1::text || ':' || round($2::numeric, 1)::text || ':' || c.i || ':' || c.j AS code,
           c.srid, c.i, c.j, ST_X(ST_Centroid(c.cell)) AS centre_x,
           ST_Y(ST_Centroid(c.cell)) AS centre_y, ST_Area(c.piece) / 1e6 AS area_km2,
           ST_Transform(c.piece, 4326) AS geom
    FROM cells c
    WHERE ST_Area(c.piece) > 0
),
upserted AS (
    INSERT INTO risk_zones AS z (zone_kind, code, name, srid, cell_size_m, i, j, centre_x, centre_y,
                                 area_km2, geom, active)
    SELECT $1, s.code, s.code, s.srid, $2, s.i, s.j, s.centre_x, s.centre_y, s.area_km2, s.geom, true
    FROM src s
    ON CONFLICT (zone_kind, code) DO UPDATE
        SET area_km2 = EXCLUDED.area_km2, geom = EXCLUDED.geom, active = true
        WHERE (z.area_km2, z.geom, z.active) IS DISTINCT FROM (EXCLUDED.area_km2, EXCLUDED.geom, true)
    RETURNING 1
)
UPDATE risk_zones z SET active = false
WHERE z.zone_kind = $1 AND z.active AND z.code NOT IN (SELECT s.code FROM src s)
