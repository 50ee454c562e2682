-- Stored works coverage (road_coverage_routes) summed per group of $1 ('township', 'route' or
-- 'type') with display names, plus the overall row (key '*'). Township and route rows add up to
-- the overall; type rows may count a metre once per type.
SELECT x.key, x.name, x.identified_m, x.treated_m
FROM (
    SELECT c.township_code AS key, coalesce(t.name, '') AS name,
           sum(c.identified_m) AS identified_m, sum(c.treated_m) AS treated_m
    FROM road_coverage_routes c
    LEFT JOIN regions t ON t.code = c.township_code AND t.kind = 'township'
    WHERE $1 = 'township' AND c.township_code <> '*' AND c.type = '*'
    GROUP BY c.township_code, t.name
    UNION ALL
    SELECT c.route_code, coalesce(r.name, c.route_code), c.identified_m, c.treated_m
    FROM road_coverage_routes c
    LEFT JOIN road_routes r ON r.route_code = c.route_code
    WHERE $1 = 'route' AND c.township_code = '*' AND c.type = '*'
    UNION ALL
    SELECT c.type, c.type, sum(c.identified_m), sum(c.treated_m)
    FROM road_coverage_routes c
    WHERE $1 = 'type' AND c.type <> '*'
    GROUP BY c.type
    UNION ALL
    SELECT '*', '', coalesce(sum(c.identified_m), 0), coalesce(sum(c.treated_m), 0)
    FROM road_coverage_routes c
    WHERE c.township_code = '*' AND c.type = '*'
) x
ORDER BY x.key
