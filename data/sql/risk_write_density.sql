-- Writes the density cells staged in risk_stage_density as run $1's version, like
-- risk_write_enterprises.sql; scope $2 is density zone ids (NULL = every current row).
WITH graded AS (
    SELECT * FROM risk_stage_density
),
fresh AS (
    SELECT g.*, z.code, z.geom
    FROM graded g JOIN risk_zones z ON z.id = g.zone_id AND z.zone_kind = 'density'
),
-- two branches, as in risk_write_enterprises.sql: a generic plan keeps the key for an edit's cells
current_rows AS (
    SELECT c.ctid AS row_ctid, c.* FROM hazard_density c
    WHERE $2::bigint[] IS NULL AND c.valid_to IS NULL
    UNION ALL
    SELECT c.ctid AS row_ctid, c.* FROM hazard_density c
    WHERE c.zone_id = ANY ($2::bigint[]) AND c.valid_to IS NULL
),
changed AS (
    SELECT f.* FROM fresh f
    LEFT JOIN current_rows c ON c.zone_id = f.zone_id
    WHERE c.zone_id IS NULL
       OR (c.code, c.density, c.colour, c.model_version, c.explanation, c.geom)
          IS DISTINCT FROM (f.code, f.density, f.colour, f.model_version, f.explanation, f.geom)
),
-- the current rows to close: replaced by a changed row, or of an entity in scope with no new one
-- (joins, not IN lists under an OR: those become per-row subplans when the row estimate is off)
replaced AS (
    SELECT c.row_ctid FROM current_rows c JOIN changed f ON f.zone_id = c.zone_id
    UNION ALL
    SELECT c.row_ctid FROM current_rows c
    WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.zone_id = c.zone_id)
),
closed AS (
    UPDATE hazard_density t SET valid_to = $1
    -- by the versions' row addresses: a TID scan, not a join the planner (without statistics
    -- for these CTEs) would make a scan of the whole history
    WHERE t.ctid = ANY (ARRAY(SELECT row_ctid FROM replaced))
    RETURNING 1
),
written AS (
    INSERT INTO hazard_density (zone_id, valid_from, code, density, colour, model_version,
                                explanation, geom)
    SELECT zone_id, $1, code, density, colour, model_version, explanation, geom
    FROM changed
    RETURNING 1
)
SELECT (SELECT count(*) FROM closed), (SELECT count(*) FROM written)
