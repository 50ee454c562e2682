// Web-Mercator tile math (XYZ scheme, y down from the north as in OSM/MVT): z/x/y <-> bounds.
#pragma once

#include <cstdint>
#include <vector>

#include <riskatlas/geo/bbox.hpp>

namespace riskatlas::geo {

/// Deepest zoom we accept; 2^24 tiles per axis already resolves ~2 m at the equator.
inline constexpr int max_zoom = 24;
/// Half the side of the EPSG:3857 square, in metres.
inline constexpr double web_mercator_half_m = 20037508.342789244;

struct tile_id {
    int z = 0;
    std::uint32_t x = 0;
    std::uint32_t y = 0;
    friend bool operator==(const tile_id&, const tile_id&) = default;
};

/// Tiles per axis at zoom z (z must be within 0..max_zoom).
std::uint32_t tiles_per_axis(int z);

/// True when z is within 0..max_zoom and x, y within 0..2^z-1.
bool is_valid(const tile_id& tile);

/// The tile's square in EPSG:3857 metres.
bbox bounds_3857(const tile_id& tile);

/// The tile's bounds in lon/lat degrees (EPSG:4326, x = lon).
bbox bounds_lonlat(const tile_id& tile);

/// The tile at zoom z containing the lon/lat point (clamped to the Mercator latitude limit).
tile_id tile_containing(double lon, double lat, int z);

/// Every tile at zoom z that intersects the lon/lat box, row by row from the north-west.
std::vector<tile_id> tiles_covering(const bbox& lonlat, int z);

/// Lon/lat <-> spherical Web Mercator metres.
double lon_to_mercator_x(double lon);
double lat_to_mercator_y(double lat);
double mercator_x_to_lon(double x);
double mercator_y_to_lat(double y);

} // namespace riskatlas::geo
