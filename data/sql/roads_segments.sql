-- Every risky segment in a stable order (route, stakes, type), for callers planning works and
-- for tests comparing two derivations.
SELECT s.id, s.route_code, s.type, s.from_m, s.to_m, s.township_code, s.source, s.rule,
       s.description, s.identified_at::text AS identified_at, s.baseline_year::integer AS baseline_year,
       s.generated
FROM road_risk_segments s
ORDER BY s.route_code, s.from_m, s.to_m, s.type, s.source, s.rule, s.id
