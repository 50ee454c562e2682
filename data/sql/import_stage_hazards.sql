-- The staging table of a hazards import (see import_stage_enterprises.sql).
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    code text,
    channel text,
    level text,
    category text,
    enterprise_credit_code text,
    township_code text,
    description text,
    found_on date,
    deadline date,
    status text,
    closed_on date,
    geom geometry
) ON COMMIT DROP
