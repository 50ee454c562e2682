-- A bridge's inspection history ($1 = bridge code), oldest first; a routine and a periodic
-- inspection on the same day come in a fixed order.
SELECT i.inspected_at::text AS inspected_at, i.kind, i.condition_class::integer AS condition_class,
       i.dr_score, i.note
FROM bridge_inspections i
WHERE i.bridge_code = $1
ORDER BY i.inspected_at, i.kind, i.id
