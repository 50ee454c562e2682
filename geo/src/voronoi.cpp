// Voronoi cells of seed points, clipped to a polygon and returned in seed order. GEOS 3.11 returns
// the cells in its own order (GEOS_VORONOI_PRESERVE_ORDER arrived in 3.12), so each cell is
// matched back to the one seed it contains.
#include "geos_handle.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace riskatlas::geo {

using detail::checked;
using detail::context;
using detail::geom_ptr;

namespace {

void reject_duplicates(std::span<const lonlat> seeds) {
    std::map<std::pair<double, double>, std::size_t> seen;
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        const auto [it, fresh] = seen.emplace(std::pair{seeds[i].lon, seeds[i].lat}, i);
        if (!fresh)
            throw invalid_argument("duplicate_seed", "voronoi_cells: seeds " +
                                                         std::to_string(it->second) + " and " +
                                                         std::to_string(i) + " coincide");
    }
}

geom_ptr multipoint(std::span<const lonlat> seeds, double x_scale) {
    std::vector<GEOSGeometry *> points;
    points.reserve(seeds.size());
    for (const auto &s : seeds) {
        auto *p = GEOSGeom_createPointFromXY_r(context(), s.lon * x_scale, s.lat);
        if (p == nullptr) {
            for (auto *q : points)
                GEOSGeom_destroy_r(context(), q);
            detail::throw_geos_error("voronoi seeds");
        }
        points.push_back(p);
    }
    return checked(GEOSGeom_createCollection_r(context(), GEOS_MULTIPOINT, points.data(),
                                               static_cast<unsigned>(points.size())),
                   "voronoi seeds");
}

// x -> x * factor. Scaling one axis is linear, so straight cell edges stay straight.
geom_ptr scale_x(const GEOSGeometry *g, double factor) {
    const auto scale = [](double *x, double *, void *data) {
        *x *= *static_cast<const double *>(data);
        return 1;
    };
    return checked(GEOSGeom_transformXY_r(context(), g, scale, &factor), "voronoi scale");
}

// Index of the seed strictly inside `cell` (every seed is interior to its own cell).
std::size_t owner_of(const GEOSGeometry *cell, std::span<const lonlat> seeds,
                     const std::vector<bool> &taken) {
    const detail::prepared_ptr prepared(GEOSPrepare_r(context(), cell));
    if (!prepared)
        detail::throw_geos_error("voronoi cell");
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        if (taken[i])
            continue;
        const geom_ptr p = checked(
            GEOSGeom_createPointFromXY_r(context(), seeds[i].lon, seeds[i].lat), "voronoi seed");
        if (detail::checked_predicate(GEOSPreparedContains_r(context(), prepared.get(), p.get()),
                                      "voronoi cell contains"))
            return i;
    }
    throw invalid_geometry("voronoi_cells: a cell contains no seed");
}

} // namespace

std::vector<geometry> voronoi_cells(std::span<const lonlat> seeds, const geometry &clip,
                                    double x_scale) {
    if (!(x_scale > 0))
        throw invalid_argument("invalid_scale", "voronoi_cells: x_scale must be positive");
    if (seeds.empty())
        return {};
    reject_duplicates(seeds);
    const auto *clip_raw = geometry_access::get(clip);
    if (seeds.size() == 1)
        return {clip.polygonal_part()};
    const geom_ptr sites = multipoint(seeds, x_scale);
    // The scaled clip as the envelope makes the diagram reach beyond every part of the clip.
    const geom_ptr envelope = scale_x(clip_raw, x_scale);
    const geom_ptr scaled =
        checked(GEOSVoronoiDiagram_r(context(), sites.get(), envelope.get(), 0.0, 0), "voronoi");
    const geom_ptr diagram = scale_x(scaled.get(), 1.0 / x_scale);

    std::vector<std::optional<geometry>> by_seed(seeds.size());
    std::vector<bool> taken(seeds.size(), false);
    const int n = GEOSGetNumGeometries_r(context(), diagram.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry *cell = GEOSGetGeometryN_r(context(), diagram.get(), i);
        const std::size_t seed = owner_of(cell, seeds, taken);
        taken[seed] = true;
        // Clip in the caller's coordinates, so cells share the clip's exact boundary.
        by_seed[seed] = geometry_access::wrap(
                            checked(GEOSIntersection_r(context(), cell, clip_raw), "voronoi clip"))
                            .polygonal_part();
    }
    std::vector<geometry> cells;
    cells.reserve(seeds.size());
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        if (!by_seed[i])
            throw invalid_geometry("voronoi_cells: seed " + std::to_string(i) + " got no cell");
        cells.push_back(std::move(*by_seed[i]));
    }
    return cells;
}

} // namespace riskatlas::geo
