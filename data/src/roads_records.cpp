// Road records to and from the JSON arrays and rows the roads_*.sql statements take and return,
// and the derivation settings file.
#include "roads_records.hpp"

#include <riskatlas/error.hpp>

namespace riskatlas::data::detail {
namespace {

template <typename T> json or_null(const std::optional<T> &value) {
    return value ? json(*value) : json(nullptr);
}

std::optional<std::string> opt_text(const pqxx::field &f) {
    return f.is_null() ? std::nullopt : std::optional<std::string>(f.as<std::string>());
}

} // namespace

json to_json(const road_route_record &r) {
    return {{"route_code", r.route_code},       {"name", or_null(r.name)},
            {"admin_level", r.admin_level},     {"area_code", or_null(r.area_code)},
            {"township_code", or_null(r.township_code)}, {"generated", r.generated},
            {"note", or_null(r.note)}};
}

json to_json(const road_piece_record &p) {
    return {{"route_code", p.route_code}, {"piece", p.piece},  {"from_m", p.from_m},
            {"to_m", p.to_m},             {"geom_wkb", p.geom.to_hex_wkb()}};
}

json to_json(const waterway_record &w) {
    return {{"name", or_null(w.name)}, {"kind", w.kind},          {"generated", w.generated},
            {"note", or_null(w.note)}, {"geom_wkb", w.geom.to_hex_wkb()}};
}

json to_json(const bridge_record &b) {
    return {{"code", b.code},
            {"name", or_null(b.name)},
            {"route_code", b.route_code},
            {"centre_m", b.centre_m},
            {"length_m", b.length_m},
            {"max_span_m", or_null(b.max_span_m)},
            {"structure_type", or_null(b.structure_type)},
            {"built_year", or_null(b.built_year)},
            {"condition_class", b.condition_class},
            {"rated_at", b.rated_at},
            {"dr_score", or_null(b.dr_score)},
            {"interim_measure", b.interim_measure},
            {"treatment", or_null(b.treatment)},
            {"treatment_deadline", or_null(b.treatment_deadline)},
            {"treated_at", or_null(b.treated_at)},
            {"status", b.status},
            {"generated", b.generated},
            {"note", or_null(b.note)},
            {"geom_wkb", b.geom ? json(b.geom->to_hex_wkb()) : json(nullptr)}};
}

json to_json(const bridge_inspection_record &i) {
    return {{"bridge_code", i.bridge_code},         {"inspected_at", i.inspected_at},
            {"kind", i.kind},                       {"condition_class", i.condition_class},
            {"dr_score", or_null(i.dr_score)},      {"note", or_null(i.note)}};
}

json to_json(const risk_segment_record &s) {
    return {{"route_code", s.route_code},
            {"type", s.type},
            {"from_m", s.from_m},
            {"to_m", s.to_m},
            {"township_code", or_null(s.township_code)},
            {"source", s.source},
            {"rule", or_null(s.rule)},
            {"description", or_null(s.description)},
            {"identified_at", s.identified_at},
            {"baseline_year", or_null(s.baseline_year)},
            {"generated", s.generated}};
}

json to_json(const safety_works_record &w) {
    return {{"code", w.code},
            {"route_code", w.route_code},
            {"kind", w.kind},
            {"from_m", w.from_m},
            {"to_m", w.to_m},
            {"status", w.status},
            {"started_on", or_null(w.started_on)},
            {"completed_on", or_null(w.completed_on)},
            {"accepted_on", or_null(w.accepted_on)},
            {"generated", w.generated},
            {"note", or_null(w.note)}};
}

risk_segment_record segment_from_row(const pqxx::row &row) {
    risk_segment_record s;
    s.route_code = row["route_code"].as<std::string>();
    s.type = row["type"].as<std::string>();
    s.from_m = row["from_m"].as<double>();
    s.to_m = row["to_m"].as<double>();
    s.township_code = opt_text(row["township_code"]);
    s.source = row["source"].as<std::string>();
    s.rule = opt_text(row["rule"]);
    s.description = opt_text(row["description"]);
    s.identified_at = row["identified_at"].as<std::string>();
    if (!row["baseline_year"].is_null())
        s.baseline_year = row["baseline_year"].as<int>();
    s.generated = row["generated"].as<bool>();
    return s;
}

danger_bridge_row danger_bridge_from_row(const pqxx::row &row) {
    danger_bridge_row b;
    b.code = row["code"].as<std::string>();
    b.route_code = row["route_code"].as<std::string>();
    b.centre_m = row["centre_m"].as<double>();
    b.condition_class = row["condition_class"].as<int>();
    b.rated_at = row["rated_at"].as<std::string>();
    b.interim_measure = row["interim_measure"].as<std::string>();
    b.treatment_deadline = opt_text(row["treatment_deadline"]);
    b.overdue = !row["overdue"].is_null() && row["overdue"].as<bool>();
    b.township_code = opt_text(row["township_code"]);
    return b;
}

bridge_detail bridge_detail_from_row(const pqxx::row &row) {
    bridge_detail d;
    auto &b = d.bridge;
    b.code = row["code"].as<std::string>();
    b.name = opt_text(row["name"]);
    b.route_code = row["route_code"].as<std::string>();
    b.centre_m = row["centre_m"].as<double>();
    b.length_m = row["length_m"].as<double>();
    if (!row["max_span_m"].is_null())
        b.max_span_m = row["max_span_m"].as<double>();
    b.structure_type = opt_text(row["structure_type"]);
    if (!row["built_year"].is_null())
        b.built_year = row["built_year"].as<int>();
    b.condition_class = row["condition_class"].as<int>();
    b.rated_at = row["rated_at"].as<std::string>();
    if (!row["dr_score"].is_null())
        b.dr_score = row["dr_score"].as<double>();
    b.interim_measure = row["interim_measure"].as<std::string>();
    b.treatment = opt_text(row["treatment"]);
    b.treatment_deadline = opt_text(row["treatment_deadline"]);
    b.treated_at = opt_text(row["treated_at"]);
    b.status = row["status"].as<std::string>();
    b.generated = row["generated"].as<bool>();
    b.note = opt_text(row["note"]);
    d.fid = row["fid"].as<std::int64_t>();
    d.route_name = opt_text(row["route_name"]);
    d.stake = row["stake"].as<std::string>();
    d.danger = row["danger"].as<bool>();
    d.missing_interim_measure = row["missing_interim_measure"].as<bool>();
    d.state = row["state"].as<std::string>();
    d.township_code = opt_text(row["township_code"]);
    d.township_name = opt_text(row["township_name"]);
    d.lon = row["lon"].as<double>();
    d.lat = row["lat"].as<double>();
    return d;
}

bridge_inspection_record inspection_from_row(const std::string &bridge_code, const pqxx::row &row) {
    bridge_inspection_record i;
    i.bridge_code = bridge_code;
    i.inspected_at = row["inspected_at"].as<std::string>();
    i.kind = row["kind"].as<std::string>();
    i.condition_class = row["condition_class"].as<int>();
    if (!row["dr_score"].is_null())
        i.dr_score = row["dr_score"].as<double>();
    i.note = opt_text(row["note"]);
    return i;
}

} // namespace riskatlas::data::detail

namespace riskatlas::data {

road_derivation_settings parse_derivation_settings(std::string_view json_text) {
    road_derivation_settings s;
    const auto j = nlohmann::json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw invalid_argument("invalid_settings", "road derivation settings: not a JSON object");
    const auto distance = [&](const char *key, double &out) {
        if (!j.contains(key) || !j[key].is_number() || !(j[key].get<double>() > 0))
            throw invalid_argument("invalid_settings", std::string("road derivation settings: ") +
                                                           key + " must be a positive number");
        out = j[key].get<double>();
    };
    distance("village_buffer_m", s.village_buffer_m);
    distance("water_buffer_m", s.water_buffer_m);
    distance("crossing_half_length_m", s.crossing_half_length_m);
    if (j.contains("identified_at") && j["identified_at"].is_string())
        s.identified_at = j["identified_at"].get<std::string>();
    if (j.contains("baseline_year") && j["baseline_year"].is_number_integer())
        s.baseline_year = j["baseline_year"].get<int>();
    return s;
}

} // namespace riskatlas::data
