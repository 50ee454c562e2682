// Source text -> the model's value, as PostgreSQL input text: trimming, number, date, boolean and
// enumeration parsing (Chinese spellings included), ranges, and the code formats the schema
// enforces. A failure is a reason a person can act on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <riskatlas/ingest/kinds.hpp>

namespace riskatlas::ingest::detail {

struct value_error {
    std::string reason;
};

/// nullopt for an empty cell; the normalised value; or why the text is not acceptable.
using conversion = std::variant<std::optional<std::string>, value_error>;

conversion convert_value(const field_info &field, std::string_view text);

/// ISO date from "2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305" or an ISO
/// date-time; nullopt when it is none of those or not a real calendar date.
std::optional<std::string> parse_date(std::string_view text);

/// True when the bytes are well-formed UTF-8.
bool is_utf8(std::string_view text) noexcept;

} // namespace riskatlas::ingest::detail
