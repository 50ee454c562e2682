// Rural roads API: coverage of safety works over the risky segments (by township, route or
// hazard type) and the danger-bridge tracker, as JSON for the dashboard or CSV for a spreadsheet;
// one bridge with its inspection history for the rural-roads page.
#include "app.hpp"
#include "params.hpp"

#include <riskatlas/analysis/bridge_tracker.hpp>
#include <riskatlas/data/roads_store.hpp>
#include <riskatlas/error.hpp>
#include <riskatlas/roads/route_code.hpp>
#include <riskatlas/roads/stake.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace riskatlas::server {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 3> groupings{"township", "route", "type"};

json totals_json(double identified_m, double treated_m) {
    json out{{"identified_m", std::round(identified_m * 10) / 10},
             {"treated_m", std::round(treated_m * 10) / 10},
             {"untreated_m", std::round((identified_m - treated_m) * 10) / 10}};
    out["ratio"] = identified_m > 0 ? json(std::round(treated_m / identified_m * 10000) / 10000)
                                    : json(nullptr);
    return out;
}

// The hazard-segment types of ../shared/domain/rural-roads.md §3.1 (the codes are ours).
const std::map<std::string, std::string>& type_names() {
    static const std::map<std::string, std::string> names{
        {"LSLY", "临水临崖"}, {"JWDP", "急弯陡坡"}, {"LXCXP", "连续长下坡"}, {"PJLK", "平交路口"},
        {"CCGZ", "穿村过镇"}, {"SJBL", "视距不良"}, {"SGDF", "事故多发路段"}, {"QLTX", "桥隧连接"}};
    return names;
}

std::string display_name(const std::string& by, const data::coverage_total_row& row) {
    if (by != "type")
        return row.name;
    const auto it = type_names().find(row.key);
    return it == type_names().end() ? row.key : it->second;
}

