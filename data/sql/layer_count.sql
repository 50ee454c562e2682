-- numberMatched: how many features satisfy the same filters as layer_items.sql (no cursor).
-- $1..$4 bbox (NULL = none), $5.. equality filters.
SELECT count(*)
FROM {{relation}} AS src
WHERE ($1::float8 IS NULL OR ST_Intersects(src.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
  {{property_filters}}
