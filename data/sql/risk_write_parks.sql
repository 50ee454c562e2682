-- Writes park assessments ($2) as run $1's version, like risk_write_enterprises.sql; scope $3 is
-- park region ids (NULL = every current row).
WITH graded AS (
    SELECT r.* FROM string_to_table($2, E'\n') AS line, jsonb_to_record(line::jsonb) AS r(
        id bigint, grade text, score_grade text, score float8, vetoes text[], enterprises integer,
        model_version text, inputs jsonb)
),
fresh AS (
    SELECT p.id, p.code, p.name, p.park_type, p.parent_code AS township_code, g.grade,
           g.score_grade, g.score, coalesce(g.vetoes, '{}') AS vetoes, g.enterprises,
           g.model_version, g.inputs, p.geom
    FROM graded g JOIN regions p ON p.id = g.id AND p.kind = 'park'
),
current_rows AS (
    SELECT c.* FROM park_risk c
    WHERE c.valid_to IS NULL AND ($3::bigint[] IS NULL OR c.park_id = ANY ($3::bigint[]))
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
closed AS (
    UPDATE park_risk t SET valid_to = $1
    FROM current_rows c
    WHERE t.park_id = c.park_id AND t.valid_from = c.valid_from
      AND (c.park_id IN (SELECT id FROM changed) OR c.park_id NOT IN (SELECT id FROM fresh))
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
