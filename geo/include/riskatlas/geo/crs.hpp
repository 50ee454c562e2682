// Coordinate reference systems through PROJ: a transformation from any source CRS to WGS84
// lon/lat, and the CGCS2000 Gauss-Krüger zones Chinese survey data comes in.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <riskatlas/error.hpp>
#include <riskatlas/geo/gcj02.hpp>

namespace riskatlas::geo {

/// PROJ does not know the CRS, or cannot transform between it and WGS84.
class invalid_crs : public invalid_argument {
  public:
    explicit invalid_crs(const std::string &message) : invalid_argument("invalid_crs", message) {}
};

/// A transformation from `source` ("EPSG:4549", a WKT, a PROJ string) to EPSG:4326 with x = lon,
/// y = lat whatever the CRS's axis order. Owns its own PROJ context, so one object belongs to one
/// thread at a time.
class crs_to_wgs84 {
  public:
    explicit crs_to_wgs84(const std::string &source);
    ~crs_to_wgs84();
    crs_to_wgs84(crs_to_wgs84 &&) noexcept;
    crs_to_wgs84 &operator=(crs_to_wgs84 &&) noexcept;
    crs_to_wgs84(const crs_to_wgs84 &) = delete;
    crs_to_wgs84 &operator=(const crs_to_wgs84 &) = delete;

    /// The position of (x, y), in the source's visualisation order (easting/lon first); nullopt
    /// when PROJ cannot transform it (outside the projection's domain).
    std::optional<lonlat> apply(double x, double y) const;
    /// True for a geographic source (degrees), false for a projected one (metres).
    bool source_is_geographic() const noexcept;
    /// True when the source is WGS84 or CGCS2000 lon/lat, which we store as they are
    /// (they differ by centimetres, below any source's accuracy).
    bool is_identity() const noexcept;
    /// PROJ's name of the source CRS, e.g. "CGCS2000 / 3-degree Gauss-Kruger zone 39".
    std::string source_name() const;

    struct impl;

  private:
    std::unique_ptr<impl> m_impl;
};

/// The CGCS2000 Gauss-Krüger CRS of an easting that carries its zone number in front
/// (zone × 1,000,000 + 500,000 ± offset): 3° zones 25–45 → EPSG:4513–4533, 6° zones 13–23 →
/// EPSG:4491–4501. nullopt when the easting has no plausible zone prefix.
std::optional<int> gauss_kruger_epsg_from_easting(double easting) noexcept;

/// EPSG code of a CGCS2000 Gauss-Krüger CRS: `degrees` 3 or 6; `zone_prefix` true names the
/// zone (3°: 25–45, 6°: 13–23), false names the central meridian in degrees east (75–135).
/// nullopt when no such CRS exists.
std::optional<int> gauss_kruger_epsg(int degrees, bool zone_prefix, int zone_or_meridian) noexcept;

} // namespace riskatlas::geo
