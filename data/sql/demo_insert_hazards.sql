-- Inserts hazards from one JSON array ($1), in array order. The enterprise is given by its
-- credit code (the natural key) and resolved to the surrogate id here.
INSERT INTO hazards (code, channel, level, category, enterprise_id, township_code, description,
                     found_on, deadline, status, closed_on, generated, geom)
SELECT r.code, r.channel, r.level, r.category, e.id, r.township_code, r.description,
       r.found_on, r.deadline, r.status, r.closed_on, r.generated,
       ST_GeomFromWKB(decode(r.geom_wkb, 'hex'), 4326)
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    code text, channel text, level text, category text, enterprise_credit_code text,
    township_code text, description text, found_on date, deadline date, status text,
    closed_on date, generated boolean, geom_wkb text)
LEFT JOIN enterprises e ON e.credit_code = r.enterprise_credit_code
ORDER BY item.n
