// Pre-seeding: builds every non-empty tile of some layers over a zoom range through the same
// tile_service the server answers from, and writes them into one MBTiles archive, each tile
// holding every requested layer as its own MVT layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <riskatlas/data/database.hpp>
#include <riskatlas/geo/bbox.hpp>
#include <riskatlas/geo/tile.hpp>
#include <riskatlas/tiles/tile_service.hpp>

namespace riskatlas::tiles {

struct zoom_range {
    int min = 0;
    int max = 0;
    friend bool operator==(const zoom_range&, const zoom_range&) = default;
};

/// "0-12" or a single "7"; throws invalid_argument("invalid_zooms") for anything else, a
/// reversed range or a zoom beyond geo::max_zoom.
zoom_range parse_zoom_range(std::string_view text);

/// Layer ids from "a,b" (empty: every layer of `layers`); throws not_found("unknown_layer")
/// naming an id the registry lacks and invalid_argument for an empty item or a repeat.
std::vector<std::string> parse_layer_list(const registry& layers, std::string_view text);

struct seed_options {
    std::vector<std::string> layers; ///< in the order their MVT layers appear in each tile
    zoom_range zooms{0, 12};
    std::optional<geo::bbox> bbox_lonlat; ///< limits the layers' extent further
    std::size_t threads = 2;              ///< concurrent tile builds (one pooled connection each)
};

struct seed_progress {
    int zoom = 0;
    std::size_t zoom_done = 0, zoom_total = 0; ///< tiles visited at `zoom`, and to visit there
    std::size_t done = 0, total = 0;           ///< over every zoom
    std::size_t written = 0;                   ///< non-empty tiles so far
    bool zoom_finished = false;                ///< the last tile of `zoom` was just visited
};

struct seed_report {
    std::size_t visited = 0, written = 0;
    std::uint64_t bytes = 0; ///< gzip bytes written (the tiles as stored)
    std::size_t largest_bytes = 0;
    geo::tile_id largest;
    std::optional<geo::bbox> bounds; ///< what was seeded: the layers' extent within --bbox
    double seconds = 0;
};

/// Seeds `options.layers` into `archive_path` (a new file, see mbtiles_writer). Metadata follows
/// MBTiles 1.3 for vector tiles (format pbf, bounds, center, minzoom, maxzoom, json with
/// vector_layers). Layer views with parameters use their defaults, computed layers their
/// current version. `progress` is called after every visited tile, from one thread at a time.
seed_report seed_archive(const tile_service& service, data::database& db,
                         const seed_options& options, const std::string& archive_path,
                         const std::function<void(const seed_progress&)>& progress = {});

} // namespace riskatlas::tiles
