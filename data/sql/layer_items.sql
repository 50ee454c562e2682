-- One page of a layer's features as GeoJSON Feature texts in fid order (keyset paging).
-- $1..$4 bbox (lon/lat, NULL = none), $5 cursor (fid after which to start, NULL = first page),
-- $6 row limit, $7 property names to return (NULL = all), $8.. equality filters (NULL = none).
WITH page AS (
    SELECT src.fid, src.geom,
           json_build_object({{property_pairs}}) AS props
    FROM {{relation}} AS src
    WHERE ($1::float8 IS NULL
           OR ST_Intersects(src.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
      AND ($5::bigint IS NULL OR src.fid > $5)
      {{property_filters}}
    ORDER BY src.fid
    LIMIT $6
)
SELECT page.fid,
       json_build_object(
           'type', 'Feature',
           'id', page.fid,
           -- a feature without geometry is still a feature: "geometry": null (RFC 7946 §3.2)
           'geometry', ST_AsGeoJSON(page.geom, 7)::json,
           'properties', CASE WHEN $7::text[] IS NULL THEN page.props
                              ELSE (SELECT coalesce(json_object_agg(p.key, p.value), '{}'::json)
                                    FROM json_each(page.props) AS p
                                    WHERE p.key = ANY ($7::text[])) END
       )::text
FROM page
ORDER BY page.fid
