-- Coverage of safety works, stored per route and kept current by triggers, so that a works edit
-- recomputes one route (milliseconds) instead of the county, and tiles of the gaps read rows, not
-- range arithmetic over the whole register. The counting rule is roads::compute_coverage's: per
-- route, the union of the risky segments' stake ranges against the union of the counting works'
-- (completed or accepted), overlaps once; tests compare both on the demo.

-- Metres in a set of stake ranges.
CREATE FUNCTION road_ranges_length(m nummultirange) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT coalesce(sum(upper(r) - lower(r)), 0)::float8 FROM unnest(m) AS r
$$;

-- One row per route and grouping: (route, '*', '*') the whole route, (route, township, '*') its
-- stretch in one township, (route, '*', type) one segment type. A metre in two types counts in
-- each type row but once in the others.
CREATE TABLE road_coverage_routes (
    route_code text NOT NULL,
    township_code text NOT NULL,
    type text NOT NULL,
    identified_m double precision NOT NULL,
    treated_m double precision NOT NULL,
    PRIMARY KEY (route_code, township_code, type)
);

-- Each untreated stretch of each risky segment (the road_works_gaps layer).
CREATE TABLE road_works_gap_rows (
    segment_id bigint NOT NULL,
    n integer NOT NULL,
    route_code text NOT NULL,
    type text NOT NULL,
    township_code text,
    from_m double precision NOT NULL,
    to_m double precision NOT NULL,
    geom geometry(MultiLineString, 4326),
    geom_3857 geometry(MultiLineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    PRIMARY KEY (segment_id, n)
);
CREATE INDEX road_works_gap_rows_route_idx ON road_works_gap_rows (route_code);
CREATE INDEX road_works_gap_rows_geom_idx ON road_works_gap_rows USING gist (geom);
CREATE INDEX road_works_gap_rows_geom_3857_idx ON road_works_gap_rows USING gist (geom_3857);

-- Recomputes the coverage rows and gaps of `routes` (NULL: every route). The scope is one array
-- in every statement (never "IS NULL OR"), so the cached plans keep their index paths.
CREATE FUNCTION road_coverage_refresh(routes text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    scope text[] := coalesce(routes, ARRAY(SELECT r.route_code FROM road_routes r));
BEGIN
    DELETE FROM road_coverage_routes c WHERE c.route_code = ANY (scope);
    DELETE FROM road_works_gap_rows g WHERE g.route_code = ANY (scope);
    WITH treated AS (
        SELECT w.route_code, range_agg(numrange(w.from_m::numeric, w.to_m::numeric, '[]')) AS r
        FROM safety_works w
        WHERE w.status IN ('completed', 'accepted') AND w.route_code = ANY (scope)
        GROUP BY w.route_code
    ),
    segs AS (
        SELECT s.route_code, coalesce(s.township_code, '') AS township_code, s.type,
               numrange(s.from_m::numeric, s.to_m::numeric, '[]') AS r
        FROM road_risk_segments s
        WHERE s.to_m > s.from_m AND s.route_code = ANY (scope)
    ),
    groups AS (
        SELECT route_code, '*' AS township_code, '*' AS type, range_agg(r) AS identified
        FROM segs GROUP BY route_code
        UNION ALL
        SELECT route_code, township_code, '*', range_agg(r) FROM segs GROUP BY route_code, township_code
        UNION ALL
        SELECT route_code, '*', type, range_agg(r) FROM segs GROUP BY route_code, type
    )
    INSERT INTO road_coverage_routes (route_code, township_code, type, identified_m, treated_m)
    SELECT g.route_code, g.township_code, g.type, road_ranges_length(g.identified),
           road_ranges_length(g.identified * coalesce(t.r, '{}'::nummultirange))
    FROM groups g LEFT JOIN treated t ON t.route_code = g.route_code;

    INSERT INTO road_works_gap_rows (segment_id, n, route_code, type, township_code, from_m, to_m, geom)
    SELECT x.segment_id, x.n, x.route_code, x.type, x.township_code, lower(x.stretch)::float8,
           upper(x.stretch)::float8,
           road_locate_range(x.route_code, lower(x.stretch)::float8, upper(x.stretch)::float8)
    FROM (
        SELECT s.id AS segment_id, s.route_code, s.type, s.township_code, g.stretch, g.n::integer AS n
        FROM road_risk_segments s
        LEFT JOIN (SELECT w.route_code,
                          range_agg(numrange(w.from_m::numeric, w.to_m::numeric, '[]')) AS r
                   FROM safety_works w
                   WHERE w.status IN ('completed', 'accepted')
                     AND w.route_code = ANY (scope)
                   GROUP BY w.route_code) t ON t.route_code = s.route_code
        CROSS JOIN LATERAL unnest(nummultirange(numrange(s.from_m::numeric, s.to_m::numeric, '[]'))
                                  - coalesce(t.r, '{}'::nummultirange)) WITH ORDINALITY AS g(stretch, n)
        WHERE s.to_m > s.from_m AND s.route_code = ANY (scope)
    ) x;
END $$;

-- Statement triggers: the routes a statement touched (before and after) are recomputed once.
CREATE FUNCTION road_coverage_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM road_coverage_refresh(ARRAY(SELECT DISTINCT route_code FROM new_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION road_coverage_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM road_coverage_refresh(ARRAY(SELECT DISTINCT route_code FROM old_rows));
    RETURN NULL;
END $$;
CREATE FUNCTION road_coverage_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM road_coverage_refresh(ARRAY(SELECT route_code FROM old_rows
                                        UNION SELECT route_code FROM new_rows));
    RETURN NULL;
END $$;
CREATE TRIGGER road_risk_segments_coverage_insert AFTER INSERT ON road_risk_segments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION road_coverage_after_insert();
CREATE TRIGGER road_risk_segments_coverage_delete AFTER DELETE ON road_risk_segments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION road_coverage_after_delete();
CREATE TRIGGER road_risk_segments_coverage_update AFTER UPDATE ON road_risk_segments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION road_coverage_after_update();
CREATE TRIGGER safety_works_coverage_insert AFTER INSERT ON safety_works
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION road_coverage_after_insert();
CREATE TRIGGER safety_works_coverage_delete AFTER DELETE ON safety_works
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION road_coverage_after_delete();
CREATE TRIGGER safety_works_coverage_update AFTER UPDATE ON safety_works
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION road_coverage_after_update();

SELECT road_coverage_refresh(NULL);
SELECT track_data_version('road_works_gap_rows');
SELECT track_data_version('road_coverage_routes');

-- The gaps layer now reads the stored rows.
DROP VIEW layer_road_works_gaps;
CREATE VIEW layer_road_works_gaps AS
SELECT g.segment_id * 1000 + g.n AS fid, g.segment_id, g.route_code, g.type, g.township_code,
       road_format_stake(g.from_m) AS from_stake, road_format_stake(g.to_m) AS to_stake,
       g.from_m, g.to_m, round((g.to_m - g.from_m)::numeric)::integer AS length_m,
       g.geom, g.geom_3857
FROM road_works_gap_rows g
WHERE g.geom IS NOT NULL;
