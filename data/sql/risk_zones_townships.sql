-- Brings the township zones in line with `regions`: upserts each township (areas on the
-- spheroid), deactivates zones whose township is gone. Unchanged rows are not rewritten.
WITH src AS (
    SELECT r.code, r.name, ST_Multi(ST_CollectionExtract(r.geom, 3)) AS geom,
           ST_Area(r.geom::geography) / 1e6 AS area_km2
    FROM regions r
    WHERE r.kind = 'township' AND ST_Area(r.geom::geography) > 0
),
upserted AS (
    INSERT INTO risk_zones AS z (zone_kind, code, name, area_km2, geom, active)
    SELECT 'township', s.code, s.name, s.area_km2, s.geom, true FROM src s
    ON CONFLICT (zone_kind, code) DO UPDATE
        SET name = EXCLUDED.name, area_km2 = EXCLUDED.area_km2, geom = EXCLUDED.geom, active = true
        WHERE (z.name, z.area_km2, z.geom, z.active)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.area_km2, EXCLUDED.geom, true)
    RETURNING 1
)
UPDATE risk_zones z SET active = false
WHERE z.zone_kind = 'township' AND z.active AND z.code NOT IN (SELECT s.code FROM src s)
