-- Inserts waterways from one JSON array ($1); geometry as hex WKB.
INSERT INTO waterways (name, kind, generated, note, geom)
SELECT r.name, r.kind, r.generated, r.note, ST_GeomFromWKB(decode(r.geom_wkb, 'hex'), 4326)
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    name text, kind text, generated boolean, note text, geom_wkb text)
ORDER BY item.n
