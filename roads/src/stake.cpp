// Stake parsing and formatting. Parsing hands the digits to std::from_chars as one decimal number
// so the result is correctly rounded; formatting works in integer units of 10^-decimals metres.
#include <riskatlas/roads/stake.hpp>

#include "stake_text.hpp"

#include <riskatlas/roads/errors.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace riskatlas::roads {
namespace {

constexpr std::size_t max_km_digits = 6;
constexpr int max_decimals = 6;

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Length of the run of digits at the start of `text`.
std::size_t digit_run(std::string_view text) noexcept {
    std::size_t n = 0;
    while (n < text.size() && is_digit(text[n]))
        ++n;
    return n;
}

[[noreturn]] void reject_stake(std::string_view text, std::string_view problem) {
    throw invalid_stake("invalid stake \"" + std::string(text) + "\": " + std::string(problem) +
                        "; expected K<km>+<mmm>[.<fraction>], e.g. K12+300 or K12+300.5");
}

// Checks the grammar and returns the digits as one decimal number: "K12+300.5" -> "12300.5".
std::string stake_digits(std::string_view original, std::string_view s) {
    if (s.empty())
        reject_stake(original, "empty");
    if (s[0] != 'K' && s[0] != 'k')
        reject_stake(original, "must start with K");
    s.remove_prefix(1);
    const std::size_t km = digit_run(s);
    if (km == 0 || km > max_km_digits)
        reject_stake(original, "kilometres must be 1 to 6 digits");
    if (km == s.size() || s[km] != '+')
        reject_stake(original, "kilometres must be followed by '+'");
    std::string digits(s.substr(0, km));
    s.remove_prefix(km + 1);
    if (digit_run(s) != 3)
        reject_stake(original, "metres must be exactly three digits (000 to 999)");
    digits.append(s.substr(0, 3));
    s.remove_prefix(3);
    if (s.empty())
        return digits;
    if (s[0] != '.' || s.size() == 1 || digit_run(s.substr(1)) != s.size() - 1)
        reject_stake(original, "metres may only be followed by '.' and fraction digits");
    digits.append(s);
    return digits;
}

std::string padded(std::uint64_t value, std::size_t width) {
    std::string text = std::to_string(value);
    if (text.size() < width)
        text.insert(0, width - text.size(), '0');
    return text;
}

} // namespace

double parse_stake(std::string_view text) {
    const std::string digits = stake_digits(text, detail::trim(text));
    double metres = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), metres);
    if (result.ec != std::errc{} || result.ptr != digits.data() + digits.size())
        reject_stake(text, "not a number"); // unreachable after the grammar check; kept as a guard
    return metres;
}

std::string format_stake(double metres, int decimals) {
    if (decimals < 0 || decimals > max_decimals)
        throw invalid_stake("stake decimals must be 0 to 6, got " + std::to_string(decimals));
    if (!std::isfinite(metres) || metres < 0)
        throw invalid_stake("cannot format " + detail::describe_stake(metres) + " as a stake");
    const double scale = std::pow(10.0, decimals);
    // std::round rounds half away from zero, which is how surveyors round stakes.
    const double units = std::round(metres * scale);
    if (units >= max_stake_m * scale)
        throw invalid_stake("cannot format " + detail::describe_stake(metres) +
                            " as a stake: the largest is K999999+999");
    const auto whole = static_cast<std::uint64_t>(units);
    const auto per_metre = static_cast<std::uint64_t>(scale);
    const std::uint64_t whole_m = whole / per_metre;
    std::string text = "K" + std::to_string(whole_m / 1000) + "+" + padded(whole_m % 1000, 3);
    if (decimals > 0)
        text += "." + padded(whole % per_metre, static_cast<std::size_t>(decimals));
    return text;
}

namespace detail {

std::string describe_stake(double metres) {
    // The margin keeps format_stake's rounding below its limit.
    if (!std::isfinite(metres) || metres < 0 || metres >= max_stake_m - 1) {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, metres);
        return std::string(buffer, result.ptr) + " m";
    }
    std::string text = format_stake(metres, 3);
    if (text.ends_with(".000"))
        return format_stake(metres);
    while (text.back() == '0')
        text.pop_back();
    return text;
}

std::string describe_range(double from_m, double to_m) {
    return "[" + describe_stake(from_m) + ", " + describe_stake(to_m) + "]";
}

} // namespace detail
} // namespace riskatlas::roads
