// Linear referencing on a three-piece route with a chain break (断链), stakes that do not start at
// zero, and pieces whose stake length differs from their drawn length.
#include <catch2/catch.hpp>

#include <riskatlas/prng.hpp>
#include <riskatlas/roads/errors.hpp>
#include <riskatlas/roads/linear_ref.hpp>

#include <cmath>
#include <string>

using namespace riskatlas::roads;

namespace Catch {
template <> struct StringMaker<point> {
    static std::string convert(const point& p) {
        return "(" + std::to_string(p.x) + ", " + std::to_string(p.y) + ")";
    }
};
} // namespace Catch

namespace {

// Piece A: K1+000..K1+500 (500 m of stakes) drawn as (0,0)-(300,0)-(300,400), 700 m long, so one
//          stake metre is 1.4 m of line.
// Break:   K1+500..K1+800 has no road.
// Piece B: K1+800..K2+400 drawn as (1000,400)-(1000,1000), 600 m: one to one.
// Piece C: K2+400..K2+700 drawn as (1100,1000)-(1700,1000), 600 m for 300 m of stakes: factor 2.
//          It touches B in stakes but starts 100 m away from B's end.
route_piece piece_a() { return {{{0, 0}, {300, 0}, {300, 400}}, 1000, 1500}; }
route_piece piece_b() { return {{{1000, 400}, {1000, 1000}}, 1800, 2400}; }
route_piece piece_c() { return {{{1100, 1000}, {1700, 1000}}, 2400, 2700}; }

struct three_piece_route {
    // Given out of order on purpose: the route sorts pieces by stake.
    route r{{piece_c(), piece_a(), piece_b()}};
};

bool same_point(point a, point b) {
    return std::abs(a.x - b.x) < 1e-9 && std::abs(a.y - b.y) < 1e-9;
}

} // namespace

TEST_CASE_METHOD(three_piece_route, "pieces are kept in stake order", "[unit][roads]") {
    REQUIRE(r.pieces().size() == 3);
    CHECK(r.pieces()[0].from_m == 1000);
    CHECK(r.pieces()[1].from_m == 1800);
    CHECK(r.pieces()[2].from_m == 2400);
    CHECK(r.geometric_length_m(0) == 700);
    CHECK(r.geometric_length_m(2) == 600);
}

TEST_CASE_METHOD(three_piece_route, "stakes are placed proportionally along each piece",
                 "[unit][roads]") {
    struct row {
        double stake_m;
        point expected;
        std::size_t piece;
    };
    const row rows[] = {
        {1000, {0, 0}, 0},      // start of the route, not at stake zero
        {1100, {140, 0}, 0},    // 100 stake m * 1.4 = 140 m along
        {1250, {300, 50}, 0},   // 250 * 1.4 = 350 m: 300 east then 50 north, past the corner
        {1500, {300, 400}, 0},  // end of A
        {1800, {1000, 400}, 1}, // start of B after the break
        {2000, {1000, 600}, 1},  {2400, {1000, 1000}, 1}, // shared stake: the earlier piece wins
        {2550, {1400, 1000}, 2},                          // 150 stake m * 2 = 300 m along C
        {2700, {1700, 1000}, 2},
    };
    for (const row& x : rows) {
        INFO("stake " << x.stake_m);
        const located_point at = locate(r, x.stake_m);
        CHECK(same_point(at.position, x.expected));
        CHECK(at.piece == x.piece);
    }
}

TEST_CASE_METHOD(three_piece_route, "stakes off the route are out of range", "[unit][roads]") {
    const double stake = GENERATE(999.0, 1500.5, 1600.0, 1799.9, 2700.5, -1.0, std::nan(""));
    INFO("stake " << stake);
    CHECK_THROWS_AS(locate(r, stake), stake_out_of_range);
}

TEST_CASE_METHOD(three_piece_route, "an out-of-range error names the stake and the ranges",
                 "[unit][roads]") {
    try {
        locate(r, 1600);
        FAIL("a stake in the chain break was located");
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == "stake_out_of_range");
        const std::string message = e.what();
        CHECK(message.find("K1+600") != std::string::npos);
        CHECK(message.find("[K1+000, K1+500], [K1+800, K2+400], [K2+400, K2+700]") !=
              std::string::npos);
    }
}

