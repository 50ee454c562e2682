// Deterministic uniform points in a polygon, drawn from riskatlas::prng so that a seed gives the
// same points with every standard library.
#include "geos_handle.hpp"

#include <riskatlas/prng.hpp>

#include <array>

namespace riskatlas::geo {

std::vector<lonlat> random_points_in(const geometry &polygon, std::size_t n, std::uint64_t seed) {
    if (!polygon.is_polygonal() || polygon.is_empty() || polygon.area() <= 0)
        throw invalid_geometry("random_points_in: needs a non-empty polygon, got " +
                               polygon.type_name());
    const bbox box = polygon.envelope();
    const double fill = polygon.area() / ((box.max_x - box.min_x) * (box.max_y - box.min_y));
    const detail::prepared_ptr prepared(
        GEOSPrepare_r(detail::context(), geometry_access::get(polygon)));
    if (!prepared)
        detail::throw_geos_error("random_points_in");

    prng rng(seed);
    std::vector<lonlat> out;
    out.reserve(n);
    // The expected number of draws is n / fill; allow a generous margin before giving up.
    const double budget = 1000.0 + 100.0 * static_cast<double>(n) / fill;
    for (double draws = 0; out.size() < n; ++draws) {
        if (draws > budget)
            throw invalid_geometry("random_points_in: polygon too thin to sample");
        const lonlat p{box.min_x + rng.unit() * (box.max_x - box.min_x),
                       box.min_y + rng.unit() * (box.max_y - box.min_y)};
        const detail::geom_ptr point = detail::checked(
            GEOSGeom_createPointFromXY_r(detail::context(), p.lon, p.lat), "random_points_in");
        if (detail::checked_predicate(
                GEOSPreparedContains_r(detail::context(), prepared.get(), point.get()),
                "random_points_in"))
            out.push_back(p);
    }
    return out;
}

} // namespace riskatlas::geo
