// Parses and validates layer declarations.
#include <riskatlas/tiles/registry.hpp>

#include <riskatlas/embedded_file.hpp>
#include <riskatlas/error.hpp>
#include <riskatlas/geo/tile.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <span>

namespace riskatlas::tiles::embedded {
// Defined by the file cmake/embed.cmake generates from tiles/layers/*.json.
std::span<const embedded_file> files();
} // namespace riskatlas::tiles::embedded

namespace riskatlas::tiles {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& layer, const std::string& why) {
    throw error("bad_layer_declaration", "layer '" + layer + "': " + why);
}

localized parse_localized(const json& j, const std::string& layer, const char* field) {
    if (!j.contains(field) || !j[field].is_object())
        bad(layer, std::string(field) + " must be an object with zh and en");
    return {j[field].value("zh", ""), j[field].value("en", "")};
}

property_decl parse_property(const json& j, const std::string& layer) {
    property_decl p;
    p.name = j.at("name").get<std::string>();
    p.type = j.at("type").get<std::string>();
    static const std::vector<std::string> types{"string", "integer", "number", "boolean"};
    if (std::ranges::find(types, p.type) == types.end())
        bad(layer, "property " + p.name + " has unknown type " + p.type);
    p.title = parse_localized(j, layer, "title");
    p.filterable = j.value("filter", false);
    return p;
}

// Settings become SET LOCAL names: a dotted pair of plain lower-case names, like riskatlas.category.
bool plain_setting(const std::string& name) {
    const auto dot = name.find('.');
    const auto plain = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    return dot != std::string::npos && dot > 0 && dot + 1 < name.size() &&
           name.find('.', dot + 1) == std::string::npos &&
           std::ranges::all_of(name, [&](char c) { return c == '.' || plain(c); });
}

parameter_decl parse_parameter(const json& j, const std::string& layer) {
    parameter_decl p;
    p.name = j.at("name").get<std::string>();
    p.setting = j.at("setting").get<std::string>();
    p.values = j.at("values").get<std::vector<std::string>>();
    p.default_value = j.at("default").get<std::string>();
    p.title = parse_localized(j, layer, "title");
    if (!plain_setting(p.setting))
        bad(layer, "parameter " + p.name + " has setting '" + p.setting + "', not a.b");
    if (std::ranges::find(p.values, p.default_value) == p.values.end())
        bad(layer, "parameter " + p.name + " has a default that is not one of its values");
    static const std::vector<std::string> reserved{"v", "version", "f", "limit", "bbox", "cursor",
                                                   "properties"};
    if (std::ranges::find(reserved, p.name) != reserved.end())
        bad(layer, "parameter name " + p.name + " is reserved");
    return p;
}

// Bands ascending from minzoom, the last ending at maxzoom; clusters for points only,
// simplification for lines and polygons only, both in bounded pixel sizes.
std::vector<data::zoom_band> parse_zoom_bands(const json& j, const layer_decl& l) {
    std::vector<data::zoom_band> bands;
    int previous = l.minzoom - 1;
    for (const auto& b : j) {
        data::zoom_band band;
        band.maxzoom = b.at("maxzoom").get<int>();
        band.cluster_px = b.value("cluster_px", 0);
        band.simplify_px = b.value("simplify_px", 0.0);
        for (const auto& [key, value] : b.items())
            if (key != "maxzoom" && key != "cluster_px" && key != "simplify_px")
                bad(l.id, "zoom band has unknown field " + key);
        if (band.maxzoom <= previous || band.maxzoom > l.maxzoom)
            bad(l.id, "zoom bands must ascend within minzoom..maxzoom");
        if (band.cluster_px < 0 || band.cluster_px > 256)
            bad(l.id, "cluster_px must be 0..256");
        if (band.cluster_px > 0 && l.geometry_type != "Point")
            bad(l.id, "only point layers are clustered");
        if (!(band.simplify_px >= 0 && band.simplify_px <= 8))
            bad(l.id, "simplify_px must be 0..8");
        if (band.simplify_px > 0 && l.geometry_type == "Point")
            bad(l.id, "points are not simplified");
        previous = band.maxzoom;
        bands.push_back(band);
    }
    if (!bands.empty() && bands.back().maxzoom != l.maxzoom)
        bad(l.id, "the last zoom band must end at maxzoom");
    return bands;
}

