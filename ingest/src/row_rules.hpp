// Rules that involve several fields of one record (the schema's cross-field CHECKs), checked per
// row so that the report names the row instead of the merge failing on a constraint.
#pragma once

#include <optional>
#include <string>

#include "mapping.hpp"

namespace riskatlas::ingest::detail {

struct row_problem {
    std::string field;
    std::string reason;
};

/// `value(field)` gives the row's converted value of a field (nullopt when empty or absent).
template <typename TValue>
std::optional<row_problem> stake_problem(entity_kind kind, const TValue &value) {
    const auto from = value("from_stake");
    const auto to = value("to_stake");
    if (!from || !to)
        return std::nullopt;
    const double a = std::stod(*from), b = std::stod(*to);
    if (kind == entity_kind::safety_works && !(a < b))
        return row_problem{"to_stake", "the works must end after they start (" + *from + " m to " + *to + " m)"};
    if (kind == entity_kind::roads && !(a < b))
        return row_problem{"to_stake", "the piece must end after it starts (" + *from + " m to " + *to + " m)"};
    if (a > b)
        return row_problem{"to_stake", "the segment ends before it starts (" + *from + " m to " + *to + " m)"};
    return std::nullopt;
}

template <typename TValue> std::optional<row_problem> works_problem(const TValue &value) {
    const auto status = value("status");
    const auto started = value("started_on");
    const auto completed = value("completed_on");
    const auto accepted = value("accepted_on");
    if (!status)
        return std::nullopt;
    const bool done = *status == "completed" || *status == "accepted";
    if (*status != "planned" && !started)
        return row_problem{"started_on", "works that are " + *status + " need a start date"};
    if (done != completed.has_value())
        return row_problem{"completed_on", done ? "completed works need a completion date"
                                                : "only completed works have a completion date"};
    if ((*status == "accepted") != accepted.has_value())
        return row_problem{"accepted_on", *status == "accepted" ? "accepted works need an acceptance date"
                                                                : "only accepted works have an acceptance date"};
    if (started && completed && *completed < *started)
        return row_problem{"completed_on", "completed " + *completed + " before it started " + *started};
    if (completed && accepted && *accepted < *completed)
        return row_problem{"accepted_on", "accepted " + *accepted + " before completion " + *completed};
    return std::nullopt;
}

// JTG/T H21 class bands of the Dr score; class 5 may also come from a single control item.
inline int class_of_dr(double dr) { return dr >= 95 ? 1 : dr >= 80 ? 2 : dr >= 60 ? 3 : dr >= 40 ? 4 : 5; }

template <typename TValue> std::optional<row_problem> bridge_problem(const TValue &value) {
    const auto code = value("code");
    const auto route = value("route_code");
    if (code && route && !code->starts_with(*route + "L"))
        return row_problem{"code", "bridge code " + *code + " does not start with its route " + *route + " + L"};
    const auto length = value("length_m");
    const auto span = value("max_span_m");
    if (length && span && std::stod(*span) > std::stod(*length))
        return row_problem{"max_span_m", "the largest span " + *span + " m is longer than the bridge (" + *length + " m)"};
    const auto cls = value("condition_class");
    const auto dr = value("dr_score");
    if (cls && dr && *cls != "5" && std::to_string(class_of_dr(std::stod(*dr))) != *cls)
        return row_problem{"dr_score", "Dr " + *dr + " means class " + std::to_string(class_of_dr(std::stod(*dr))) +
                                           ", not " + *cls};
    const auto rated = value("rated_at");
    const auto deadline = value("treatment_deadline");
    if (rated && deadline && *deadline < *rated)
        return row_problem{"treatment_deadline", "deadline " + *deadline + " is before the rating " + *rated};
    const auto status = value("status");
    const auto treated = value("treated_at");
    const bool done = status && (*status == "treated" || *status == "demolished");
    if (status && done != treated.has_value())
        return row_problem{"treated_at", done ? "a treated or demolished bridge needs the date"
                                              : "only a treated or demolished bridge has a treatment date"};
    return std::nullopt;
}

// The schema derives a route's level from its code's prefix (road_routes_level_matches_code).
template <typename TValue> std::optional<row_problem> road_problem(const TValue &value) {
    if (auto problem = stake_problem(entity_kind::roads, value))
        return problem;
    const auto route = value("route_code");
    const auto level = value("admin_level");
    if (route && level && route->substr(0, 1) != *level)
        return row_problem{"admin_level", "route " + *route + " is a " + route->substr(0, 1) +
                                              " road by its code, not " + *level};
    return std::nullopt;
}

template <typename TValue>
std::optional<row_problem> cross_field_problem(entity_kind kind, const TValue &value) {
    if (kind == entity_kind::bridges)
        return bridge_problem(value);
    if (kind == entity_kind::roads)
        return road_problem(value);
    if (kind == entity_kind::road_risk_segments)
        return stake_problem(kind, value);
    if (kind == entity_kind::safety_works) {
        if (auto problem = stake_problem(kind, value))
            return problem;
        return works_problem(value);
    }
    if (kind != entity_kind::hazards)
        return std::nullopt;
    const auto found = value("found_on");
    const auto deadline = value("deadline");
    if (found && deadline && *deadline < *found) // ISO dates compare as text
        return row_problem{"deadline", "deadline " + *deadline + " is before the date found " + *found};
    const auto status = value("status");
    const auto closed = value("closed_on");
    if (status && *status == "closed" && !closed)
        return row_problem{"closed_on", "a closed hazard needs the date it was closed"};
    if (status && *status != "closed" && closed)
        return row_problem{"closed_on", "only a closed hazard has a closing date (status is " +
                                            *status + ")"};
    if (found && closed && *closed < *found)
        return row_problem{"closed_on", "closed " + *closed + " before it was found " + *found};
    return std::nullopt;
}

} // namespace riskatlas::ingest::detail
