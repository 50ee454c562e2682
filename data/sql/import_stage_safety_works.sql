-- The staging table of a safety-works import (see import_stage_enterprises.sql); stakes are metres.
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    code text,
    route_code text,
    kind text,
    from_stake double precision,
    to_stake double precision,
    status text,
    started_on date,
    completed_on date,
    accepted_on date,
    note text,
    geom geometry
) ON COMMIT DROP
