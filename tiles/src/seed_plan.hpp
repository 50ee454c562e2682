// Which tiles a seed visits and which layers it asks for in each: only tiles whose square (with
// the MVT buffer) meets a layer's extent, within the layer's zoom range and the optional bbox.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <riskatlas/data/database.hpp>
#include <riskatlas/geo/bbox.hpp>
#include <riskatlas/tiles/seed.hpp>
#include <riskatlas/tiles/tile_service.hpp>

namespace riskatlas::tiles {

/// A requested layer: its declaration, the read context of its default view, its extent.
struct seed_layer {
    const layer_decl* decl = nullptr;
    data::request_context context;
    std::optional<geo::bbox> extent;
};

struct planned_tile {
    geo::tile_id tile;
    std::vector<bool> layers; ///< by index into the seed_layer list: worth asking this layer
};

/// Declarations, default-view contexts and extents of `ids` (every layer when empty).
std::vector<seed_layer> resolve_layers(const tile_service& service, data::database& db,
                                       const std::vector<std::string>& ids);

/// One context carrying every layer's default view settings (for reads across layers).
data::request_context merged_context(const std::vector<seed_layer>& layers);

/// The union of the layers' extents, cut to `bbox` when given; nullopt when nothing is left.
std::optional<geo::bbox> seed_bounds(const std::vector<seed_layer>& layers,
                                     const std::optional<geo::bbox>& bbox);

/// The tiles to visit, zoom by zoom from the lowest, each with the layers worth asking.
std::vector<planned_tile> plan_tiles(const std::vector<seed_layer>& layers,
                                     const seed_options& options,
                                     const std::optional<geo::bbox>& bounds);

/// A coordinate with six decimals (about 0.1 m), as metadata and TileJSON write bounds.
std::string fmt_number(double value);

} // namespace riskatlas::tiles
