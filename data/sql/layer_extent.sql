-- The lon/lat extent of a layer's geometries (NULLs when it has none).
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
FROM (SELECT ST_Extent(src.geom)::geometry AS e FROM {{relation}} AS src) AS extent
