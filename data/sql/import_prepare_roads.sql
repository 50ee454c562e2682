-- Stakes for the pieces that came without them, from the route's other rows in the file: a
-- missing start stake is the end stake of the route's previous row (0 for its first), a missing
-- end stake the start plus the piece's geodesic length on the WGS84 ellipsoid, rounded to the
-- metre. A recursive walk in file order, because a filled end stake is the next row's start.
WITH RECURSIVE
-- the routes with some stake missing, their rows numbered in file order
ordered AS (
    SELECT s._row, s.route_code, s.from_stake, s.to_stake,
           round(ST_Length(ST_SetSRID(s.geom, 4326)::geography)) AS length_m,
           row_number() OVER (PARTITION BY s.route_code ORDER BY s._row) AS n
    FROM import_staging s
    WHERE s.route_code IN (SELECT route_code FROM import_staging
                           WHERE from_stake IS NULL OR to_stake IS NULL)
),
-- each row's stakes, given or derived from the row before it
walk AS (
    SELECT o._row, o.route_code, o.n, f.from_m, COALESCE(o.to_stake, f.from_m + o.length_m) AS to_m
    FROM ordered o
    CROSS JOIN LATERAL (SELECT COALESCE(o.from_stake, 0) AS from_m) f
    WHERE o.n = 1
    UNION ALL
    SELECT o._row, o.route_code, o.n, f.from_m, COALESCE(o.to_stake, f.from_m + o.length_m)
    FROM walk w
    JOIN ordered o ON o.route_code = w.route_code AND o.n = w.n + 1
    CROSS JOIN LATERAL (SELECT COALESCE(o.from_stake, w.to_m) AS from_m) f
)
UPDATE import_staging s SET from_stake = w.from_m, to_stake = w.to_m
FROM walk w
WHERE s._row = w._row AND (s.from_stake IS NULL OR s.to_stake IS NULL)
