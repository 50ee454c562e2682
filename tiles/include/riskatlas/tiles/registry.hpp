// The layer registry: every published layer declared once (tiles/layers/<id>.json); tiles,
// TileJSON, OGC API collections and the web map's layer list are all derived from it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <riskatlas/data/layer_store.hpp>

namespace riskatlas::tiles {

struct localized {
    std::string zh;
    std::string en;
};

struct property_decl {
    std::string name;
    std::string type; ///< "string" | "integer" | "number" | "boolean"
    localized title;
    bool filterable = false;
};

/// A query parameter that selects a view of the layer (e.g. ?category=coal_mine on the zoning
/// layers): validated against `values`, then passed to SQL as the session setting `setting`.
struct parameter_decl {
    std::string name;                ///< the query parameter
    std::string setting;             ///< e.g. "riskatlas.category"; read by the layer's view
    std::vector<std::string> values; ///< the accepted values
    std::string default_value;       ///< what the view shows without the parameter
    localized title;
};

struct layer_decl {
    std::string id;
    localized title;
    localized description;
    std::string source;             ///< view or table exposing fid, geom, geom_3857, properties
    std::vector<std::string> reads; ///< base tables whose writes bump the layer's version
    std::string geometry_type;      ///< "Point" | "LineString" | "Polygon"
    int minzoom = 0;
    int maxzoom = 22;
    std::vector<property_decl> properties;
    std::vector<parameter_decl> parameters;
    /// How tiles are made by zoom (clustered points, simplified shapes); ascending, the last
    /// ending at maxzoom. Empty: every feature as stored at every zoom.
    std::vector<data::zoom_band> zoom_bands;
    /// Computed layers keep every version: ?version=<run> shows the layer as of that run.
    bool versioned = false;
    /// Hash of the declaration: part of every ETag, so changing a layer's published properties
    /// invalidates cached tiles even though its data version did not move.
    std::string fingerprint;

    bool has_property(std::string_view name) const;
    /// True when tiles at zoom `z` hold clusters (point_count) rather than features.
    bool clustered_at(int z) const;
    const parameter_decl* find_parameter(std::string_view name) const;
};

class registry {
public:
    /// The layers built into this binary (tiles/layers/*.json, embedded at build time).
    static registry builtin();
    /// Parses and validates declarations; throws riskatlas::error naming the bad field.
    static registry from_json(const std::vector<nlohmann::json>& declarations);

    const std::vector<layer_decl>& layers() const noexcept { return m_layers; }
    const layer_decl* find(std::string_view id) const noexcept;
    /// Like find, but throws riskatlas::not_found ("unknown_layer") listing the known ids.
    const layer_decl& at(std::string_view id) const;

    /// What the data module needs to query each layer.
    std::vector<data::layer_source> sources() const;

private:
    std::vector<layer_decl> m_layers;
};

} // namespace riskatlas::tiles
