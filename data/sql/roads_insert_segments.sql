-- Inserts risky segments from one JSON array ($1); their geometry comes from the route
-- (road_risk_segments_place trigger), which also refuses stakes off the route.
INSERT INTO road_risk_segments (route_code, type, from_m, to_m, township_code, source, rule,
                                description, identified_at, baseline_year, generated)
SELECT r.route_code, r.type, r.from_m, r.to_m, r.township_code, r.source, r.rule, r.description,
       r.identified_at, r.baseline_year, r.generated
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    route_code text, type text, from_m double precision, to_m double precision,
    township_code text, source text, rule text, description text, identified_at date,
    baseline_year smallint, generated boolean)
ORDER BY item.n
