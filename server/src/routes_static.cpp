// The web client, MapLibre (from node_modules, no CDN) and MapLibre styles; /roads is the
// rural-roads page's short address.
#include "app.hpp"
#include "static_files.hpp"

namespace riskatlas::server {
namespace {
constexpr auto revalidate = "no-cache";
// maplibre-gl's files change only with package-lock.json; an hour spares reloads.
constexpr auto vendor_cache = "public, max-age=3600";
} // namespace

std::vector<route> static_routes(services& s) {
    return {
        {"GET", "/web/*", [&s](const http_request& r) {
             return serve_file(s.config.web_root, r.path.substr(std::string_view("/web/").size()), revalidate); }},
        {"GET", "/roads", [&s](const http_request&) {
             return serve_file(s.config.web_root, "roads.html", revalidate); }},
        {"GET", "/vendor/maplibre-gl/*", [&s](const http_request& r) {
             return serve_file(s.config.vendor_root + "/maplibre-gl/dist",
                               r.path.substr(std::string_view("/vendor/maplibre-gl/").size()), vendor_cache); }},
        {"GET", "/styles/:file", [&s](const http_request& r) {
             return serve_file(s.config.styles_root, r.param(":file"), revalidate); }},
    };
}

} // namespace riskatlas::server
