-- Inserts route pieces from one JSON array ($1); geometry as hex WKB (exact doubles).
INSERT INTO road_pieces (route_code, piece, from_m, to_m, geom)
SELECT r.route_code, r.piece, r.from_m, r.to_m, ST_GeomFromWKB(decode(r.geom_wkb, 'hex'), 4326)
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    route_code text, piece smallint, from_m double precision, to_m double precision, geom_wkb text)
ORDER BY item.n
