// The danger-bridge (危桥) tracker: what is left to clear, by township and route, and whether each
// township is at "dynamic zero" (动态清零, ../shared/domain/rural-roads.md §2).
#pragma once

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/roads_store.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace riskatlas::analysis {

struct bridge_counts {
    int danger = 0;          ///< class 4/5 and not treated since rated
    int overdue = 0;         ///< of those, past their treatment deadline
    int no_deadline = 0;     ///< of those, with no treatment deadline set
    int stock = 0;           ///< of those, rated before the year began (存量)
    int no_interim_measure = 0; ///< of those, with no load/speed limit, closure or detour: an alarm
    int cleared = 0;         ///< danger bridges treated this year
    int newly_found = 0;     ///< class 4/5 ratings since the date asked about
    /// Dynamic zero: no danger bridge left from before the year, none past or without a deadline.
    /// The rule's period for new ones is the deadline each carries ([U] in the domain notes).
    bool dynamic_zero() const noexcept { return stock == 0 && overdue == 0 && no_deadline == 0; }
};

struct bridge_tracker {
    std::string as_of, year_start;
    std::optional<std::string> since;
    bridge_counts overall;
    std::map<std::string, bridge_counts> by_township; ///< every township, by code ("" = outside)
    std::map<std::string, std::string> township_names;
    std::map<std::string, bridge_counts> by_route;    ///< routes with a tracked bridge
    std::vector<data::tracked_bridge_row> bridges;
};

/// `as_of`, `since`: ISO dates (validated by the caller); the year is as_of's calendar year.
bridge_tracker track_bridges(data::database& db, const data::request_context& ctx,
                             const std::string& as_of, const std::optional<std::string>& since);

} // namespace riskatlas::analysis
