// Validated configuration, read once in main.cpp (command line, config file, RISKATLAS_* env)
// and passed down as plain values; no module reads the environment.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <riskatlas/data/database.hpp>

namespace riskatlas::server {

struct basemap_config {
    std::string tiles_url;   ///< raster XYZ template, e.g. a Tianditu WMTS URL with the key; empty = none
    std::string attribution;
    int tile_size = 256;
};

struct server_config {
    std::string host = "0.0.0.0";
    std::uint16_t port = 8080;
    std::size_t threads = 4;      ///< Pistache workers (the CLI resolves 0 to 2 x cores, min 4)
    std::string public_url;       ///< origin used in links; empty = from the Host header
    std::string web_root;         ///< the web client (index.html, app.js)
    std::string styles_root;      ///< MapLibre styles
    std::string vendor_root;      ///< node_modules, for maplibre-gl's dist files
    std::size_t max_request_bytes = 64u << 20; // uploads of GIS files and ledgers (imports)
    std::size_t tile_cache_mb = 256; ///< in-process tile cache bound (0: no cache)
    std::size_t default_items_limit = 10;
    std::size_t max_items_limit = 10000;
    basemap_config basemap;
    std::string models_dir;          ///< risk models (risk/models/*.json), read at start-up
    /// How often the server checks for changed inputs and recomputes the risk layers; 0 = never
    /// (recompute only on POST /api/recompute).
    double recompute_interval_s = 5;
    /// How far (metres) each end of a drawn works line may lie from a route to be placed on it.
    /// [U] our default: no rule fixes it; GPS traces from field crews are good to a few metres.
    double works_snap_m = 50;
    data::db_config db;
    std::string tile_archive; ///< MBTiles file served read-only under /archive (empty: none)
};

} // namespace riskatlas::server
