-- Inserts bridges from one JSON array ($1). A NULL geom_wkb is located from the stake by the
-- bridges_place trigger, which also refuses a stake outside every piece of the route.
INSERT INTO bridges (code, name, route_code, centre_m, length_m, max_span_m, structure_type,
                     built_year, condition_class, rated_at, dr_score, interim_measure, treatment,
                     treatment_deadline, treated_at, status, generated, note, geom)
SELECT r.code, r.name, r.route_code, r.centre_m, r.length_m, r.max_span_m, r.structure_type,
       r.built_year, r.condition_class, r.rated_at, r.dr_score, r.interim_measure, r.treatment,
       r.treatment_deadline, r.treated_at, r.status, r.generated, r.note,
       ST_GeomFromWKB(decode(r.geom_wkb, 'hex'), 4326)
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    code text, name text, route_code text, centre_m double precision, length_m double precision,
    max_span_m double precision, structure_type text, built_year smallint,
    condition_class smallint, rated_at date, dr_score double precision, interim_measure text,
    treatment text, treatment_deadline date, treated_at date, status text, generated boolean,
    note text, geom_wkb text)
ORDER BY item.n