TEST_CASE_METHOD(three_piece_route, "points project to the nearest stake", "[unit][roads]") {
    const projection below_a = project(r, {140, -30});
    CHECK(below_a.stake_m == Approx(1100));
    CHECK(below_a.distance_m == Approx(30));
    CHECK(below_a.piece == 0);
    CHECK(same_point(below_a.position, {140, 0}));

    // (320,200) is 20 m east of A's second segment, 500 m along A: 1000 + 500 / 1.4 stake m.
    const projection east_of_a = project(r, {320, 200});
    CHECK(east_of_a.stake_m == Approx(1000 + 500 / 1.4));
    CHECK(east_of_a.distance_m == Approx(20));

    const projection beside_b = project(r, {1010, 700});
    CHECK(beside_b.stake_m == Approx(2100));
    CHECK(beside_b.distance_m == Approx(10));
    CHECK(beside_b.piece == 1);

    const projection above_c = project(r, {1400, 1020});
    CHECK(above_c.stake_m == Approx(2550));
    CHECK(above_c.piece == 2);

    // (1050,1000) is 50 m from both B's end and C's start: the tie goes to the lower piece.
    const projection between_b_and_c = project(r, {1050, 1000});
    CHECK(between_b_and_c.piece == 1);
    CHECK(same_point(between_b_and_c.position, {1000, 1000}));
    CHECK(between_b_and_c.distance_m == Approx(50));

    const projection past_end = project(r, {2000, 1000});
    CHECK(past_end.stake_m == Approx(2700));
    CHECK(past_end.distance_m == Approx(300));
}

TEST_CASE_METHOD(three_piece_route, "project(locate(s)) gives back s", "[unit][roads]") {
    riskatlas::prng rng(17, "roads-linear-ref");
    for (int i = 0; i < 500; ++i) {
        const route_piece& piece = r.pieces()[rng.index(r.pieces().size())];
        const double stake_m = piece.from_m + rng.unit() * (piece.to_m - piece.from_m);
        INFO("stake " << stake_m);
        const projection back = project(r, locate(r, stake_m).position);
        CHECK(back.stake_m == Approx(stake_m).margin(1e-6));
        CHECK(back.distance_m == Approx(0).margin(1e-6));
    }
}

TEST_CASE_METHOD(three_piece_route, "extract cuts stake ranges into polylines", "[unit][roads]") {
    const auto within_a = extract(r, 1100, 1250);
    REQUIRE(within_a.size() == 1);
    CHECK(within_a[0] == polyline{{140, 0}, {300, 0}, {300, 50}});

    const auto across_break = extract(r, 1250, 2000);
    REQUIRE(across_break.size() == 2);
    CHECK(across_break[0] == polyline{{300, 50}, {300, 400}});
    CHECK(across_break[1] == polyline{{1000, 400}, {1000, 600}});

    const auto whole = extract(r, 1000, 2700);
    REQUIRE(whole.size() == 3);
    CHECK(whole[0] == piece_a().line);
    CHECK(whole[1] == piece_b().line);
    CHECK(whole[2] == piece_c().line);

    CHECK(extract(r, 1500, 1800).empty()); // exactly the break: no road in it
    CHECK(extract(r, 2000, 2000).empty());
}

TEST_CASE_METHOD(three_piece_route, "extract rejects bad ranges", "[unit][roads]") {
    CHECK_THROWS_AS(extract(r, 2000, 1250), invalid_stake_range);
    CHECK_THROWS_AS(extract(r, 1250, 1600), stake_out_of_range); // ends in the break
    CHECK_THROWS_AS(extract(r, 900, 1250), stake_out_of_range);
}

TEST_CASE("invalid routes are rejected on construction", "[unit][roads]") {
    CHECK_THROWS_AS(route({}), invalid_route);
    CHECK_THROWS_AS(route({{{{0, 0}}, 0, 100}}), invalid_route);            // one point
    CHECK_THROWS_AS(route({{{{0, 0}, {10, 0}}, 100, 100}}), invalid_route); // from == to
    CHECK_THROWS_AS(route({{{{0, 0}, {10, 0}}, 200, 100}}), invalid_route); // from > to
    CHECK_THROWS_AS(route({{{{5, 5}, {5, 5}}, 0, 100}}), invalid_route);    // no length
    CHECK_THROWS_AS(route({{{{0, 0}, {NAN, 0}}, 0, 100}}), invalid_route);  // NaN
    CHECK_THROWS_AS(route({piece_a(), {{{0, 0}, {10, 0}}, 1400, 1600}}), invalid_route);
    CHECK_NOTHROW(route({piece_a(), {{{0, 0}, {10, 0}}, 1500, 1600}})); // touching is fine
}

TEST_CASE("an overlap error names both ranges", "[unit][roads]") {
    try {
        route({piece_a(), {{{0, 0}, {10, 0}}, 1400, 1600}});
        FAIL("overlapping pieces were accepted");
    } catch (const invalid_route& e) {
        CHECK(e.code() == "invalid_route");
        CHECK(std::string(e.what()).find("[K1+000, K1+500] and [K1+400, K1+600]") !=
              std::string::npos);
    }
}
