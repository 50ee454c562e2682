// Facts <-> JSON with nlohmann's checked accessors: a stored row that lost a field fails loudly
// instead of being explained with a default.
#include <riskatlas/analysis/facts_json.hpp>

#include <riskatlas/error.hpp>

namespace riskatlas::analysis {
namespace {

using nlohmann::json;

template <typename T> json or_null(const std::optional<T>& v) { return v ? json(*v) : json(nullptr); }

template <typename T> void read(const json& j, const char* key, T& out) {
    const auto it = j.find(key);
    if (it == j.end())
        throw invalid_argument("invalid_stored_inputs", std::string("stored inputs lack '") + key + "'");
    try {
        it->get_to(out);
    } catch (const json::exception&) {
        throw invalid_argument("invalid_stored_inputs",
                               std::string("stored input '") + key + "' has the wrong type");
    }
}

template <typename T> void read(const json& j, const char* key, std::optional<T>& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        out.reset();
        return;
    }
    T value{};
    read(j, key, value);
    out = value;
}

} // namespace

json to_json(const risk::enterprise_facts& f) {
    return {{"supervision_category", f.supervision_category},
            {"industry_code", f.industry_code},
            {"major_hazard_level", or_null(f.major_hazard_level)},
            {"hazardous_processes", f.hazardous_processes},
            {"reaction_hazard_level", or_null(f.reaction_hazard_level)},
            {"workers", f.workers},
            {"open_general_hazards", f.open_general_hazards},
            {"open_major_hazards", f.open_major_hazards},
            {"overdue_general_hazards", f.overdue_general_hazards},
            {"overdue_major_hazards", f.overdue_major_hazards},
            {"accidents_3y", f.accidents_3y},
            {"standardisation_level", or_null(f.standardisation_level)},
            {"monitoring_connected", f.monitoring_connected}};
}

risk::enterprise_facts enterprise_facts_from_json(const json& j) {
    risk::enterprise_facts f;
    read(j, "supervision_category", f.supervision_category);
    read(j, "industry_code", f.industry_code);
    read(j, "major_hazard_level", f.major_hazard_level);
    read(j, "hazardous_processes", f.hazardous_processes);
    read(j, "reaction_hazard_level", f.reaction_hazard_level);
    read(j, "workers", f.workers);
    read(j, "open_general_hazards", f.open_general_hazards);
    read(j, "open_major_hazards", f.open_major_hazards);
    read(j, "overdue_general_hazards", f.overdue_general_hazards);
    read(j, "overdue_major_hazards", f.overdue_major_hazards);
    read(j, "accidents_3y", f.accidents_3y);
    read(j, "standardisation_level", f.standardisation_level);
    read(j, "monitoring_connected", f.monitoring_connected);
    return f;
}

json to_json(const risk::park_facts& f) {
    return {{"recognised", f.recognised},
            {"years_since_overall_assessment", or_null(f.years_since_overall_assessment)},
            {"risk_acceptable", f.risk_acceptable},
            {"control_line", f.control_line},
            {"sensitive_target_distance_m", or_null(f.sensitive_target_distance_m)},
            {"residents_inside", f.residents_inside},
            {"red_enterprises", f.red_enterprises},
            {"orange_enterprises", f.orange_enterprises},
            {"yellow_enterprises", f.yellow_enterprises},
            {"blue_enterprises", f.blue_enterprises},
            {"max_reaction_hazard_level", or_null(f.max_reaction_hazard_level)},
            {"open_major_hazards", f.open_major_hazards},
            {"overdue_hazards", f.overdue_hazards},
            {"closed_management", f.closed_management},
            {"hazmat_parking", f.hazmat_parking},
            {"fire_station", f.fire_station},
            {"supervision_body", f.supervision_body},
            {"smart_platform", f.smart_platform},
            {"emergency_plan_drilled", f.emergency_plan_drilled},
            {"emergency_rescue_team", f.emergency_rescue_team},
            {"emergency_materials", f.emergency_materials},
            {"years_since_major_accident", or_null(f.years_since_major_accident)}};
}

risk::park_facts park_facts_from_json(const json& j) {
    risk::park_facts f;
    read(j, "recognised", f.recognised);
    read(j, "years_since_overall_assessment", f.years_since_overall_assessment);
    read(j, "risk_acceptable", f.risk_acceptable);
    read(j, "control_line", f.control_line);
    read(j, "sensitive_target_distance_m", f.sensitive_target_distance_m);
    read(j, "residents_inside", f.residents_inside);
    read(j, "red_enterprises", f.red_enterprises);
    read(j, "orange_enterprises", f.orange_enterprises);
    read(j, "yellow_enterprises", f.yellow_enterprises);
    read(j, "blue_enterprises", f.blue_enterprises);
    read(j, "max_reaction_hazard_level", f.max_reaction_hazard_level);
    read(j, "open_major_hazards", f.open_major_hazards);
    read(j, "overdue_hazards", f.overdue_hazards);
    read(j, "closed_management", f.closed_management);
    read(j, "hazmat_parking", f.hazmat_parking);
    read(j, "fire_station", f.fire_station);
    read(j, "supervision_body", f.supervision_body);
    read(j, "smart_platform", f.smart_platform);
    read(j, "emergency_plan_drilled", f.emergency_plan_drilled);
    read(j, "emergency_rescue_team", f.emergency_rescue_team);
    read(j, "emergency_materials", f.emergency_materials);
    read(j, "years_since_major_accident", f.years_since_major_accident);
    return f;
}

} // namespace riskatlas::analysis
