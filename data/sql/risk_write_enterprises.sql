-- Writes the enterprise grades staged in risk_stage_enterprises as run $1's version. Only rows
-- that differ from the current version are written; the current rows they replace, and those of
-- enterprises in scope ($2, a bigint[]; NULL = every current row) that got no grade (deleted),
-- are closed at run $1.
-- Answers (rows closed, rows written).
WITH graded AS (
    SELECT * FROM risk_stage_enterprises
),
fresh AS (
    SELECT e.id, e.credit_code::text AS credit_code, e.name, e.supervision_category,
           e.industry_code, e.industry_name, e.township_code, e.park_code, g.colour,
           g.score_colour, g.score, coalesce(g.hard_rules, '{}') AS hard_rules,
           e.major_hazard_level, g.model_version, g.inputs, e.geom
    FROM graded g JOIN enterprises e ON e.id = g.id
),
-- two branches, not "$2 IS NULL OR id = ANY ($2)": a server's cached generic plan cannot use the
-- primary key under that OR and scanned every version of every enterprise for a one-enterprise
-- edit; here the branch not taken is skipped by its one-time filter
current_rows AS (
    SELECT c.ctid AS row_ctid, c.* FROM enterprise_risk c
    WHERE $2::bigint[] IS NULL AND c.valid_to IS NULL
    UNION ALL
    SELECT c.ctid AS row_ctid, c.* FROM enterprise_risk c
    WHERE c.enterprise_id = ANY ($2::bigint[]) AND c.valid_to IS NULL
),
changed AS (
    SELECT f.* FROM fresh f
    LEFT JOIN current_rows c ON c.enterprise_id = f.id
    WHERE c.enterprise_id IS NULL
       OR (c.credit_code, c.name, c.supervision_category, c.industry_code, c.industry_name,
           c.township_code, c.park_code, c.colour, c.score_colour, c.score, c.hard_rules,
           c.major_hazard_level, c.model_version, c.inputs, c.geom)
          IS DISTINCT FROM
          (f.credit_code, f.name, f.supervision_category, f.industry_code, f.industry_name,
           f.township_code, f.park_code, f.colour, f.score_colour, f.score, f.hard_rules,
           f.major_hazard_level, f.model_version, f.inputs, f.geom)
),
-- the current rows to close: replaced by a changed row, or of an entity in scope with no new one
-- (joins, not IN lists under an OR: those become per-row subplans when the row estimate is off)
replaced AS (
    SELECT c.row_ctid FROM current_rows c JOIN changed f ON f.id = c.enterprise_id
    UNION ALL
    SELECT c.row_ctid FROM current_rows c
    WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.id = c.enterprise_id)
),
closed AS (
    UPDATE enterprise_risk t SET valid_to = $1
    -- by the versions' row addresses: a TID scan, not a join the planner (without statistics
    -- for these CTEs) would make a scan of the whole history
    WHERE t.ctid = ANY (ARRAY(SELECT row_ctid FROM replaced))
    RETURNING 1
),
-- what zones read of the current grades (enterprise_current_grades), from every grade of the
-- run's scope and not only the changed ones, so that a full run also repairs the table: a row
-- written where it differs, removed for an enterprise in scope that is gone
now_written AS (
    INSERT INTO enterprise_current_grades AS g (enterprise_id, name, supervision_category,
                                                colour, major_hazard_level)
    SELECT f.id, f.name, f.supervision_category, f.colour, f.major_hazard_level
    FROM fresh f LEFT JOIN enterprise_current_grades c ON c.enterprise_id = f.id
    WHERE c.enterprise_id IS NULL
       OR (c.name, c.supervision_category, c.colour, c.major_hazard_level)
          IS DISTINCT FROM (f.name, f.supervision_category, f.colour, f.major_hazard_level)
    ON CONFLICT (enterprise_id) DO UPDATE
        SET name = EXCLUDED.name, supervision_category = EXCLUDED.supervision_category,
            colour = EXCLUDED.colour, major_hazard_level = EXCLUDED.major_hazard_level
),
now_removed AS (
    -- every enterprise in scope gets a grade unless it is gone: a lookup in enterprises, not a
    -- second pass over the run's grades
    DELETE FROM enterprise_current_grades g
    WHERE ($2::bigint[] IS NULL OR g.enterprise_id = ANY ($2::bigint[]))
      AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.id = g.enterprise_id)
),
written AS (
    INSERT INTO enterprise_risk (enterprise_id, valid_from, credit_code, name,
                                 supervision_category, industry_code, industry_name,
                                 township_code, park_code, colour, score_colour, score,
                                 hard_rules, major_hazard_level, model_version, inputs, geom)
    SELECT id, $1, credit_code, name, supervision_category, industry_code, industry_name,
           township_code, park_code, colour, score_colour, score, hard_rules,
           major_hazard_level, model_version, inputs, geom
    FROM changed
    RETURNING 1
)
SELECT (SELECT count(*) FROM closed), (SELECT count(*) FROM written)
