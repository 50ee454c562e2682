-- The danger bridges (危桥: class 4/5 not treated since rating) now, with the township whose
-- area holds each one ($1 = the date "overdue" is judged against, ISO text).
SELECT b.code, b.name, b.route_code, b.centre_m, b.condition_class::integer AS condition_class,
       b.rated_at::text AS rated_at, b.interim_measure, b.treatment,
       b.treatment_deadline::text AS treatment_deadline,
       (b.treatment_deadline < $1::date) AS overdue,
       t.code AS township_code
FROM bridges b
LEFT JOIN LATERAL (
    SELECT r.code FROM regions r
    WHERE r.kind = 'township' AND ST_Intersects(r.geom, b.geom)
    ORDER BY r.code LIMIT 1) t ON true
WHERE b.danger
ORDER BY b.code
