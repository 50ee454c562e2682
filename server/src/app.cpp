// Service wiring and the full route list.
#include "app.hpp"

namespace riskatlas::server {

services::services(server_config cfg)
    : config(std::move(cfg)), db(config.db), layers(tiles::registry::builtin()),
      tile_service(layers, db) {}

data::request_context read_context(const http_request&) { return {}; }

std::vector<route> all_routes(services& s) {
    std::vector<route> out;
    for (auto part : {tile_routes(s), ogc_routes(s), api_routes(s), static_routes(s)})
        for (auto& r : part)
            out.push_back(std::move(r));
    return out;
}

} // namespace riskatlas::server
