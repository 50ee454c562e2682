// Counting the tracked bridges per township and route; the SQL decides what each bridge is.
#include <riskatlas/analysis/bridge_tracker.hpp>

namespace riskatlas::analysis {
namespace {

void count(bridge_counts& c, const data::tracked_bridge_row& b) {
    if (b.danger) {
        ++c.danger;
        c.overdue += b.overdue;
        c.no_deadline += b.treatment_deadline.empty();
        c.stock += b.stock;
        c.no_interim_measure += b.interim_measure == "none";
    }
    c.cleared += b.cleared;
    c.newly_found += b.newly_found;
}

} // namespace

bridge_tracker track_bridges(data::database& db, const data::request_context& ctx,
                             const std::string& as_of, const std::optional<std::string>& since) {
    bridge_tracker t;
    t.as_of = as_of;
    t.year_start = as_of.substr(0, 4) + "-01-01";
    t.since = since;
    auto in = data::read_bridge_tracker(db, ctx, as_of, t.year_start, since);
    for (const auto& [code, name] : in.townships) {
        t.by_township[code];
        t.township_names[code] = name;
    }
    for (const auto& b : in.bridges) {
        count(t.overall, b);
        count(t.by_township[b.township_code], b);
        count(t.by_route[b.route_code], b);
    }
    t.bridges = std::move(in.bridges);
    return t;
}

} // namespace riskatlas::analysis
