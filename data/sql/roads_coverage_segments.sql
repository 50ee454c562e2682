-- Every risky segment with the names a coverage table shows (route and township), for
-- roads::compute_coverage. Ordered by id, the order of the gaps layer's features.
SELECT s.id, s.route_code, coalesce(r.name, s.route_code) AS route_name,
       coalesce(s.township_code, '') AS township_code, coalesce(t.name, '') AS township_name,
       s.type, s.from_m, s.to_m
FROM road_risk_segments s
LEFT JOIN road_routes r ON r.route_code = s.route_code
LEFT JOIN regions t ON t.code = s.township_code AND t.kind = 'township'
ORDER BY s.id
