-- Inserts safety works from one JSON array ($1); geometry from the route (safety_works_place).
INSERT INTO safety_works (code, route_code, kind, from_m, to_m, status, started_on, completed_on,
                          accepted_on, generated, note)
SELECT r.code, r.route_code, r.kind, r.from_m, r.to_m, r.status, r.started_on, r.completed_on,
       r.accepted_on, r.generated, r.note
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    code text, route_code text, kind text, from_m double precision, to_m double precision,
    status text, started_on date, completed_on date, accepted_on date, generated boolean,
    note text)
ORDER BY item.n
