-- Assessment inputs of parks $1 (regions ids, a bigint[]; NULL = all): the profile (absent =
-- nothing shown, every item deducts), the current grades of the park's enterprises and their
-- open hidden dangers.
WITH parks AS (
    SELECT r.id, r.code FROM regions r
    WHERE r.kind = 'park' AND ($1::bigint[] IS NULL OR r.id = ANY ($1::bigint[]))
),
-- one pass over each table, grouped by park, instead of a subquery per park and column; the
-- current grade of an enterprise is its latest version (primary key read backwards), unless
-- that was closed
grades AS (
    SELECT e.park_code,
           count(*) FILTER (WHERE g.colour = 'red') AS red,
           count(*) FILTER (WHERE g.colour = 'orange') AS orange,
           count(*) FILTER (WHERE g.colour = 'yellow') AS yellow,
           count(*) FILTER (WHERE g.colour = 'blue') AS blue
    FROM enterprises e
    CROSS JOIN LATERAL (SELECT c.colour, c.valid_to FROM enterprise_risk c
                        WHERE c.enterprise_id = e.id
                        ORDER BY c.valid_from DESC LIMIT 1) g
    WHERE e.park_code IN (SELECT code FROM parks) AND g.valid_to IS NULL
    GROUP BY e.park_code
),
members AS (
    SELECT e.park_code, max(e.reaction_hazard_level) AS max_reaction,
           count(h.id) FILTER (WHERE h.level = 'major') AS open_major,
           count(h.id) FILTER (WHERE h.deadline < current_date) AS overdue
    FROM enterprises e
    LEFT JOIN hazards h ON h.enterprise_id = e.id AND h.status NOT IN ('closed', 'rejected')
    WHERE e.park_code IN (SELECT code FROM parks)
    GROUP BY e.park_code
)
SELECT r.id,
       coalesce(p.recognised, false), p.years_since_overall_assessment,
       coalesce(p.risk_acceptable, false), coalesce(p.control_line, false),
       p.sensitive_target_distance_m, coalesce(p.residents_inside, false),
       coalesce(p.closed_management, false), coalesce(p.hazmat_parking, false),
       coalesce(p.fire_station, false), coalesce(p.supervision_body, false),
       coalesce(p.smart_platform, false), coalesce(p.emergency_plan_drilled, false),
       coalesce(p.emergency_rescue_team, false), coalesce(p.emergency_materials, false),
       p.years_since_major_accident,
       coalesce(g.red, 0), coalesce(g.orange, 0), coalesce(g.yellow, 0), coalesce(g.blue, 0),
       m.max_reaction, coalesce(m.open_major, 0), coalesce(m.overdue, 0)
FROM parks r
LEFT JOIN park_profiles p ON p.park_code = r.code
LEFT JOIN grades g ON g.park_code = r.code
LEFT JOIN members m ON m.park_code = r.code
ORDER BY r.id
