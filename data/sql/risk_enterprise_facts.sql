-- Grading inputs of enterprises $1 (a bigint[]; NULL = all), with their open and overdue hidden
-- dangers counted by level. Overdue = past its deadline and neither closed nor rejected.
WITH open_hazards AS (
    SELECT h.enterprise_id,
           count(*) FILTER (WHERE h.level = 'general') AS open_general,
           count(*) FILTER (WHERE h.level = 'major') AS open_major,
           count(*) FILTER (WHERE h.level = 'general' AND h.deadline < current_date) AS overdue_general,
           count(*) FILTER (WHERE h.level = 'major' AND h.deadline < current_date) AS overdue_major
    FROM hazards h
    WHERE h.status NOT IN ('closed', 'rejected') AND h.enterprise_id IS NOT NULL
      AND ($1::bigint[] IS NULL OR h.enterprise_id = ANY ($1::bigint[]))
    GROUP BY h.enterprise_id
)
SELECT e.id, e.supervision_category, e.industry_code, e.major_hazard_level,
       array_to_json(e.hazardous_processes)::text, e.reaction_hazard_level,
       coalesce(e.workers, 0), e.accidents_3y, e.standardisation_level, e.monitoring_connected,
       coalesce(o.open_general, 0), coalesce(o.open_major, 0),
       coalesce(o.overdue_general, 0), coalesce(o.overdue_major, 0), e.name
FROM enterprises e
LEFT JOIN open_hazards o ON o.enterprise_id = e.id
WHERE $1::bigint[] IS NULL OR e.id = ANY ($1::bigint[])
ORDER BY e.id
