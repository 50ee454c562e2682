// Request parameter parsing.
#include "params.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace riskatlas::server {
namespace {
[[noreturn]] void reject(const std::string& code, const std::string& message) {
    throw invalid_argument(code, message);
}

std::string shown(std::string_view text) {
    constexpr std::size_t max_chars = 40;
    return "'" + std::string(text.substr(0, max_chars)) + (text.size() > max_chars ? "…'" : "'");
}
} // namespace

std::uint64_t parse_unsigned(std::string_view name, std::string_view text, std::uint64_t max) {
    std::uint64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec == std::errc::invalid_argument || ptr != end)
        reject("invalid_parameter", std::string(name) + " must be a non-negative integer, got " + shown(text));
    if (ec == std::errc::result_out_of_range || value > max)
        reject("invalid_parameter", std::string(name) + " must be at most " + std::to_string(max) +
                                        ", got " + shown(text));
    return value;
}

geo::tile_id parse_tile(std::string_view z, std::string_view x, std::string_view y) {
    for (const std::string_view ext : {".mvt", ".pbf"})
        if (y.ends_with(ext)) {
            y.remove_suffix(ext.size());
            break;
        }
    if (const auto dot = y.find('.'); dot != std::string_view::npos)
        reject("unsupported_format", "tile format " + shown(y.substr(dot)) + " is not served; use .mvt");
    try {
        const auto zoom = static_cast<int>(parse_unsigned("z", z, geo::max_zoom));
        const auto limit = geo::tiles_per_axis(zoom) - 1;
        return {zoom, static_cast<std::uint32_t>(parse_unsigned("x", x, limit)),
                static_cast<std::uint32_t>(parse_unsigned("y", y, limit))};
    } catch (const invalid_argument& e) {
        reject("invalid_tile", std::string("invalid tile: ") + e.what() +
                                   " (z is 0..24, x and y are 0..2^z-1)");
    }
}

std::size_t parse_limit(const std::optional<std::string>& text, std::size_t fallback, std::size_t max) {
    if (!text)
        return fallback;
    const auto value = parse_unsigned("limit", *text, max);
    if (value == 0)
        reject("invalid_parameter", "limit must be at least 1");
    return static_cast<std::size_t>(value);
}

std::vector<std::string> parse_name_list(std::string_view name, std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = std::min(text.find(',', start), text.size());
        const auto item = text.substr(start, comma - start);
        if (item.empty())
            reject("invalid_parameter", std::string(name) + " must be a comma-separated list of names");
        out.emplace_back(item);
        start = comma + 1;
    }
    return out;
}

std::string url_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && plus_is_space) {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            unsigned value = 0;
            std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
            out += static_cast<char>(value);
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string url_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

std::string etag_for(std::string_view layer, std::int64_t version, std::string_view fingerprint) {
    return "W/\"" + std::string(layer) + "-" + std::to_string(version) + "-" + std::string(fingerprint) +
           "\"";
}

std::optional<std::int64_t> version_from_etag(const std::optional<std::string>& if_none_match,
                                              std::string_view layer, std::string_view fingerprint) {
    if (!if_none_match)
        return std::nullopt;
    // Accept the weak or strong form of our own tag; anything else simply does not match.
    std::string_view v = *if_none_match;
    if (v.starts_with("W/"))
        v.remove_prefix(2);
    const std::string prefix = "\"" + std::string(layer) + "-";
    const std::string suffix = "-" + std::string(fingerprint) + "\"";
    if (!v.starts_with(prefix) || !v.ends_with(suffix) || v.size() <= prefix.size() + suffix.size())
        return std::nullopt;
    v = v.substr(prefix.size(), v.size() - prefix.size() - suffix.size());
    std::int64_t version = 0;
    const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
    if (ec != std::errc{} || ptr != v.data() + v.size())
        return std::nullopt;
    return version;
}

void reject_unknown_query(const std::map<std::string, std::string>& query,
                          std::initializer_list<std::string_view> known,
                          const std::function<bool(std::string_view)>& also) {
    for (const auto& [name, value] : query)
        if (std::find(known.begin(), known.end(), name) == known.end() && !(also && also(name)))
            throw invalid_argument("unknown_parameter", "unknown query parameter '" + name + "'");
}

std::string parse_iso_date(std::string_view name, std::string_view text) {
    const auto bad = [&] {
        return invalid_argument("invalid_parameter", std::string(name) + " must be a date " +
                                                         "YYYY-MM-DD, not '" + std::string(text) +
                                                         "'");
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        throw bad();
    // year, month, day at offsets 0, 5, 8
    constexpr std::size_t offsets[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    int parts[3] = {0, 0, 0};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto piece = text.substr(offsets[i], lengths[i]);
        const auto [end, ec] = std::from_chars(piece.data(), piece.data() + piece.size(), parts[i]);
        if (ec != std::errc() || end != piece.data() + piece.size())
            throw bad();
    }
    const std::chrono::year_month_day date{std::chrono::year(parts[0]),
                                           std::chrono::month(static_cast<unsigned>(parts[1])),
                                           std::chrono::day(static_cast<unsigned>(parts[2]))};
    if (!date.ok() || parts[0] < 1900 || parts[0] > 2200)
        throw bad();
    return std::string(text);
}

std::string today_utc() {
    const std::chrono::year_month_day d{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

} // namespace riskatlas::server
