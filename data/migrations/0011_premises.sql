-- Premises (DESIGN.md §3): rental houses, idle courtyards and abandoned plants (出租屋、闲置院落、
-- 废弃厂房), watched because use appearing where none should be is a warning sign. Monthly
-- water/power/gas readings and the check tasks an anomaly raises come later; this is the register.
-- Township codes are not foreign keys, as in 0005_rural_roads.sql: the demo loader replaces
-- `regions` wholesale, and the register keeps its codes meanwhile (the importer checks them).

CREATE TABLE premises (
    id bigserial PRIMARY KEY,
    code text NOT NULL UNIQUE CONSTRAINT premises_code_format CHECK (code ~ '^[0-9A-Za-z_-]{1,40}$'),
    kind text NOT NULL CONSTRAINT premises_kind_range
        CHECK (kind IN ('rental_house', 'idle_courtyard', 'abandoned_plant')),
    name text CONSTRAINT premises_name_length CHECK (length(name) BETWEEN 1 AND 200),
    address text,
    township_code text,
    -- idle: nobody should be using it (the state readings are checked against); in_use: let or
    -- used (a rental house normally is); demolished: gone, no longer watched
    status text NOT NULL DEFAULT 'idle'
        CONSTRAINT premises_status_range CHECK (status IN ('idle', 'in_use', 'demolished')),
    owner_name text,    -- personal data: stored for the inspectors, not published in the layer
    contact_name text,
    contact_phone text,
    area_m2 double precision CONSTRAINT premises_area_range CHECK (area_m2 > 0 AND area_m2 <= 1e7),
    generated boolean NOT NULL DEFAULT false,
    note text,
    geom geometry(Point, 4326),
    geom_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);
CREATE INDEX premises_geom_idx ON premises USING gist (geom);
CREATE INDEX premises_geom_3857_idx ON premises USING gist (geom_3857);
CREATE INDEX premises_township_idx ON premises (township_code);

SELECT track_data_version('premises');

-- Layer view (conventions of 0002_layer_views.sql); owners and contacts stay out of it.
CREATE VIEW layer_premises AS
SELECT p.id AS fid, p.code, p.kind, p.name, p.status, p.address, p.township_code,
       t.name AS township_name, p.area_m2, p.generated, p.geom, p.geom_3857
FROM premises p
LEFT JOIN regions t ON t.code = p.township_code AND t.kind = 'township';
