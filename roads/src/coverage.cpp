// Coverage totals as interval arithmetic: per route, treated = risky union ∩ counting works union;
// group totals sum those per-route figures so each metre of a route counts once per group.
#include <riskatlas/roads/coverage.hpp>

#include "stake_text.hpp"

#include <riskatlas/roads/errors.hpp>

#include <cmath>
#include <utility>

namespace riskatlas::roads {
namespace {

void check_range(std::string_view kind, const std::string& id, double from_m, double to_m) {
    if (std::isfinite(from_m) && std::isfinite(to_m) && 0 <= from_m && from_m <= to_m)
        return;
    throw invalid_stake_range(std::string(kind) + " \"" + id + "\" has stake range " +
                              detail::describe_range(from_m, to_m) +
                              "; stakes must be finite, non-negative and from <= to");
}

using sets_by_route = std::map<std::string, interval_set>;

sets_by_route counting_works(std::span<const works_record> works, const works_predicate& counts) {
    std::map<std::string, std::vector<interval>> items;
    for (const works_record& w : works) {
        check_range("works", w.id, w.from_m, w.to_m);
        if (counts(w))
            items[w.route_code].push_back({w.from_m, w.to_m});
    }
    sets_by_route out;
    for (auto& [route_code, list] : items)
        out.emplace(route_code, interval_set(std::move(list)));
    return out;
}

const interval_set& works_on(const sets_by_route& works, const std::string& route_code) {
    static const interval_set none;
    const auto it = works.find(route_code);
    return it == works.end() ? none : it->second;
}

// Totals per group key: the union of the group's segments on each route, measured against that
// route's works, summed over routes. `key_of` picks the group (route, township, type, or one key).
template <typename TKey>
std::map<std::string, coverage_totals> group_totals(std::span<const risky_segment> segments,
                                                    const sets_by_route& works, TKey key_of) {
    std::map<std::pair<std::string, std::string>, std::vector<interval>> parts;
    for (const risky_segment& s : segments)
        parts[{key_of(s), s.route_code}].push_back({s.from_m, s.to_m});
    std::map<std::string, coverage_totals> out;
    for (auto& [key, list] : parts) {
        const interval_set risky(std::move(list));
        coverage_totals& totals = out[key.first];
        totals.identified_m += risky.length_m();
        totals.treated_m += intersect(risky, works_on(works, key.second)).length_m();
    }
    for (auto& [key, totals] : out)
        if (totals.identified_m > 0)
            totals.ratio = totals.treated_m / totals.identified_m;
    return out;
}

segment_coverage one_segment(const risky_segment& s, const sets_by_route& works) {
    const interval_set risky({{s.from_m, s.to_m}});
    const interval_set& treating = works_on(works, s.route_code);
    return {s.id, risky.length_m(), intersect(risky, treating).length_m(),
            subtract(risky, treating)};
}

} // namespace

bool counts_as_treated(const works_record& works) noexcept {
    return works.status == "completed" || works.status == "accepted";
}

coverage_report compute_coverage(std::span<const risky_segment> segments,
                                 std::span<const works_record> works,
                                 const works_predicate& counts) {
    for (const risky_segment& s : segments)
        check_range("risky segment", s.id, s.from_m, s.to_m);
    const sets_by_route treating = counting_works(works, counts);

    coverage_report report;
    report.by_route =
        group_totals(segments, treating, [](const risky_segment& s) { return s.route_code; });
    report.by_township =
        group_totals(segments, treating, [](const risky_segment& s) { return s.township; });
    report.by_type =
        group_totals(segments, treating, [](const risky_segment& s) { return s.type; });
    const auto overall =
        group_totals(segments, treating, [](const risky_segment&) { return std::string(); });
    if (!overall.empty())
        report.overall = overall.begin()->second;
    report.segments.reserve(segments.size());
    for (const risky_segment& s : segments)
        report.segments.push_back(one_segment(s, treating));
    return report;
}

} // namespace riskatlas::roads
