// Deciding the source CRS of an import: the --crs option (with shorthands for CGCS2000 and its
// Gauss-Krüger zones), else the file's, else what most of the first coordinates show.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace riskatlas::ingest::detail {

/// "4549" -> "EPSG:4549"; "CGCS2000" -> "EPSG:4490"; "WGS84" -> "EPSG:4326"; "gk3-zone:39",
/// "gk3-cm:117", "gk6-zone:20", "gk6-cm:117" -> the CGCS2000 Gauss-Krüger EPSG code; anything
/// else is passed to PROJ as it is (EPSG:n, WKT, PROJ strings). Throws invalid_argument
/// ("invalid_crs") for a Gauss-Krüger shorthand naming no zone.
std::string expand_crs_option(const std::string& option);

struct crs_choice {
    std::string definition; ///< what PROJ is given
    std::string from;       ///< "option" | "file" | "detected" | "assumed"
};

/// A position in the file's own coordinates (a geometry's lower-left corner).
struct source_xy {
    double x = 0;
    double y = 0;
};

/// The CRS for a file without one, from a sample of its first positions in file order: each is
/// a Gauss-Krüger easting with a zone prefix (that zone), a lon/lat pair (WGS84 assumed), or
/// neither; the most frequent answer wins (ties: the one seen first), so one odd row (swapped
/// axes, a point typed in degrees among eastings) is rejected later as a row instead of deciding
/// for the whole file. Throws invalid_argument ("unknown_crs") when most positions are neither
/// (e.g. GK metres without a zone prefix) or the sample is empty.
crs_choice detect_crs(const std::vector<source_xy>& sample);

} // namespace riskatlas::ingest::detail
