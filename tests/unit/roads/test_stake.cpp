// Stakes (桩号): strict K-form parsing, rounding when formatting, and the round trip between them.
#include <catch2/catch.hpp>

#include <riskatlas/prng.hpp>
#include <riskatlas/roads/errors.hpp>
#include <riskatlas/roads/stake.hpp>

#include <cmath>
#include <string>

using namespace riskatlas::roads;

namespace {
std::string error_code_of(const std::string& text) {
    try {
        parse_stake(text);
    } catch (const riskatlas::invalid_argument& e) {
        return e.code();
    }
    return "accepted";
}
} // namespace

TEST_CASE("stakes in K form parse to metres", "[unit][roads]") {
    CHECK(parse_stake("K12+300") == 12300.0);
    CHECK(parse_stake("K12+300.5") == 12300.5);
    CHECK(parse_stake("k12+300") == 12300.0);
    CHECK(parse_stake("K0+000") == 0.0);
    CHECK(parse_stake("K0+001") == 1.0);
    CHECK(parse_stake("K0+999.999") == 999.999);
    CHECK(parse_stake("  K3+050 \t") == 3050.0);
    CHECK(parse_stake("K012+300") == 12300.0); // leading kilometre zeros are tolerated
    CHECK(parse_stake("K999999+999") == 999999999.0);
    CHECK(parse_stake("K1+200.25") == 1200.25);
}

TEST_CASE("malformed stakes are rejected with invalid_stake", "[unit][roads]") {
    const std::string bad = GENERATE(
        as<std::string>{}, "", "   ", "K12+1000", "K+300", "12+300", "K12-300", "-K12+300",
        "K-12+300", "K12+30", "K12+3000", "K12+300.", "K12+300.5.1", "K12 +300", "K12+ 300",
        "K12+300m", "12300", "KK1+000", "K1234567+000", "K12+300,5", "X12+300", "K12+-30");
    INFO("stake text: \"" << bad << "\"");
    CHECK(error_code_of(bad) == "invalid_stake");
}

TEST_CASE("a stake error names the offending text", "[unit][roads]") {
    try {
        parse_stake("K12+1000");
        FAIL("K12+1000 was accepted");
    } catch (const invalid_stake& e) {
        CHECK(std::string(e.what()).find("\"K12+1000\"") != std::string::npos);
        CHECK(std::string(e.what()).find("three digits") != std::string::npos);
    }
}

TEST_CASE("stakes format in K form with half-away-from-zero rounding", "[unit][roads]") {
    CHECK(format_stake(12300.0) == "K12+300");
    CHECK(format_stake(0.0) == "K0+000");
    CHECK(format_stake(7.0) == "K0+007");
    CHECK(format_stake(999.4) == "K0+999");
    CHECK(format_stake(999.5) == "K1+000"); // the carry crosses the kilometre
    CHECK(format_stake(12300.5) == "K12+301");
    CHECK(format_stake(12300.49) == "K12+300");
    CHECK(format_stake(12300.5, 1) == "K12+300.5");
    CHECK(format_stake(12300.0, 2) == "K12+300.00");
    CHECK(format_stake(12300.125, 2) == "K12+300.13"); // .125 is exact in binary: half goes up
    CHECK(format_stake(1005.0, 3) == "K1+005.000");
    CHECK(format_stake(123456789.0) == "K123456+789");
}

TEST_CASE("stakes that cannot be formatted are rejected", "[unit][roads]") {
    CHECK_THROWS_AS(format_stake(-1.0), invalid_stake);
    CHECK_THROWS_AS(format_stake(std::nan("")), invalid_stake);
    CHECK_THROWS_AS(format_stake(INFINITY), invalid_stake);
    CHECK_THROWS_AS(format_stake(max_stake_m), invalid_stake);
    CHECK_THROWS_AS(format_stake(10.0, -1), invalid_stake);
    CHECK_THROWS_AS(format_stake(10.0, 7), invalid_stake);
}

TEST_CASE("a table of stakes survives the round trip", "[unit][roads]") {
    struct row {
        const char* text;
        double metres;
    };
    const row rows[] = {{"K0+000", 0},         {"K0+010", 10},     {"K1+000", 1000},
                        {"K12+300", 12300},    {"K99+999", 99999}, {"K100+000", 100000},
                        {"K2048+512", 2048512}};
    for (const row& r : rows) {
        INFO(r.text);
        CHECK(parse_stake(r.text) == r.metres);
        CHECK(format_stake(r.metres) == r.text);
    }
}

TEST_CASE("parse(format(x)) is x rounded to the metre for random x", "[unit][roads]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 6)));
    riskatlas::prng rng(seed, "roads-stake");
    for (int i = 0; i < 2000; ++i) {
        // Spread over magnitudes so short and very long routes are both exercised.
        const double x = rng.unit() * std::pow(10.0, rng.between(0, 8));
        INFO("x = " << x);
        CHECK(parse_stake(format_stake(x)) == std::round(x));
        const int decimals = rng.between(1, 3);
        const double scale = std::pow(10.0, decimals);
        CHECK(parse_stake(format_stake(x, decimals)) ==
              Approx(std::round(x * scale) / scale).epsilon(1e-15).margin(1e-9));
    }
}
