// Tile and TileJSON answers for single layers.
#include <riskatlas/tiles/tile_service.hpp>

#include <algorithm>

#include <riskatlas/error.hpp>
#include <riskatlas/tiles/compression.hpp>

namespace riskatlas::tiles {

std::string version_tag(const layer_decl& layer, std::int64_t version) {
    return std::to_string(version) + "-" + layer.fingerprint;
}

nlohmann::json vector_layer_fields(const layer_decl& layer) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& p : layer.properties)
        fields[p.name] = p.type == "string" ? "String" : p.type == "boolean" ? "Boolean" : "Number";
    if (std::ranges::any_of(layer.zoom_bands, [](const auto& b) { return b.cluster_px > 0; }))
        fields["point_count"] = "Number"; // clusters at low zooms carry only this
    return fields;
}

tile_service::tile_service(const registry& layers, data::database& db, std::size_t cache_bytes,
                           const data::version_watch* versions)
    : m_layers(layers), m_db(db), m_store(layers.sources(), versions), m_cache(cache_bytes) {}

namespace {
std::string cache_key(const std::string& layer, const std::string& view, std::int64_t version,
                      const geo::tile_id& t) {
    return layer + "|" + view + "|" + std::to_string(version) + "|" + std::to_string(t.z) + "/" +
           std::to_string(t.x) + "/" + std::to_string(t.y);
}
} // namespace

tile_response tile_service::tile(const data::request_context& ctx,
                                 const tile_request& request) const {
    const auto& layer = m_layers.at(request.layer);
    const auto& t = request.tile;
    if (!geo::is_valid(t))
        throw invalid_argument("invalid_tile", "tile " + std::to_string(t.z) + "/" +
                                                   std::to_string(t.x) + "/" + std::to_string(t.y) +
                                                   " does not exist: z must be 0..24 and x, y 0..2^z-1");
    tile_response out;
    std::shared_ptr<const cached_tile> cached;
    bool built_here = false;
    m_store.with_tile(m_db, ctx, layer.id, [&](const auto& version, const auto& build) {
        out.version = version;
        if (t.z < layer.minzoom || t.z > layer.maxzoom)
            return;
        if (request.known_version == version.version) {
            out.outcome = tile_response::kind::not_modified;
            return;
        }
        cached = m_cache.get_or_compute(cache_key(layer.id, request.view, version.version, t),
                                        version.version, [&] {
                                            built_here = true;
                                            const auto mvt = build(t);
                                            return cached_tile{version.version,
                                                               mvt.empty() ? "" : gzip(mvt)};
                                        });
    });
    if (!cached || cached->gzipped.empty())
        return out;
    out.from_cache = !built_here;
    out.outcome = tile_response::kind::tile;
    out.gzipped = request.accepts_gzip;
    out.body = request.accepts_gzip ? cached->gzipped : gunzip(cached->gzipped);
    return out;
}

nlohmann::json tile_service::tilejson(const data::request_context& ctx, const std::string& id,
                                      const std::string& base_url) const {
    const auto& layer = m_layers.at(id);
    const auto version = m_store.versions(m_db, ctx).at(id);
    const auto extent = m_store.extent(m_db, ctx, id);
    const auto fields = vector_layer_fields(layer);
    nlohmann::json bounds = {-180, -85.0511, 180, 85.0511};
    if (extent)
        bounds = {extent->min_x, extent->min_y, extent->max_x, extent->max_y};
    return {
        {"tilejson", "3.0.0"},
        {"name", layer.title.zh},
        {"description", layer.description.zh},
        {"version", "1.0." + std::to_string(version.version)},
        {"scheme", "xyz"},
        // the version in the URL lets caches keep tiles forever; the server ignores it
        {"tiles", {base_url + "/tiles/" + id + "/{z}/{x}/{y}.mvt?v=" + version_tag(layer, version.version)}},
        {"minzoom", layer.minzoom},
        {"maxzoom", layer.maxzoom},
        {"bounds", bounds},
        {"center", {(bounds[0].get<double>() + bounds[2].get<double>()) / 2,
                    (bounds[1].get<double>() + bounds[3].get<double>()) / 2, layer.minzoom}},
        {"attribution", "riskatlas"},
        {"vector_layers",
         {{{"id", id}, {"fields", fields}, {"minzoom", layer.minzoom}, {"maxzoom", layer.maxzoom},
           {"description", layer.title.en}}}},
    };
}

} // namespace riskatlas::tiles
