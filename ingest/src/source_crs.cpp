// The CRS shorthands surveyors use, mapped to EPSG codes through geo's Gauss-Krüger table.
#include "source_crs.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <riskatlas/error.hpp>
#include <riskatlas/geo/crs.hpp>

namespace riskatlas::ingest::detail {
namespace {

std::optional<int> whole_number(std::string_view s) {
    if (!s.empty() && (s.back() == 'e' || s.back() == 'E'))
        s.remove_suffix(1);
    int value = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), value);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        return std::nullopt;
    return value;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return s;
}

std::string format_number(double v) {
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, r.ptr);
}

} // namespace

std::string expand_crs_option(const std::string& option) {
    const std::string l = lower(option);
    if (whole_number(l) && l.back() != 'e')
        return "EPSG:" + l;
    if (l == "cgcs2000")
        return "EPSG:4490";
    if (l == "wgs84")
        return "EPSG:4326";
    for (const int degrees : {3, 6})
        for (const bool zone : {true, false}) {
            const std::string prefix = "gk" + std::to_string(degrees) + (zone ? "-zone:" : "-cm:");
            if (!l.starts_with(prefix))
                continue;
            const auto n = whole_number(std::string_view(l).substr(prefix.size()));
            const auto epsg = n ? geo::gauss_kruger_epsg(degrees, zone, *n) : std::nullopt;
            if (!epsg)
                throw invalid_argument(
                    "invalid_crs",
                    "'" + option + "' names no CGCS2000 Gauss-Krüger CRS (3° zones 25-45 or " +
                        "central meridians 75-135 divisible by 3; 6° zones 13-23 or meridians " +
                        "75, 81, ... 135)");
            return "EPSG:" + std::to_string(*epsg);
        }
    return option;
}

crs_choice detect_crs(const std::vector<source_xy>& sample) {
    // candidates in the order first seen, with their votes; "" is "neither"
    std::vector<std::pair<std::string, std::size_t>> votes;
    std::optional<source_xy> first_unknown;
    for (const auto& p : sample) {
        std::string candidate;
        if (std::abs(p.x) <= 180 && std::abs(p.y) <= 90)
            candidate = "EPSG:4326";
        else if (const auto epsg = geo::gauss_kruger_epsg_from_easting(p.x))
            candidate = "EPSG:" + std::to_string(*epsg);
        else if (!first_unknown)
            first_unknown = p;
        const auto it = std::find_if(votes.begin(), votes.end(),
                                     [&](const auto& v) { return v.first == candidate; });
        if (it == votes.end())
            votes.emplace_back(candidate, 1);
        else
            ++it->second;
    }
    const auto winner =
        std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
            return a.second < b.second; // max_element keeps the first of equals
        });
    if (winner != votes.end() && !winner->first.empty())
        return {winner->first, winner->first == "EPSG:4326" ? "assumed" : "detected"};
    const std::string example = first_unknown ? " (" + format_number(first_unknown->x) + ", " +
                                                    format_number(first_unknown->y) + ")"
                                              : "";
    throw invalid_argument(
        "unknown_crs", "the file has no CRS and most of its first coordinates" + example +
                           " are neither lon/lat nor Gauss-Krüger eastings with a zone prefix; " +
                           "pass --crs (e.g. EPSG:4549 or gk3-cm:117)");
}

} // namespace riskatlas::ingest::detail
