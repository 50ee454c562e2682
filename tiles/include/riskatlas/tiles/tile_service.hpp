// Serves one layer's tiles: zoom-range checks, version (ETag) handling, compression, the tile
// cache, TileJSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/layer_store.hpp>
#include <riskatlas/data/version_watch.hpp>
#include <riskatlas/tiles/registry.hpp>
#include <riskatlas/tiles/tile_cache.hpp>

namespace riskatlas::tiles {

struct tile_request {
    std::string layer;
    geo::tile_id tile;
    std::optional<std::int64_t> known_version; ///< from If-None-Match
    bool accepts_gzip = false;
    /// Which view of the layer (e.g. its ?category= and ?version=): views differ in content at
    /// the same data version, so the cache keeps them apart.
    std::string view;
};

struct tile_response {
    enum class kind { tile, empty, not_modified } outcome = kind::empty;
    data::layer_version version;
    std::string body; ///< MVT bytes, gzip-compressed when `gzipped`
    bool gzipped = false;
    bool from_cache = false; ///< built by an earlier (or a concurrent) request
};

/// "<data version>-<declaration fingerprint>": what TileJSON puts in `?v=` and what a cached tile
/// URL must carry to be treated as immutable.
std::string version_tag(const layer_decl& layer, std::int64_t version);

/// TileJSON's `fields` of a vector layer: each property with its type (String, Number, Boolean).
nlohmann::json vector_layer_fields(const layer_decl& layer);

class tile_service {
public:
    /// `cache_bytes`: bound of the in-process tile cache (0 disables it); `versions`: table
    /// versions kept in memory, if the caller runs a watch.
    tile_service(const registry& layers, data::database& db, std::size_t cache_bytes,
                 const data::version_watch* versions = nullptr);

    /// Throws riskatlas::not_found for an unknown layer and invalid_argument for an invalid
    /// tile. A zoom outside the layer's range is an empty tile, not an error, so clients that
    /// ignore TileJSON's range still render.
    tile_response tile(const data::request_context& ctx, const tile_request& request) const;

    /// TileJSON 3.0.0 for the layer; `base_url` is the public origin ("http://host:port").
    nlohmann::json tilejson(const data::request_context& ctx, const std::string& layer,
                            const std::string& base_url) const;

    const data::layer_store& store() const noexcept { return m_store; }
    const registry& layers() const noexcept { return m_layers; }
    tile_cache_stats cache_stats() const { return m_cache.stats(); }

private:
    const registry& m_layers;
    data::database& m_db;
    data::layer_store m_store;
    mutable tile_cache m_cache;
};

} // namespace riskatlas::tiles
