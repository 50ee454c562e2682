// What each subcommand does, once the command line has been parsed and validated.
#pragma once

#include <string>

#include "config.hpp"

#include <riskatlas/demo/yanzhou.hpp>
#include <riskatlas/ingest/import.hpp>

namespace riskatlas::server {

/// Serves HTTP until SIGINT/SIGTERM; returns the exit code.
int command_serve(const server_config& cfg);
/// Applies pending migrations.
int command_migrate(const server_config& cfg);
/// Migrates, then loads the demo region if the database holds no regions yet (or when forced),
/// then recomputes the risk layers (in full after a load).
int command_setup(const server_config& cfg, const std::string& demo_dir, bool force_demo,
                  const demo::yanzhou_params& demo_params);
/// Recomputes the risk layers once (incremental unless `full`), with progress on stderr.
int command_recompute(const server_config& cfg, bool full);
/// What `riskatlas import` was asked to do.
struct import_command {
    ingest::import_options options;
    std::string mapping_file; ///< JSON mapping, empty for aliases only
    bool json = false;        ///< print the report as JSON instead of a summary
    std::string report_file;  ///< also write the JSON report here
    std::string rejects_file; ///< also write the rejects as CSV here
};
/// Runs one import; exit code 0 when committed (or a clean dry run), 2 when rows were rejected
/// and nothing was written.
int command_import(const server_config& cfg, const import_command& cmd);
/// Prints the importable kinds and their fields.
int command_import_kinds();
/// What `riskatlas seed` was asked to do (validated by command_seed before any database work).
struct seed_command {
    std::string layers;         ///< "a,b"; empty: every layer
    std::string zooms = "0-12"; ///< "min-max" or one zoom
    std::string bbox;           ///< "minLon,minLat,maxLon,maxLat"; empty: the layers' extent
    std::string out;            ///< FILE.mbtiles
    std::size_t threads = 2;    ///< tiles built at once, one pooled connection each
    bool force = false;         ///< replace an existing FILE
};
/// Seeds an MBTiles archive with a progress bar on stderr; logs the summary.
int command_seed(const server_config& cfg, const seed_command& cmd);
/// Prints the layer registry.
int command_layers(bool as_json);
/// Prints a layer's tile SQL ($1 = z, $2 = x, $3 = y).
int command_tile_sql(const std::string& layer);

} // namespace riskatlas::server
