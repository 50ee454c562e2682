-- The staging table of an enterprises import: one row per valid source feature, typed, with its
-- feature number (_row) for the report. Dropped when the import's transaction ends.
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    credit_code text,
    name text,
    industry_code text,
    industry_name text,
    supervision_category text,
    township_code text,
    park_code text,
    address text,
    workers integer,
    major_hazard_level smallint,
    hazardous_processes text[],
    reaction_hazard_level smallint,
    standardisation_level smallint,
    monitoring_connected boolean,
    accidents_3y integer,
    geom geometry
) ON COMMIT DROP
