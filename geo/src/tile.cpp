// Web-Mercator tile math. Formulas: OSM "Slippy map tilenames" and EPSG:3857 (spherical Mercator).
#include <riskatlas/geo/tile.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riskatlas::geo {
namespace {
constexpr double earth_radius_m = 6378137.0;
constexpr double max_mercator_lat = 85.0511287798066;
} // namespace

std::uint32_t tiles_per_axis(int z) { return std::uint32_t{1} << z; }

bool is_valid(const tile_id& tile) {
    if (tile.z < 0 || tile.z > max_zoom)
        return false;
    const auto n = tiles_per_axis(tile.z);
    return tile.x < n && tile.y < n;
}

bbox bounds_3857(const tile_id& tile) {
    const double size = 2 * web_mercator_half_m / tiles_per_axis(tile.z);
    const double min_x = -web_mercator_half_m + tile.x * size;
    const double max_y = web_mercator_half_m - tile.y * size;
    return {min_x, max_y - size, min_x + size, max_y};
}

bbox bounds_lonlat(const tile_id& tile) {
    const bbox m = bounds_3857(tile);
    return {mercator_x_to_lon(m.min_x), mercator_y_to_lat(m.min_y), mercator_x_to_lon(m.max_x),
            mercator_y_to_lat(m.max_y)};
}

tile_id tile_containing(double lon, double lat, int z) {
    const auto n = tiles_per_axis(z);
    const double fx = (lon_to_mercator_x(std::clamp(lon, -180.0, 180.0)) + web_mercator_half_m) /
                      (2 * web_mercator_half_m);
    const double fy = (web_mercator_half_m -
                       lat_to_mercator_y(std::clamp(lat, -max_mercator_lat, max_mercator_lat))) /
                      (2 * web_mercator_half_m);
    const auto to_index = [n](double f) {
        const double i = std::floor(f * n);
        return static_cast<std::uint32_t>(std::clamp(i, 0.0, static_cast<double>(n - 1)));
    };
    return {z, to_index(fx), to_index(fy)};
}

std::vector<tile_id> tiles_covering(const bbox& lonlat, int z) {
    const tile_id north_west = tile_containing(lonlat.min_x, lonlat.max_y, z);
    const tile_id south_east = tile_containing(lonlat.max_x, lonlat.min_y, z);
    std::vector<tile_id> out;
    for (auto y = north_west.y; y <= south_east.y; ++y)
        for (auto x = north_west.x; x <= south_east.x; ++x)
            out.push_back({z, x, y});
    return out;
}

double lon_to_mercator_x(double lon) { return earth_radius_m * lon * std::numbers::pi / 180.0; }

double lat_to_mercator_y(double lat) {
    const double phi = lat * std::numbers::pi / 180.0;
    return earth_radius_m * std::log(std::tan(std::numbers::pi / 4 + phi / 2));
}

double mercator_x_to_lon(double x) { return x / earth_radius_m * 180.0 / std::numbers::pi; }

double mercator_y_to_lat(double y) {
    return (2 * std::atan(std::exp(y / earth_radius_m)) - std::numbers::pi / 2) * 180.0 /
           std::numbers::pi;
}

} // namespace riskatlas::geo
