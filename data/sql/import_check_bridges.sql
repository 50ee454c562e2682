-- Staged bridges that cannot be merged: a code repeated in the file, an unknown route, a centre
-- stake off every piece of the route. (row, field, reason)
SELECT _row, 'code' AS field, 'bridge code ' || code || ' repeats row ' || first_row AS reason
FROM (SELECT _row, code, min(_row) OVER (PARTITION BY code) AS first_row FROM import_staging) d
WHERE _row <> first_row
UNION ALL
SELECT s._row, 'route_code', 'no route has the code ' || s.route_code || ' (import the roads first)'
FROM import_staging s
WHERE NOT EXISTS (SELECT 1 FROM road_routes r WHERE r.route_code = s.route_code)
UNION ALL
SELECT s._row, 'centre_stake',
       'stake ' || road_format_stake(s.centre_stake) || ' is not on any piece of route ' || s.route_code
FROM import_staging s
WHERE EXISTS (SELECT 1 FROM road_routes r WHERE r.route_code = s.route_code)
  AND NOT road_stake_on_route(s.route_code, s.centre_stake)
ORDER BY 1, 2