// FNV-1a, 32 bits, as 8 hex digits: stable across builds and platforms.
std::string fingerprint_of(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(8, '0');
    for (int i = 7; i >= 0; --i, h >>= 4)
        out[static_cast<std::size_t>(i)] = hex[h & 15];
    return out;
}

layer_decl parse_layer(const json& j) {
    layer_decl l;
    l.id = j.at("id").get<std::string>();
    l.title = parse_localized(j, l.id, "title");
    l.description = parse_localized(j, l.id, "description");
    l.source = j.at("source").get<std::string>();
    l.reads = j.at("reads").get<std::vector<std::string>>();
    l.geometry_type = j.at("geometry_type").get<std::string>();
    l.minzoom = j.value("minzoom", 0);
    l.maxzoom = j.value("maxzoom", 22);
    if (l.minzoom < 0 || l.maxzoom > geo::max_zoom || l.minzoom > l.maxzoom)
        bad(l.id, "zoom range must satisfy 0 <= minzoom <= maxzoom <= 24");
    for (const auto& p : j.at("properties"))
        l.properties.push_back(parse_property(p, l.id));
    for (const auto& p : j.value("parameters", json::array()))
        l.parameters.push_back(parse_parameter(p, l.id));
    l.zoom_bands = parse_zoom_bands(j.value("zoom_bands", json::array()), l);
    l.versioned = j.value("versioned", false);
    l.fingerprint = fingerprint_of(j.dump());
    return l;
}

} // namespace

bool layer_decl::has_property(std::string_view name) const {
    return std::ranges::any_of(properties, [&](const auto& p) { return p.name == name; });
}

bool layer_decl::clustered_at(int z) const {
    for (const auto& b : zoom_bands)
        if (z <= b.maxzoom)
            return b.cluster_px > 0;
    return false;
}

const parameter_decl* layer_decl::find_parameter(std::string_view name) const {
    const auto it = std::ranges::find(parameters, name, &parameter_decl::name);
    return it == parameters.end() ? nullptr : &*it;
}

registry registry::builtin() {
    std::vector<json> declarations;
    for (const auto& f : embedded::files())
        declarations.push_back(json::parse(f.content));
    return from_json(declarations);
}

registry registry::from_json(const std::vector<json>& declarations) {
    registry r;
    for (const auto& j : declarations) {
        try {
            r.m_layers.push_back(parse_layer(j));
        } catch (const json::exception& e) {
            throw error("bad_layer_declaration", std::string("layer declaration: ") + e.what());
        }
        if (std::ranges::count(r.m_layers, r.m_layers.back().id, &layer_decl::id) > 1)
            bad(r.m_layers.back().id, "declared twice");
    }
    std::ranges::sort(r.m_layers, {}, &layer_decl::id);
    return r;
}

const layer_decl* registry::find(std::string_view id) const noexcept {
    const auto it = std::ranges::find(m_layers, id, &layer_decl::id);
    return it == m_layers.end() ? nullptr : &*it;
}

const layer_decl& registry::at(std::string_view id) const {
    if (const auto* l = find(id))
        return *l;
    std::string known;
    for (const auto& l : m_layers)
        known += (known.empty() ? "" : ", ") + l.id;
    throw not_found("unknown_layer", "no layer '" + std::string(id) + "'; layers: " + known);
}

std::vector<data::layer_source> registry::sources() const {
    std::vector<data::layer_source> out;
    for (const auto& l : m_layers) {
        data::layer_source s{l.id, l.source, {}, {}, l.reads, l.versioned, l.zoom_bands};
        for (const auto& p : l.properties) {
            s.properties.push_back(p.name);
            if (p.filterable)
                s.filterable.push_back(p.name);
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace riskatlas::tiles
