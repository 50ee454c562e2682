-- One layer's Mapbox Vector Tile for tile z=$1 x=$2 y=$3.
-- {{...}} names are filled once per layer from the layer registry (identifiers, never values).
WITH
-- the tile square, and the square grown by the 64/4096 buffer ST_AsMVTGeom keeps, so lines and
-- symbols crossing a tile edge are drawn seamlessly by the neighbours (MVT 2.1 §4.3)
bounds AS (
    SELECT ST_TileEnvelope($1, $2, $3) AS tile,
           ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096) AS tile_with_margin
),
-- features whose bounding box touches the buffered tile (GiST on geom_3857), simplified when
-- the zoom band says so ({{tile_geometry}}), clipped and quantised to the 4096 grid; features
-- that collapse to nothing are dropped below
features AS (
    SELECT ST_AsMVTGeom({{tile_geometry}}, bounds.tile, 4096, 64, true) AS mvt_geom,
           src.fid{{property_columns}}
    FROM {{relation}} AS src, bounds
    WHERE src.geom_3857 && bounds.tile_with_margin
)
-- features in fid order: without it the order follows the plan (a prepared statement's generic
-- plan after five runs scans differently), so the same data could give different bytes per
-- connection, and seeded archives, caches and instances would disagree on a tile's bytes
SELECT ST_AsMVT(features.*, {{layer_literal}}, 4096, 'mvt_geom', 'fid' ORDER BY features.fid)
FROM features
WHERE features.mvt_geom IS NOT NULL
