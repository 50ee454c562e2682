-- One feature of a layer by fid ($1), as GeoJSON Feature text.
SELECT json_build_object(
           'type', 'Feature',
           'id', src.fid,
           'geometry', ST_AsGeoJSON(src.geom, 7)::json,
           'properties', json_build_object({{property_pairs}})
       )::text
FROM {{relation}} AS src
WHERE src.fid = $1
