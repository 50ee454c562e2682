// Tile math: bounds, containment and coverage.
#include <catch2/catch.hpp>

#include <riskatlas/geo/tile.hpp>

using namespace riskatlas::geo;

TEST_CASE("tile bounds in Web Mercator", "[unit][geo]") {
    const auto world = bounds_3857({0, 0, 0});
    CHECK(world.min_x == Approx(-web_mercator_half_m));
    CHECK(world.max_y == Approx(web_mercator_half_m));
    const auto nw = bounds_3857({1, 0, 0});
    CHECK(nw.max_x == Approx(0).margin(1e-6));
    CHECK(nw.min_y == Approx(0).margin(1e-6));
}

TEST_CASE("tile validity", "[unit][geo]") {
    CHECK(is_valid({0, 0, 0}));
    CHECK_FALSE(is_valid({0, 1, 0}));
    CHECK(is_valid({12, 4095, 4095}));
    CHECK_FALSE(is_valid({12, 4096, 0}));
    CHECK_FALSE(is_valid({25, 0, 0}));
    CHECK_FALSE(is_valid({-1, 0, 0}));
}

TEST_CASE("known tile over Yanzhou", "[unit][geo]") {
    // 兖州 old town (116.83E, 35.55N): at z10 it is tile 844/403 (OSM slippy-map formula).
    const auto t = tile_containing(116.83, 35.55, 10);
    CHECK(t == tile_id{10, 844, 403});
    const auto b = bounds_lonlat(t);
    CHECK(b.contains(116.83, 35.55));
}

TEST_CASE("lon/lat -> tile -> bounds contains the point", "[unit][geo]") {
    const auto z = GENERATE(0, 3, 8, 12, 16, 20);
    const auto lon = GENERATE(-179.9, -45.5, 0.0, 116.75, 179.9);
    const auto lat = GENERATE(-84.0, -10.0, 0.5, 35.57, 84.0);
    const auto t = tile_containing(lon, lat, z);
    REQUIRE(is_valid(t));
    CHECK(bounds_lonlat(t).contains(lon, lat));
}

TEST_CASE("tiles_covering returns exactly the intersecting tiles", "[unit][geo]") {
    const bbox yanzhou{116.55, 35.45, 116.95, 35.72};
    for (int z : {8, 10, 12}) {
        const auto tiles = tiles_covering(yanzhou, z);
        REQUIRE_FALSE(tiles.empty());
        for (const auto& t : tiles)
            CHECK(bounds_lonlat(t).intersects(yanzhou));
        // the ring of tiles just outside the cover does not intersect the box's interior
        const auto first = tiles.front();
        if (first.x > 0)
            CHECK(bounds_lonlat({z, first.x - 1, first.y}).max_x <= yanzhou.min_x + 1e-9);
    }
}

TEST_CASE("mercator round trip", "[unit][geo]") {
    for (double lat : {-80.0, -35.0, 0.0, 35.57, 80.0})
        CHECK(mercator_y_to_lat(lat_to_mercator_y(lat)) == Approx(lat).margin(1e-9));
    for (double lon : {-180.0, 0.0, 116.75})
        CHECK(mercator_x_to_lon(lon_to_mercator_x(lon)) == Approx(lon).margin(1e-9));
}
