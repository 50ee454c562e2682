-- The staging table of a premises import (see import_stage_enterprises.sql).
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    code text,
    kind text,
    name text,
    address text,
    township_code text,
    status text,
    owner_name text,
    contact_name text,
    contact_phone text,
    area_m2 double precision,
    note text,
    geom geometry
) ON COMMIT DROP
