-- The staging table of a road-risk-segments import (see import_stage_enterprises.sql); stakes
-- are metres.
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    route_code text,
    type text,
    from_stake double precision,
    to_stake double precision,
    township_code text,
    description text,
    identified_at date,
    baseline_year smallint,
    geom geometry
) ON COMMIT DROP
