-- Merges the staged parks into the table by natural key in one statement. $1 lists the model
-- fields the file provided: an existing record keeps its value for every other field, and a
-- record whose provided values are all unchanged is not written (so a re-import creates no new
-- version). Generated columns and versions follow from the triggers. A record the file names is
-- real data from now on: the demo's `generated` flag goes, and `approximate` once the file gives
-- the geometry.
WITH merged AS (
    SELECT t.id,
           s._row,
           s.code,
           CASE WHEN 'name' = ANY($1) THEN s.name ELSE t.name END AS name,
           CASE WHEN 'park_type' = ANY($1) THEN s.park_type ELSE t.park_type END AS park_type,
           CASE WHEN 'parent_code' = ANY($1) THEN s.parent_code ELSE t.parent_code END AS parent_code,
           CASE WHEN 'note' = ANY($1) THEN s.note ELSE t.note END AS note,
           CASE WHEN 'geom' = ANY($1) THEN ST_SetSRID(s.geom, 4326) ELSE t.geom END AS geom,
           t.approximate AND NOT 'geom' = ANY($1) AS approximate
    FROM import_staging s
    LEFT JOIN regions t ON t.code = s.code AND t.kind = 'park'
),
updated AS (
    UPDATE regions x SET
        name = m.name,
        park_type = m.park_type,
        parent_code = m.parent_code,
        note = m.note,
        geom = m.geom,
        approximate = m.approximate,
        generated = false
    FROM merged m
    WHERE x.id = m.id AND (x.name, x.park_type, x.parent_code, x.note, x.geom, x.approximate, x.generated)
          IS DISTINCT FROM (m.name, m.park_type, m.parent_code, m.note, m.geom, m.approximate, false)
    RETURNING 1
),
inserted AS (
    INSERT INTO regions (code, name, park_type, parent_code, note, geom, kind)
    SELECT m.code, m.name, m.park_type, m.parent_code, m.note, m.geom, 'park'
    FROM merged m WHERE m.id IS NULL
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated;