// RFC 4180: quote every text field, double the quotes inside.
std::string csv_text(const std::string& s) {
    std::string out = "\"";
    for (const char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string csv_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

http_response coverage(services& s, const http_request& req) {
    reject_unknown_query(req.query, {"by", "f"});
    const std::string by = req.query_value("by").value_or("township");
    if (std::find(groupings.begin(), groupings.end(), by) == groupings.end())
        throw invalid_argument("invalid_parameter",
                               "by must be township, route or type, not '" + by + "'");
    const std::string format = req.query_value("f").value_or("json");
    if (format != "json" && format != "csv")
        throw invalid_argument("invalid_parameter", "f must be json or csv, not '" + format + "'");
    const auto c = data::read_stored_coverage(s.db, read_context(req), by);
    if (format == "csv") {
        std::string body = "key,name,identified_m,treated_m,untreated_m,ratio\r\n";
        for (const auto& g : c.groups)
            body += csv_text(g.key) + "," + csv_text(display_name(by, g)) + "," +
                    csv_number(g.identified_m) + "," + csv_number(g.treated_m) + "," +
                    csv_number(g.identified_m - g.treated_m) + "," +
                    (g.identified_m > 0 ? csv_number(g.treated_m / g.identified_m * 100) + "%"
                                        : std::string()) +
                    "\r\n";
        auto r = http_response::text(200, std::move(body), "text/csv; charset=utf-8");
        r.with_header("Content-Disposition",
                      "attachment; filename=\"road-works-coverage-by-" + by + ".csv\"");
        return r;
    }
    auto list = json::array();
    for (const auto& g : c.groups) {
        auto j = totals_json(g.identified_m, g.treated_m);
        j["key"] = g.key;
        j["name"] = display_name(by, g);
        list.push_back(std::move(j));
    }
    return http_response::json(
        200, {{"by", by},
              {"overall", totals_json(c.overall.identified_m, c.overall.treated_m)},
              {"groups", list},
              {"segments", c.segments},
              {"gaps", c.gaps},
              {"rule", "treated = stake ranges of completed or accepted works on the segment's "
                       "route; overlapping works count once; a metre in two segment types "
                       "counts in each type but once in route, township and overall totals"}});
}

json counts_json(const analysis::bridge_counts& c) {
    return {{"danger", c.danger},
            {"overdue", c.overdue},
            {"no_deadline", c.no_deadline},
            {"stock", c.stock},
            {"no_interim_measure", c.no_interim_measure},
            {"cleared_this_year", c.cleared},
            {"newly_found", c.newly_found},
            {"dynamic_zero", c.dynamic_zero()}};
}

json bridge_json(const data::tracked_bridge_row& b) {
    const auto or_null = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
    return {{"code", b.code},
            {"name", b.name},
            {"route_code", b.route_code},
            {"stake", b.stake},
            {"condition_class", b.condition_class},
            {"rated_at", b.rated_at},
            {"interim_measure", b.interim_measure},
            {"treatment", or_null(b.treatment)},
            {"treatment_deadline", or_null(b.treatment_deadline)},
            {"treated_at", or_null(b.treated_at)},
            {"danger", b.danger},
            {"overdue", b.overdue},
            {"cleared_this_year", b.cleared},
            {"newly_found", b.newly_found},
            {"township_code", or_null(b.township_code)},
            {"township_name", or_null(b.township_name)}};
}

std::string bridges_csv(const analysis::bridge_tracker& t) {
    std::string body = "code,name,route_code,stake,condition_class,rated_at,interim_measure,"
                       "treatment,treatment_deadline,treated_at,danger,overdue,cleared_this_year,"
                       "township\r\n";
    for (const auto& b : t.bridges)
        body += csv_text(b.code) + "," + csv_text(b.name) + "," + csv_text(b.route_code) + "," +
                csv_text(b.stake) + "," + std::to_string(b.condition_class) + "," + b.rated_at +
                "," + b.interim_measure + "," + b.treatment + "," + b.treatment_deadline + "," +
                b.treated_at + "," + (b.danger ? "true" : "false") + "," +
                (b.overdue ? "true" : "false") + "," + (b.cleared ? "true" : "false") + "," +
                csv_text(b.township_name) + "\r\n";
    return body;
}

// The tracker judged on ?as_of= (default today), "newly found" since ?since=.
http_response bridges(services& s, const http_request& req) {
    reject_unknown_query(req.query, {"as_of", "since", "f"});
    const auto as_of = parse_iso_date("as_of", req.query_value("as_of").value_or(today_utc()));
    std::optional<std::string> since;
    if (const auto v = req.query_value("since"))
        since = parse_iso_date("since", *v);
    const std::string format = req.query_value("f").value_or("json");
    if (format != "json" && format != "csv")
        throw invalid_argument("invalid_parameter", "f must be json or csv, not '" + format + "'");
    const auto t = analysis::track_bridges(s.db, read_context(req), as_of, since);
    if (format == "csv") {
        auto r = http_response::text(200, bridges_csv(t), "text/csv; charset=utf-8");
        r.with_header("Content-Disposition",
                      "attachment; filename=\"danger-bridges-" + as_of + ".csv\"");
        return r;
    }
    auto townships = json::array();
    for (const auto& [code, c] : t.by_township) {
        auto j = counts_json(c);
        j["code"] = code;
        j["name"] = code.empty() ? "（区外或未定位）" : t.township_names.at(code);
        townships.push_back(std::move(j));
    }
    auto routes = json::array();
    for (const auto& [code, c] : t.by_route) {
        auto j = counts_json(c);
        j["route_code"] = code;
        routes.push_back(std::move(j));
    }
    auto list = json::array();
    for (const auto& b : t.bridges)
        list.push_back(bridge_json(b));
    return http_response::json(200, {{"as_of", t.as_of},
                                     {"year_start", t.year_start},
                                     {"since", t.since ? json(*t.since) : json(nullptr)},
                                     {"overall", counts_json(t.overall)},
                                     {"by_township", townships},
                                     {"by_route", routes},
                                     {"bridges", list}});
}

// The bridges table's bridges_code_format (route code + L + sequence), letters in either case.
std::string parse_bridge_code(const std::string& text) {
    auto code = roads::parse_bridge_code(text);
    if (!code)
        throw invalid_argument("invalid_bridge_code",
                               "a bridge code is a route code, L and a 4-5 digit sequence, e.g. "
                               "X001370812L0010");
    return *code;
}

json inspections_json(const std::vector<data::bridge_inspection_record>& list) {
    const auto or_null = [](const auto& v) { return v ? json(*v) : json(nullptr); };
    auto out = json::array();
    for (const auto& i : list)
        out.push_back({{"inspected_at", i.inspected_at},
                       {"kind", i.kind},
                       {"condition_class", i.condition_class},
                       {"dr_score", or_null(i.dr_score)},
                       {"note", or_null(i.note)}});
    return out;
}

// GET /api/roads/bridges/{code}: every field of one bridge, its map state and township, and its
// inspections oldest first.
http_response bridge_detail(services& s, const http_request& req) {
    reject_unknown_query(req.query, {});
    const auto code = parse_bridge_code(req.param(":code"));
    const auto d = data::read_bridge_detail(s.db, read_context(req), code);
    if (!d)
        throw not_found("unknown_bridge", "no bridge with code " + code);
    const auto or_null = [](const auto& v) { return v ? json(*v) : json(nullptr); };
    const auto& b = d->bridge;
    return http_response::json(
        200, {{"code", b.code},
              {"name", or_null(b.name)},
              {"route_code", b.route_code},
              {"route_name", or_null(d->route_name)},
              {"stake", d->stake},
              {"centre_m", b.centre_m},
              {"length_m", b.length_m},
              {"max_span_m", or_null(b.max_span_m)},
              {"structure_type", or_null(b.structure_type)},
              {"built_year", or_null(b.built_year)},
              {"condition_class", b.condition_class},
              {"dr_score", or_null(b.dr_score)},
              {"rated_at", b.rated_at},
              {"danger", d->danger},
              {"state", d->state},
              {"missing_interim_measure", d->missing_interim_measure},
              {"interim_measure", b.interim_measure},
              {"treatment", or_null(b.treatment)},
              {"treatment_deadline", or_null(b.treatment_deadline)},
              {"treated_at", or_null(b.treated_at)},
              {"status", b.status},
              {"generated", b.generated},
              {"note", or_null(b.note)},
              {"township_code", or_null(d->township_code)},
              {"township_name", or_null(d->township_name)},
              {"fid", d->fid},
              {"geometry", {{"type", "Point"}, {"coordinates", {d->lon, d->lat}}}},
              {"inspections", inspections_json(d->inspections)}});
}

// Fields a works record may carry; anything else is refused by name.
constexpr std::array<const char*, 11> works_fields{"code",   "route_code", "from_stake",
                                                   "to_stake", "geometry", "kind",
                                                   "status", "started_on", "completed_on",
                                                   "accepted_on", "note"};

std::optional<std::string> text_field(const json& body, const char* name) {
    if (!body.contains(name) || body[name].is_null())
        return std::nullopt;
    if (!body[name].is_string())
        throw invalid_argument("invalid_body", std::string(name) + " must be a string");
    return body[name].get<std::string>();
}

std::string required(const json& body, const char* name) {
    auto v = text_field(body, name);
    if (!v)
        throw invalid_argument("invalid_body", std::string("missing field ") + name);
    return *v;
}

// Where the works lie: stakes on a named route, or a drawn line placed on the nearest route.
void place_works(services& s, const json& body, data::safety_works_record& w) {
    if (body.contains("geometry")) {
        if (body.contains("from_stake") || body.contains("to_stake"))
            throw invalid_argument("invalid_body", "give stakes or a geometry, not both");
        const auto& g = body["geometry"];
        if (!g.is_object() || g.value("type", "") != "LineString")
            throw invalid_argument("invalid_geometry", "geometry must be a GeoJSON LineString");
        const auto snapped = data::snap_line(s.db, g.dump(), s.config.works_snap_m);
        if (!snapped)
            throw invalid_argument("too_far_from_route",
                                   "the drawn line's ends are not both within " +
                                       std::to_string(static_cast<int>(s.config.works_snap_m)) +
                                       " m of one route");
        if (const auto named = text_field(body, "route_code");
            named && roads::parse_route_code(*named).text != snapped->route_code)
            throw invalid_argument("too_far_from_route", "the drawn line lies on " +
                                                             snapped->route_code + ", not " + *named);
        w.route_code = snapped->route_code;
        w.from_m = std::round(snapped->from_m);
        w.to_m = std::round(snapped->to_m);
        return;
    }
    w.route_code = roads::parse_route_code(required(body, "route_code")).text;
    w.from_m = roads::parse_stake(required(body, "from_stake"));
    w.to_m = roads::parse_stake(required(body, "to_stake"));
}

// POST /api/roads/works: one safety works record, checked here first (clear messages), then by
// the database's constraints (stakes on the route, dates in order); all or nothing.
http_response add_works(services& s, const http_request& req) {
    const auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw invalid_argument("invalid_body", "the body must be a JSON object");
    for (const auto& [key, value] : body.items())
        if (std::find_if(works_fields.begin(), works_fields.end(),
                         [&](const char* f) { return key == f; }) == works_fields.end())
            throw invalid_argument("unknown_field", "unknown field '" + key + "'");
    data::safety_works_record w;
    w.code = required(body, "code");
    w.kind = required(body, "kind");
    w.status = required(body, "status");
    for (auto [field, target] : {std::pair{"started_on", &w.started_on},
                                 std::pair{"completed_on", &w.completed_on},
                                 std::pair{"accepted_on", &w.accepted_on}})
        if (const auto v = text_field(body, field))
            *target = parse_iso_date(field, *v);
    w.note = text_field(body, "note");
    place_works(s, body, w);
    if (w.from_m >= w.to_m)
        throw invalid_argument("invalid_stake_range", "from " + roads::format_stake(w.from_m) +
                                                          " must come before to " +
                                                          roads::format_stake(w.to_m));
    data::insert_safety_works(s.db, {w});
    s.versions.refresh(s.db); // the works and gaps layers show it on the next request
    auto r = http_response::json(201, {{"code", w.code},
                                       {"route_code", w.route_code},
                                       {"from_stake", roads::format_stake(w.from_m)},
                                       {"to_stake", roads::format_stake(w.to_m)},
                                       {"from_m", w.from_m},
                                       {"to_m", w.to_m},
                                       {"kind", w.kind},
                                       {"status", w.status}});
    return r;
}

} // namespace

std::vector<route> roads_routes(services& s) {
    return {
        {"GET", "/api/roads/coverage", [&s](const http_request& r) { return coverage(s, r); }},
        {"GET", "/api/roads/bridges", [&s](const http_request& r) { return bridges(s, r); }},
        {"GET", "/api/roads/bridges/:code",
         [&s](const http_request& r) { return bridge_detail(s, r); }},
        {"POST", "/api/roads/works", [&s](const http_request& r) { return add_works(s, r); }},
    };
}

} // namespace riskatlas::server
