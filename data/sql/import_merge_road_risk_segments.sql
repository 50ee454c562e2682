-- Merges staged risky segments by their natural key (route, type, start stake) among the
-- imported ones (derived segments belong to the derivation). $1 lists the fields the file
-- provided; the others keep their values; identical records are not written. The geometry comes
-- from the route (road_risk_segments_place trigger); a segment without a township takes its
-- route's. A record the file names is real data from now on: the demo's `generated` flag goes.
WITH merged AS (
    SELECT t.id,
           s._row,
           s.route_code,
           s.type,
           s.from_stake AS from_m,
           CASE WHEN 'to_stake' = ANY($1) THEN s.to_stake ELSE t.to_m END AS to_m,
           COALESCE(CASE WHEN 'township_code' = ANY($1) THEN s.township_code ELSE t.township_code END,
                    (SELECT r.township_code FROM road_routes r WHERE r.route_code = s.route_code)) AS township_code,
           CASE WHEN 'description' = ANY($1) THEN s.description ELSE t.description END AS description,
           CASE WHEN 'identified_at' = ANY($1) THEN s.identified_at ELSE t.identified_at END AS identified_at,
           CASE WHEN 'baseline_year' = ANY($1) THEN s.baseline_year ELSE t.baseline_year END AS baseline_year
    FROM import_staging s
    LEFT JOIN road_risk_segments t
        ON t.source = 'imported' AND t.route_code = s.route_code AND t.type = s.type
       AND t.from_m = s.from_stake
),
updated AS (
    UPDATE road_risk_segments x SET
        to_m = m.to_m,
        township_code = m.township_code,
        description = m.description,
        identified_at = m.identified_at,
        baseline_year = m.baseline_year,
        generated = false
    FROM merged m
    WHERE x.id = m.id AND (x.to_m, x.township_code, x.description, x.identified_at, x.baseline_year, x.generated)
          IS DISTINCT FROM (m.to_m, m.township_code, m.description, m.identified_at, m.baseline_year, false)
    RETURNING 1
),
inserted AS (
    INSERT INTO road_risk_segments (route_code, type, from_m, to_m, township_code, source,
                                    description, identified_at, baseline_year)
    SELECT m.route_code, m.type, m.from_m, m.to_m, m.township_code, 'imported', m.description,
           m.identified_at, m.baseline_year
    FROM merged m WHERE m.id IS NULL
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated;
