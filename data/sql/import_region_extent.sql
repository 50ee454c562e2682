-- The extent of the loaded region (the counties, else everything), in lon/lat, for the check that
-- imported features lie where the deployment works. NULLs when no region is loaded.
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
FROM (SELECT coalesce(
          (SELECT ST_Extent(geom) FROM regions WHERE kind = 'county'),
          (SELECT ST_Extent(geom) FROM regions)) AS e) x
