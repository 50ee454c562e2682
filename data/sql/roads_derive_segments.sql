-- Derives the risky segments that follow from other layers and replaces the derived rows with
-- them in this one statement: level crossings (PJLK: road ∩ railway, ±$3 m around each
-- crossing), through-village (CCGZ: road within $1 m of a village point) and near-water (LSLY:
-- road within $2 m of a waterway). Same inputs give the same rows: unchanged rows are kept (same
-- id, first identified_at, no version bump), stale ones are deleted and new ones inserted.
-- Distances are measured in each piece's UTM zone; stakes are rounded to centimetres and kept
-- inside the piece. $4 = identified_at for new rows (ISO date), $5 = baseline year (or NULL).
WITH
-- every piece in metres, with what a derived row inherits from its route
pieces AS (
    SELECT p.id, p.route_code, p.from_m, p.to_m, p.geom, road_utm_srid(p.geom) AS srid,
           ST_Transform(p.geom, road_utm_srid(p.geom)) AS line_m,
           r.township_code AS route_township, r.generated,
           -- degrees that surely cover a buffer of max($1, $2) m here, for index pre-filters
           greatest($1::float8, $2::float8)
               / (111320.0 * cos(radians(least(abs(ST_Y(ST_Centroid(p.geom))), 80.0)))) AS reach_deg
    FROM road_pieces p
    JOIN road_routes r ON r.route_code = p.route_code
),
-- road ∩ railway: one row per crossing point, with its stake
crossings AS (
    SELECT pc.id, pc.route_code, pc.from_m, pc.to_m, pc.generated, pc.route_township, pc.srid,
           pc.from_m + ST_LineLocatePoint(pc.line_m, d.geom) * (pc.to_m - pc.from_m) AS stake_m,
           d.geom AS point_m, coalesce(rw.name, 'railway #' || rw.id) AS railway
    FROM pieces pc
    JOIN railways rw ON ST_Intersects(pc.geom, rw.geom)
    CROSS JOIN LATERAL ST_Dump(ST_Intersection(pc.line_m, ST_Transform(rw.geom, pc.srid))) d
    WHERE GeometryType(d.geom) = 'POINT'
),
pjlk AS (
    SELECT c.route_code, 'PJLK' AS type,
           greatest(c.from_m, round((c.stake_m - $3::float8)::numeric, 2)::float8) AS from_m,
           least(c.to_m, round((c.stake_m + $3::float8)::numeric, 2)::float8) AS to_m,
           ST_Transform(c.point_m, 4326) AS mid, c.route_township, c.generated,
           format('PJLK: crosses %s at %s; the %s m either side of the crossing (within the piece)',
                  c.railway, road_format_stake(c.stake_m), $3::float8) AS rule
    FROM crossings c
),
-- per piece, the villages within reach, their buffers merged (so nearby villages give one part)
village_zones AS (
    SELECT pc.id, ST_Union(ST_Buffer(ST_Transform(v.geom, pc.srid), $1::float8, 16)) AS zone_m,
           array_agg(v.name || ' ' || v.code ORDER BY v.code) AS names,
           array_agg(ST_Transform(v.geom, pc.srid) ORDER BY v.code) AS points_m
    FROM pieces pc
    JOIN regions v ON v.kind = 'village' AND v.geom && ST_Expand(pc.geom, pc.reach_deg)
    WHERE ST_DWithin(pc.line_m, ST_Transform(v.geom, pc.srid), $1::float8)
    GROUP BY pc.id
),
-- per piece, the waterways within reach, buffered and merged
water_zones AS (
    SELECT pc.id, ST_Union(ST_Buffer(ST_Transform(w.geom, pc.srid), $2::float8, 16)) AS zone_m,
           array_agg(coalesce(w.name, w.kind || ' #' || w.id) ORDER BY w.id) AS names,
           array_agg(ST_Transform(w.geom, pc.srid) ORDER BY w.id) AS points_m
    FROM pieces pc
    JOIN waterways w ON w.geom && ST_Expand(pc.geom, pc.reach_deg)
    WHERE ST_DWithin(pc.line_m, ST_Transform(w.geom, pc.srid), $2::float8)
    GROUP BY pc.id
),
zones AS (
    SELECT 'CCGZ' AS type, $1::float8 AS buffer_m, 'village' AS what, z.* FROM village_zones z
    UNION ALL
    SELECT 'LSLY', $2::float8, 'waterway', z.* FROM water_zones z
),
-- the stretches of each piece inside a zone, each with its stakes and the features it is near
zone_parts AS (
    SELECT pc.route_code, z.type, pc.from_m AS piece_from, pc.to_m AS piece_to,
           pc.route_township, pc.generated, z.buffer_m, z.what, d.geom AS part_m,
           pc.from_m + least(ST_LineLocatePoint(pc.line_m, ST_StartPoint(d.geom)),
                             ST_LineLocatePoint(pc.line_m, ST_EndPoint(d.geom))) * (pc.to_m - pc.from_m) AS a_m,
           pc.from_m + greatest(ST_LineLocatePoint(pc.line_m, ST_StartPoint(d.geom)),
                                ST_LineLocatePoint(pc.line_m, ST_EndPoint(d.geom))) * (pc.to_m - pc.from_m) AS b_m,
           (SELECT string_agg(n.name, ', ' ORDER BY n.name)
            FROM unnest(z.names, z.points_m) AS n(name, g)
            WHERE ST_DWithin(d.geom, n.g, z.buffer_m + 0.01)) AS near
    FROM zones z
    JOIN pieces pc ON pc.id = z.id
    CROSS JOIN LATERAL ST_Dump(ST_Intersection(pc.line_m, z.zone_m)) d
    WHERE GeometryType(d.geom) = 'LINESTRING'
),
buffered AS (
    SELECT p.route_code, p.type,
           greatest(p.piece_from, round(p.a_m::numeric, 2)::float8) AS from_m,
           least(p.piece_to, round(p.b_m::numeric, 2)::float8) AS to_m,
           ST_Transform(ST_LineInterpolatePoint(p.part_m, 0.5), 4326) AS mid,
           p.route_township, p.generated,
           format('%s: within %s m of %s %s', p.type, p.buffer_m, p.what, p.near) AS rule
    FROM zone_parts p
),
-- all derived rows, with the township holding the segment's middle (else the route's)
fresh AS (
    SELECT DISTINCT d.route_code, d.type, d.from_m, d.to_m,
           coalesce((SELECT t.code FROM regions t
                     WHERE t.kind = 'township' AND ST_Intersects(t.geom, d.mid)
                     ORDER BY t.code LIMIT 1), d.route_township) AS township_code,
           d.rule, d.generated
    FROM (SELECT * FROM pjlk UNION ALL SELECT * FROM buffered WHERE to_m > from_m) d
),
-- derived rows no longer produced
removed AS (
    DELETE FROM road_risk_segments s
    WHERE s.source = 'derived'
      AND NOT EXISTS (SELECT 1 FROM fresh f
                      WHERE f.route_code = s.route_code AND f.type = s.type
                        AND f.from_m = s.from_m AND f.to_m = s.to_m AND f.rule = s.rule
                        AND f.township_code IS NOT DISTINCT FROM s.township_code
                        AND f.generated = s.generated)
    RETURNING 1
),
-- rows not stored yet (the snapshot still shows the rows `removed` deletes)
added AS (
    INSERT INTO road_risk_segments (route_code, type, from_m, to_m, township_code, source, rule,
                                    identified_at, baseline_year, generated)
    SELECT f.route_code, f.type, f.from_m, f.to_m, f.township_code, 'derived', f.rule, $4::date,
           $5::smallint, f.generated
    FROM fresh f
    WHERE NOT EXISTS (SELECT 1 FROM road_risk_segments s
                      WHERE s.source = 'derived' AND f.route_code = s.route_code
                        AND f.type = s.type AND f.from_m = s.from_m AND f.to_m = s.to_m
                        AND f.rule = s.rule AND f.township_code IS NOT DISTINCT FROM s.township_code
                        AND f.generated = s.generated)
    ORDER BY f.route_code, f.from_m, f.to_m, f.type, f.rule
    RETURNING 1
)
SELECT (SELECT count(*) FROM fresh) AS derived, (SELECT count(*) FROM added) AS added,
       (SELECT count(*) FROM removed) AS removed
