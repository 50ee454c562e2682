// Coverage of life-protection works (安全生命防护工程): of the hazardous road identified in the
// survey register (排查), how many metres are treated by counting works, per route, township,
// hazard type and overall, and which stretches of each segment are still untreated.
#pragma once

#include <riskatlas/roads/intervals.hpp>

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace riskatlas::roads {

/// One identified hazardous segment (隐患路段) of the register.
struct risky_segment {
    std::string id;
    std::string route_code; ///< compared as given; canonicalise with parse_route_code first
    std::string township;
    std::string type; ///< hazard type code, e.g. "LSLY", "JWDP", "PJLK", "CCGZ"
    double from_m = 0;
    double to_m = 0;
};

/// One works project on a route. Whether it counts as treatment is decided by a predicate
/// (default: counts_as_treated on `status`), so that the policy stays with the caller.
struct works_record {
    std::string id;
    std::string route_code;
    double from_m = 0;
    double to_m = 0;
    std::string status; ///< e.g. identified, planned, in_works, completed, accepted
};

/// The default policy: only finished works treat a segment, i.e. status "completed" or
/// "accepted" (交工验收), exactly as written. Planned and in-progress works do not count.
bool counts_as_treated(const works_record& works) noexcept;

using works_predicate = std::function<bool(const works_record&)>;

/// Identified and treated metres of one group.
struct coverage_totals {
    double identified_m = 0;
    double treated_m = 0;
    std::optional<double> ratio; ///< treated_m / identified_m; absent when identified_m == 0
};

/// One segment's share: its length, the part treated and the untreated stake intervals.
struct segment_coverage {
    std::string id;
    double identified_m = 0;
    double treated_m = 0;
    interval_set gaps; ///< exactly [from_m, to_m] minus the counting works on its route
};

/// How totals count (处治率 = treated / identified):
/// - Works are matched to segments by route code and stake overlap. Overlapping or touching
///   works count once; works outside every risky segment add nothing; a works range across two
///   segments treats each only where it covers it.
/// - A metre may lie in two segments, e.g. a through-village (CCGZ) segment that is also
///   alongside water (LSLY). by_type counts it once in each type it has; by_route,
///   by_township and overall count the union on each route once. So the by_type totals can sum to
///   more than overall, while by_route sums exactly to overall. (by_township sums to overall too
///   unless two townships claim the same metre of one route, a register error counted in both.)
/// - Different routes are different road even at equal stakes: unions are taken per route and
///   then summed.
/// - Only keys that appear in risky segments get an entry; a zero-length segment (a point
///   hazard such as one intersection) creates its keys with identified_m == 0.
struct coverage_report {
    coverage_totals overall;
    std::map<std::string, coverage_totals> by_route;
    std::map<std::string, coverage_totals> by_township;
    std::map<std::string, coverage_totals> by_type;
    std::vector<segment_coverage> segments; ///< in input order
};

/// Computes the report in O(n log n) for n segments and works. Throws invalid_stake_range, naming
/// the record id, for any segment or works (counting or not) whose stakes are negative, not finite
/// or reversed: a register with broken rows should be fixed, not silently measured.
coverage_report compute_coverage(std::span<const risky_segment> segments,
                                 std::span<const works_record> works,
                                 const works_predicate& counts = counts_as_treated);

} // namespace riskatlas::roads
