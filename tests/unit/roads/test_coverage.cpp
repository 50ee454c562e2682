// Works coverage of hazardous segments: a hand-computed register, the counting rules (overlapping
// works once, per-type vs union totals), and random registers against a metre-by-metre oracle.
#include <catch2/catch.hpp>

#include <riskatlas/prng.hpp>
#include <riskatlas/roads/coverage.hpp>
#include <riskatlas/roads/errors.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace riskatlas::roads;

namespace {

const std::string x024 = "X024360121";
const std::string y001 = "Y001360121";

// The register. s1 and s2 share [1500,2000] of X024 (alongside water and through a village).
// s5 is a point hazard (one intersection) with no length.
std::vector<risky_segment> fixture_segments() {
    return {
        {"s1", x024, "A", "LSLY", 1000, 2000}, {"s2", x024, "A", "CCGZ", 1500, 2500},
        {"s3", x024, "B", "PJLK", 4000, 4100}, {"s4", y001, "B", "LSLY", 0, 800},
        {"s5", x024, "C", "PJLK", 3000, 3000},
    };
}

// Counting works on X024: w1 ∪ w2 ∪ w3 = [900,1700] (w1/w2 overlap, w3 touches w2), w5 = [2400,
// 2450], w8 = [5000,6000] (no hazard there). w4 is only planned, so s3 stays untreated.
// On Y001: w6 ∪ w7 = [200,400]; w9 is still in works.
std::vector<works_record> fixture_works() {
    return {
        {"w1", x024, 900, 1200, "accepted"},  {"w2", x024, 1100, 1600, "completed"},
        {"w3", x024, 1600, 1700, "accepted"}, {"w4", x024, 2400, 4050, "planned"},
        {"w5", x024, 2400, 2450, "accepted"}, {"w6", y001, 200, 300, "completed"},
        {"w7", y001, 250, 400, "accepted"},   {"w8", x024, 5000, 6000, "accepted"},
        {"w9", y001, 700, 900, "in_works"},
    };
}

void check_totals(const coverage_totals& t, double identified_m, double treated_m) {
    CHECK(t.identified_m == identified_m);
    CHECK(t.treated_m == treated_m);
    REQUIRE(t.ratio.has_value());
    CHECK(*t.ratio == Approx(treated_m / identified_m));
}

} // namespace

TEST_CASE("a hand-computed register", "[unit][roads]") {
    const auto segments = fixture_segments();
    const auto works = fixture_works();
    const coverage_report report = compute_coverage(segments, works);

    // Overall = X024 + Y001 below: 1600 + 800 identified, 750 + 200 treated.
    check_totals(report.overall, 2400, 950);

    // X024: risky union [1000,2500] ∪ [4000,4100] = 1500 + 100 = 1600 (not s1 + s2 + s3 = 2100).
    // Treated: [1000,1700] + [2400,2450] = 700 + 50 = 750; w8 lies outside every hazard.
    REQUIRE(report.by_route.size() == 2);
    check_totals(report.by_route.at(x024), 1600, 750);
    // Y001: s4 [0,800] treated by [200,400] = 200.
    check_totals(report.by_route.at(y001), 800, 200);

    // Township A: s1 ∪ s2 = [1000,2500] = 1500, treated 700 + 50 = 750.
    // Township B: s3 (100, untreated) + s4 (800, 200 treated) on different routes = 900 / 200.
    // Township C: only the point hazard s5: nothing identified, so no ratio.
    REQUIRE(report.by_township.size() == 3);
    check_totals(report.by_township.at("A"), 1500, 750);
    check_totals(report.by_township.at("B"), 900, 200);
    CHECK(report.by_township.at("C").identified_m == 0);
    CHECK_FALSE(report.by_township.at("C").ratio.has_value());

    // LSLY: s1 (1000, treated [1000,1700] = 700) + s4 (800, 200) = 1800 / 900.
    // CCGZ: s2 (1000, treated [1500,1700] + [2400,2450] = 250).
    // PJLK: s3 (100, 0) + s5 (0) = 100 / 0: ratio 0, not absent.
    // Types sum to 2900 > 2400 overall: [1500,2000] counts in both LSLY and CCGZ.
    REQUIRE(report.by_type.size() == 3);
    check_totals(report.by_type.at("LSLY"), 1800, 900);
    check_totals(report.by_type.at("CCGZ"), 1000, 250);
    check_totals(report.by_type.at("PJLK"), 100, 0);

    REQUIRE(report.segments.size() == 5);
    const auto& s = report.segments;
    CHECK(s[0].id == "s1");
    CHECK(s[0].identified_m == 1000);
    CHECK(s[0].treated_m == 700);
    CHECK(s[0].gaps == interval_set({{1700, 2000}}));
    CHECK(s[1].treated_m == 250);
    CHECK(s[1].gaps == interval_set({{1700, 2400}, {2450, 2500}}));
    CHECK(s[2].treated_m == 0);
    CHECK(s[2].gaps == interval_set({{4000, 4100}}));
    CHECK(s[3].treated_m == 200);
    CHECK(s[3].gaps == interval_set({{0, 200}, {400, 800}}));
    CHECK(s[4].identified_m == 0);
    CHECK(s[4].gaps.empty());
}

