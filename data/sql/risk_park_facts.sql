-- Assessment inputs of parks $1 (regions ids, a bigint[]; NULL = all): the profile (absent =
-- nothing shown, every item deducts), the current grades of the park's enterprises and their
-- open hidden dangers.
SELECT r.id,
       coalesce(p.recognised, false), p.years_since_overall_assessment,
       coalesce(p.risk_acceptable, false), coalesce(p.control_line, false),
       p.sensitive_target_distance_m, coalesce(p.residents_inside, false),
       coalesce(p.closed_management, false), coalesce(p.hazmat_parking, false),
       coalesce(p.fire_station, false), coalesce(p.supervision_body, false),
       coalesce(p.smart_platform, false), coalesce(p.emergency_plan_drilled, false),
       coalesce(p.emergency_rescue_team, false), coalesce(p.emergency_materials, false),
       p.years_since_major_accident,
       (SELECT count(*) FROM enterprise_risk g WHERE g.valid_to IS NULL AND g.park_code = r.code AND g.colour = 'red'),
       (SELECT count(*) FROM enterprise_risk g WHERE g.valid_to IS NULL AND g.park_code = r.code AND g.colour = 'orange'),
       (SELECT count(*) FROM enterprise_risk g WHERE g.valid_to IS NULL AND g.park_code = r.code AND g.colour = 'yellow'),
       (SELECT count(*) FROM enterprise_risk g WHERE g.valid_to IS NULL AND g.park_code = r.code AND g.colour = 'blue'),
       (SELECT max(e.reaction_hazard_level) FROM enterprises e WHERE e.park_code = r.code),
       (SELECT count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id
         WHERE e.park_code = r.code AND h.level = 'major' AND h.status NOT IN ('closed', 'rejected')),
       (SELECT count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id
         WHERE e.park_code = r.code AND h.deadline < current_date
           AND h.status NOT IN ('closed', 'rejected'))
FROM regions r
LEFT JOIN park_profiles p ON p.park_code = r.code
WHERE r.kind = 'park' AND ($1::bigint[] IS NULL OR r.id = ANY ($1::bigint[]))
ORDER BY r.id
