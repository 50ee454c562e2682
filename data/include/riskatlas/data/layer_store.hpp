// Reads for published layers: versions, MVT tiles, GeoJSON feature pages, single features and
// extents. SQL is rendered once per layer from the templates in data/sql/layer_*.sql.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <riskatlas/data/database.hpp>
#include <riskatlas/geo/bbox.hpp>
#include <riskatlas/geo/tile.hpp>

namespace riskatlas::data {

/// What the data module needs to know about a layer to query it (the tiles registry owns the
/// rest). `relation` exposes `fid`, `geom` (EPSG:4326), `geom_3857` and the properties.
/// How a layer's tiles are made up to `maxzoom` (from the previous band's maxzoom + 1), so that
/// low zooms stay within a byte budget however many features the layer holds.
struct zoom_band {
    int maxzoom = 22;
    /// Points aggregated to one per occupied square of this many pixels (of a 256-px tile), with
    /// their count as `point_count`; 0: every point.
    int cluster_px = 0;
    /// Lines and polygons simplified (Douglas-Peucker, collapsed parts kept) to this many pixels
    /// before they are clipped and quantised; 0: as stored.
    double simplify_px = 0;
};

struct layer_source {
    std::string id;
    std::string relation;
    std::vector<std::string> properties;
    std::vector<std::string> filterable; ///< properties allowed as equality filters
    std::vector<std::string> reads;      ///< base tables whose writes change this layer
    bool versioned = false; ///< keeps history: request_context::as_of_run pins its version
    std::vector<zoom_band> bands{}; ///< ascending; empty: one band, every feature as stored
};

struct layer_version {
    std::int64_t version = 0;
    std::string updated_at; ///< RFC 3339, UTC
};

/// Every versioned table's version, by table name (plus the pseudo-table "current_date").
using table_versions = std::map<std::string, layer_version>;

class version_watch;

struct tile_result {
    layer_version version;
    bool not_modified = false; ///< the caller's version is current; `mvt` left empty
    std::string mvt;           ///< uncompressed Mapbox Vector Tile bytes; empty = no features
};

struct feature_query {
    std::optional<geo::bbox> bbox_lonlat;
    std::optional<std::int64_t> after_fid; ///< keyset cursor: features with fid > after_fid
    std::size_t limit = 10;
    std::optional<std::vector<std::string>> properties; ///< subset to return; all when absent
    std::vector<std::pair<std::string, std::string>> filters; ///< property = value (as text)
    bool count_matched = true;
};

struct feature_page {
    layer_version version;
    std::vector<std::string> features;     ///< GeoJSON Feature objects, serialised
    std::optional<std::int64_t> next_after; ///< cursor for the next page, if there is one
    std::optional<std::int64_t> number_matched;
};

class layer_store {
public:
    /// Validates every identifier (lower-case SQL names only) and renders the per-layer SQL.
    /// With a `watch`, versions come from memory while it is connected (tiles then need no
    /// query unless they are built).
    explicit layer_store(const std::vector<layer_source>& sources,
                         const version_watch* watch = nullptr);

    /// Versions of every layer, by id, from one query.
    std::map<std::string, layer_version> versions(database& db, const request_context& ctx) const;
    /// Builds the layer's tile (MVT bytes, empty when no feature) in the snapshot `with_tile`
    /// runs in.
    using tile_builder = std::function<std::string(const geo::tile_id&)>;
    /// Runs `work` in one read-only transaction with the layer's version in that snapshot and a
    /// builder for its tiles in the same snapshot, so a caller can answer from a cache by
    /// version and build only on a miss, at the cost of one transaction either way.
    void with_tile(database& db, const request_context& ctx, const std::string& layer,
                   const std::function<void(const layer_version&, const tile_builder&)>& work) const;

    /// The layer's tile; when `known_version` equals the current version only the version is
    /// returned (the caller answers 304 without building the tile).
    tile_result tile(database& db, const request_context& ctx, const std::string& layer,
                     const geo::tile_id& tile, std::optional<std::int64_t> known_version) const;

    feature_page features(database& db, const request_context& ctx, const std::string& layer,
                          const feature_query& query) const;

    /// Every feature matching `query` (bbox, filters, properties; its cursor and limit are
    /// ignored) in fid order, read through a server-side cursor `batch_rows` at a time, so memory
    /// holds one batch whatever the layer's size. `on_start` gets the layer's version in the
    /// export's snapshot before the first batch; `on_batch` gets each batch's GeoJSON Feature
    /// texts, valid during the call only.
    void export_features(database& db, const request_context& ctx, const std::string& layer,
                         const feature_query& query, std::size_t batch_rows,
                         const std::function<void(const layer_version&)>& on_start,
                         const std::function<void(const std::vector<std::string_view>&)>& on_batch) const;

    /// One feature as GeoJSON text, or nullopt when no feature has that fid.
    std::optional<std::string> feature(database& db, const request_context& ctx,
                                       const std::string& layer, std::int64_t fid) const;

    /// The lon/lat extent of the layer's geometries; nullopt when it has none.
    std::optional<geo::bbox> extent(database& db, const request_context& ctx,
                                    const std::string& layer) const;

    /// Extents of every layer, in one transaction (for /collections).
    std::map<std::string, std::optional<geo::bbox>> extents(database& db,
                                                            const request_context& ctx) const;

    /// The rendered tile SQL of a layer at zoom `z` ($1 = z, $2 = x, $3 = y), for benchmarks and
    /// debugging; without a zoom, that of the layer's last band (every feature).
    const std::string& tile_sql(const std::string& layer, std::optional<int> z = std::nullopt) const;

    struct rendered_layer {
        layer_source source;
        std::vector<std::string> tile_sqls; ///< one per zoom band, in band order
        std::string items_sql, count_sql, item_sql, extent_sql;
        std::size_t band_at(int z) const;
    };

private:
    const rendered_layer& find(const std::string& layer) const;
    std::map<std::string, rendered_layer> m_layers;
    const version_watch* m_watch;
};

} // namespace riskatlas::data