TEST_CASE("overlapping and touching works count once", "[unit][roads]") {
    const std::vector<risky_segment> segments{{"s", x024, "A", "JWDP", 0, 1000}};
    // [100,400] ∪ [300,500] ∪ [500,600] ∪ [200,250] = [100,600]: 500 m, not 300+200+100+50.
    const std::vector<works_record> works{{"a", x024, 100, 400, "accepted"},
                                          {"b", x024, 300, 500, "accepted"},
                                          {"c", x024, 500, 600, "completed"},
                                          {"d", x024, 200, 250, "accepted"}};
    const coverage_report report = compute_coverage(segments, works);
    CHECK(report.overall.treated_m == 500);
    CHECK(report.segments[0].gaps == interval_set({{0, 100}, {600, 1000}}));
}

TEST_CASE("a works range across two segments treats each only where it covers it",
          "[unit][roads]") {
    // One works [150,350] spans the end of s (0..200) and the start of t (300..500), and the
    // 100 m between them, which is no hazard and adds nothing.
    const std::vector<risky_segment> segments{{"s", x024, "A", "JWDP", 0, 200},
                                              {"t", x024, "A", "SJBL", 300, 500}};
    const std::vector<works_record> works{{"w", x024, 150, 350, "accepted"}};
    const coverage_report report = compute_coverage(segments, works);
    CHECK(report.segments[0].treated_m == 50); // [150,200]
    CHECK(report.segments[1].treated_m == 50); // [300,350]
    CHECK(report.overall.treated_m == 100);    // not the works' 200
    CHECK(report.overall.identified_m == 400);
}

TEST_CASE("works on another route do not treat a segment", "[unit][roads]") {
    const std::vector<risky_segment> segments{{"s", x024, "A", "LSLY", 0, 100}};
    const std::vector<works_record> works{{"w", y001, 0, 100, "accepted"}};
    CHECK(compute_coverage(segments, works).overall.treated_m == 0);
}

TEST_CASE("the caller may choose which works count", "[unit][roads]") {
    const auto segments = fixture_segments();
    const auto works = fixture_works();
    // Counting everything, w4 [2400,4050] now also treats [2450,2500] of s2 (beyond w5) and
    // [4000,4050] of s3, and w9 [700,900] treats [700,800] of s4.
    const auto report = compute_coverage(segments, works, [](const works_record&) { return true; });
    CHECK(report.by_route.at(x024).treated_m == 750 + 50 + 50);
    CHECK(report.by_route.at(y001).treated_m == 200 + 100);
    CHECK(counts_as_treated({"w", x024, 0, 1, "accepted"}));
    CHECK(counts_as_treated({"w", x024, 0, 1, "completed"}));
    CHECK_FALSE(counts_as_treated({"w", x024, 0, 1, "planned"}));
    CHECK_FALSE(counts_as_treated({"w", x024, 0, 1, "in_works"}));
}

TEST_CASE("broken register rows are rejected naming the record", "[unit][roads]") {
    const std::vector<works_record> none;
    const std::vector<risky_segment> reversed{{"bad-seg", x024, "A", "LSLY", 500, 100}};
    try {
        compute_coverage(reversed, none);
        FAIL("a reversed segment was accepted");
    } catch (const invalid_stake_range& e) {
        CHECK(e.code() == "invalid_stake_range");
        CHECK(std::string(e.what()).find("\"bad-seg\"") != std::string::npos);
        CHECK(std::string(e.what()).find("[K0+500, K0+100]") != std::string::npos);
    }
    const std::vector<risky_segment> ok{{"s", x024, "A", "LSLY", 0, 100}};
    const std::vector<works_record> negative{{"bad-works", x024, -5, 10, "planned"}};
    CHECK_THROWS_AS(compute_coverage(ok, negative), invalid_stake_range);
}

TEST_CASE("an empty register has no totals", "[unit][roads]") {
    const coverage_report report = compute_coverage(std::vector<risky_segment>{}, fixture_works());
    CHECK(report.overall.identified_m == 0);
    CHECK_FALSE(report.overall.ratio.has_value());
    CHECK(report.by_route.empty());
    CHECK(report.segments.empty());
}

