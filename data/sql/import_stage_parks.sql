-- The staging table of a parks import (see import_stage_enterprises.sql).
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    code text,
    name text,
    park_type text,
    parent_code text,
    note text,
    geom geometry
) ON COMMIT DROP
