// GCJ-02 <-> WGS84. The forward transform is the widely published reverse-engineered formula
// (Krasovsky 1940 ellipsoid constants); there is no closed-form inverse, so we iterate.
#include <riskatlas/geo/gcj02.hpp>

#include <cmath>
#include <numbers>

namespace riskatlas::geo {
namespace {

constexpr double krasovsky_a = 6378245.0;
constexpr double krasovsky_ee = 0.00669342162296594323;
constexpr double pi = std::numbers::pi;

double offset_lat(double x, double y) {
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * pi) + 320 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    return r;
}

double offset_lon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    return r;
}

} // namespace

bool in_gcj02_area(lonlat p) noexcept {
    return p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

lonlat wgs84_to_gcj02(lonlat wgs) noexcept {
    if (!in_gcj02_area(wgs))
        return wgs;
    const double dlat0 = offset_lat(wgs.lon - 105.0, wgs.lat - 35.0);
    const double dlon0 = offset_lon(wgs.lon - 105.0, wgs.lat - 35.0);
    const double rad_lat = wgs.lat / 180.0 * pi;
    double magic = std::sin(rad_lat);
    magic = 1 - krasovsky_ee * magic * magic;
    const double sqrt_magic = std::sqrt(magic);
    const double dlat =
        (dlat0 * 180.0) / ((krasovsky_a * (1 - krasovsky_ee)) / (magic * sqrt_magic) * pi);
    const double dlon = (dlon0 * 180.0) / (krasovsky_a / sqrt_magic * std::cos(rad_lat) * pi);
    return {wgs.lon + dlon, wgs.lat + dlat};
}

lonlat gcj02_to_wgs84(lonlat gcj) noexcept {
    lonlat wgs = gcj;
    for (int i = 0; i < 30; ++i) {
        const lonlat back = wgs84_to_gcj02(wgs);
        const double dlon = back.lon - gcj.lon;
        const double dlat = back.lat - gcj.lat;
        wgs.lon -= dlon;
        wgs.lat -= dlat;
        if (std::abs(dlon) < 1e-10 && std::abs(dlat) < 1e-10)
            break;
    }
    return wgs;
}

} // namespace riskatlas::geo
