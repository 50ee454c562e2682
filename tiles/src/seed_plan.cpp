// Seed planning (see seed_plan.hpp) and the seed command's argument parsers.
#include "seed_plan.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

namespace riskatlas::tiles {
namespace {

geo::bbox expanded(const geo::bbox& b, double by) {
    return {b.min_x - by, b.min_y - by, b.max_x + by, b.max_y + by};
}

std::optional<geo::bbox> intersection(const geo::bbox& a, const geo::bbox& b) {
    const geo::bbox out{std::max(a.min_x, b.min_x), std::max(a.min_y, b.min_y),
                        std::min(a.max_x, b.max_x), std::min(a.max_y, b.max_y)};
    if (out.min_x > out.max_x || out.min_y > out.max_y)
        return std::nullopt;
    return out;
}

// The tile SQL clips with ST_TileEnvelope(margin => 64/4096), so a feature up to 1/64 of a tile
// beyond its edge still lands in it: visit tiles that near a layer. Twice that, in degrees of
// longitude, also covers latitude (a tile spans fewer degrees of latitude than of longitude).
double margin_deg(int z) { return 2 * 360.0 / geo::tiles_per_axis(z) / 64; }

int parse_zoom(std::string_view text, std::string_view whole) {
    int z = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), z);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || z < 0 ||
        z > geo::max_zoom)
        throw invalid_argument("invalid_zooms", "--zooms " + std::string(whole) +
                                                    ": zooms are whole numbers 0.." +
                                                    std::to_string(geo::max_zoom) + ", as in 0-12");
    return z;
}

} // namespace

zoom_range parse_zoom_range(std::string_view text) {
    const auto dash = text.find('-');
    if (dash == std::string_view::npos) {
        const int z = parse_zoom(text, text);
        return {z, z};
    }
    const zoom_range out{parse_zoom(text.substr(0, dash), text),
                         parse_zoom(text.substr(dash + 1), text)};
    if (out.min > out.max)
        throw invalid_argument("invalid_zooms", "--zooms " + std::string(text) +
                                                    ": the first zoom is above the last; write " +
                                                    std::to_string(out.max) + "-" +
                                                    std::to_string(out.min));
    return out;
}

std::vector<std::string> parse_layer_list(const registry& layers, std::string_view text) {
    std::vector<std::string> out;
    if (text.empty()) {
        for (const auto& l : layers.layers())
            out.push_back(l.id);
        return out;
    }
    std::set<std::string, std::less<>> seen;
    for (std::size_t start = 0; start <= text.size();) {
        const auto comma = std::min(text.find(',', start), text.size());
        const auto id = std::string(text.substr(start, comma - start));
        if (id.empty())
            throw invalid_argument("invalid_layers",
                                   "--layers " + std::string(text) + " has an empty item");
        layers.at(id); // throws unknown_layer, listing the known ids
        if (!seen.insert(id).second)
            throw invalid_argument("invalid_layers", "--layers names " + id + " twice");
        out.push_back(id);
        start = comma + 1;
    }
    return out;
}

std::vector<seed_layer> resolve_layers(const tile_service& service, data::database& db,
                                       const std::vector<std::string>& ids) {
    std::vector<seed_layer> out;
    for (const auto& id : ids.empty() ? parse_layer_list(service.layers(), "") : ids) {
        seed_layer l;
        l.decl = &service.layers().at(id);
        // The default view, as a request without ?category= gets it (server/src/layer_view.cpp).
        for (const auto& p : l.decl->parameters)
            l.context.settings.emplace_back(p.setting, p.default_value);
        l.extent = service.store().extent(db, l.context, id);
        out.push_back(std::move(l));
    }
    return out;
}

data::request_context merged_context(const std::vector<seed_layer>& layers) {
    data::request_context out;
    for (const auto& l : layers)
        for (const auto& s : l.context.settings)
            if (std::ranges::find(out.settings, s) == out.settings.end())
                out.settings.push_back(s);
    return out;
}

std::optional<geo::bbox> seed_bounds(const std::vector<seed_layer>& layers,
                                     const std::optional<geo::bbox>& bbox) {
    std::optional<geo::bbox> all;
    for (const auto& l : layers) {
        if (!l.extent)
            continue;
        all = all ? geo::bbox{std::min(all->min_x, l.extent->min_x),
                              std::min(all->min_y, l.extent->min_y),
                              std::max(all->max_x, l.extent->max_x),
                              std::max(all->max_y, l.extent->max_y)}
                  : *l.extent;
    }
    if (all && bbox)
        return intersection(*all, *bbox);
    return all;
}

std::vector<planned_tile> plan_tiles(const std::vector<seed_layer>& layers,
                                     const seed_options& options,
                                     const std::optional<geo::bbox>& bounds) {
    std::vector<planned_tile> out;
    if (!bounds)
        return out;
    for (int z = options.zooms.min; z <= options.zooms.max; ++z) {
        auto region = std::optional(expanded(*bounds, margin_deg(z)));
        if (options.bbox_lonlat)
            region = intersection(*region, *options.bbox_lonlat);
        if (!region)
            continue;
        for (const auto& t : geo::tiles_covering(*region, z)) {
            planned_tile p{t, std::vector<bool>(layers.size(), false)};
            const auto square = expanded(geo::bounds_lonlat(t), margin_deg(z));
            for (std::size_t i = 0; i < layers.size(); ++i) {
                const auto& l = layers[i];
                p.layers[i] = l.extent && z >= l.decl->minzoom && z <= l.decl->maxzoom &&
                              square.intersects(*l.extent);
            }
            if (std::ranges::find(p.layers, true) != p.layers.end())
                out.push_back(std::move(p));
        }
    }
    return out;
}

std::string fmt_number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

} // namespace riskatlas::tiles
