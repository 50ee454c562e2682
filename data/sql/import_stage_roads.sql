-- The staging table of a roads import (see import_stage_enterprises.sql): one row per piece of a
-- route, with the route's fields repeated; stakes are metres, NULL until
-- import_prepare_roads.sql fills the missing ones.
CREATE TEMP TABLE import_staging (
    _row bigint NOT NULL,
    route_code text,
    name text,
    admin_level text,
    township_code text,
    piece smallint,
    from_stake double precision,
    to_stake double precision,
    note text,
    geom geometry
) ON COMMIT DROP
