-- Merges staged road pieces and their routes in one statement. Routes by route code, pieces by
-- route and start stake (see import_check_roads.sql). $1 lists the model fields the file
-- provided: a stored route or piece keeps every other field, and one whose values are all
-- unchanged is not written, so a re-import bumps no version and re-places nothing. A route's
-- level and area code come from its code; a route without a township gets the one most of its
-- length lies in. Changed pieces re-place what lies on their route (road_pieces_replace).
-- Counts are per piece: a piece counts as updated when it or its route was written. A route the
-- file names is real data from now on: the demo's `generated` flag goes.
WITH staged AS (
    SELECT s._row, s.route_code, s.name, s.township_code, s.piece, s.from_stake, s.to_stake, s.note,
           ST_LineMerge(ST_SetSRID(s.geom, 4326), true) AS geom
    FROM import_staging s
),
-- one row per route: each field from the first row that has it (the check made rows agree)
route_rows AS (
    SELECT route_code,
           (array_agg(name ORDER BY _row) FILTER (WHERE name IS NOT NULL))[1] AS name,
           (array_agg(township_code ORDER BY _row) FILTER (WHERE township_code IS NOT NULL))[1] AS township_code,
           (array_agg(note ORDER BY _row) FILTER (WHERE note IS NOT NULL))[1] AS note
    FROM staged
    GROUP BY route_code
),
-- the township holding the longest part of each route's staged pieces
found AS (
    SELECT DISTINCT ON (s.route_code) s.route_code, r.code
    FROM staged s
    JOIN regions r ON r.kind = 'township' AND ST_Intersects(r.geom, s.geom)
    GROUP BY s.route_code, r.code
    ORDER BY s.route_code, sum(ST_Length(ST_Intersection(r.geom, s.geom)::geography)) DESC, r.code
),
routes AS (
    SELECT t.id, rr.route_code,
           CASE WHEN 'name' = ANY($1) THEN rr.name ELSE t.name END AS name,
           COALESCE(CASE WHEN 'township_code' = ANY($1) THEN rr.township_code ELSE t.township_code END,
                    f.code) AS township_code,
           CASE WHEN 'note' = ANY($1) THEN rr.note ELSE t.note END AS note
    FROM route_rows rr
    LEFT JOIN found f ON f.route_code = rr.route_code
    LEFT JOIN road_routes t ON t.route_code = rr.route_code
),
updated_routes AS (
    UPDATE road_routes x SET name = m.name, township_code = m.township_code, note = m.note,
                             generated = false
    FROM routes m
    WHERE x.id = m.id AND (x.name, x.township_code, x.note, x.generated)
          IS DISTINCT FROM (m.name, m.township_code, m.note, false)
    RETURNING x.route_code
),
inserted_routes AS (
    -- G/S numbers have 1-4 digits, X/Y/C/Z 3: seven or more digits end with the area code
    INSERT INTO road_routes (route_code, name, admin_level, area_code, township_code, note)
    SELECT m.route_code, m.name, left(m.route_code, 1),
           CASE WHEN length(m.route_code) >= 8 THEN right(m.route_code, 6) END,
           m.township_code, m.note
    FROM routes m WHERE m.id IS NULL
    RETURNING route_code
),
pieces AS (
    SELECT t.id, s._row, s.route_code, s.from_stake AS from_m, s.to_stake AS to_m, s.geom,
           COALESCE(CASE WHEN 'piece' = ANY($1) THEN s.piece END, t.piece) AS piece
    FROM staged s
    LEFT JOIN road_pieces t ON t.route_code = s.route_code AND t.from_m = s.from_stake
),
-- new pieces without a number continue the route's numbering, in stake order
numbered AS (
    SELECT p.id, p._row, p.route_code, p.from_m, p.to_m, p.geom,
           COALESCE(p.piece,
                    (greatest(COALESCE((SELECT max(t.piece) FROM road_pieces t WHERE t.route_code = p.route_code), 0),
                              COALESCE((SELECT max(q.piece) FROM pieces q WHERE q.route_code = p.route_code), 0))
                     + row_number() OVER (PARTITION BY p.route_code, p.piece IS NULL ORDER BY p.from_m))::smallint
           ) AS piece
    FROM pieces p
),
updated_pieces AS (
    UPDATE road_pieces x SET to_m = m.to_m, geom = m.geom, piece = m.piece
    FROM numbered m
    WHERE x.id = m.id AND (x.to_m, x.geom, x.piece) IS DISTINCT FROM (m.to_m, m.geom, m.piece)
    RETURNING x.id
),
inserted_pieces AS (
    INSERT INTO road_pieces (route_code, piece, from_m, to_m, geom)
    SELECT m.route_code, m.piece, m.from_m, m.to_m, m.geom
    FROM numbered m WHERE m.id IS NULL
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted_pieces) AS inserted,
       (SELECT count(*) FROM numbered m
        WHERE m.id IS NOT NULL
          AND (m.id IN (SELECT id FROM updated_pieces)
               OR m.route_code IN (SELECT route_code FROM updated_routes))) AS updated;
