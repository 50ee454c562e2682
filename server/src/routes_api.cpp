// JSON API for the web client (/api/layers, /api/config) and health checks.
#include "app.hpp"

#include <riskatlas/data/layer_store.hpp>

namespace riskatlas::server {
namespace {
using nlohmann::json;

json localized(const tiles::localized& l) { return {{"zh", l.zh}, {"en", l.en}}; }

// The web map's layer list, straight from the registry plus current versions.
http_response layers(services& s, const http_request& req) {
    const auto versions = s.tile_service.store().versions(s.db, read_context(req));
    auto list = json::array();
    for (const auto& l : s.layers.layers()) {
        auto props = json::array();
        for (const auto& p : l.properties)
            props.push_back({{"name", p.name}, {"type", p.type}, {"title", localized(p.title)},
                             {"filterable", p.filterable}});
        auto parameters = json::array();
        for (const auto& p : l.parameters)
            parameters.push_back({{"name", p.name}, {"values", p.values}, {"default", p.default_value},
                                  {"title", localized(p.title)}});
        list.push_back({{"id", l.id},
                        {"versioned", l.versioned},
                        {"parameters", parameters},
                        {"title", localized(l.title)},
                        {"description", localized(l.description)},
                        {"geometry_type", l.geometry_type},
                        {"minzoom", l.minzoom},
                        {"maxzoom", l.maxzoom},
                        {"version", versions.at(l.id).version},
                        {"updated_at", versions.at(l.id).updated_at},
                        {"tilejson", "/tiles/" + l.id + ".json"},
                        {"tiles", "/tiles/" + l.id + "/{z}/{x}/{y}.mvt"},
                        {"items", "/collections/" + l.id + "/items"},
                        {"properties", props}});
    }
    auto r = http_response::json(200, {{"layers", list}});
    r.with_header("Cache-Control", "no-cache");
    return r;
}

http_response config(services& s, const http_request& req) {
    const auto& b = s.config.basemap;
    json basemap = nullptr;
    if (!b.tiles_url.empty())
        basemap = {{"tiles", {b.tiles_url}}, {"attribution", b.attribution}, {"tile_size", b.tile_size}};
    json bounds = nullptr;
    json center = {116.75, 35.57};
    if (const auto e = s.tile_service.store().extent(s.db, read_context(req), "regions")) {
        bounds = {e->min_x, e->min_y, e->max_x, e->max_y};
        center = {(e->min_x + e->max_x) / 2, (e->min_y + e->max_y) / 2};
    }
    return http_response::json(200, {{"basemap", basemap}, {"center", center}, {"zoom", 10.5},
                                     {"bounds", bounds}, {"version", RISKATLAS_VERSION}});
}

http_response health(services& s, const http_request&) {
    const bool db_ok = s.db.ping();
    const auto pool = s.db.stats();
    auto r = http_response::json(db_ok ? 200 : 503,
                                 {{"status", db_ok ? "ok" : "degraded"},
                                  {"database", db_ok ? "ok" : "unreachable"},
                                  {"pool", {{"capacity", pool.capacity}, {"open", pool.open},
                                            {"in_use", pool.in_use}}},
                                  {"version", RISKATLAS_VERSION}});
    r.with_header("Cache-Control", "no-store");
    return r;
}

} // namespace

std::vector<route> api_routes(services& s) {
    return {
        {"GET", "/api/layers", [&s](const http_request& r) { return layers(s, r); }},
        {"GET", "/api/config", [&s](const http_request& r) { return config(s, r); }},
        {"GET", "/healthz", [&s](const http_request& r) { return health(s, r); }},
        // Ready = can serve data; the same check today, kept separate for orchestrators.
        {"GET", "/readyz", [&s](const http_request& r) { return health(s, r); }},
    };
}

} // namespace riskatlas::server
