// What each subcommand does, once the command line has been parsed and validated.
#pragma once

#include <string>

#include "config.hpp"

#include <riskatlas/demo/yanzhou.hpp>

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
/// Prints the layer registry.
int command_layers(bool as_json);
/// Prints a layer's tile SQL ($1 = z, $2 = x, $3 = y).
int command_tile_sql(const std::string& layer);

} // namespace riskatlas::server
