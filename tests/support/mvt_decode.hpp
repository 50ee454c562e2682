// Decodes a vector tile with GDAL's MVT driver (an independent reader, not our encoder).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <riskatlas/geo/tile.hpp>

namespace riskatlas::test {

struct decoded_feature {
    long long id = 0;
    std::map<std::string, std::string> properties;
    std::string geometry_type;
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0; ///< envelope in EPSG:3857
};

/// Layer name -> features. Throws std::runtime_error when GDAL cannot read the bytes.
std::map<std::string, std::vector<decoded_feature>> decode_mvt(const std::string& bytes,
                                                               const geo::tile_id& tile);

} // namespace riskatlas::test
