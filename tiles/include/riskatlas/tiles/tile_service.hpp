// Serves one layer's tiles: zoom-range checks, version (ETag) handling, compression, TileJSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/layer_store.hpp>
#include <riskatlas/tiles/registry.hpp>

namespace riskatlas::tiles {

struct tile_request {
    std::string layer;
    geo::tile_id tile;
    std::optional<std::int64_t> known_version; ///< from If-None-Match
    bool accepts_gzip = false;
};

struct tile_response {
    enum class kind { tile, empty, not_modified } outcome = kind::empty;
    data::layer_version version;
    std::string body; ///< MVT bytes, gzip-compressed when `gzipped`
    bool gzipped = false;
};

/// "<data version>-<declaration fingerprint>": what TileJSON puts in `?v=` and what a cached tile
/// URL must carry to be treated as immutable.
std::string version_tag(const layer_decl& layer, std::int64_t version);

class tile_service {
public:
    tile_service(const registry& layers, data::database& db);

    /// Throws riskatlas::not_found for an unknown layer and invalid_argument for an invalid
    /// tile. A zoom outside the layer's range is an empty tile, not an error, so clients that
    /// ignore TileJSON's range still render.
    tile_response tile(const data::request_context& ctx, const tile_request& request) const;

    /// TileJSON 3.0.0 for the layer; `base_url` is the public origin ("http://host:port").
    nlohmann::json tilejson(const data::request_context& ctx, const std::string& layer,
                            const std::string& base_url) const;

    const data::layer_store& store() const noexcept { return m_store; }
    const registry& layers() const noexcept { return m_layers; }

private:
    const registry& m_layers;
    data::database& m_db;
    data::layer_store m_store;
};

} // namespace riskatlas::tiles