namespace {

constexpr int road_m = 300;

struct random_register {
    std::vector<risky_segment> segments;
    std::vector<works_record> works;
};

random_register make_register(riskatlas::prng& rng) {
    const std::vector<std::string> routes{x024, y001};
    const std::vector<std::string> townships{"A", "B"};
    const std::vector<std::string> types{"LSLY", "CCGZ", "PJLK"};
    random_register out;
    for (int i = rng.between(0, 10); i > 0; --i) {
        const int from = rng.between(0, road_m - 1);
        const int to = rng.between(from, std::min(road_m, from + 80));
        out.segments.push_back({"s" + std::to_string(i), rng.pick(routes), rng.pick(townships),
                                rng.pick(types), double(from), double(to)});
    }
    for (int i = rng.between(0, 10); i > 0; --i) {
        const int from = rng.between(0, road_m - 1);
        const int to = rng.between(from, std::min(road_m, from + 80));
        out.works.push_back({"w" + std::to_string(i), rng.pick(routes), double(from), double(to),
                             rng.chance(0.7) ? "accepted" : "planned"});
    }
    return out;
}

interval_set counting_works_on(const random_register& reg, const std::string& route) {
    std::vector<interval> items;
    for (const works_record& w : reg.works)
        if (w.route_code == route && w.status == "accepted")
            items.push_back({w.from_m, w.to_m});
    return interval_set(items);
}

// Metre k of a route is [k, k + 1]; totals for one group key counted by brute force.
template <typename TKey>
std::map<std::string, std::pair<int, int>> oracle(const random_register& reg, TKey key_of) {
    std::map<std::string, std::pair<int, int>> out;
    std::set<std::tuple<std::string, std::string, int>> identified; // (key, route, metre)
    for (const risky_segment& s : reg.segments) {
        out[key_of(s)];
        for (int k = int(s.from_m); k < int(s.to_m); ++k)
            identified.insert({key_of(s), s.route_code, k});
    }
    for (const auto& [key, route, k] : identified) {
        ++out[key].first;
        const bool treated = std::any_of(reg.works.begin(), reg.works.end(), [&](const auto& w) {
            return w.route_code == route && w.status == "accepted" && w.from_m <= k &&
                   k + 1 <= w.to_m;
        });
        out[key].second += treated ? 1 : 0;
    }
    return out;
}

template <typename TKey>
void check_against_oracle(const std::map<std::string, coverage_totals>& got,
                          const random_register& reg, TKey key_of) {
    const auto expected = oracle(reg, key_of);
    REQUIRE(got.size() == expected.size());
    for (const auto& [key, counts] : expected) {
        INFO("group " << key);
        REQUIRE(got.count(key) == 1);
        CHECK(got.at(key).identified_m == counts.first);
        CHECK(got.at(key).treated_m == counts.second);
    }
}

} // namespace

TEST_CASE("gaps and treated parts partition each segment", "[unit][roads]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 101)));
    riskatlas::prng rng(seed, "roads-coverage");
    const random_register reg = make_register(rng);
    const coverage_report report = compute_coverage(reg.segments, reg.works);
    REQUIRE(report.segments.size() == reg.segments.size());
    for (std::size_t i = 0; i < reg.segments.size(); ++i) {
        const risky_segment& s = reg.segments[i];
        const interval_set risky({{s.from_m, s.to_m}});
        const interval_set treated = intersect(counting_works_on(reg, s.route_code), risky);
        const interval_set& gaps = report.segments[i].gaps;
        INFO("segment " << s.id << " " << risky << " gaps " << gaps << " treated " << treated);
        CHECK(unite(gaps, treated) == risky);
        CHECK(intersect(gaps, treated).empty());
        CHECK(report.segments[i].treated_m == treated.length_m());
        CHECK(report.segments[i].treated_m + gaps.length_m() == report.segments[i].identified_m);
    }
}

TEST_CASE("random registers agree with a metre-by-metre oracle", "[unit][roads]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 101)));
    riskatlas::prng rng(seed, "roads-coverage-oracle");
    const random_register reg = make_register(rng);
    const coverage_report report = compute_coverage(reg.segments, reg.works);
    check_against_oracle(report.by_route, reg, [](const risky_segment& s) { return s.route_code; });
    check_against_oracle(report.by_township, reg,
                         [](const risky_segment& s) { return s.township; });
    check_against_oracle(report.by_type, reg, [](const risky_segment& s) { return s.type; });
    const auto overall = oracle(reg, [](const risky_segment&) { return std::string(); });
    const auto expected = overall.empty() ? std::pair<int, int>{} : overall.begin()->second;
    CHECK(report.overall.identified_m == expected.first);
    CHECK(report.overall.treated_m == expected.second);
}
