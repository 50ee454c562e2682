-- Rural roads (issue 7): routes with stake measures, bridges and their condition history, risky
-- segments (imported or derived), safety works (安全生命防护工程), and waterways (the demo has
-- no real water layer, so it generates some). Rules: ../shared/domain/rural-roads.md.
-- Stakes are metres from the route origin (K12+300 = 12300). Linear referencing is done in the
-- UTM zone of each piece, so stake fractions are fractions of metres, not of degrees.
-- Township codes are not foreign keys: the demo loader replaces `regions` wholesale, and a road
-- register keeps its township codes even while the division table is being reloaded.

-- Exclusion constraints mixing `=` on text with `&&` on ranges need btree_gist (contrib, shipped
-- with the Debian postgresql-15 package).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- The UTM zone of a geometry's centre (EPSG:326xx north, 327xx south).
CREATE FUNCTION road_utm_srid(g geometry) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (CASE WHEN ST_Y(ST_Centroid(g)) >= 0 THEN 32600 ELSE 32700 END)
           + least(60, greatest(1, floor((ST_X(ST_Centroid(g)) + 180) / 6)::integer + 1))
$$;

-- `K12+300` from metres, rounded to whole metres (roads::format_stake with 0 decimals).
CREATE FUNCTION road_format_stake(stake_m double precision) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT 'K' || (round(stake_m)::bigint / 1000)::text || '+'
           || lpad((round(stake_m)::bigint % 1000)::text, 3, '0')
$$;

-- Routes (路线). route_code is the canonical text of roads::parse_route_code: prefix + number
-- (+ the 6-digit area code that makes X/Y/C/Z numbers unique; GB/T 917-2017).
CREATE TABLE road_routes (
    id bigserial PRIMARY KEY,
    route_code text NOT NULL UNIQUE
        CONSTRAINT road_routes_code_format
        CHECK (route_code ~ '^([GS][0-9]{1,4}|[XYCZ][0-9]{3})([0-9]{6})?$'),
    name text CHECK (length(name) BETWEEN 1 AND 200),
    admin_level char(1) NOT NULL
        CONSTRAINT road_routes_admin_level_range CHECK (admin_level IN ('G', 'S', 'X', 'Y', 'C', 'Z')),
    area_code text CONSTRAINT road_routes_area_code_format CHECK (area_code ~ '^[0-9]{6}$'),
    township_code text,           -- the township that manages it (Y/C roads), 12-digit code
    generated boolean NOT NULL DEFAULT false,
    note text,
    CONSTRAINT road_routes_level_matches_code CHECK (admin_level = left(route_code, 1)),
    CONSTRAINT road_routes_area_code_in_code
        CHECK (area_code IS NULL OR right(route_code, 6) = area_code)
);

