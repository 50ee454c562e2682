// Layer views: version pins and declared parameters.
#include "layer_view.hpp"

#include "app.hpp"
#include "params.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>

namespace riskatlas::server {

bool is_view_parameter(const tiles::layer_decl& layer, std::string_view name) {
    return (layer.versioned && name == "version") || layer.find_parameter(name) != nullptr;
}

data::request_context layer_context(services& s, const tiles::layer_decl& layer,
                                    const http_request& req) {
    auto ctx = read_context(req);
    if (layer.versioned) {
        if (const auto v = req.query_value("version")) {
            const auto run = static_cast<std::int64_t>(parse_unsigned("version", *v, INT64_MAX));
            if (!s.runs.finished(ctx, run))
                throw not_found("unknown_version",
                                "layer " + layer.id + " has no version " + *v +
                                    "; GET /api/runs lists the versions (runs) that exist");
            ctx.as_of_run = run;
        }
    }
    for (const auto& p : layer.parameters) {
        const auto value = req.query_value(p.name).value_or(p.default_value);
        if (std::ranges::find(p.values, value) == p.values.end()) {
            std::string accepted;
            for (const auto& a : p.values)
                accepted += (accepted.empty() ? "" : ", ") + a;
            throw invalid_argument("invalid_parameter", p.name + "=" + value +
                                                            " is not accepted; one of: " + accepted);
        }
        ctx.settings.emplace_back(p.setting, value);
    }
    return ctx;
}

std::string view_query_suffix(const tiles::layer_decl& layer, const http_request& req) {
    std::string out;
    for (const auto& [name, value] : req.query)
        if (is_view_parameter(layer, name))
            out += "&" + url_encode(name) + "=" + url_encode(value);
    return out;
}

std::string view_fingerprint(const tiles::layer_decl& layer, const http_request& req) {
    std::string out = layer.fingerprint;
    // Values are validated against the declaration (layer_context) before they reach an ETag.
    for (const auto& p : layer.parameters)
        if (const auto v = req.query_value(p.name); v && *v != p.default_value)
            out += "." + *v;
    return out;
}

} // namespace riskatlas::server
