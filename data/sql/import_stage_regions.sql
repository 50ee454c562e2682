-- The staging table of a regions import (see import_stage_enterprises.sql).
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    code text,
    name text,
    kind text,
    parent_code text,
    note text,
    geom geometry
) ON COMMIT DROP
