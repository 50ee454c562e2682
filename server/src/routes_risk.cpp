// Risk engine API: explanations of computed features, the list of runs (layer versions), and
// recompute jobs.
#include "app.hpp"
#include "layer_view.hpp"
#include "params.hpp"

#include <riskatlas/data/risk_store.hpp>

#include <riskatlas/error.hpp>

namespace riskatlas::server {
namespace {

using nlohmann::json;

http_response explain(services& s, const http_request& req) {
    const auto& layer = s.layers.at(req.param(":layer"));
    for (const auto& [name, value] : req.query)
        if (!is_view_parameter(layer, name))
            throw invalid_argument("unknown_parameter", "unknown query parameter '" + name + "'");
    if (!analysis::explainer::explains(layer.id))
        throw not_found("unexplained_layer", "layer " + layer.id +
                                                 " holds facts, not grades: nothing to explain");
    const auto fid = static_cast<std::int64_t>(parse_unsigned("id", req.param(":id"), INT64_MAX));
    const auto out = s.explainer.explain(layer_context(s, layer, req), layer.id, fid);
    if (!out)
        throw not_found("feature_not_found", "layer " + layer.id + " has no feature " +
                                                 std::to_string(fid) + " at this version");
    auto r = http_response::json(200, *out);
    // An explanation pinned to a version never changes; the newest one does.
    r.with_header("Cache-Control", req.query_value("version") ? "public, max-age=86400, immutable"
                                                              : "no-cache");
    return r;
}

http_response runs(services& s, const http_request& req) {
    reject_unknown_query(req.query, {"limit"});
    const auto limit = static_cast<int>(parse_limit(req.query_value("limit"), 50, 1000));
    auto list = json::array();
    for (const auto& r : data::risk_reader(s.db).runs(read_context(req), limit))
        list.push_back({{"version", r.id},
                        {"kind", r.kind},
                        {"reason", r.reason},
                        {"models", json::parse(r.models_json)},
                        {"changed", json::parse(r.changed_json)},
                        {"started_at", r.started_at},
                        {"finished_at", r.finished_at}});
    auto out = http_response::json(200, {{"runs", list}});
    out.with_header("Cache-Control", "no-cache");
    return out;
}

// Body: empty, or {"full": true|false}. Anything else is named and refused.
bool parse_recompute_body(const std::string& body) {
    if (body.empty())
        return false;
    const auto doc = json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        throw invalid_argument("invalid_body", "the body must be a JSON object such as {\"full\": true}");
    bool full = false;
    for (const auto& [key, value] : doc.items()) {
        if (key != "full")
            throw invalid_argument("unknown_field", "unknown field '" + key + "'; accepted: full");
        if (!value.is_boolean())
            throw invalid_argument("invalid_field", "full must be true or false");
        full = value.get<bool>();
    }
    return full;
}

http_response recompute(services& s, const http_request& req) {
    reject_unknown_query(req.query, {});
    const bool full = parse_recompute_body(req.body);
    const auto id = s.submit_recompute(full, "api");
    const auto status = s.jobs.status(id);
    auto r = http_response::json(202, to_json(*status));
    r.with_header("Location", "/api/jobs/" + id).with_header("Cache-Control", "no-store");
    return r;
}

http_response job(services& s, const http_request& req) {
    reject_unknown_query(req.query, {});
    const auto status = s.jobs.status(req.param(":id"));
    if (!status)
        throw not_found("job_not_found", "no job " + req.param(":id") +
                                             " (finished jobs are kept for the last 100)");
    auto r = http_response::json(200, to_json(*status));
    r.with_header("Cache-Control", "no-store");
    return r;
}

http_response jobs(services& s, const http_request& req) {
    reject_unknown_query(req.query, {});
    auto list = json::array();
    for (const auto& j : s.jobs.list())
        list.push_back(to_json(j));
    auto r = http_response::json(200, {{"jobs", list}});
    r.with_header("Cache-Control", "no-store");
    return r;
}

} // namespace

std::vector<route> risk_routes(services& s) {
    return {
        {"GET", "/api/explain/:layer/:id", [&s](const http_request& r) { return explain(s, r); }},
        {"GET", "/api/runs", [&s](const http_request& r) { return runs(s, r); }},
        {"POST", "/api/recompute", [&s](const http_request& r) { return recompute(s, r); }},
        {"GET", "/api/jobs", [&s](const http_request& r) { return jobs(s, r); }},
        {"GET", "/api/jobs/:id", [&s](const http_request& r) { return job(s, r); }},
    };
}

} // namespace riskatlas::server
