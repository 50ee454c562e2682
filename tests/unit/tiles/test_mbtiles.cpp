// MBTiles rows are TMS (flipped y), seed arguments parse strictly, and an archive written by
// mbtiles_writer reads back through mbtiles_reader.
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/tiles/mbtiles.hpp>
#include <riskatlas/tiles/registry.hpp>
#include <riskatlas/tiles/seed.hpp>

#include <filesystem>

#include <unistd.h>

using namespace riskatlas;
using tiles::zoom_range;

TEST_CASE("tms_row flips y within the zoom's pyramid", "[unit][tiles]") {
    CHECK(tiles::tms_row(0, 0) == 0);
    CHECK(tiles::tms_row(1, 0) == 1);
    CHECK(tiles::tms_row(1, 1) == 0);
    CHECK(tiles::tms_row(10, 403) == 1023 - 403);
    CHECK(tiles::tms_row(12, tiles::tms_row(12, 1614)) == 1614); // its own inverse
}

TEST_CASE("parse_zoom_range takes min-max or one zoom", "[unit][tiles]") {
    CHECK(tiles::parse_zoom_range("0-12") == zoom_range{0, 12});
    CHECK(tiles::parse_zoom_range("7") == zoom_range{7, 7});
    CHECK(tiles::parse_zoom_range("3-3") == zoom_range{3, 3});
    CHECK(tiles::parse_zoom_range("0-24") == zoom_range{0, 24});
    for (const char* bad : {"", "-", "5-", "-5", "a-3", "1-25", "0-12-3", " 1-2", "1.5-3", "+1-3"})
        CHECK_THROWS_AS(tiles::parse_zoom_range(bad), invalid_argument);
    CHECK_THROWS_WITH(tiles::parse_zoom_range("5-2"), Catch::Contains("write 2-5"));
}

TEST_CASE("parse_layer_list checks ids against the registry", "[unit][tiles]") {
    const auto reg = tiles::registry::builtin();
    CHECK(tiles::parse_layer_list(reg, "").size() == reg.layers().size());
    CHECK(tiles::parse_layer_list(reg, "regions,enterprises") ==
          std::vector<std::string>{"regions", "enterprises"});
    CHECK_THROWS_AS(tiles::parse_layer_list(reg, "regions,nope"), not_found);
    CHECK_THROWS_AS(tiles::parse_layer_list(reg, "regions,,parks"), invalid_argument);
    CHECK_THROWS_AS(tiles::parse_layer_list(reg, "regions,regions"), invalid_argument);
}

TEST_CASE("an MBTiles archive reads back what was written, rows flipped", "[unit][tiles]") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("riskatlas-mbtiles-" + std::to_string(::getpid()) + ".mbtiles");
    std::filesystem::remove(path);
    {
        tiles::mbtiles_writer out(path.string());
        out.put_metadata("name", "test");
        out.put_metadata("format", "pbf");
        out.put_tile({3, 6, 1}, std::string("\x1f\x8b bytes", 8));
        out.commit();
    }
    {
        const tiles::mbtiles_reader in(path.string());
        CHECK(in.metadata().at("format") == "pbf");
        CHECK(in.digest().size() == 16);
        CHECK(in.tile_count() == 1);
        CHECK(in.tile({3, 6, 1}) == std::string("\x1f\x8b bytes", 8));
        CHECK_FALSE(in.tile({3, 6, 6})); // the stored TMS row is not an XYZ row
    }
    std::filesystem::remove(path);
    CHECK_THROWS_AS(tiles::mbtiles_reader(path.string()), error); // gone: not openable
}

TEST_CASE("a writer destroyed before commit leaves no tiles", "[unit][tiles]") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("riskatlas-mbtiles-rollback-" + std::to_string(::getpid()) + ".mbtiles");
    std::filesystem::remove(path);
    {
        tiles::mbtiles_writer out(path.string());
        out.put_tile({0, 0, 0}, "x");
    }
    CHECK_THROWS_AS(tiles::mbtiles_reader(path.string()), error); // no metadata table
    std::filesystem::remove(path);
}
