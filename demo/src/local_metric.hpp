// Small-area metric helpers on lon/lat (an equirectangular approximation about a reference
// latitude): plenty for placing parks and jittering points inside one district (~30 km across).
#pragma once

#include <riskatlas/geo/gcj02.hpp>
#include <riskatlas/geo/geometry.hpp>

#include <cmath>
#include <numbers>

namespace riskatlas::demo::detail {

/// Metres per degree of latitude and (at `lat`) of longitude, on the WGS84 ellipsoid's mean
/// radius; errors are well below a percent at district scale.
constexpr double metres_per_degree_lat = 110574.0;
inline double metres_per_degree_lon(double lat) {
    return 111320.0 * std::cos(lat * std::numbers::pi / 180.0);
}

/// The point `east_m` metres east and `north_m` metres north of `p`.
inline geo::lonlat offset_m(geo::lonlat p, double east_m, double north_m) {
    return {p.lon + east_m / metres_per_degree_lon(p.lat), p.lat + north_m / metres_per_degree_lat};
}

/// Approximate area in km² of a lon/lat geometry near latitude `lat`.
inline double area_km2(const geo::geometry &g, double lat) {
    return g.area() * metres_per_degree_lon(lat) * metres_per_degree_lat / 1e6;
}

} // namespace riskatlas::demo::detail
