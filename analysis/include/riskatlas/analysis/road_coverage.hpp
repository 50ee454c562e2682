// Coverage of road safety works (安全生命防护工程) over the stored register of risky segments:
// roads::compute_coverage on what the database holds, with the names a coverage table shows.
#pragma once

#include <riskatlas/data/database.hpp>
#include <riskatlas/roads/coverage.hpp>

#include <map>
#include <string>

namespace riskatlas::analysis {

struct road_coverage {
    roads::coverage_report report; ///< segments' ids are the road_risk_segments ids, as text
    std::map<std::string, std::string> route_names;    ///< by route code
    std::map<std::string, std::string> township_names; ///< by township code ("" = none)
};

road_coverage compute_road_coverage(data::database& db, const data::request_context& ctx);

} // namespace riskatlas::analysis
