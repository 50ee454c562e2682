-- Inserts routes from one JSON array ($1), in array order.
INSERT INTO road_routes (route_code, name, admin_level, area_code, township_code, generated, note)
SELECT r.route_code, r.name, r.admin_level, r.area_code, r.township_code, r.generated, r.note
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    route_code text, name text, admin_level text, area_code text, township_code text,
    generated boolean, note text)
ORDER BY item.n
