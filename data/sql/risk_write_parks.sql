-- Writes the park assessments staged in risk_stage_parks as run $1's version, like
-- risk_write_enterprises.sql; scope $2 is park region ids (NULL = every current row).
WITH graded AS (
    SELECT * FROM risk_stage_parks
),
fresh AS (
    SELECT p.id, p.code, p.name, p.park_type, p.parent_code AS township_code, g.grade,
           g.score_grade, g.score, coalesce(g.vetoes, '{}') AS vetoes, g.enterprises,
           g.model_version, g.inputs, p.geom
    FROM graded g JOIN regions p ON p.id = g.id AND p.kind = 'park'
),
-- two branches, as in risk_write_enterprises.sql: a generic plan keeps the key for an edit's parks
current_rows AS (
    SELECT c.ctid AS row_ctid, c.* FROM park_risk c
    WHERE $2::bigint[] IS NULL AND c.valid_to IS NULL
    UNION ALL
    SELECT c.ctid AS row_ctid, c.* FROM park_risk c
    WHERE c.park_id = ANY ($2::bigint[]) AND c.valid_to IS NULL
),
changed AS (
    SELECT f.* FROM fresh f
    LEFT JOIN current_rows c ON c.park_id = f.id
    WHERE c.park_id IS NULL
       OR (c.park_code, c.name, c.park_type, c.township_code, c.grade, c.score_grade, c.score,
           c.vetoes, c.enterprises, c.model_version, c.inputs, c.geom)
          IS DISTINCT FROM
          (f.code, f.name, f.park_type, f.township_code, f.grade, f.score_grade, f.score,
           f.vetoes, f.enterprises, f.model_version, f.inputs, f.geom)
),
-- the current rows to close: replaced by a changed row, or of an entity in scope with no new one
-- (joins, not IN lists under an OR: those become per-row subplans when the row estimate is off)
replaced AS (
    SELECT c.row_ctid FROM current_rows c JOIN changed f ON f.id = c.park_id
    UNION ALL
    SELECT c.row_ctid FROM current_rows c
    WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.id = c.park_id)
),
closed AS (
    UPDATE park_risk t SET valid_to = $1
    -- by the versions' row addresses: a TID scan, not a join the planner (without statistics
    -- for these CTEs) would make a scan of the whole history
    WHERE t.ctid = ANY (ARRAY(SELECT row_ctid FROM replaced))
    RETURNING 1
),
written AS (
    INSERT INTO park_risk (park_id, valid_from, park_code, name, park_type, township_code, grade,
                           score_grade, score, vetoes, enterprises, model_version, inputs, geom)
    SELECT id, $1, code, name, park_type, township_code, grade, score_grade, score, vetoes,
           enterprises, model_version, inputs, geom
    FROM changed
    RETURNING 1
)
SELECT (SELECT count(*) FROM closed), (SELECT count(*) FROM written)
