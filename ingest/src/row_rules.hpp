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
std::optional<row_problem> cross_field_problem(entity_kind kind, const TValue &value) {
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
