-- The untreated stretches of each risky road segment: its stake range minus the counting works
-- (completed or accepted) on its route, one feature per stretch, so crews see exactly which
-- stakes remain. The rule is roads::compute_coverage's (counted in stake metres, overlapping and
-- touching works once); a test compares the two on the demo network. Computed when read: the
-- demo's few hundred segments take milliseconds; a county-wide register will want it stored
-- and updated per edit (issue 7, bench/coverage).
CREATE VIEW layer_road_works_gaps AS
WITH treated AS (
    -- per route, the union of the counting works' stake ranges
    SELECT w.route_code, range_agg(numrange(w.from_m::numeric, w.to_m::numeric, '[]')) AS ranges
    FROM safety_works w
    WHERE w.status IN ('completed', 'accepted')
    GROUP BY w.route_code
),
gaps AS (
    SELECT s.id AS segment_id, s.route_code, s.type, s.township_code, g.stretch, g.n
    FROM road_risk_segments s
    LEFT JOIN treated t ON t.route_code = s.route_code
    CROSS JOIN LATERAL unnest(nummultirange(numrange(s.from_m::numeric, s.to_m::numeric, '[]'))
                              - coalesce(t.ranges, '{}'::nummultirange))
        WITH ORDINALITY AS g(stretch, n)
    WHERE s.to_m > s.from_m
),
located AS (
    SELECT g.*, road_locate_range(g.route_code, lower(g.stretch)::float8,
                                  upper(g.stretch)::float8) AS geom
    FROM gaps g
)
SELECT l.segment_id * 1000 + l.n AS fid, l.segment_id, l.route_code, l.type, l.township_code,
       road_format_stake(lower(l.stretch)::float8) AS from_stake,
       road_format_stake(upper(l.stretch)::float8) AS to_stake,
       lower(l.stretch)::float8 AS from_m, upper(l.stretch)::float8 AS to_m,
       round(upper(l.stretch) - lower(l.stretch))::integer AS length_m,
       l.geom, ST_Transform(l.geom, 3857) AS geom_3857
FROM located l
WHERE l.geom IS NOT NULL;
