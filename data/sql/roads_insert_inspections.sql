-- Inserts bridge inspections from one JSON array ($1).
INSERT INTO bridge_inspections (bridge_code, inspected_at, kind, condition_class, dr_score, note)
SELECT r.bridge_code, r.inspected_at, r.kind, r.condition_class, r.dr_score, r.note
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    bridge_code text, inspected_at date, kind text, condition_class smallint,
    dr_score double precision, note text)
ORDER BY item.n
