// One feature's geometry through the import: parse, type check, plausibility of the source
// coordinates, GEOS validation and safe repair, PROJ reprojection (and GCJ-02 correction) to
// WGS84, and the check that the result lies in China and near the loaded region.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <riskatlas/data/import_store.hpp>
#include <riskatlas/geo/crs.hpp>
#include <riskatlas/geo/geometry.hpp>

#include "source_crs.hpp"

namespace riskatlas::ingest::detail {

enum class shape { point, polygon, line };

struct geometry_settings {
    std::optional<std::string> crs_option; ///< already expanded
    std::optional<std::string> file_crs;   ///< authority code or WKT, when the file has one
    bool gcj02 = false;
    std::optional<data::lonlat_box> region;
    double region_margin_km = 50;
};

struct geometry_result {
    std::optional<std::string> hex_wkb; ///< EPSG:4326, when accepted
    std::optional<std::string> reject;  ///< why not
    std::optional<std::string> repair;  ///< what was repaired, when something was
};

class geometry_check {
  public:
    explicit geometry_check(geometry_settings settings);
    ~geometry_check();

    /// `wanted` is the shape the record needs; `point_allowed` lets a polygon kind take a point
    /// (villages among regions).
    geometry_result process(const geo::geometry& source, shape wanted, bool point_allowed);

    /// True while the CRS is still to be read from the coordinates (neither option nor file
    /// gives one): the caller may then decide it from a sample first.
    bool crs_from_coordinates() const noexcept;
    /// Decides the CRS now; from `sample` (the first positions) when it comes from coordinates.
    /// Without this, the first geometry processed decides alone.
    void decide_crs(const std::vector<source_xy>& sample);

    /// The CRS in use ("EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)") and where it came
    /// from; empty until decided.
    std::string crs_text() const;
    std::string crs_from() const;

  private:
    std::string not_degrees(const geo::bbox& e) const;

    geometry_settings m_settings;
    std::unique_ptr<geo::crs_to_wgs84> m_transform;
    std::string m_crs_definition;
    std::string m_crs_from;
};

} // namespace riskatlas::ingest::detail
