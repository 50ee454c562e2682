-- The enterprises inside zones of kind $1 (ids $2; NULL = all), as risk_zone_members_place.sql
-- placed them, with what a zone reads of their current grade, if any and if $3 (NULL columns:
-- never graded, or not asked for).
SELECT m.zone_id, m.enterprise_id, g.name, g.supervision_category, g.colour, g.major_hazard_level
FROM risk_zone_members m
LEFT JOIN enterprise_current_grades g ON $3::boolean AND g.enterprise_id = m.enterprise_id
WHERE m.zone_kind = $1 AND ($2::bigint[] IS NULL OR m.zone_id = ANY ($2::bigint[]))
ORDER BY m.zone_id, m.enterprise_id
