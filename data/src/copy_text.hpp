// Building lines of COPY's text format (tab-separated, \N for NULL, backslash escapes) and the
// PostgreSQL array literals that go inside them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskatlas::data {

/// A text[] literal: every element double-quoted, with `"` and `\` escaped.
std::string text_array_literal(const std::vector<std::string>& items);

/// Appends `value` escaped for COPY's text format (no separator).
void append_copy_value(std::string& line, std::string_view value);
void append_copy_value(std::string& line, const std::optional<std::string>& value);

/// Appends a double as the shortest text that reads back as the same double.
void append_copy_number(std::string& line, double value);

} // namespace riskatlas::data
