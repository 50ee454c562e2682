// The application: its services and its routes, independent of the HTTP library.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <riskatlas/data/database.hpp>
#include <riskatlas/tiles/registry.hpp>
#include <riskatlas/tiles/tile_service.hpp>

#include "config.hpp"
#include "http_types.hpp"

namespace riskatlas::server {

using handler = std::function<http_response(const http_request&)>;

struct route {
    std::string method;  ///< "GET", ...
    std::string pattern; ///< Pistache syntax: "/tiles/:layer/:z/:x/:y", "*" splat
    handler handle;
};

/// Long-lived services shared by all requests (each is thread-safe).
struct services {
    explicit services(server_config cfg);

    server_config config;
    data::database db;
    tiles::registry layers;
    tiles::tile_service tile_service;
};

/// The context every read uses: the configured statement timeout, later the caller's scope.
data::request_context read_context(const http_request& request);

std::vector<route> tile_routes(services& s);
std::vector<route> ogc_routes(services& s);
std::vector<route> api_routes(services& s);
std::vector<route> static_routes(services& s);

/// Every route of the application, in registration order.
std::vector<route> all_routes(services& s);

} // namespace riskatlas::server
