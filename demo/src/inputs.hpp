// The real inputs of the Yanzhou demo, read through io::feature_reader from demo/data/yanzhou.
#pragma once

#include <riskatlas/geo/gcj02.hpp>
#include <riskatlas/geo/geometry.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace riskatlas::demo::detail {

struct township_point {
    std::string code;
    std::string name;
    std::optional<geo::lonlat> seat_wgs84; ///< absent for the two streets without a location
};

/// A row of the statistical divisions CSV (rank 5 = village/community).
struct division_row {
    std::string code;
    std::string parent;
    std::string name;
    int rank = 0;
    std::optional<geo::lonlat> centre_gcj02; ///< Amap centre point, GCJ-02, when present
};

struct yanzhou_inputs {
    geo::geometry county; ///< DataV boundary, converted to WGS84
    std::vector<township_point> townships;
    std::vector<division_row> villages; ///< rank-5 rows, in file order
    std::vector<geo::geometry> railways;
};

/// Reads every input file; throws io::read_error or riskatlas::invalid_argument if one is
/// missing or not what we expect (e.g. an invalid boundary).
yanzhou_inputs read_inputs(const std::filesystem::path &dir);

} // namespace riskatlas::demo::detail
