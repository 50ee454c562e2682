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

template <typename TValue>
std::optional<row_problem> cross_field_problem(entity_kind kind, const TValue &value) {
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
