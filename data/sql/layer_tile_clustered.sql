-- One point layer's Mapbox Vector Tile at a zoom where its points are aggregated (z=$1 x=$2 y=$3):
-- one point per occupied square of {{cell_units}} tile units (of 4096), at the mean position of
-- the points inside, with their number as point_count (the name MapLibre's own clustering uses),
-- so a province's enterprises make a few thousand features per tile, not a million.
-- {{...}} names are filled once per layer from the layer registry (identifiers and validated
-- numbers, never request values).
WITH
bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS tile
),
cells AS (
    SELECT min(src.fid) AS fid,
           count(*)::integer AS point_count,
           ST_Centroid(ST_Collect(src.geom_3857)) AS geom_3857
    FROM {{relation}} AS src, bounds
    WHERE src.geom_3857 && bounds.tile
    GROUP BY floor((ST_X(src.geom_3857) - ST_XMin(bounds.tile)) * 4096
                   / (ST_XMax(bounds.tile) - ST_XMin(bounds.tile)) / {{cell_units}}),
             floor((ST_YMax(bounds.tile) - ST_Y(src.geom_3857)) * 4096
                   / (ST_YMax(bounds.tile) - ST_YMin(bounds.tile)) / {{cell_units}})
),
features AS (
    SELECT ST_AsMVTGeom(cells.geom_3857, bounds.tile, 4096, 0, true) AS mvt_geom,
           cells.fid, cells.point_count
    FROM cells, bounds
)
-- in fid order, so the same data always gives the same bytes (see layer_tile.sql)
SELECT ST_AsMVT(features.*, {{layer_literal}}, 4096, 'mvt_geom', 'fid' ORDER BY features.fid)
FROM features
WHERE features.mvt_geom IS NOT NULL
