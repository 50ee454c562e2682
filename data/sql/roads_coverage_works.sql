-- Every safety works record with its status; which statuses count as treatment is the caller's
-- rule (roads::counts_as_treated).
SELECT w.code, w.route_code, w.from_m, w.to_m, w.status
FROM safety_works w
ORDER BY w.id
