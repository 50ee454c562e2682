// GB/T 917-2017 route codes: prefixes and levels, digit counts, the optional area code.
#include <catch2/catch.hpp>

#include <riskatlas/roads/errors.hpp>
#include <riskatlas/roads/route_code.hpp>

#include <string>

using namespace riskatlas::roads;

TEST_CASE("a county road code with its area code", "[unit][roads]") {
    const route_code code = parse_route_code("X024360121");
    CHECK(code.prefix == 'X');
    CHECK(code.level == admin_level::county);
    CHECK(code.number == "024");
    REQUIRE(code.area_code.has_value());
    CHECK(*code.area_code == "360121");
    CHECK(code.text == "X024360121");
}

TEST_CASE("every prefix maps to its administrative level", "[unit][roads]") {
    struct row {
        const char* text;
        char prefix;
        admin_level level;
        const char* level_name;
    };
    const row rows[] = {
        {"G105", 'G', admin_level::national, "national"},
        {"S231", 'S', admin_level::provincial, "provincial"},
        {"X024", 'X', admin_level::county, "county"},
        {"Y101", 'Y', admin_level::township, "township"},
        {"C007", 'C', admin_level::village, "village"},
        {"Z001", 'Z', admin_level::special, "special"},
    };
    for (const row& r : rows) {
        INFO(r.text);
        const route_code code = parse_route_code(r.text);
        CHECK(code.prefix == r.prefix);
        CHECK(code.level == r.level);
        CHECK(to_string(code.level) == r.level_name);
        CHECK_FALSE(code.area_code.has_value());
        CHECK(code.text == r.text);
    }
}

TEST_CASE("national and provincial numbers have 1 to 4 digits", "[unit][roads]") {
    CHECK(parse_route_code("G1").number == "1");
    CHECK(parse_route_code("G15").number == "15");
    CHECK(parse_route_code("G1501").number == "1501");
    CHECK(parse_route_code("S12").level == admin_level::provincial);
    const route_code with_area = parse_route_code("G15360121");
    CHECK(with_area.number == "15");
    CHECK(with_area.area_code == std::optional<std::string>("360121"));
    const route_code four_digits = parse_route_code("S1234360121");
    CHECK(four_digits.number == "1234");
    CHECK(four_digits.area_code == std::optional<std::string>("360121"));
}

TEST_CASE("lower-case prefixes and surrounding spaces give the canonical text", "[unit][roads]") {
    const route_code code = parse_route_code("  y101360121\t");
    CHECK(code.prefix == 'Y');
    CHECK(code.level == admin_level::township);
    CHECK(code.text == "Y101360121");
}

TEST_CASE("malformed route codes are rejected with invalid_route_code", "[unit][roads]") {
    const std::string bad =
        GENERATE(as<std::string>{}, "", " ", "X24", "X0241", "X02436012", "X0243601211", "G12345",
                 "G123456", "G", "S", "A024", "024", "X 024", "X024-360121", "G15W", "XO24",
                 "X024 360121", "C12", "Z00001");
    INFO("route code: \"" << bad << "\"");
    CHECK_THROWS_AS(parse_route_code(bad), invalid_route_code);
}

TEST_CASE("a route code error says what is expected", "[unit][roads]") {
    try {
        parse_route_code("X24");
        FAIL("X24 was accepted");
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == "invalid_route_code");
        const std::string message = e.what();
        CHECK(message.find("\"X24\"") != std::string::npos);
        CHECK(message.find("X followed by 3 digits") != std::string::npos);
    }
    try {
        parse_route_code("Q024");
        FAIL("Q024 was accepted");
    } catch (const invalid_route_code& e) {
        CHECK(std::string(e.what()).find("G, S, X, Y, C or Z") != std::string::npos);
    }
}

TEST_CASE("bridge codes are a route code, L and a 4 or 5 digit sequence", "[unit][roads]") {
    using riskatlas::roads::parse_bridge_code;
    CHECK(parse_bridge_code("X001370812L0010") == "X001370812L0010");
    CHECK(parse_bridge_code("x001370812l00101") == "X001370812L00101");
    CHECK(parse_bridge_code("G105L0001") == "G105L0001");
    CHECK_FALSE(parse_bridge_code("X001370812L010"));    // 3 digits
    CHECK_FALSE(parse_bridge_code("X01370812L0010"));    // route code digits
    CHECK_FALSE(parse_bridge_code(" X001370812L0010"));  // spaces
    CHECK_FALSE(parse_bridge_code("X001370812"));
    CHECK_FALSE(parse_bridge_code("L0010"));
    CHECK_FALSE(parse_bridge_code("X001370812L00A0"));
}
