-- The staging table of a regions import (see import_stage_enterprises.sql).
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    code text,
    name text,
    kind text,
    parent_code text,
    note text,
    geom geometry
) ON COMMIT DROP;

-- Rows name other rows as their parent: the checks look codes up both ways (import_check_regions,
-- import_orphans_regions), which without these is a scan of the file per row.
CREATE INDEX ON import_staging (code);
CREATE INDEX ON import_staging (parent_code);

-- Rows refused before staging, by code: rows of the file naming one as their parent are refused
-- with it (import_orphans_regions.sql).
CREATE TEMP TABLE import_refused (
    _row bigint NOT NULL,
    code text NOT NULL
) ON COMMIT DROP
