-- Inserts regions from one JSON array ($1), in array order (so ids follow it). Geometry comes as
-- hex WKB: exact doubles, so what C++ validated with GEOS is exactly what PostGIS checks.
-- parent_code may point at a region later in the array: the foreign key is checked at the end
-- of the statement.
INSERT INTO regions (code, name, kind, parent_code, park_type, approximate, generated, note, geom)
SELECT r.code, r.name, r.kind, r.parent_code, r.park_type, r.approximate, r.generated, r.note,
       ST_GeomFromWKB(decode(r.geom_wkb, 'hex'), 4326)
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    code text, name text, kind text, parent_code text, park_type text, approximate boolean,
    generated boolean, note text, geom_wkb text)
ORDER BY item.n
