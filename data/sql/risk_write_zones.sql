-- Writes zone grades ($2) of zone kind $4 as run $1's version, like risk_write_enterprises.sql;
-- scope $3 is zone ids (NULL = every current row of the kind). A row is (zone, category).
WITH graded AS (
    SELECT r.* FROM string_to_table($2, E'\n') AS line, jsonb_to_record(line::jsonb) AS r(
        zone_id bigint, category text, colour text, risk_index float8, enterprises integer,
        red integer, orange integer, yellow integer, blue integer, open_hazards integer,
        model_version text, explanation jsonb)
),
fresh AS (
    SELECT g.*, z.zone_kind, z.code, z.name, z.geom
    FROM graded g JOIN risk_zones z ON z.id = g.zone_id AND z.zone_kind = $4
),
current_rows AS (
    SELECT c.* FROM zone_risk c
    WHERE c.valid_to IS NULL AND c.zone_kind = $4
      AND ($3::bigint[] IS NULL OR c.zone_id = ANY ($3::bigint[]))
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
closed AS (
    UPDATE zone_risk t SET valid_to = $1
    FROM current_rows c
    WHERE t.zone_id = c.zone_id AND t.category = c.category AND t.valid_from = c.valid_from
      AND ((c.zone_id, c.category) IN (SELECT zone_id, category FROM changed)
           OR (c.zone_id, c.category) NOT IN (SELECT zone_id, category FROM fresh))
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
