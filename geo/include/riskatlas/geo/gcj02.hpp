// GCJ-02 ("Mars coordinates", used by Chinese web maps such as Amap) <-> WGS84.
// The forward transform is the published obfuscation polynomial; the inverse is iterative.
#pragma once

namespace riskatlas::geo {

struct lonlat {
    double lon = 0;
    double lat = 0;
};

/// True inside the rough rectangle where GCJ-02 is applied (outside it the offset is zero).
bool in_gcj02_area(lonlat p) noexcept;

/// WGS84 -> GCJ-02 (identity outside China's rectangle).
lonlat wgs84_to_gcj02(lonlat wgs) noexcept;

/// GCJ-02 -> WGS84 by fixed-point iteration until the round trip is within 1e-10 degrees
/// (about 10 micrometres); the result is limited by the source data, not the algorithm.
lonlat gcj02_to_wgs84(lonlat gcj) noexcept;

} // namespace riskatlas::geo
