-- The assessment of park $1 (regions id) as of the request's run, for /api/explain.
SELECT g.grade, g.score, g.model_version, g.inputs::text, g.valid_from
FROM park_risk g
WHERE g.park_id = $1
  AND g.valid_from <= risk_as_of() AND (g.valid_to IS NULL OR g.valid_to > risk_as_of())
