// The application: its services and its routes, independent of the HTTP library.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <riskatlas/analysis/explain.hpp>
#include <riskatlas/analysis/models.hpp>
#include <riskatlas/analysis/recompute.hpp>
#include <riskatlas/data/database.hpp>
#include <riskatlas/tiles/registry.hpp>
#include <riskatlas/tiles/tile_service.hpp>

#include "config.hpp"
#include "http_types.hpp"
#include "jobs.hpp"

#include <mutex>
#include <set>

namespace riskatlas::server {

using handler = std::function<http_response(const http_request&)>;

struct route {
    std::string method;  ///< "GET", ...
    std::string pattern; ///< Pistache syntax: "/tiles/:layer/:z/:x/:y", "*" splat
    handler handle;
};

/// A recompute's report as served by /api/jobs and logged.
nlohmann::json to_json(const analysis::recompute_report& r);
void log_recompute(const analysis::recompute_report& r);

/// Which risk runs have finished, remembered once seen (a finished run never changes).
class run_index {
public:
    explicit run_index(data::database& db) : m_db(db) {}
    bool finished(const data::request_context& ctx, std::int64_t run);

private:
    data::database& m_db;
    std::mutex m_mutex;
    std::set<std::int64_t> m_known;
};

/// Long-lived services shared by all requests (each is thread-safe).
struct services {
    explicit services(server_config cfg);

    server_config config;
    data::database db;
    data::version_watch versions; ///< table versions in memory, for tiles
    tiles::registry layers;
    tiles::tile_service tile_service;
    analysis::model_set models;
    analysis::explainer explainer;
    run_index runs;
    job_runner jobs; ///< last: its worker thread may use everything above

    /// Queues a recompute job (or joins the one already queued); returns its id.
    std::string submit_recompute(bool full, const std::string& reason);
};

/// The context every read uses: the configured statement timeout, later the caller's scope.
data::request_context read_context(const http_request& request);

std::vector<route> tile_routes(services& s);
std::vector<route> ogc_routes(services& s);
std::vector<route> api_routes(services& s);
std::vector<route> static_routes(services& s);
std::vector<route> risk_routes(services& s);
std::vector<route> roads_routes(services& s);
std::vector<route> imports_routes(services& s);
/// /archive/... for config.tile_archive; none when no archive is configured.
std::vector<route> archive_routes(services& s);

/// Every route of the application, in registration order.
std::vector<route> all_routes(services& s);

} // namespace riskatlas::server
