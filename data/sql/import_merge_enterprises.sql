-- Merges the staged enterprises into the table by natural key in one statement. $1 lists the model
-- fields the file provided: an existing record keeps its value for every other field, and a
-- record whose provided values are all unchanged is not written (so a re-import creates no new
-- version). Generated columns and versions follow from the triggers. A record the file names is
-- real data from now on: the demo's `generated` flag goes, and `approximate` (a position placed
-- by the demo) goes once the file gives the position.
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
           s.credit_code,
           CASE WHEN 'name' = ANY($1) THEN s.name ELSE t.name END AS name,
           CASE WHEN 'industry_code' = ANY($1) THEN s.industry_code ELSE t.industry_code END AS industry_code,
           CASE WHEN 'industry_name' = ANY($1) THEN s.industry_name ELSE t.industry_name END AS industry_name,
           CASE WHEN 'supervision_category' = ANY($1) THEN s.supervision_category ELSE t.supervision_category END AS supervision_category,
           CASE WHEN 'township_code' = ANY($1) THEN s.township_code ELSE t.township_code END AS township_code_given,
           CASE WHEN 'park_code' = ANY($1) THEN s.park_code ELSE t.park_code END AS park_code,
           CASE WHEN 'address' = ANY($1) THEN s.address ELSE t.address END AS address,
           CASE WHEN 'workers' = ANY($1) THEN s.workers ELSE t.workers END AS workers,
           CASE WHEN 'major_hazard_level' = ANY($1) THEN s.major_hazard_level ELSE t.major_hazard_level END AS major_hazard_level,
           COALESCE(CASE WHEN 'hazardous_processes' = ANY($1) THEN s.hazardous_processes ELSE t.hazardous_processes END, '{}'::text[]) AS hazardous_processes,
           CASE WHEN 'reaction_hazard_level' = ANY($1) THEN s.reaction_hazard_level ELSE t.reaction_hazard_level END AS reaction_hazard_level,
           CASE WHEN 'standardisation_level' = ANY($1) THEN s.standardisation_level ELSE t.standardisation_level END AS standardisation_level,
           COALESCE(CASE WHEN 'monitoring_connected' = ANY($1) THEN s.monitoring_connected ELSE t.monitoring_connected END, false) AS monitoring_connected,
           COALESCE(CASE WHEN 'accidents_3y' = ANY($1) THEN s.accidents_3y ELSE t.accidents_3y END, 0) AS accidents_3y,
           CASE WHEN 'geom' = ANY($1) THEN ST_SetSRID(s.geom, 4326) ELSE t.geom END AS geom,
           t.approximate AND NOT 'geom' = ANY($1) AS approximate
    FROM import_staging s
    LEFT JOIN found f ON f._row = s._row
    LEFT JOIN enterprises t ON t.credit_code = s.credit_code
),
-- A record without a township code gets the township its position lies in.
placed AS (
    SELECT m.id, m._row, m.credit_code, m.name, m.industry_code, m.industry_name, m.supervision_category, m.park_code, m.address, m.workers, m.major_hazard_level, m.hazardous_processes, m.reaction_hazard_level, m.standardisation_level, m.monitoring_connected, m.accidents_3y, m.geom, m.approximate,
           COALESCE(m.township_code_given, m.township_found) AS township_code
    FROM merged m
),
updated AS (
    UPDATE enterprises x SET
        name = m.name,
        industry_code = m.industry_code,
        industry_name = m.industry_name,
        supervision_category = m.supervision_category,
        township_code = m.township_code,
        park_code = m.park_code,
        address = m.address,
        workers = m.workers,
        major_hazard_level = m.major_hazard_level,
        hazardous_processes = m.hazardous_processes,
        reaction_hazard_level = m.reaction_hazard_level,
        standardisation_level = m.standardisation_level,
        monitoring_connected = m.monitoring_connected,
        accidents_3y = m.accidents_3y,
        geom = m.geom,
        approximate = m.approximate,
        generated = false
    FROM placed m
    WHERE x.id = m.id AND (x.name, x.industry_code, x.industry_name, x.supervision_category, x.township_code, x.park_code, x.address, x.workers, x.major_hazard_level, x.hazardous_processes, x.reaction_hazard_level, x.standardisation_level, x.monitoring_connected, x.accidents_3y, x.geom, x.approximate, x.generated) IS DISTINCT FROM (m.name, m.industry_code, m.industry_name, m.supervision_category, m.township_code, m.park_code, m.address, m.workers, m.major_hazard_level, m.hazardous_processes, m.reaction_hazard_level, m.standardisation_level, m.monitoring_connected, m.accidents_3y, m.geom, m.approximate, false)
    RETURNING 1
),
inserted AS (
    INSERT INTO enterprises (credit_code, name, industry_code, industry_name, supervision_category, township_code, park_code, address, workers, major_hazard_level, hazardous_processes, reaction_hazard_level, standardisation_level, monitoring_connected, accidents_3y, geom)
    SELECT m.credit_code, m.name, m.industry_code, m.industry_name, m.supervision_category, m.township_code, m.park_code, m.address, m.workers, m.major_hazard_level, m.hazardous_processes, m.reaction_hazard_level, m.standardisation_level, m.monitoring_connected, m.accidents_3y, m.geom
    FROM placed m WHERE m.id IS NULL
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated;
