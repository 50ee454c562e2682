-- The grade of enterprise $1 as of the request's run (riskatlas.as_of_run), for /api/explain.
SELECT g.colour, g.score, g.model_version, g.inputs::text, g.valid_from
FROM enterprise_risk g
WHERE g.enterprise_id = $1
  AND g.valid_from <= risk_as_of() AND (g.valid_to IS NULL OR g.valid_to > risk_as_of())
