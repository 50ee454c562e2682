// An axis-aligned box, x first (lon for geographic boxes), as OGC API and GeoJSON write it.
#pragma once

#include <string_view>

namespace riskatlas::geo {

struct bbox {
    double min_x = 0;
    double min_y = 0;
    double max_x = 0;
    double max_y = 0;

    bool intersects(const bbox& other) const noexcept;
    bool contains(double x, double y) const noexcept;
    friend bool operator==(const bbox&, const bbox&) = default;
};

/// Parses "minLon,minLat,maxLon,maxLat" (OGC API Features bbox, CRS84). Throws
/// riskatlas::invalid_argument naming the problem: wrong count, non-number, out of range,
/// min > max. A box crossing the antimeridian (minLon > maxLon) is rejected, not wrapped.
bbox parse_lonlat_bbox(std::string_view text);

} // namespace riskatlas::geo
