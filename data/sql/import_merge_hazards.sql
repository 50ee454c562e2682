-- Merges the staged hazards into the table by natural key in one statement. $1 lists the model
-- fields the file provided: an existing record keeps its value for every other field, and a
-- record whose provided values are all unchanged is not written (so a re-import creates no new
-- version). Generated columns and versions follow from the triggers. A record the file names is
-- real data from now on: the demo's `generated` flag goes.
WITH found AS (
    -- the township each staged position lies in, as one join (a prepared polygon per township)
    SELECT DISTINCT ON (s._row) s._row, r.code
    FROM import_staging s
    JOIN regions r ON r.kind = 'township' AND ST_Intersects(r.geom, ST_SetSRID(s.geom, 4326))
    ORDER BY s._row, r.code
),
merged AS (
    SELECT t.id,
           s._row,
           f.code AS township_found,
           s.code,
           CASE WHEN 'channel' = ANY($1) THEN s.channel ELSE t.channel END AS channel,
           CASE WHEN 'level' = ANY($1) THEN s.level ELSE t.level END AS level,
           CASE WHEN 'category' = ANY($1) THEN s.category ELSE t.category END AS category,
           CASE WHEN 'enterprise_credit_code' = ANY($1) THEN (SELECT e.id FROM enterprises e WHERE e.credit_code = s.enterprise_credit_code) ELSE t.enterprise_id END AS enterprise_id,
           CASE WHEN 'township_code' = ANY($1) THEN s.township_code ELSE t.township_code END AS township_code_given,
           CASE WHEN 'description' = ANY($1) THEN s.description ELSE t.description END AS description,
           CASE WHEN 'found_on' = ANY($1) THEN s.found_on ELSE t.found_on END AS found_on,
           CASE WHEN 'deadline' = ANY($1) THEN s.deadline ELSE t.deadline END AS deadline,
           CASE WHEN 'status' = ANY($1) THEN s.status ELSE t.status END AS status,
           CASE WHEN 'closed_on' = ANY($1) THEN s.closed_on ELSE t.closed_on END AS closed_on,
           CASE WHEN 'geom' = ANY($1) THEN ST_SetSRID(s.geom, 4326) ELSE t.geom END AS geom
    FROM import_staging s
    LEFT JOIN found f ON f._row = s._row
    LEFT JOIN hazards t ON t.code = s.code
),
-- A record without a township code gets the township its position lies in.
placed AS (
    SELECT m.id, m._row, m.code, m.channel, m.level, m.category, m.enterprise_id, m.description, m.found_on, m.deadline, m.status, m.closed_on, m.geom,
           COALESCE(m.township_code_given, m.township_found) AS township_code
    FROM merged m
),
updated AS (
    UPDATE hazards x SET
        channel = m.channel,
        level = m.level,
        category = m.category,
        enterprise_id = m.enterprise_id,
        township_code = m.township_code,
        description = m.description,
        found_on = m.found_on,
        deadline = m.deadline,
        status = m.status,
        closed_on = m.closed_on,
        geom = m.geom,
        generated = false
    FROM placed m
    WHERE x.id = m.id AND (x.channel, x.level, x.category, x.enterprise_id, x.township_code, x.description, x.found_on, x.deadline, x.status, x.closed_on, x.geom, x.generated) IS DISTINCT FROM (m.channel, m.level, m.category, m.enterprise_id, m.township_code, m.description, m.found_on, m.deadline, m.status, m.closed_on, m.geom, false)
    RETURNING 1
),
inserted AS (
    INSERT INTO hazards (code, channel, level, category, enterprise_id, township_code, description, found_on, deadline, status, closed_on, geom)
    SELECT m.code, m.channel, m.level, m.category, m.enterprise_id, m.township_code, m.description, m.found_on, m.deadline, m.status, m.closed_on, m.geom
    FROM placed m WHERE m.id IS NULL
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated;
