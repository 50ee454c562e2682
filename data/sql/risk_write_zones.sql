-- Writes the zone grades staged in risk_stage_zones, of zone kind $3, as run $1's version, like
-- risk_write_enterprises.sql; scope $2 is zone ids (NULL = every current row of the kind). A row
-- is (zone, category).
WITH graded AS (
    SELECT * FROM risk_stage_zones
),
fresh AS (
    SELECT g.*, z.zone_kind, z.code, z.name, z.geom
    FROM graded g JOIN risk_zones z ON z.id = g.zone_id AND z.zone_kind = $3
),
current_rows AS (
    -- through the zones of the kind and the primary key: township rows are a few among the
    -- grid's, and a scan of zone_risk would read every version of every kind; two branches, as
    -- in risk_write_enterprises.sql, so that a generic plan reads an edit's zones only
    SELECT c.ctid AS row_ctid, c.* FROM risk_zones z JOIN zone_risk c ON c.zone_id = z.id
    WHERE $2::bigint[] IS NULL AND z.zone_kind = $3 AND c.valid_to IS NULL
    UNION ALL
    SELECT c.ctid AS row_ctid, c.* FROM risk_zones z JOIN zone_risk c ON c.zone_id = z.id
    WHERE z.id = ANY ($2::bigint[]) AND z.zone_kind = $3 AND c.valid_to IS NULL
),
changed AS (
    SELECT f.* FROM fresh f
    LEFT JOIN current_rows c ON c.zone_id = f.zone_id AND c.category = f.category
    WHERE c.zone_id IS NULL
       OR (c.code, c.name, c.colour, c.risk_index, c.enterprises, c.red, c.orange, c.yellow,
           c.blue, c.open_hazards, c.model_version, c.explanation, c.geom)
          IS DISTINCT FROM
          (f.code, f.name, f.colour, f.risk_index, f.enterprises, f.red, f.orange, f.yellow,
           f.blue, f.open_hazards, f.model_version, f.explanation, f.geom)
),
-- the current rows to close: replaced by a changed row, or of a zone in scope with no new one
-- (joins, not IN lists under an OR: those become per-row subplans when the row estimate is off)
replaced AS (
    SELECT c.row_ctid FROM current_rows c
    JOIN changed f ON f.zone_id = c.zone_id AND f.category = c.category
    UNION ALL
    SELECT c.row_ctid FROM current_rows c
    WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.zone_id = c.zone_id AND f.category = c.category)
),
closed AS (
    UPDATE zone_risk t SET valid_to = $1
    -- by the versions' row addresses: a TID scan, not a join the planner (without statistics
    -- for these CTEs) would make a scan of the whole history
    WHERE t.ctid = ANY (ARRAY(SELECT row_ctid FROM replaced))
    RETURNING 1
),
written AS (
    INSERT INTO zone_risk (zone_id, category, valid_from, zone_kind, code, name, colour,
                           risk_index, enterprises, red, orange, yellow, blue, open_hazards,
                           model_version, explanation, geom)
    SELECT zone_id, category, $1, zone_kind, code, name, colour, risk_index, enterprises, red,
           orange, yellow, blue, open_hazards, model_version, explanation, geom
    FROM changed
    RETURNING 1
)
SELECT (SELECT count(*) FROM closed), (SELECT count(*) FROM written)
