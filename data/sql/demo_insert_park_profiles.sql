-- Inserts park profiles from one JSON array ($1). Deleting the regions before (cascade) removed
-- the old ones.
INSERT INTO park_profiles (park_code, recognised, years_since_overall_assessment, risk_acceptable,
                           control_line, sensitive_target_distance_m, residents_inside,
                           closed_management, hazmat_parking, fire_station, supervision_body,
                           smart_platform, emergency_plan_drilled, emergency_rescue_team,
                           emergency_materials, years_since_major_accident, generated)
SELECT r.park_code, r.recognised, r.years_since_overall_assessment, r.risk_acceptable,
       r.control_line, r.sensitive_target_distance_m, r.residents_inside, r.closed_management,
       r.hazmat_parking, r.fire_station, r.supervision_body, r.smart_platform,
       r.emergency_plan_drilled, r.emergency_rescue_team, r.emergency_materials,
       r.years_since_major_accident, r.generated
FROM jsonb_to_recordset($1::jsonb) AS r(
    park_code text, recognised boolean, years_since_overall_assessment float8,
    risk_acceptable boolean, control_line boolean, sensitive_target_distance_m float8,
    residents_inside boolean, closed_management boolean, hazmat_parking boolean,
    fire_station boolean, supervision_body boolean, smart_platform boolean,
    emergency_plan_drilled boolean, emergency_rescue_team boolean, emergency_materials boolean,
    years_since_major_accident float8, generated boolean)
