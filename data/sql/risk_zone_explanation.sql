-- The stored explanation of zone layer feature $1 (zone id * 16 + category ordinal) as of the
-- request's run.
SELECT g.explanation::text, g.valid_from
FROM zone_risk g JOIN risk_categories c ON c.category = g.category
WHERE g.zone_id = $1 / 16 AND c.ordinal = $1 % 16
  AND g.valid_from <= risk_as_of() AND (g.valid_to IS NULL OR g.valid_to > risk_as_of())
