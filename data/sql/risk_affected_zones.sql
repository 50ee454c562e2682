-- Zones of kind $4 to regrade in run $2: those within $5 degrees of any changed point (a changed
-- input row's old or new position up to dirty id $1, an enterprise grade written or closed by
-- this run (all of them grades of the enterprises $7 the run regraded), a hazard that became
-- overdue since day $3). With $6 only hazards count: hazard density does not depend on
-- enterprises.
WITH points AS (
    SELECT d.geom FROM risk_dirty d
    WHERE d.id <= $1 AND d.geom IS NOT NULL AND (NOT $6::boolean OR d.kind = 'hazard')
    UNION ALL
    SELECT g.geom FROM enterprise_risk g
    WHERE NOT $6::boolean AND g.enterprise_id = ANY ($7::bigint[])
      AND (g.valid_from = $2 OR g.valid_to = $2) AND g.geom IS NOT NULL
    UNION ALL
    SELECT h.geom FROM hazards h
    WHERE h.geom IS NOT NULL AND h.status NOT IN ('closed', 'rejected')
      AND h.deadline >= $3::date AND h.deadline < current_date
)
SELECT DISTINCT z.id FROM risk_zones z JOIN points p ON ST_DWithin(z.geom, p.geom, $5::float8)
WHERE z.zone_kind = $4 AND z.active
ORDER BY z.id
