// Stakes (桩号): positions along a route written `K12+300` = kilometre 12 + 300 m from the route's
// origin. Internally a stake is a plain number of metres (12300.0).
#pragma once

#include <string>
#include <string_view>

namespace riskatlas::roads {

/// The largest stake format_stake writes and parse_stake reads: 999999 km + 999.x m. Far beyond
/// any real route; the bound keeps the integer arithmetic exact.
inline constexpr double max_stake_m = 1e9;

/// Parses `K<km>+<mmm>[.<digits>]` into metres from the route origin, e.g. "K12+300.5" ->
/// 12300.5. Accepted: an upper- or lower-case K, 1 to 6 kilometre digits (leading zeros allowed),
/// exactly three metre digits (so 0 <= m < 1000), an optional fraction of at least one digit, and
/// spaces or tabs around the whole text. Nothing else: no bare metre numbers, no signs, no inner
/// spaces. Throws invalid_stake naming the text otherwise. The result is the double nearest to
/// the decimal written (parsed as one number, so "K0+000.1" == 0.1 exactly as a literal).
double parse_stake(std::string_view text);

/// Formats metres as `K<km>+<mmm>`, rounded half away from zero to `decimals` fraction digits
/// (0 to 6; 0 gives whole metres): format_stake(12300.5) == "K12+301",
/// format_stake(12300.5, 1) == "K12+300.5". For any 0 <= x < max_stake_m,
/// parse_stake(format_stake(x)) == std::round(x). Throws invalid_stake for negative, non-finite
/// or too large values and for decimals outside 0..6.
std::string format_stake(double metres, int decimals = 0);

} // namespace riskatlas::roads
