-- Core schema: regions, enterprises, hazards, the real railway line, and per-table data versions.
-- Geometries are EPSG:4326 (WGS84; CGCS2000 EPSG:4490 differs from it by centimetres, below the
-- accuracy of any source we hold), each with a stored EPSG:3857 copy for tile queries.

CREATE EXTENSION IF NOT EXISTS postgis;

-- One row per source table; statement-level triggers bump `version` on every write, so a layer's
-- version (the sum over the tables it reads) changes whenever its data can have changed.
-- Versions start at the creation time in milliseconds, so a rebuilt database never reuses a
-- version (and an ETag) that a client may still hold from the previous one.
CREATE TABLE data_versions (
    table_name text PRIMARY KEY,
    version bigint NOT NULL DEFAULT (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A statement that changed no rows (an idempotent re-import, an UPDATE matching nothing)
    -- leaves the version alone, so caches stay valid.
    IF TG_OP <> 'TRUNCATE' AND NOT EXISTS (SELECT 1 FROM changed_rows) THEN
        RETURN NULL;
    END IF;
    UPDATE data_versions SET version = version + 1, updated_at = now()
    WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
END $$;

-- Registers a table for versioning: one statement trigger per event, because a trigger with a
-- transition table may only handle one event.
CREATE FUNCTION track_data_version(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ev text;
    name text := (SELECT relname FROM pg_class WHERE oid = tbl);
BEGIN
    INSERT INTO data_versions (table_name) VALUES (name) ON CONFLICT DO NOTHING;
    FOREACH ev IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s REFERENCING %s TABLE AS changed_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
                       name || '_version_' || ev, ev, tbl,
                       CASE ev WHEN 'delete' THEN 'OLD' ELSE 'NEW' END);
    END LOOP;
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %s FOR EACH STATEMENT '
                   'EXECUTE FUNCTION bump_data_version()', name || '_version_truncate', tbl);
END $$;

-- Administrative areas and parks. Townships have no public polygons: the demo derives them
-- (approximate = true). Villages are points.
CREATE TABLE regions (
    id bigserial PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{6,20}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind text NOT NULL CHECK (kind IN ('county', 'township', 'village', 'park')),
    parent_code text REFERENCES regions (code),
    park_type text CHECK (park_type IN ('chemical', 'industrial')),
    approximate boolean NOT NULL DEFAULT false,
    generated boolean NOT NULL DEFAULT false,
    note text,
    geom geometry(Geometry, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    geom_3857 geometry(Geometry, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    CHECK ((kind = 'park') = (park_type IS NOT NULL)),
    CHECK ((kind = 'village') = (GeometryType(geom) = 'POINT'))
);
CREATE INDEX regions_geom_idx ON regions USING gist (geom);
CREATE INDEX regions_geom_3857_idx ON regions USING gist (geom_3857);
CREATE INDEX regions_kind_idx ON regions (kind);

-- Supervision categories follow the departments' split (DESIGN.md §3).
CREATE TABLE enterprises (
    id bigserial PRIMARY KEY,
    credit_code char(18) NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    industry_code text CHECK (industry_code ~ '^[A-T][0-9]{0,4}$'),
    industry_name text,
    supervision_category text NOT NULL CHECK (supervision_category IN
        ('hazardous_chemicals', 'coal_mine', 'non_coal_mine', 'industry_trade', 'fireworks',
         'construction', 'gas', 'transport', 'oil_depot')),
    township_code text REFERENCES regions (code),
    park_code text REFERENCES regions (code),
    address text,
    workers integer CHECK (workers BETWEEN 0 AND 1000000),
    major_hazard_level smallint CHECK (major_hazard_level BETWEEN 1 AND 4),
    hazardous_processes text[] NOT NULL DEFAULT '{}',
    reaction_hazard_level smallint CHECK (reaction_hazard_level BETWEEN 1 AND 5),
    standardisation_level smallint CHECK (standardisation_level BETWEEN 1 AND 3),
    monitoring_connected boolean NOT NULL DEFAULT false,
    accidents_3y integer NOT NULL DEFAULT 0 CHECK (accidents_3y >= 0),
    approximate boolean NOT NULL DEFAULT false,
    generated boolean NOT NULL DEFAULT false,
    geom geometry(Point, 4326),
    geom_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);
CREATE INDEX enterprises_geom_idx ON enterprises USING gist (geom);
CREATE INDEX enterprises_geom_3857_idx ON enterprises USING gist (geom_3857);

-- Hidden dangers (隐患). The workflow and its event log arrive with the ledger issue; the skeleton
-- holds the current state so the map can show where hazards are.
CREATE TABLE hazards (
    id bigserial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    channel text NOT NULL CHECK (channel IN ('self_report', 'inspection', 'public_tip')),
    level text NOT NULL CHECK (level IN ('major', 'general')),
    category text,
    enterprise_id bigint REFERENCES enterprises (id),
    township_code text REFERENCES regions (code),
    description text NOT NULL,
    found_on date NOT NULL,
    deadline date,
    status text NOT NULL CHECK (status IN
        ('reported', 'verified', 'rectifying', 'awaiting_acceptance', 'closed', 'rejected')),
    closed_on date,
    generated boolean NOT NULL DEFAULT false,
    geom geometry(Point, 4326),
    geom_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    CHECK (deadline IS NULL OR deadline >= found_on),
    CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX hazards_geom_idx ON hazards USING gist (geom);
CREATE INDEX hazards_geom_3857_idx ON hazards USING gist (geom_3857);
CREATE INDEX hazards_enterprise_idx ON hazards (enterprise_id);

-- Real linear reference features (railways now; rivers and roads later).
CREATE TABLE railways (
    id bigserial PRIMARY KEY,
    name text,
    source text NOT NULL,
    geom geometry(LineString, 4326) NOT NULL,
    geom_3857 geometry(LineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);
CREATE INDEX railways_geom_idx ON railways USING gist (geom);
CREATE INDEX railways_geom_3857_idx ON railways USING gist (geom_3857);

SELECT track_data_version('regions');
SELECT track_data_version('enterprises');
SELECT track_data_version('hazards');
SELECT track_data_version('railways');
