// Vector tiles and TileJSON through the running server, decoded by GDAL's MVT driver.
#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "mvt_decode.hpp"
#include "test_db.hpp"

#include <riskatlas/geo/tile.hpp>
#include <riskatlas/tiles/compression.hpp>

#include <chrono>
#include <set>
#include <thread>

using namespace riskatlas;
using test::http_get;

namespace {
// z10 tile over 兖州's old town (116.83E, 35.55N), inside the district.
const geo::tile_id district_tile{10, 844, 403};

std::string tile_path(const std::string& layer, const geo::tile_id& t) {
    return "/tiles/" + layer + "/" + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" +
           std::to_string(t.y) + ".mvt";
}
} // namespace

TEST_CASE("a tile over the district decodes to the expected regions", "[http]") {
    const auto r = http_get(tile_path("regions", district_tile));
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/vnd.mapbox-vector-tile");
    const auto layers = test::decode_mvt(r.body, district_tile);
    REQUIRE(layers.size() == 1);
    REQUIRE(layers.count("regions") == 1);
    std::set<std::string> names, kinds;
    for (const auto& f : layers.at("regions")) {
        names.insert(f.properties.at("name"));
        kinds.insert(f.properties.at("kind"));
        CHECK(f.geometry_type.find("POLYGON") != std::string::npos);
    }
    CHECK(names.count("兖州区") == 1);
    CHECK(names.count("鼓楼街道办事处") == 1);
    CHECK(kinds == std::set<std::string>{"county", "township"});
}

TEST_CASE("enterprise tile: points inside the buffered tile, each feature once", "[http]") {
    const geo::tile_id t{12, 3377, 1614};
    const auto r = http_get(tile_path("enterprises", t));
    if (r.status == 204)
        FAIL("expected enterprises in tile 12/3377/1614 (兖州 town centre)");
    REQUIRE(r.status == 200);
    const auto layers = test::decode_mvt(r.body, t);
    const auto& features = layers.at("enterprises");
    REQUIRE_FALSE(features.empty());
    const auto b = geo::bounds_3857(t);
    const double margin = (b.max_x - b.min_x) * 64 / 4096;
    std::set<std::string> codes;
    for (const auto& f : features) {
        CHECK(f.geometry_type == "POINT");
        CHECK(f.min_x >= b.min_x - margin - 1);
        CHECK(f.max_x <= b.max_x + margin + 1);
        CHECK(f.min_y >= b.min_y - margin - 1);
        CHECK(f.max_y <= b.max_y + margin + 1);
        CHECK(f.properties.count("name") == 1);
        CHECK(codes.insert(f.properties.at("credit_code")).second);
    }
}

TEST_CASE("empty tiles answer 204, outside the layer's zoom range too", "[http]") {
    CHECK(http_get("/tiles/enterprises/12/0/0.mvt").status == 204); // mid-Pacific
    CHECK(http_get("/tiles/villages/3/6/3.mvt").status == 204);      // below minzoom 10
}

TEST_CASE("gzip when accepted, identity otherwise", "[http]") {
    const auto plain = http_get(tile_path("regions", district_tile));
    const auto packed = http_get(tile_path("regions", district_tile), {{"Accept-Encoding", "gzip"}});
    REQUIRE(packed.status == 200);
    CHECK(packed.header("content-encoding") == "gzip");
    CHECK(plain.header("content-encoding").empty());
    CHECK(tiles::gunzip(packed.body) == plain.body);
    CHECK(packed.header("vary") == "Accept-Encoding");
}

