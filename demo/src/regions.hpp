// Stage 1 of the Yanzhou generator: the region hierarchy (county, township cells, villages,
// parks) and the lookups later stages need to place enterprises and hazards in it.
#pragma once

#include "inputs.hpp"
#include <riskatlas/prng.hpp>

#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/demo/yanzhou.hpp>

#include <map>
#include <string>
#include <vector>

namespace riskatlas::demo::detail {

struct area {
    std::string code;
    std::string name;
    geo::geometry shape;
    std::string township_code; ///< parks: the township containing it; townships: their own code
};

struct region_layout {
    geo::geometry county;
    double mid_lat = 0;
    std::vector<area> townships;
    std::vector<area> parks;
    std::map<std::string, std::vector<std::string>> village_names; ///< by township code

    /// The township whose cell contains `p` (interior first, then boundary), or nullptr.
    const area *township_at(geo::lonlat p) const;
    /// The park containing `p`, or nullptr.
    const area *park_at(geo::lonlat p) const;
    /// A township or park by code; throws invalid_argument if there is none.
    const area &find(const std::string &code) const;
};

/// Builds the region records (county first, then townships, villages and parks) and `layout`.
std::vector<data::region_record> build_regions(const yanzhou_inputs &inputs,
                                               const yanzhou_params &params, region_layout &layout);

} // namespace riskatlas::demo::detail
