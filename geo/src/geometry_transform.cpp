// Coordinate-wise operations on geo::geometry: reprojection by a caller's mapping (PROJ or
// GCJ-02), duplicate-vertex removal, and coordinate counts.
#include "geos_handle.hpp"

namespace riskatlas::geo {
namespace {

using map_fn = std::function<std::optional<lonlat>(double x, double y)>;

struct map_state {
    const map_fn *map;
    bool failed = false;
};

int map_one(double *x, double *y, void *userdata) {
    auto *state = static_cast<map_state *>(userdata);
    try {
        const auto mapped = (*state->map)(*x, *y);
        if (!mapped) {
            state->failed = true;
            return 0;
        }
        *x = mapped->lon;
        *y = mapped->lat;
        return 1;
    } catch (...) { // an exception must not cross GEOS's C frames
        state->failed = true;
        return 0;
    }
}

} // namespace

geometry geometry::transformed(const map_fn &map) const {
    map_state state{&map};
    GEOSGeometry *out = GEOSGeom_transformXY_r(detail::context(), geometry_access::get(*this),
                                               map_one, &state);
    if (state.failed) {
        detail::destroy_geometry(out);
        throw invalid_geometry("a coordinate cannot be transformed (outside the CRS's domain)");
    }
    return geometry_access::wrap(detail::checked(out, "transform"));
}

geometry geometry::without_repeated_points(double tolerance) const {
    return geometry_access::wrap(detail::checked(
        GEOSRemoveRepeatedPoints_r(detail::context(), geometry_access::get(*this), tolerance),
        "remove repeated points"));
}

std::size_t geometry::num_points() const {
    const int n = GEOSGetNumCoordinates_r(detail::context(), geometry_access::get(*this));
    if (n < 0)
        detail::throw_geos_error("num_points");
    return static_cast<std::size_t>(n);
}

} // namespace riskatlas::geo
