// Path and query parameter parsing.
#include <catch2/catch.hpp>

#include "http_types.hpp"
#include "params.hpp"

#include <riskatlas/error.hpp>

using namespace riskatlas::server;

TEST_CASE("tile paths parse", "[unit][server]") {
    CHECK(parse_tile("10", "844", "407.mvt") == riskatlas::geo::tile_id{10, 844, 407});
    CHECK(parse_tile("0", "0", "0.pbf") == riskatlas::geo::tile_id{0, 0, 0});
    CHECK(parse_tile("3", "7", "7") == riskatlas::geo::tile_id{3, 7, 7});
}

TEST_CASE("bad tile paths are rejected", "[unit][server]") {
    const char* cases[][3] = {{"25", "0", "0.mvt"}, {"3", "8", "0.mvt"}, {"3", "0", "8.mvt"},
                              {"-1", "0", "0.mvt"}, {"a", "0", "0.mvt"}, {"3", "+1", "0.mvt"},
                              {"3", "1", "1.png"},  {"3", "", "1.mvt"},  {"3", "1", ".mvt"},
                              {"99999999999999999999", "0", "0"}, {"3", "0x1", "1"}};
    for (const auto& c : cases) {
        INFO(c[0] << "/" << c[1] << "/" << c[2]);
        CHECK_THROWS_AS(parse_tile(c[0], c[1], c[2]), riskatlas::invalid_argument);
    }
}

TEST_CASE("limit", "[unit][server]") {
    CHECK(parse_limit(std::nullopt, 10, 10000) == 10);
    CHECK(parse_limit("1", 10, 10000) == 1);
    CHECK(parse_limit("10000", 10, 10000) == 10000);
    for (const char* bad : {"0", "-1", "10001", "1e3", "abc", "", "99999999999999999999999"})
        CHECK_THROWS_AS(parse_limit(std::string(bad), 10, 10000), riskatlas::invalid_argument);
}

TEST_CASE("url decoding and encoding", "[unit][server]") {
    CHECK(url_decode("a%2Cb+c", true) == "a,b c");
    CHECK(url_decode("a+b", false) == "a+b");
    CHECK(url_decode("%E5%85%96%E5%B7%9E", false) == "兖州");
    CHECK(url_decode("bad%zz%", false) == "bad%zz%");
    CHECK(url_encode("兖州 x&y=1") == "%E5%85%96%E5%B7%9E%20x%26y%3D1");
    CHECK(url_decode(url_encode("a b/c?d"), false) == "a b/c?d");
}

TEST_CASE("name lists", "[unit][server]") {
    CHECK(parse_name_list("properties", "name,kind") == std::vector<std::string>{"name", "kind"});
    CHECK_THROWS_AS(parse_name_list("properties", "name,"), riskatlas::invalid_argument);
    CHECK_THROWS_AS(parse_name_list("properties", ""), riskatlas::invalid_argument);
}

TEST_CASE("etags round trip and foreign tags do not match", "[unit][server]") {
    const auto tag = etag_for("regions", 42, "0badf00d");
    CHECK(tag == "W/\"regions-42-0badf00d\"");
    CHECK(version_from_etag(tag, "regions", "0badf00d") == 42);
    CHECK(version_from_etag(std::string("\"regions-42-0badf00d\""), "regions", "0badf00d") == 42);
    CHECK_FALSE(version_from_etag(tag, "enterprises", "0badf00d"));
    CHECK_FALSE(version_from_etag(tag, "regions", "feedface")); // the declaration changed
    CHECK_FALSE(version_from_etag(std::string("*"), "regions", "0badf00d"));
    CHECK_FALSE(version_from_etag(std::string("W/\"regions-4x2-0badf00d\""), "regions", "0badf00d"));
    CHECK_FALSE(version_from_etag(std::string("W/\"regions--0badf00d\""), "regions", "0badf00d"));
    CHECK_FALSE(version_from_etag(std::nullopt, "regions", "0badf00d"));
}

TEST_CASE("Accept-Encoding with q-values", "[unit][server]") {
    const auto accepts = [](const char* value) {
        http_request r;
        r.headers["accept-encoding"] = value;
        return r.accepts_gzip();
    };
    CHECK(accepts("gzip"));
    CHECK(accepts("deflate, gzip;q=0.5"));
    CHECK(accepts("*"));
    CHECK(accepts("GZIP"));
    CHECK_FALSE(accepts("gzip;q=0"));
    CHECK_FALSE(accepts("identity"));
    CHECK_FALSE(accepts("xgzip"));
    CHECK_FALSE(http_request{}.accepts_gzip());
}
