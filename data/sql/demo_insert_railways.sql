-- Inserts railway lines from one JSON array ($1), in array order.
INSERT INTO railways (name, source, geom)
SELECT r.name, r.source, ST_GeomFromWKB(decode(r.geom_wkb, 'hex'), 4326)
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(name text, source text, geom_wkb text)
ORDER BY item.n
