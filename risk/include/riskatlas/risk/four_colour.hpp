// The four safety-risk colours (安委办〔2016〕11号): red 重大, orange 较大, yellow 一般, blue 低.
#pragma once

#include <optional>
#include <string_view>

namespace riskatlas::risk {

enum class four_colour { red, orange, yellow, blue };

/// "red" | "orange" | "yellow" | "blue" (the value stored and served).
std::string_view to_string(four_colour c) noexcept;
/// 重大风险 / 较大风险 / 一般风险 / 低风险.
std::string_view chinese_name(four_colour c) noexcept;
std::optional<four_colour> parse_four_colour(std::string_view text) noexcept;

} // namespace riskatlas::risk
