// Stage 3 of the Yanzhou generator: hidden dangers (隐患) reported at located enterprises.
#pragma once

#include "regions.hpp"

namespace riskatlas::demo::detail {

std::vector<data::hazard_record>
build_hazards(const std::vector<data::enterprise_record> &enterprises, const region_layout &layout,
              const yanzhou_params &params);

} // namespace riskatlas::demo::detail
