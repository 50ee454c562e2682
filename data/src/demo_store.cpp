// Writes the base content (the demo region) in one transaction: delete every row, then insert
// each table from one JSON array parameter, so each table costs one round trip and one version
// bump however many rows it has.
#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/data/errors.hpp>

#include "session.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace riskatlas::data {
namespace {

using nlohmann::json;

template <typename T> json or_null(const std::optional<T> &value) {
    return value ? json(*value) : json(nullptr);
}

json wkb_or_null(const std::optional<geo::geometry> &g) {
    return g ? json(g->to_hex_wkb()) : json(nullptr);
}

json to_json(const region_record &r) {
    return {{"code", r.code},
            {"name", r.name},
            {"kind", r.kind},
            {"parent_code", or_null(r.parent_code)},
            {"park_type", or_null(r.park_type)},
            {"approximate", r.approximate},
            {"generated", r.generated},
            {"note", or_null(r.note)},
            {"geom_wkb", r.geom.to_hex_wkb()}};
}

json to_json(const enterprise_record &e) {
    return {{"credit_code", e.credit_code},
            {"name", e.name},
            {"industry_code", or_null(e.industry_code)},
            {"industry_name", or_null(e.industry_name)},
            {"supervision_category", e.supervision_category},
            {"township_code", or_null(e.township_code)},
            {"park_code", or_null(e.park_code)},
            {"address", or_null(e.address)},
            {"workers", or_null(e.workers)},
            {"major_hazard_level", or_null(e.major_hazard_level)},
            {"hazardous_processes", e.hazardous_processes},
            {"reaction_hazard_level", or_null(e.reaction_hazard_level)},
            {"standardisation_level", or_null(e.standardisation_level)},
            {"monitoring_connected", e.monitoring_connected},
            {"accidents_3y", e.accidents_3y},
            {"approximate", e.approximate},
            {"generated", e.generated},
            {"geom_wkb", wkb_or_null(e.geom)}};
}

json to_json(const hazard_record &h) {
    return {{"code", h.code},
            {"channel", h.channel},
            {"level", h.level},
            {"category", or_null(h.category)},
            {"enterprise_credit_code", or_null(h.enterprise_credit_code)},
            {"township_code", or_null(h.township_code)},
            {"description", h.description},
            {"found_on", h.found_on},
            {"deadline", or_null(h.deadline)},
            {"status", h.status},
            {"closed_on", or_null(h.closed_on)},
            {"generated", h.generated},
            {"geom_wkb", wkb_or_null(h.geom)}};
}

json to_json(const railway_record &r) {
    return {{"name", or_null(r.name)}, {"source", r.source}, {"geom_wkb", r.geom.to_hex_wkb()}};
}

json to_json(const park_profile_record &p) {
    return {{"park_code", p.park_code},
            {"recognised", p.recognised},
            {"years_since_overall_assessment", or_null(p.years_since_overall_assessment)},
            {"risk_acceptable", p.risk_acceptable},
            {"control_line", p.control_line},
            {"sensitive_target_distance_m", or_null(p.sensitive_target_distance_m)},
            {"residents_inside", p.residents_inside},
            {"closed_management", p.closed_management},
            {"hazmat_parking", p.hazmat_parking},
            {"fire_station", p.fire_station},
            {"supervision_body", p.supervision_body},
            {"smart_platform", p.smart_platform},
            {"emergency_plan_drilled", p.emergency_plan_drilled},
            {"emergency_rescue_team", p.emergency_rescue_team},
            {"emergency_materials", p.emergency_materials},
            {"years_since_major_accident", or_null(p.years_since_major_accident)},
            {"generated", p.generated}};
}

template <typename TRecord> std::string json_array(const std::vector<TRecord> &records) {
    json array = json::array();
    for (const auto &r : records)
        array.push_back(to_json(r));
    return array.dump();
}

// The schema resolves a hazard's enterprise by credit code with a LEFT JOIN (a hazard may have
// no enterprise); an unknown code would silently become NULL, so refuse it up front.
void check_enterprise_references(const demo_dataset &dataset) {
    std::set<std::string> codes;
    for (const auto &e : dataset.enterprises)
        codes.insert(e.credit_code);
    for (const auto &h : dataset.hazards)
        if (h.enterprise_credit_code && !codes.contains(*h.enterprise_credit_code))
            throw rejected_data("hazard " + h.code + " names enterprise " +
                                *h.enterprise_credit_code + ", which is not in the dataset");
}

content_counts read_counts(session &s) {
    const auto row = s.exec_file("sql/demo_counts.sql").at(0);
    return {row["counties"].as<std::int64_t>(),    row["townships"].as<std::int64_t>(),
            row["villages"].as<std::int64_t>(),    row["parks"].as<std::int64_t>(),
            row["enterprises"].as<std::int64_t>(), row["hazards"].as<std::int64_t>(),
            row["railways"].as<std::int64_t>()};
}

} // namespace

content_counts replace_demo_content(database &db, const demo_dataset &dataset) {
    check_enterprise_references(dataset);
    // Serialise before opening the transaction: building JSON needs no connection.
    const std::string regions = json_array(dataset.regions);
    const std::string enterprises = json_array(dataset.enterprises);
    const std::string hazards = json_array(dataset.hazards);
    const std::string railways = json_array(dataset.railways);
    const std::string park_profiles = json_array(dataset.park_profiles);

    content_counts counts;
    request_context context;
    context.statement_timeout = std::chrono::milliseconds(120000); // a bulk write, not a request
    db.transact(context, access::read_write, [&](session &s) {
        s.exec_file("sql/demo_delete_hazards.sql");
        s.exec_file("sql/demo_delete_enterprises.sql");
        s.exec_file("sql/demo_delete_regions.sql");
        s.exec_file("sql/demo_delete_railways.sql");
        s.exec_file("sql/demo_insert_regions.sql", regions);
        s.exec_file("sql/demo_insert_enterprises.sql", enterprises);
        s.exec_file("sql/demo_insert_hazards.sql", hazards);
        s.exec_file("sql/demo_insert_railways.sql", railways);
        s.exec_file("sql/demo_insert_park_profiles.sql", park_profiles);
        counts = read_counts(s);
    });
    return counts;
}

bool has_region_data(database &db) {
    bool result = false;
    db.transact({}, access::read_only, [&](session &s) {
        result = s.exec_file("sql/demo_has_region_data.sql").at(0)["has_data"].as<bool>();
    });
    return result;
}

content_counts count_content(database &db) {
    content_counts counts;
    db.transact({}, access::read_only, [&](session &s) { counts = read_counts(s); });
    return counts;
}

} // namespace riskatlas::data
