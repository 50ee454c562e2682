-- Zones of kind $4 to regrade in run $2: those within $5 degrees of any changed point (a changed
-- hazard or park input row's old or new position up to dirty id $1; an enterprise grade written
-- or closed by this run (all of them grades of the enterprises $7 the run regraded) whose
-- counterpart in this run differs in what a zone reads of it; a hazard that became overdue since
-- day $3). Enterprise edits count through their grades: a zone reads an enterprise's colour,
-- name, category, hazard level and position, all copied into its grade, so an edit that moves
-- only its score (most ledger edits) regrades no zone. With $6 only hazards count: hazard density
-- does not depend on enterprises.
WITH regraded AS MATERIALIZED (
    -- the few grade rows this run wrote or closed (the primary key finds them)
    SELECT g.enterprise_id, g.valid_from, g.colour, g.name, g.supervision_category,
           g.major_hazard_level, g.geom
    FROM enterprise_risk g
    WHERE NOT $6::boolean AND g.enterprise_id = ANY ($7::bigint[])
      AND (g.valid_from = $2 OR g.valid_to = $2)
),
points AS (
    SELECT d.geom FROM risk_dirty d
    WHERE d.id <= $1 AND d.geom IS NOT NULL AND d.kind <> 'enterprise'
      AND (NOT $6::boolean OR d.kind = 'hazard')
    UNION ALL
    SELECT g.geom FROM regraded g
    WHERE g.geom IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM regraded o
          WHERE o.enterprise_id = g.enterprise_id AND o.valid_from <> g.valid_from
            AND (o.colour, o.name, o.supervision_category, o.major_hazard_level, o.geom)
                IS NOT DISTINCT FROM
                (g.colour, g.name, g.supervision_category, g.major_hazard_level, g.geom))
    UNION ALL
    SELECT h.geom FROM hazards h
    WHERE h.geom IS NOT NULL AND h.status NOT IN ('closed', 'rejected')
      AND h.deadline >= $3::date AND h.deadline < current_date
)
SELECT DISTINCT z.id FROM risk_zones z JOIN points p ON ST_DWithin(z.geom, p.geom, $5::float8)
WHERE z.zone_kind = $4 AND z.active
ORDER BY z.id
