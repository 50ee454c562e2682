-- Staged risky segments that cannot be merged: the same route, type and start stake twice in the
-- file, an unknown route, stakes off every piece of the route. (row, field, reason)
SELECT _row, 'from_stake' AS field,
       'route ' || route_code || ', type ' || type || ', stake ' || road_format_stake(from_stake) ||
       ' repeats row ' || first_row AS reason
FROM (SELECT _row, route_code, type, from_stake,
             min(_row) OVER (PARTITION BY route_code, type, from_stake) AS first_row
      FROM import_staging) d
WHERE _row <> first_row
UNION ALL
SELECT s._row, 'route_code', 'no route has the code ' || s.route_code || ' (import the roads first)'
FROM import_staging s
WHERE NOT EXISTS (SELECT 1 FROM road_routes r WHERE r.route_code = s.route_code)
UNION ALL
SELECT s._row, CASE WHEN road_stake_on_route(s.route_code, s.from_stake) THEN 'to_stake' ELSE 'from_stake' END,
       'stakes ' || road_format_stake(s.from_stake) || ' - ' || road_format_stake(s.to_stake) ||
       ' are not both on a piece of route ' || s.route_code
FROM import_staging s
WHERE EXISTS (SELECT 1 FROM road_routes r WHERE r.route_code = s.route_code)
  AND NOT (road_stake_on_route(s.route_code, s.from_stake) AND road_stake_on_route(s.route_code, s.to_stake))
UNION ALL
SELECT s._row, 'township_code', 'no township has the code ' || s.township_code
FROM import_staging s
WHERE s.township_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = s.township_code AND r.kind = 'township')
ORDER BY 1, 2
