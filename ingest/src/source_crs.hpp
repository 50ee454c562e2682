// Deciding the source CRS of an import: the --crs option (with shorthands for CGCS2000 and its
// Gauss-Krüger zones), else the file's, else what the first coordinates show.
#pragma once

#include <optional>
#include <string>

namespace riskatlas::ingest::detail {

/// "4549" -> "EPSG:4549"; "CGCS2000" -> "EPSG:4490"; "WGS84" -> "EPSG:4326"; "gk3-zone:39",
/// "gk3-cm:117", "gk6-zone:20", "gk6-cm:117" -> the CGCS2000 Gauss-Krüger EPSG code; anything
/// else is passed to PROJ as it is (EPSG:n, WKT, PROJ strings). Throws invalid_argument
/// ("invalid_crs") for a Gauss-Krüger shorthand naming no zone.
std::string expand_crs_option(const std::string &option);

struct crs_choice {
    std::string definition; ///< what PROJ is given
    std::string from;       ///< "option" | "file" | "detected" | "assumed"
};

/// The CRS for a file without one, from its first coordinate: a Gauss-Krüger easting with a
/// zone prefix is detected; lon/lat ranges are assumed WGS84. Throws invalid_argument
/// ("unknown_crs") when the coordinates are neither (e.g. GK metres without a zone prefix).
crs_choice detect_crs(double x, double y);

} // namespace riskatlas::ingest::detail
