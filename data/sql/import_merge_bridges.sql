-- Merges staged bridges by code. $1 lists the fields the file provided; the others keep their
-- values; identical records are not written. A bridge without a surveyed position is placed at
-- its stake (bridges_place trigger), also when an import moves its stake. Each rating becomes
-- part of the inspection history (once: a re-import adds nothing); a rating older than the
-- stored latest inspection goes there only, and the bridge keeps its rating, interim measure and
-- treatment plan (import_prepare_bridges.sql). A record the file names is real data from now on:
-- the demo's `generated` flag goes.
WITH merged AS (
    SELECT t.id,
           s._row,
           s.code,
           CASE WHEN 'name' = ANY($1) THEN s.name ELSE t.name END AS name,
           CASE WHEN 'route_code' = ANY($1) THEN s.route_code ELSE t.route_code END AS route_code,
           CASE WHEN 'centre_stake' = ANY($1) THEN s.centre_stake ELSE t.centre_m END AS centre_m,
           CASE WHEN 'length_m' = ANY($1) THEN s.length_m ELSE t.length_m END AS length_m,
           CASE WHEN 'max_span_m' = ANY($1) THEN s.max_span_m ELSE t.max_span_m END AS max_span_m,
           CASE WHEN 'structure_type' = ANY($1) THEN s.structure_type ELSE t.structure_type END AS structure_type,
           CASE WHEN 'built_year' = ANY($1) THEN s.built_year ELSE t.built_year END AS built_year,
           CASE WHEN 'condition_class' = ANY($1) AND NOT s._older_rating THEN s.condition_class ELSE t.condition_class END AS condition_class,
           CASE WHEN 'rated_at' = ANY($1) AND NOT s._older_rating THEN s.rated_at ELSE t.rated_at END AS rated_at,
           CASE WHEN 'dr_score' = ANY($1) AND NOT s._older_rating THEN s.dr_score ELSE t.dr_score END AS dr_score,
           COALESCE(CASE WHEN 'interim_measure' = ANY($1) AND NOT s._older_rating THEN s.interim_measure ELSE t.interim_measure END, 'none') AS interim_measure,
           CASE WHEN 'treatment' = ANY($1) AND NOT s._older_rating THEN s.treatment ELSE t.treatment END AS treatment,
           CASE WHEN 'treatment_deadline' = ANY($1) AND NOT s._older_rating THEN s.treatment_deadline ELSE t.treatment_deadline END AS treatment_deadline,
           CASE WHEN 'treated_at' = ANY($1) THEN s.treated_at ELSE t.treated_at END AS treated_at,
           COALESCE(CASE WHEN 'status' = ANY($1) THEN s.status ELSE t.status END, 'in_service') AS status,
           CASE WHEN 'note' = ANY($1) THEN s.note ELSE t.note END AS note,
           CASE WHEN 'geom' = ANY($1) AND s.geom IS NOT NULL THEN ST_SetSRID(s.geom, 4326)
                WHEN t.id IS NOT NULL AND (s.route_code, s.centre_stake) IS DISTINCT FROM (t.route_code, t.centre_m)
                     AND 'centre_stake' = ANY($1) THEN NULL -- moved: placed again at its stake
                ELSE t.geom END AS geom,
           -- the rating as the file gives it, for the history
           s.rated_at AS file_rated_at,
           s.condition_class AS file_condition_class,
           CASE WHEN 'dr_score' = ANY($1) THEN s.dr_score END AS file_dr_score,
           s._older_rating AS older_rating
    FROM import_staging s
    LEFT JOIN bridges t ON t.code = s.code
),
updated AS (
    UPDATE bridges x SET
        name = m.name, route_code = m.route_code, centre_m = m.centre_m, length_m = m.length_m,
        max_span_m = m.max_span_m, structure_type = m.structure_type, built_year = m.built_year,
        condition_class = m.condition_class, rated_at = m.rated_at, dr_score = m.dr_score,
        interim_measure = m.interim_measure, treatment = m.treatment,
        treatment_deadline = m.treatment_deadline, treated_at = m.treated_at, status = m.status,
        note = m.note, geom = m.geom, generated = false
    FROM merged m
    WHERE x.id = m.id
      AND (x.name, x.route_code, x.centre_m, x.length_m, x.max_span_m, x.structure_type,
           x.built_year, x.condition_class, x.rated_at, x.dr_score, x.interim_measure, x.treatment,
           x.treatment_deadline, x.treated_at, x.status, x.note, x.geom, x.generated)
          IS DISTINCT FROM
          (m.name, m.route_code, m.centre_m, m.length_m, m.max_span_m, m.structure_type,
           m.built_year, m.condition_class, m.rated_at, m.dr_score, m.interim_measure, m.treatment,
           m.treatment_deadline, m.treated_at, m.status, m.note, m.geom, false)
    RETURNING 1
),
inserted AS (
    INSERT INTO bridges (code, name, route_code, centre_m, length_m, max_span_m, structure_type,
                         built_year, condition_class, rated_at, dr_score, interim_measure,
                         treatment, treatment_deadline, treated_at, status, note, geom)
    SELECT m.code, m.name, m.route_code, m.centre_m, m.length_m, m.max_span_m, m.structure_type,
           m.built_year, m.condition_class, m.rated_at, m.dr_score, m.interim_measure, m.treatment,
           m.treatment_deadline, m.treated_at, m.status, m.note, m.geom
    FROM merged m WHERE m.id IS NULL
    RETURNING 1
),
inspected AS (
    INSERT INTO bridge_inspections (bridge_code, inspected_at, kind, condition_class, dr_score)
    SELECT m.code, m.file_rated_at, 'periodic', m.file_condition_class,
           CASE WHEN m.older_rating THEN m.file_dr_score ELSE m.dr_score END
    FROM merged m
    WHERE 'rated_at' = ANY($1) AND 'condition_class' = ANY($1)
    ON CONFLICT (bridge_code, inspected_at, kind) DO NOTHING
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated,
       (SELECT count(*) FROM inspected) AS inspections;
