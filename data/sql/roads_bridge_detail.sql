-- One bridge by code ($1) with everything the detail page shows: its stored fields, the state
-- and feature id the map's bridges layer gives it (layer_bridges, so page and map agree), its
-- route's name, the township whose area holds it (as the tracker finds it) and its position.
SELECT b.code, b.name, b.route_code, rr.name AS route_name, b.centre_m,
       road_format_stake(b.centre_m) AS stake, b.length_m, b.max_span_m, b.structure_type,
       b.built_year::integer AS built_year, b.condition_class::integer AS condition_class,
       b.rated_at::text AS rated_at, b.dr_score, b.interim_measure, b.treatment,
       b.treatment_deadline::text AS treatment_deadline, b.treated_at::text AS treated_at,
       b.status, b.generated, b.note, b.danger, lb.fid, lb.state, lb.missing_interim_measure,
       t.code AS township_code, t.name AS township_name,
       ST_X(b.geom) AS lon, ST_Y(b.geom) AS lat
FROM bridges b
JOIN layer_bridges lb ON lb.code = b.code
JOIN road_routes rr ON rr.route_code = b.route_code
LEFT JOIN LATERAL (
    SELECT r.code, r.name FROM regions r
    WHERE r.kind = 'township' AND ST_Intersects(r.geom, b.geom)
    ORDER BY r.code LIMIT 1) t ON true
WHERE b.code = $1
