// GB/T 917-2017 route codes: prefix letter, number, optional 6-digit administrative area code.
#include <riskatlas/roads/route_code.hpp>

#include "stake_text.hpp"

#include <riskatlas/roads/errors.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace riskatlas::roads {
namespace {

constexpr std::size_t area_code_digits = 6;

struct prefix_rule {
    char prefix;
    admin_level level;
    std::size_t min_digits; // of the route number
    std::size_t max_digits;
};

// G and S numbers run from one digit (G1 expressway) to four (G1501 ring); the lower levels
// are always three digits, unique only within their area.
constexpr std::array<prefix_rule, 6> rules{{
    {'G', admin_level::national, 1, 4},
    {'S', admin_level::provincial, 1, 4},
    {'X', admin_level::county, 3, 3},
    {'Y', admin_level::township, 3, 3},
    {'C', admin_level::village, 3, 3},
    {'Z', admin_level::special, 3, 3},
}};

[[noreturn]] void reject_code(std::string_view text, std::string_view problem) {
    throw invalid_route_code("invalid route code \"" + std::string(text) +
                             "\": " + std::string(problem));
}

const prefix_rule& rule_for(std::string_view original, char letter) {
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(letter)));
    const auto it = std::find_if(rules.begin(), rules.end(),
                                 [upper](const prefix_rule& r) { return r.prefix == upper; });
    if (it == rules.end())
        reject_code(original, "expected a prefix G, S, X, Y, C or Z (GB/T 917-2017)");
    return *it;
}

std::string expected_digits(const prefix_rule& rule) {
    const std::string number =
        rule.min_digits == rule.max_digits
            ? std::to_string(rule.min_digits)
            : std::to_string(rule.min_digits) + " to " + std::to_string(rule.max_digits);
    return std::string("expected ") + rule.prefix + " followed by " + number +
           " digits, optionally followed by a 6-digit area code (e.g. X024360121)";
}

} // namespace

std::string_view to_string(admin_level level) noexcept {
    switch (level) {
    case admin_level::national:
        return "national";
    case admin_level::provincial:
        return "provincial";
    case admin_level::county:
        return "county";
    case admin_level::township:
        return "township";
    case admin_level::village:
        return "village";
    case admin_level::special:
        return "special";
    }
    return "unknown";
}

route_code parse_route_code(std::string_view text) {
    const std::string_view s = detail::trim(text);
    if (s.empty())
        reject_code(text, "empty");
    const prefix_rule& rule = rule_for(text, s[0]);
    const std::string_view digits = s.substr(1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        reject_code(text, expected_digits(rule));
    const std::size_t n = digits.size();
    const bool bare = n >= rule.min_digits && n <= rule.max_digits;
    const bool with_area =
        n >= rule.min_digits + area_code_digits && n <= rule.max_digits + area_code_digits;
    if (!bare && !with_area)
        reject_code(text, expected_digits(rule));

    route_code code;
    code.prefix = rule.prefix;
    code.level = rule.level;
    code.number = std::string(digits.substr(0, bare ? n : n - area_code_digits));
    if (with_area)
        code.area_code = std::string(digits.substr(n - area_code_digits));
    code.text = code.prefix + std::string(digits);
    return code;
}

std::optional<std::string> parse_bridge_code(std::string_view text) {
    std::string code(text);
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    });
    const auto l = code.rfind('L');
    if (l == std::string::npos || l == 0 || code.size() - l - 1 < 4 || code.size() - l - 1 > 5)
        return std::nullopt;
    if (!std::all_of(code.begin() + static_cast<long>(l) + 1, code.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    try {
        if (parse_route_code(code.substr(0, l)).text != code.substr(0, l))
            return std::nullopt; // surrounding spaces: not part of a code
    } catch (const invalid_route_code &) {
        return std::nullopt;
    }
    return code;
}

} // namespace riskatlas::roads
