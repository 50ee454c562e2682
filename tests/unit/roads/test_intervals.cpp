// Interval sets: normalisation (sorting, merging overlaps and touches), measure and set operations,
// checked by hand and against a metre-by-metre oracle on random integer intervals.
#include <catch2/catch.hpp>

#include <riskatlas/prng.hpp>
#include <riskatlas/roads/errors.hpp>
#include <riskatlas/roads/intervals.hpp>

#include <array>
#include <cmath>
#include <vector>

using namespace riskatlas::roads;

namespace {

constexpr int grid_m = 200;
using cells = std::array<bool, grid_m>; // cell k stands for the metre [k, k + 1]

interval_set random_set(riskatlas::prng& rng) {
    std::vector<interval> items;
    const int count = rng.between(0, 6);
    for (int i = 0; i < count; ++i) {
        const int from = rng.between(0, grid_m - 1);
        const int to = rng.between(from, std::min(grid_m, from + 60));
        items.push_back({static_cast<double>(from), static_cast<double>(to)});
    }
    return interval_set(items);
}

cells rasterise(const interval_set& set) {
    cells out{};
    for (const interval& item : set.intervals())
        for (auto k = static_cast<int>(item.from_m); k < static_cast<int>(item.to_m); ++k)
            out[static_cast<std::size_t>(k)] = true;
    return out;
}

double count(const cells& c) {
    double n = 0;
    for (const bool b : c)
        n += b ? 1 : 0;
    return n;
}

template <typename TOp> cells combine(const cells& a, const cells& b, TOp op) {
    cells out{};
    for (std::size_t k = 0; k < out.size(); ++k)
        out[k] = op(a[k], b[k]);
    return out;
}

// A normalised set has increasing, positive-length intervals with a gap between neighbours.
bool is_normalised(const interval_set& set) {
    const auto& items = set.intervals();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!(items[i].from_m < items[i].to_m))
            return false;
        if (i > 0 && !(items[i - 1].to_m < items[i].from_m))
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("construction sorts and merges overlapping and touching intervals", "[unit][roads]") {
    const interval_set set({{500, 600}, {0, 100}, {50, 150}, {150, 200}, {300, 300}, {590, 700}});
    CHECK(set.intervals() == std::vector<interval>{{0, 200}, {500, 700}});
    CHECK(set.length_m() == 400); // 200 + 200, the overlap [50,100] and touch at 150 count once
    CHECK(to_string(set) == "{[K0+000, K0+200], [K0+500, K0+700]}");
}

TEST_CASE("a nested interval disappears into its container", "[unit][roads]") {
    const interval_set set({{0, 1000}, {200, 300}});
    CHECK(set.intervals() == std::vector<interval>{{0, 1000}});
}

TEST_CASE("zero-length intervals carry no length", "[unit][roads]") {
    CHECK(interval_set({{10, 10}}).empty());
    CHECK(interval_set().length_m() == 0);
}

TEST_CASE("reversed or non-finite intervals are rejected", "[unit][roads]") {
    CHECK_THROWS_AS(interval_set({{200, 100}}), invalid_stake_range);
    CHECK_THROWS_AS(interval_set({{0, NAN}}), invalid_stake_range);
    CHECK_THROWS_AS(interval_set({{-INFINITY, 0}}), invalid_stake_range);
}

TEST_CASE("set operations by hand", "[unit][roads]") {
    const interval_set a({{0, 100}, {200, 300}});
    const interval_set b({{50, 250}, {300, 400}});
    CHECK(unite(a, b).intervals() ==
          std::vector<interval>{{0, 400}}); // [200,300] touches [300,400]
    CHECK(intersect(a, b).intervals() == std::vector<interval>{{50, 100}, {200, 250}});
    CHECK(subtract(a, b).intervals() == std::vector<interval>{{0, 50}, {250, 300}});
    CHECK(subtract(b, a).intervals() == std::vector<interval>{{100, 200}, {300, 400}});
    // Touching intervals share only a point: no common length.
    CHECK(intersect(interval_set({{0, 100}}), interval_set({{100, 200}})).empty());
    // One cut reaching across two intervals of the minuend.
    CHECK(subtract(interval_set({{0, 10}, {20, 30}, {40, 50}}), interval_set({{5, 45}}))
              .intervals() == std::vector<interval>{{0, 5}, {45, 50}});
    CHECK(subtract(a, interval_set()).intervals() == a.intervals());
    CHECK(subtract(a, interval_set({{0, 1000}})).empty());
}

TEST_CASE("random sets agree with a metre-by-metre oracle", "[unit][roads]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 101)));
    riskatlas::prng rng(seed, "roads-intervals");
    const interval_set a = random_set(rng);
    const interval_set b = random_set(rng);
    INFO("a = " << a << ", b = " << b);
    const cells ca = rasterise(a);
    const cells cb = rasterise(b);

    const interval_set u = unite(a, b);
    const interval_set i = intersect(a, b);
    const interval_set d = subtract(a, b);
    CHECK(is_normalised(a));
    CHECK(is_normalised(u));
    CHECK(is_normalised(i));
    CHECK(is_normalised(d));
    CHECK(a.length_m() == count(ca));
    CHECK(rasterise(u) == combine(ca, cb, [](bool x, bool y) { return x || y; }));
    CHECK(rasterise(i) == combine(ca, cb, [](bool x, bool y) { return x && y; }));
    CHECK(rasterise(d) == combine(ca, cb, [](bool x, bool y) { return x && !y; }));
    // a splits exactly into the part inside b and the part outside it.
    CHECK(unite(d, i) == a);
    CHECK(intersect(d, b).empty());
    CHECK(u.length_m() + i.length_m() == a.length_m() + b.length_m());
}
