// GET /tiles/{layer}/{z}/{x}/{y}.mvt and GET /tiles/{layer}.json (TileJSON 3.0).
#include "app.hpp"
#include "layer_view.hpp"
#include "params.hpp"

#include <riskatlas/error.hpp>

namespace riskatlas::server {
namespace {

constexpr auto mvt_type = "application/vnd.mapbox-vector-tile";

// With ?v= equal to the current version (TileJSON's URLs carry it) the bytes at this URL never
// change, so caches may keep them; otherwise revalidate with the ETag every time.
// A tile pinned to a finished run (?version=) never changes either.
std::string cache_control(const http_request& req, const data::request_context& ctx,
                          const std::string& current_tag) {
    if (ctx.as_of_run || req.query_value("v") == current_tag)
        return "public, max-age=86400, immutable";
    return "public, max-age=0, must-revalidate";
}

http_response tile(services& s, const http_request& req) {
    const auto& layer = s.layers.at(req.param(":layer"));
    reject_unknown_query(req.query, {"v"},
                         [&](std::string_view name) { return is_view_parameter(layer, name); });
    const auto ctx = layer_context(s, layer, req);
    // Views of one layer (?category=) differ in content at the same version: the ETag says which.
    const auto fingerprint = view_fingerprint(layer, req);
    tiles::tile_request tr{layer.id, parse_tile(req.param(":z"), req.param(":x"), req.param(":y")),
                           version_from_etag(req.header("If-None-Match"), layer.id, fingerprint),
                           req.accepts_gzip(), fingerprint};
    auto result = s.tile_service.tile(ctx, tr);
    http_response r;
    switch (result.outcome) {
    case tiles::tile_response::kind::not_modified:
        r = http_response::empty(304);
        break;
    case tiles::tile_response::kind::empty:
        r = http_response::empty(204);
        break;
    case tiles::tile_response::kind::tile:
        r = http_response::text(200, std::move(result.body), mvt_type);
        r.body_gzipped = result.gzipped;
        r.compressible = false;
        // hit: built by an earlier or concurrent request; miss: built for this one
        r.with_header("X-Tile-Cache", result.from_cache ? "hit" : "miss");
        break;
    }
    r.with_header("ETag", etag_for(layer.id, result.version.version, fingerprint))
        .with_header("Cache-Control",
                     cache_control(req, ctx, tiles::version_tag(layer, result.version.version)))
        .with_header("Vary", "Accept-Encoding");
    return r;
}

// ?category= and ?version= given to the TileJSON carry over into its tile URLs, so a client can
// point a source at "/tiles/township_risk.json?category=coal_mine" and be done.
http_response tilejson(services& s, const http_request& req) {
    std::string file = req.param(":file");
    if (!file.ends_with(".json"))
        throw not_found("not_found", "no resource /tiles/" + file + "; TileJSON is at /tiles/{layer}.json");
    file.resize(file.size() - 5);
    const auto& layer = s.layers.at(file);
    reject_unknown_query(req.query, {"f"},
                         [&](std::string_view name) { return is_view_parameter(layer, name); });
    const auto ctx = layer_context(s, layer, req);
    auto doc = s.tile_service.tilejson(ctx, layer.id, req.base_url);
    const auto suffix = view_query_suffix(layer, req);
    for (auto& url : doc["tiles"])
        url = url.get<std::string>() + suffix;
    auto r = http_response::json(200, doc);
    r.with_header("Cache-Control", "public, max-age=0, must-revalidate");
    return r;
}

} // namespace

std::vector<route> tile_routes(services& s) {
    return {
        {"GET", "/tiles/:layer/:z/:x/:y", [&s](const http_request& r) { return tile(s, r); }},
        {"GET", "/tiles/:file", [&s](const http_request& r) { return tilejson(s, r); }},
    };
}

} // namespace riskatlas::server
