// Text helpers shared by the roads sources (not public API): stakes for error messages and
// trimming what a register cell may carry around a code.
#pragma once

#include <string>
#include <string_view>

namespace riskatlas::roads::detail {

/// `K12+300`, or `K12+300.25` when not whole (to the millimetre, trailing zeros dropped); a plain
/// number with " m" for values no stake can have (negative, non-finite, too large).
std::string describe_stake(double metres);

/// "[K1+000, K1+500]".
std::string describe_range(double from_m, double to_m);

/// Without the spaces and tabs around it.
inline std::string_view trim(std::string_view text) noexcept {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

} // namespace riskatlas::roads::detail
