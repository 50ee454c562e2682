-- The staging table of a bridges import (see import_stage_enterprises.sql); stakes are metres.
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    code text,
    name text,
    route_code text,
    centre_stake double precision,
    length_m double precision,
    max_span_m double precision,
    structure_type text,
    built_year smallint,
    condition_class smallint,
    rated_at date,
    dr_score double precision,
    interim_measure text,
    treatment text,
    treatment_deadline date,
    treated_at date,
    status text,
    note text,
    geom geometry,
    _older_rating boolean NOT NULL DEFAULT false -- see import_prepare_bridges.sql
) ON COMMIT DROP
