-- The stored explanation of density cell $1 as of the request's run.
SELECT g.explanation::text, g.valid_from
FROM hazard_density g
WHERE g.zone_id = $1
  AND g.valid_from <= risk_as_of() AND (g.valid_to IS NULL OR g.valid_to > risk_as_of())
