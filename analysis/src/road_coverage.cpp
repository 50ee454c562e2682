// Reads segments and works in one snapshot and hands them to the roads module, which owns the
// counting rule (overlaps once, only finished works, unions per route).
#include <riskatlas/analysis/road_coverage.hpp>

#include <riskatlas/data/roads_store.hpp>

#include <vector>

namespace riskatlas::analysis {

road_coverage compute_road_coverage(data::database& db, const data::request_context& ctx) {
    const auto inputs = data::read_coverage_inputs(db, ctx);
    road_coverage out;
    std::vector<roads::risky_segment> segments;
    segments.reserve(inputs.segments.size());
    for (const auto& s : inputs.segments) {
        segments.push_back({std::to_string(s.id), s.route_code, s.township_code, s.type, s.from_m,
                            s.to_m});
        out.route_names[s.route_code] = s.route_name;
        out.township_names[s.township_code] = s.township_name;
    }
    std::vector<roads::works_record> works;
    works.reserve(inputs.works.size());
    for (const auto& w : inputs.works)
        works.push_back({w.code, w.route_code, w.from_m, w.to_m, w.status});
    out.report = roads::compute_coverage(segments, works);
    return out;
}

} // namespace riskatlas::analysis
