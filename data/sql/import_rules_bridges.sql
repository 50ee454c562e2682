-- The bridges table's rules across fields, on each staged bridge as the merge would write it
-- (see import_rules_hazards.sql). A rating older than the stored one leaves the bridge's rating
-- and plan as they are (import_prepare_bridges.sql): only its own Dr score and class must agree.
WITH m AS (
    SELECT s._row,
           CASE WHEN 'length_m' = ANY($1) THEN s.length_m ELSE t.length_m END AS length_m,
           CASE WHEN 'max_span_m' = ANY($1) THEN s.max_span_m ELSE t.max_span_m END AS max_span_m,
           -- the rating the history gets: with an older one, the stored class and Dr are not its
           CASE WHEN 'condition_class' = ANY($1) THEN s.condition_class WHEN NOT s._older_rating THEN t.condition_class END AS condition_class,
           CASE WHEN 'dr_score' = ANY($1) THEN s.dr_score WHEN NOT s._older_rating THEN t.dr_score END AS dr_score,
           CASE WHEN 'rated_at' = ANY($1) AND NOT s._older_rating THEN s.rated_at ELSE t.rated_at END AS rated_at,
           CASE WHEN 'treatment_deadline' = ANY($1) AND NOT s._older_rating THEN s.treatment_deadline ELSE t.treatment_deadline END AS treatment_deadline,
           CASE WHEN 'treated_at' = ANY($1) THEN s.treated_at ELSE t.treated_at END AS treated_at,
           COALESCE(CASE WHEN 'status' = ANY($1) THEN s.status ELSE t.status END, 'in_service') AS status
    FROM import_staging s
    LEFT JOIN bridges t ON t.code = s.code
)
SELECT _row, 'dr_score' AS field,
       'the Dr score ' || dr_score || ' does not fit condition class ' || condition_class AS reason
FROM m
WHERE dr_score IS NOT NULL AND condition_class <> 5 AND condition_class <>
      CASE WHEN dr_score >= 95 THEN 1 WHEN dr_score >= 80 THEN 2 WHEN dr_score >= 60 THEN 3
           WHEN dr_score >= 40 THEN 4 ELSE 5 END
UNION ALL
SELECT _row, 'treatment_deadline', 'the deadline ' || treatment_deadline || ' is before the rating ' || rated_at
FROM m WHERE treatment_deadline < rated_at
UNION ALL
SELECT _row, 'treated_at', 'the treatment date does not fit the status ' || status
FROM m WHERE (status IN ('treated', 'demolished')) <> (treated_at IS NOT NULL)
UNION ALL
SELECT _row, 'max_span_m', 'the largest span is longer than the bridge'
FROM m WHERE max_span_m > length_m
ORDER BY 1, 2