-- Pieces of a route: each a line with its own stake range, so chain breaks (断链) and routes not
-- starting at K0 are representable. Stakes spread over a piece in proportion to its length.
CREATE TABLE road_pieces (
    id bigserial PRIMARY KEY,
    route_code text NOT NULL REFERENCES road_routes (route_code) ON DELETE CASCADE ON UPDATE CASCADE,
    piece smallint NOT NULL CONSTRAINT road_pieces_number_range CHECK (piece BETWEEN 1 AND 999),
    from_m double precision NOT NULL,
    to_m double precision NOT NULL,
    geom geometry(LineString, 4326) NOT NULL
        CONSTRAINT road_pieces_geom_usable CHECK (ST_NPoints(geom) >= 2 AND ST_Length(geom) > 0),
    geom_3857 geometry(LineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    UNIQUE (route_code, piece),
    CONSTRAINT road_pieces_stake_order CHECK (from_m >= 0 AND from_m < to_m AND to_m < 1e9),
    -- half-open ranges: one piece may end exactly where the next begins
    CONSTRAINT road_pieces_no_overlap EXCLUDE USING gist (
        route_code WITH =, numrange(from_m::numeric, to_m::numeric, '[)') WITH &&)
);
CREATE INDEX road_pieces_geom_idx ON road_pieces USING gist (geom);
CREATE INDEX road_pieces_geom_3857_idx ON road_pieces USING gist (geom_3857);

-- True when some piece of the route contains the stake (ends included).
CREATE FUNCTION road_stake_on_route(route text, stake_m double precision) RETURNS boolean
LANGUAGE sql STABLE STRICT AS $$
    SELECT EXISTS (SELECT 1 FROM road_pieces p
                   WHERE p.route_code = route AND stake_m BETWEEN p.from_m AND p.to_m)
$$;

-- The point at a stake; a stake where two pieces touch lies on the earlier (as roads::locate).
CREATE FUNCTION road_locate_point(route text, stake_m double precision) RETURNS geometry
LANGUAGE sql STABLE STRICT AS $$
    SELECT ST_Transform(ST_LineInterpolatePoint(ST_Transform(p.geom, road_utm_srid(p.geom)),
                            (stake_m - p.from_m) / (p.to_m - p.from_m)), 4326)
    FROM road_pieces p
    WHERE p.route_code = route AND stake_m BETWEEN p.from_m AND p.to_m
    ORDER BY p.from_m
    LIMIT 1
$$;

-- The line of the stake range [from_m, to_m]: one part per piece it crosses with positive
-- length, chain breaks skipped (as roads::extract). NULL for an empty range.
CREATE FUNCTION road_locate_range(route text, range_from_m double precision,
                                  range_to_m double precision)
RETURNS geometry LANGUAGE sql STABLE STRICT AS $$
    -- parameter names differ from the columns: in SQL functions a column wins over a parameter
    SELECT ST_Multi(ST_Collect(ST_Transform(
               ST_LineSubstring(ST_Transform(p.geom, road_utm_srid(p.geom)),
                                (greatest(range_from_m, p.from_m) - p.from_m) / (p.to_m - p.from_m),
                                (least(range_to_m, p.to_m) - p.from_m) / (p.to_m - p.from_m)),
               4326) ORDER BY p.from_m))
    FROM road_pieces p
    WHERE p.route_code = route AND least(range_to_m, p.to_m) > greatest(range_from_m, p.from_m)
$$;

-- Rivers, streams, canals and reservoirs (near-water segments are derived from them).
CREATE TABLE waterways (
    id bigserial PRIMARY KEY,
    name text,
    kind text NOT NULL
        CONSTRAINT waterways_kind_range CHECK (kind IN ('river', 'stream', 'canal', 'reservoir')),
    generated boolean NOT NULL DEFAULT false,
    note text,
    geom geometry(Geometry, 4326) NOT NULL
        CONSTRAINT waterways_geom_type CHECK (GeometryType(geom) IN
            ('LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON') AND ST_IsValid(geom)),
    geom_3857 geometry(Geometry, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);
CREATE INDEX waterways_geom_idx ON waterways USING gist (geom);
CREATE INDEX waterways_geom_3857_idx ON waterways USING gist (geom_3857);

-- Bridges. Condition class per JTG/T H21-2011 (Dr bands 95/80/60/40); a class 4/5 bridge is a
-- danger bridge (危桥) until treated after its rating (a later re-rating to 4/5 makes it one
-- again: "dynamic zero"). Codes: route code + L + sequence (JT/T 132; [U] on the width).
CREATE TABLE bridges (
    id bigserial PRIMARY KEY,
    code text NOT NULL UNIQUE
        CONSTRAINT bridges_code_format
        CHECK (code ~ '^([GS][0-9]{1,4}|[XYCZ][0-9]{3})([0-9]{6})?L[0-9]{4,5}$'),
    name text CHECK (length(name) BETWEEN 1 AND 200),
    route_code text NOT NULL REFERENCES road_routes (route_code) ON UPDATE CASCADE,
    centre_m double precision NOT NULL CONSTRAINT bridges_stake_range CHECK (centre_m >= 0),
    length_m double precision NOT NULL
        CONSTRAINT bridges_length_range CHECK (length_m > 0 AND length_m < 100000),
    max_span_m double precision
        CONSTRAINT bridges_span_range CHECK (max_span_m > 0 AND max_span_m <= length_m),
    structure_type text CONSTRAINT bridges_structure_type_range CHECK (structure_type IN
        ('slab', 'beam', 'arch', 'truss', 'rigid_frame', 'cable', 'other')),
    built_year smallint CONSTRAINT bridges_built_year_range CHECK (built_year BETWEEN 1800 AND 2100),
    condition_class smallint NOT NULL
        CONSTRAINT bridges_condition_class_range CHECK (condition_class BETWEEN 1 AND 5),
    rated_at date NOT NULL,
    dr_score double precision CONSTRAINT bridges_dr_range CHECK (dr_score BETWEEN 0 AND 100),
    interim_measure text NOT NULL DEFAULT 'none' CONSTRAINT bridges_interim_measure_range
        CHECK (interim_measure IN ('none', 'load_limit', 'speed_limit', 'closed', 'detour')),
    treatment text CONSTRAINT bridges_treatment_range
        CHECK (treatment IN ('repair', 'reconstruct', 'demolish', 'load_restrict')),
    treatment_deadline date,
    treated_at date,
    status text NOT NULL DEFAULT 'in_service' CONSTRAINT bridges_status_range CHECK (status IN
        ('in_service', 'restricted', 'closed', 'in_works', 'treated', 'demolished')),
    generated boolean NOT NULL DEFAULT false,
    note text,
    geom geometry(Point, 4326) NOT NULL, -- located from the stake when not given
    geom_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    danger boolean GENERATED ALWAYS AS
        (condition_class >= 4 AND (treated_at IS NULL OR treated_at < rated_at)) STORED,
    CONSTRAINT bridges_code_follows_route CHECK (starts_with(code, route_code || 'L')),
    -- class 5 may come from a single control item (5类单项控制指标) whatever Dr says
    CONSTRAINT bridges_dr_matches_class CHECK (dr_score IS NULL OR condition_class = 5 OR
        condition_class = CASE WHEN dr_score >= 95 THEN 1 WHEN dr_score >= 80 THEN 2
                               WHEN dr_score >= 60 THEN 3 WHEN dr_score >= 40 THEN 4 ELSE 5 END),
    CONSTRAINT bridges_deadline_after_rating
        CHECK (treatment_deadline IS NULL OR treatment_deadline >= rated_at),
    CONSTRAINT bridges_treated_has_date
        CHECK ((status IN ('treated', 'demolished')) = (treated_at IS NOT NULL))
);
CREATE INDEX bridges_geom_idx ON bridges USING gist (geom);
CREATE INDEX bridges_geom_3857_idx ON bridges USING gist (geom_3857);
CREATE INDEX bridges_route_idx ON bridges (route_code);

-- Inspection history; the bridge row holds the current rating.
CREATE TABLE bridge_inspections (
    id bigserial PRIMARY KEY,
    bridge_code text NOT NULL REFERENCES bridges (code) ON DELETE CASCADE ON UPDATE CASCADE,
    inspected_at date NOT NULL,
    kind text NOT NULL DEFAULT 'periodic' CONSTRAINT bridge_inspections_kind_range
        CHECK (kind IN ('routine', 'periodic', 'special')),
    condition_class smallint NOT NULL
        CONSTRAINT bridge_inspections_class_range CHECK (condition_class BETWEEN 1 AND 5),
    dr_score double precision
        CONSTRAINT bridge_inspections_dr_range CHECK (dr_score BETWEEN 0 AND 100),
    note text,
    UNIQUE (bridge_code, inspected_at, kind)
);

-- Risky segments (隐患路段). Type codes: rural-roads.md §3.1. `rule` says how a derived one was
-- derived; imported ones come from the survey register (排查). from_m = to_m is a point hazard.
CREATE TABLE road_risk_segments (
    id bigserial PRIMARY KEY,
    route_code text NOT NULL REFERENCES road_routes (route_code) ON UPDATE CASCADE,
    type text NOT NULL CONSTRAINT road_risk_segments_type_range CHECK (type IN
        ('LSLY', 'JWDP', 'LXCXP', 'PJLK', 'CCGZ', 'SJBL', 'SGDF', 'QLTX')),
    from_m double precision NOT NULL,
    to_m double precision NOT NULL,
    township_code text,
    source text NOT NULL CONSTRAINT road_risk_segments_source_range
        CHECK (source IN ('imported', 'derived')),
    rule text,
    description text,
    identified_at date NOT NULL,
    baseline_year smallint
        CONSTRAINT road_risk_segments_baseline_year_range CHECK (baseline_year BETWEEN 2000 AND 2100),
    generated boolean NOT NULL DEFAULT false,
    geom geometry(MultiLineString, 4326), -- from the route by linear referencing; NULL for a point
    geom_3857 geometry(MultiLineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    CONSTRAINT road_risk_segments_stake_order CHECK (from_m >= 0 AND from_m <= to_m),
    CONSTRAINT road_risk_segments_rule_iff_derived CHECK ((source = 'derived') = (rule IS NOT NULL))
);
CREATE INDEX road_risk_segments_geom_3857_idx ON road_risk_segments USING gist (geom_3857);
CREATE INDEX road_risk_segments_route_idx ON road_risk_segments (route_code, from_m);

-- Safety works (安全生命防护工程): a stake range on a route. Treated = completed or accepted.
CREATE TABLE safety_works (
    id bigserial PRIMARY KEY,
    code text NOT NULL UNIQUE CONSTRAINT safety_works_code_format CHECK (code ~ '^[0-9A-Za-z_-]{1,40}$'),
    route_code text NOT NULL REFERENCES road_routes (route_code) ON UPDATE CASCADE,
    kind text NOT NULL CONSTRAINT safety_works_kind_range CHECK (kind IN
        ('guardrail', 'signs', 'markings', 'speed_bumps', 'lighting', 'other')),
    from_m double precision NOT NULL,
    to_m double precision NOT NULL,
    status text NOT NULL CONSTRAINT safety_works_status_range
        CHECK (status IN ('planned', 'in_works', 'completed', 'accepted')),
    started_on date,
    completed_on date,
    accepted_on date,
    generated boolean NOT NULL DEFAULT false,
    note text,
    geom geometry(MultiLineString, 4326),
    geom_3857 geometry(MultiLineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    CONSTRAINT safety_works_stake_order CHECK (from_m >= 0 AND from_m < to_m),
    CONSTRAINT safety_works_started_when_under_way
        CHECK (status = 'planned' OR started_on IS NOT NULL),
    CONSTRAINT safety_works_completed_has_date
        CHECK ((status IN ('completed', 'accepted')) = (completed_on IS NOT NULL)),
    CONSTRAINT safety_works_accepted_has_date CHECK ((status = 'accepted') = (accepted_on IS NOT NULL)),
    CONSTRAINT safety_works_dates_in_order CHECK (completed_on >= started_on AND accepted_on >= completed_on)
);
CREATE INDEX safety_works_geom_3857_idx ON safety_works USING gist (geom_3857);
CREATE INDEX safety_works_route_idx ON safety_works (route_code, from_m);

-- Places bridges, segments and works on their route: refuses stakes outside every piece (a
-- cross-table rule a CHECK cannot state; raised as check_violation with a constraint name, also
-- leading the message, so callers see it like any other CHECK), and computes the geometry from the stakes.
CREATE FUNCTION road_place_on_route() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'bridges' THEN
        IF NOT road_stake_on_route(NEW.route_code, NEW.centre_m) THEN
            RAISE EXCEPTION 'bridges_stake_on_route: bridge % at stake % m is not on any piece of route %',
                NEW.code, NEW.centre_m, NEW.route_code
                USING ERRCODE = 'check_violation', CONSTRAINT = 'bridges_stake_on_route';
        END IF;
        IF NEW.geom IS NULL THEN
            NEW.geom := road_locate_point(NEW.route_code, NEW.centre_m);
        END IF;
        RETURN NEW;
    END IF;
    IF NOT (road_stake_on_route(NEW.route_code, NEW.from_m)
            AND road_stake_on_route(NEW.route_code, NEW.to_m)) THEN
        RAISE EXCEPTION '%_stakes_on_route: stakes % - % m are not both on a piece of route %',
            TG_TABLE_NAME, NEW.from_m, NEW.to_m, NEW.route_code
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_stakes_on_route';
    END IF;
    NEW.geom := road_locate_range(NEW.route_code, NEW.from_m, NEW.to_m);
    RETURN NEW;
END $$;

CREATE TRIGGER bridges_place BEFORE INSERT OR UPDATE OF route_code, centre_m, geom ON bridges
    FOR EACH ROW EXECUTE FUNCTION road_place_on_route();
CREATE TRIGGER road_risk_segments_place BEFORE INSERT OR UPDATE OF route_code, from_m, to_m
    ON road_risk_segments FOR EACH ROW EXECUTE FUNCTION road_place_on_route();
CREATE TRIGGER safety_works_place BEFORE INSERT OR UPDATE OF route_code, from_m, to_m
    ON safety_works FOR EACH ROW EXECUTE FUNCTION road_place_on_route();

SELECT track_data_version('road_routes');
SELECT track_data_version('road_pieces');
SELECT track_data_version('waterways');
SELECT track_data_version('bridges');
SELECT track_data_version('bridge_inspections');
SELECT track_data_version('road_risk_segments');
SELECT track_data_version('safety_works');

-- Layer views (conventions of 0002_layer_views.sql).
CREATE VIEW layer_road_routes AS
SELECT p.id AS fid, p.route_code, r.name, r.admin_level::text AS admin_level, r.township_code,
       p.piece::integer AS piece, road_format_stake(p.from_m) AS from_stake,
       road_format_stake(p.to_m) AS to_stake, round((p.to_m - p.from_m)::numeric)::integer AS length_m,
       r.generated, p.geom, p.geom_3857
FROM road_pieces p
JOIN road_routes r ON r.route_code = p.route_code;

CREATE VIEW layer_bridges AS
SELECT b.id AS fid, b.code, b.name, b.route_code, road_format_stake(b.centre_m) AS stake,
       b.length_m, b.condition_class::integer AS condition_class, b.dr_score,
       b.rated_at::text AS rated_at, b.danger,
       -- one state for colouring: overdue and danger first, then cleared 4/5s
       CASE WHEN b.danger AND b.treatment_deadline < current_date THEN 'overdue'
            WHEN b.danger THEN 'danger'
            WHEN b.condition_class >= 4 OR b.treated_at IS NOT NULL THEN 'treated'
            ELSE 'normal' END AS state,
       (b.danger AND b.interim_measure = 'none') AS missing_interim_measure,
       b.interim_measure, b.treatment, b.treatment_deadline::text AS treatment_deadline,
       b.treated_at::text AS treated_at, b.status, b.generated, b.geom, b.geom_3857
FROM bridges b;

CREATE VIEW layer_road_risk_segments AS
SELECT s.id AS fid, s.route_code, s.type, road_format_stake(s.from_m) AS from_stake,
       road_format_stake(s.to_m) AS to_stake, round((s.to_m - s.from_m)::numeric)::integer AS length_m,
       s.township_code, s.source, s.rule, s.identified_at::text AS identified_at,
       s.baseline_year::integer AS baseline_year, s.generated, s.geom, s.geom_3857
FROM road_risk_segments s
WHERE s.geom IS NOT NULL;

CREATE VIEW layer_safety_works AS
SELECT w.id AS fid, w.code, w.route_code, w.kind, w.status, road_format_stake(w.from_m) AS from_stake,
       road_format_stake(w.to_m) AS to_stake, round((w.to_m - w.from_m)::numeric)::integer AS length_m,
       (w.status IN ('completed', 'accepted')) AS treats,
       w.started_on::text AS started_on, w.completed_on::text AS completed_on,
       w.accepted_on::text AS accepted_on, w.generated, w.geom, w.geom_3857
FROM safety_works w
WHERE w.geom IS NOT NULL;

CREATE VIEW layer_waterways AS
SELECT w.id AS fid, w.name, w.kind, w.generated, w.geom, w.geom_3857
FROM waterways w;
