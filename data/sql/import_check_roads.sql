-- Staged road pieces that cannot be merged. A piece's natural key is its route and start stake:
-- pieces of a route may not overlap (road_pieces_no_overlap), so no two share a start stake.
-- Refused: a line in parts that do not join, an end stake not after the start, stake ranges
-- overlapping another row of the file or a stored piece the file leaves as it is, a piece number
-- taken, a route named or placed differently by two rows, an unknown township, and a change that
-- would leave a stored risky segment, safety works or bridge off every piece of its route (the
-- road_pieces_replace trigger would refuse it and abort the import). (row, field, reason)
WITH staged AS (
    SELECT s._row, s.route_code, s.name, s.township_code, s.piece, s.from_stake, s.to_stake, s.geom,
           CASE WHEN s.from_stake < s.to_stake
                THEN numrange(s.from_stake::numeric, s.to_stake::numeric, '[)') END AS stakes
    FROM import_staging s
),
-- stored pieces of the file's routes that the file does not name: they stay as they are
kept AS (
    SELECT p.route_code, p.piece, p.from_m, p.to_m,
           numrange(p.from_m::numeric, p.to_m::numeric, '[)') AS stakes
    FROM road_pieces p
    WHERE p.route_code IN (SELECT route_code FROM import_staging)
      AND NOT EXISTS (SELECT 1 FROM import_staging s
                      WHERE s.route_code = p.route_code AND s.from_stake = p.from_m)
),
-- the first value each route is given, to compare the other rows with
firsts AS (
    SELECT DISTINCT route_code,
           first_value(name) OVER (PARTITION BY route_code ORDER BY (name IS NULL), _row) AS name,
           first_value(_row) OVER (PARTITION BY route_code ORDER BY (name IS NULL), _row) AS name_row,
           first_value(township_code) OVER (PARTITION BY route_code ORDER BY (township_code IS NULL), _row) AS township_code,
           first_value(_row) OVER (PARTITION BY route_code ORDER BY (township_code IS NULL), _row) AS township_row
    FROM staged
),
-- what lies on the file's routes now: each must still lie on a piece after the merge
placed AS (
    SELECT g.route_code, 'risky segment ' || g.type AS what, g.from_m, g.to_m
    FROM road_risk_segments g WHERE g.route_code IN (SELECT route_code FROM import_staging)
    UNION ALL
    SELECT w.route_code, 'safety works ' || w.code, w.from_m, w.to_m
    FROM safety_works w WHERE w.route_code IN (SELECT route_code FROM import_staging)
    UNION ALL
    SELECT b.route_code, 'bridge ' || b.code, b.centre_m, b.centre_m
    FROM bridges b WHERE b.route_code IN (SELECT route_code FROM import_staging)
),
stranded AS (
    SELECT DISTINCT ON (o.what, o.from_m) s._row,
           o.what || ' at ' || road_format_stake(o.from_m) ||
           CASE WHEN o.to_m > o.from_m THEN ' - ' || road_format_stake(o.to_m) ELSE '' END ||
           ' would no longer lie on a piece of route ' || o.route_code AS reason
    FROM placed o
    -- blamed on the file's row that changes the stored piece it lies on
    JOIN road_pieces p ON p.route_code = o.route_code
                      AND (o.from_m BETWEEN p.from_m AND p.to_m OR o.to_m BETWEEN p.from_m AND p.to_m)
    JOIN staged s ON s.route_code = p.route_code AND s.from_stake = p.from_m
    WHERE NOT (
        (EXISTS (SELECT 1 FROM staged f WHERE f.route_code = o.route_code
                 AND o.from_m BETWEEN f.from_stake AND f.to_stake)
         OR EXISTS (SELECT 1 FROM kept k WHERE k.route_code = o.route_code
                    AND o.from_m BETWEEN k.from_m AND k.to_m))
        AND (EXISTS (SELECT 1 FROM staged f WHERE f.route_code = o.route_code
                     AND o.to_m BETWEEN f.from_stake AND f.to_stake)
             OR EXISTS (SELECT 1 FROM kept k WHERE k.route_code = o.route_code
                        AND o.to_m BETWEEN k.from_m AND k.to_m)))
    ORDER BY o.what, o.from_m, s._row
)
SELECT _row, 'geometry' AS field,
       'a piece must be one continuous line; this one has ' || ST_NumGeometries(geom) ||
       ' parts that do not join' AS reason
FROM staged
WHERE GeometryType(ST_LineMerge(ST_SetSRID(geom, 4326), true)) <> 'LINESTRING'
UNION ALL
SELECT _row, 'to_stake',
       'the end stake ' || road_format_stake(to_stake) || ' is not after the start stake ' ||
       road_format_stake(from_stake)
FROM staged
WHERE stakes IS NULL
UNION ALL
SELECT b._row, 'from_stake',
       'stakes ' || road_format_stake(b.from_stake) || ' - ' || road_format_stake(b.to_stake) ||
       ' overlap row ' || a._row || ' (' || road_format_stake(a.from_stake) || ' - ' ||
       road_format_stake(a.to_stake) || ') of route ' || b.route_code
FROM staged a
JOIN staged b ON b.route_code = a.route_code AND b._row > a._row AND b.stakes && a.stakes
UNION ALL
SELECT s._row, 'from_stake',
       'stakes ' || road_format_stake(s.from_stake) || ' - ' || road_format_stake(s.to_stake) ||
       ' overlap stored piece ' || k.piece || ' (' || road_format_stake(k.from_m) || ' - ' ||
       road_format_stake(k.to_m) || ') of route ' || s.route_code
FROM staged s
JOIN kept k ON k.route_code = s.route_code AND k.stakes && s.stakes
UNION ALL
SELECT _row, 'piece', 'piece ' || piece || ' of route ' || route_code || ' repeats row ' || first_row
FROM (SELECT _row, route_code, piece,
             min(_row) OVER (PARTITION BY route_code, piece) AS first_row
      FROM staged WHERE piece IS NOT NULL) d
WHERE _row <> first_row
UNION ALL
SELECT s._row, 'piece',
       'route ' || s.route_code || ' already has piece ' || s.piece || ' (' ||
       road_format_stake(k.from_m) || ' - ' || road_format_stake(k.to_m) || ')'
FROM staged s
JOIN kept k ON k.route_code = s.route_code AND k.piece = s.piece
UNION ALL
SELECT s._row, 'name', 'route ' || s.route_code || ' is named ' || f.name || ' in row ' || f.name_row
FROM staged s JOIN firsts f ON f.route_code = s.route_code
WHERE s.name <> f.name
UNION ALL
SELECT s._row, 'township_code',
       'route ' || s.route_code || ' has township ' || f.township_code || ' in row ' || f.township_row
FROM staged s JOIN firsts f ON f.route_code = s.route_code
WHERE s.township_code <> f.township_code
UNION ALL
SELECT s._row, 'township_code', 'no township has the code ' || s.township_code
FROM staged s
WHERE s.township_code IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.code = s.township_code AND r.kind = 'township')
UNION ALL
SELECT _row, 'to_stake', reason FROM stranded
ORDER BY 1, 2
