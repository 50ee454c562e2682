// Route codes (路线编码) per GB/T 917-2017: an administrative-level prefix and a number, optionally
// followed by the 6-digit administrative area code (行政区划代码) that makes county, township and
// village road numbers unique, e.g. "X024360121" = county road X024 in area 360121.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace riskatlas::roads {

/// The administrative level a route code prefix stands for.
enum class admin_level {
    national,   ///< G 国道
    provincial, ///< S 省道
    county,     ///< X 县道
    township,   ///< Y 乡道
    village,    ///< C 村道
    special,    ///< Z 专用公路
};

/// "national", "provincial", "county", "township", "village" or "special".
std::string_view to_string(admin_level level) noexcept;

/// A parsed route code.
struct route_code {
    char prefix = 'G'; ///< upper-case G, S, X, Y, C or Z
    admin_level level = admin_level::national;
    std::string number;                   ///< the digits after the prefix, as written ("024")
    std::optional<std::string> area_code; ///< the 6-digit area code, when present
    std::string text;                     ///< canonical form: prefix + number + area code
};

/// Parses a route code. Accepted: spaces or tabs around the text, a G/S/X/Y/C/Z prefix in either
/// case, then digits: 1 to 4 for G and S (G5, G15, G105, G1501), exactly 3 for X, Y, C and Z,
/// optionally followed by exactly 6 more digits of area code. The digit counts make the split
/// unambiguous (G/S: 1-4 or 7-10 digits in total, X/Y/C/Z: 3 or 9). Letter suffixes such as
/// "G15W" are not supported. Throws invalid_route_code saying what is expected otherwise.
route_code parse_route_code(std::string_view text);

/// A bridge code (route code + "L" + a 4 or 5 digit sequence, e.g. X001370812L0010; JT/T 132) in
/// canonical upper case, or nullopt when `text` is not one (no spaces or other characters allowed).
std::optional<std::string> parse_bridge_code(std::string_view text);

} // namespace riskatlas::roads
