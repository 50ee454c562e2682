-- Writes density cells ($2) as run $1's version, like risk_write_enterprises.sql; scope $3 is
-- density zone ids (NULL = every current row).
WITH graded AS (
    SELECT r.* FROM string_to_table($2, E'\n') AS line, jsonb_to_record(line::jsonb) AS r(
        zone_id bigint, density float8, colour text, model_version text, explanation jsonb)
),
fresh AS (
    SELECT g.*, z.code, z.geom
    FROM graded g JOIN risk_zones z ON z.id = g.zone_id AND z.zone_kind = 'density'
),
current_rows AS (
    SELECT c.* FROM hazard_density c
    WHERE c.valid_to IS NULL AND ($3::bigint[] IS NULL OR c.zone_id = ANY ($3::bigint[]))
),
changed AS (
    SELECT f.* FROM fresh f
    LEFT JOIN current_rows c ON c.zone_id = f.zone_id
    WHERE c.zone_id IS NULL
       OR (c.code, c.density, c.colour, c.model_version, c.explanation, c.geom)
          IS DISTINCT FROM (f.code, f.density, f.colour, f.model_version, f.explanation, f.geom)
),
closed AS (
    UPDATE hazard_density t SET valid_to = $1
    FROM current_rows c
    WHERE t.zone_id = c.zone_id AND t.valid_from = c.valid_from
      AND (c.zone_id IN (SELECT zone_id FROM changed) OR c.zone_id NOT IN (SELECT zone_id FROM fresh))
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