TEST_CASE("ETag from the layer version and 304 on If-None-Match", "[http]") {
    const auto first = http_get(tile_path("regions", district_tile));
    const auto etag = first.header("etag");
    REQUIRE_FALSE(etag.empty());
    CHECK(etag.starts_with("W/\"regions-"));
    const auto again = http_get(tile_path("regions", district_tile), {{"If-None-Match", etag}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    // an older data version of the same declaration: the tile comes back in full
    const auto fingerprint = etag.substr(etag.rfind('-'));
    const auto stale = http_get(tile_path("regions", district_tile),
                                {{"If-None-Match", "W/\"regions-1" + fingerprint}});
    CHECK(stale.status == 200);
    CHECK(stale.header("cache-control") == "public, max-age=0, must-revalidate");
}

namespace {
// The server learns of a committed write from PostgreSQL's notification, within milliseconds;
// asks until the tile's ETag moves off `etag` (for at most two seconds).
test::http_result tile_after_write(const std::string& path, const std::string& etag) {
    auto r = http_get(path);
    for (int i = 0; i < 100 && r.header("etag") == etag; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        r = http_get(path);
    }
    return r;
}
} // namespace

TEST_CASE("a repeated tile comes from the cache, an edit is never served stale", "[http]") {
    // railways feed no risk layer, so touching them starts no recompute under other tests
    const auto path = tile_path("railways", geo::tile_id{9, 422, 201});
    const auto first = http_get(path);
    REQUIRE(first.status == 200);
    const auto again = http_get(path);
    CHECK(again.header("x-tile-cache") == "hit");
    CHECK(again.body == first.body);
    CHECK(again.header("etag") == first.header("etag"));

    test::exec_sql("UPDATE railways SET name = coalesce(name, '') || ' (edited)'");
    const auto edited = tile_after_write(path, first.header("etag"));
    test::exec_sql("UPDATE railways SET name = nullif(replace(name, ' (edited)', ''), '')");
    CHECK(edited.header("x-tile-cache") == "miss");
    CHECK(edited.header("etag") != first.header("etag"));
    CHECK(edited.body != first.body); // the name is in the tile
    const auto restored = tile_after_write(path, edited.header("etag"));
    CHECK(restored.header("etag") != edited.header("etag"));
    CHECK(restored.body == first.body);
}

TEST_CASE("tiles at TileJSON's versioned URL may be cached for good", "[http]") {
    const auto j = http_get("/tiles/regions.json").json();
    auto url = j["tiles"][0].get<std::string>();
    for (const auto& [from, to] : {std::pair{"{z}", "10"}, {"{x}", "844"}, {"{y}", "403"}})
        url.replace(url.find(from), std::string(from).size(), to);
    const auto r = http_get(url);
    REQUIRE(r.status == 200);
    CHECK(r.header("cache-control") == "public, max-age=86400, immutable");
    CHECK(http_get(url.substr(0, url.find('?')) + "?v=0-00000000").header("cache-control") ==
          "public, max-age=0, must-revalidate");
}

TEST_CASE("bad tile requests answer 4xx with a JSON error", "[http]") {
    const std::vector<std::pair<std::string, long>> cases = {
        {"/tiles/regions/25/0/0.mvt", 400},       {"/tiles/regions/3/8/0.mvt", 400},
        {"/tiles/regions/3/0/8.mvt", 400},        {"/tiles/regions/-1/0/0.mvt", 400},
        {"/tiles/regions/a/b/c.mvt", 400},        {"/tiles/regions/3/1/1.png", 400},
        {"/tiles/nope/3/1/1.mvt", 404},           {"/tiles/regions/3/1/1.mvt?x=1", 400},
        {"/tiles/regions%27%3B%20DROP%20TABLE%20regions%3B--/3/1/1.mvt", 404},
        {"/tiles/nope.json", 404},                {"/tiles/regions.xml", 404},
    };
    for (const auto& [path, status] : cases) {
        INFO(path);
        const auto r = http_get(path);
        CHECK(r.status == status);
        CHECK(r.header("content-type") == "application/json");
        const auto body = r.json();
        CHECK(body.contains("error"));
        CHECK_FALSE(body["message"].get<std::string>().empty());
    }
    CHECK(http_get("/healthz").status == 200);
}

TEST_CASE("TileJSON 3.0 describes the layer", "[http]") {
    const auto r = http_get("/tiles/enterprises.json");
    REQUIRE(r.status == 200);
    const auto j = r.json();
    CHECK(j["tilejson"] == "3.0.0");
    CHECK(j["minzoom"].get<int>() <= j["maxzoom"].get<int>());
    const auto url = j["tiles"][0].get<std::string>();
    CHECK(url.starts_with(test::server_url() + "/tiles/enterprises/{z}/{x}/{y}.mvt"));
    CHECK(j["vector_layers"][0]["id"] == "enterprises");
    CHECK(j["vector_layers"][0]["fields"].contains("name"));
    const auto bounds = j["bounds"];
    CHECK(bounds[0].get<double>() > 116.4);
    CHECK(bounds[2].get<double>() < 117.1);
}

TEST_CASE("low zooms cluster enterprises, counting each once; higher zooms show each", "[http]") {
    // z9 tile 422/201: 116.71875..117.421875E, 35.46067..36.03133N, the district's east
    const geo::tile_id t{9, 422, 201};
    const auto r = http_get(tile_path("enterprises", t));
    REQUIRE(r.status == 200);
    long points = 0;
    const auto layers = test::decode_mvt(r.body, t);
    for (const auto& f : layers.at("enterprises"))
        points += std::stol(f.properties.at("point_count"));
    const auto inside = http_get("/collections/enterprises/items?limit=1&bbox=116.71875,35.4606699514953,117.421875,36.031331776331875")
                            .json()["numberMatched"].get<long>();
    REQUIRE(inside > 10);
    CHECK(points == inside);
    CHECK(layers.at("enterprises").size() < static_cast<std::size_t>(inside));
    const auto tilejson = http_get("/tiles/enterprises.json").json();
    CHECK(tilejson["vector_layers"][0]["fields"]["point_count"] == "Number");
    CHECK_FALSE(http_get("/tiles/regions.json").json()["vector_layers"][0]["fields"].contains("point_count"));
}
