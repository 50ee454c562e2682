// The GDAL feature reader on the demo's real files and on small files written by the test.
#include <catch2/catch.hpp>

#include <riskatlas/geo/geometry.hpp>
#include <riskatlas/io/feature_reader.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace riskatlas;

namespace {

const std::string data_dir = std::string(RISKATLAS_SOURCE_DIR) + "/demo/data/yanzhou/";

// A file in a fresh temporary directory, removed with it.
class temp_file {
  public:
    temp_file(const std::string &name, const std::string &content)
        : m_dir(std::filesystem::temp_directory_path() /
                ("riskatlas_io_" + std::to_string(::getpid()) + "_" + name)) {
        std::filesystem::create_directories(m_dir);
        std::ofstream(m_dir / name) << content;
        m_path = (m_dir / name).string();
    }
    ~temp_file() { std::filesystem::remove_all(m_dir); }
    const std::string &path() const { return m_path; }

  private:
    std::filesystem::path m_dir;
    std::string m_path;
};

} // namespace

TEST_CASE("GeoJSON features with null geometry come through", "[unit][io]") {
    io::feature_reader reader(data_dir + "yanzhou_370812_township_points_vonng_wgs84.geojson");
    CHECK(reader.driver_name() == "GeoJSON");
    CHECK(reader.crs_authority() == "EPSG:4326");
    CHECK(reader.feature_count_hint() == 10);
    REQUIRE(reader.fields().index_of("name"));
    int with_geometry = 0, without = 0;
    io::feature f;
    while (reader.read(f)) {
        INFO(f.get("name").value_or("?"));
        CHECK(f.get("code"));
        CHECK(f.get("code")->size() == 12);
        if (f.geometry) {
            ++with_geometry;
            CHECK(geo::geometry::from_wkb(*f.geometry).type_name() == "Point");
            CHECK(f.get("has_location") == "true"); // a JSON boolean
        } else {
            ++without;
            CHECK(f.get("has_location") == "false");
        }
    }
    CHECK(with_geometry == 8);
    CHECK(without == 2);
    reader.rewind();
    const auto first = reader.next();
    REQUIRE(first);
    CHECK(first->get("name") == "鼓楼街道办事处");
    CHECK(first->attributes().at("level") == "town");
}

TEST_CASE("CSV with lon/lat columns, values kept as text", "[unit][io]") {
    io::open_options options;
    options.allowed_drivers = {"CSV"};
    options.driver_options = {"X_POSSIBLE_NAMES=longitude", "Y_POSSIBLE_NAMES=latitude"};
    options.geometry = io::geometry_format::wkt;
    io::feature_reader reader(data_dir + "yanzhou_370812_divisions_town_village_vonng_adcode.csv",
                              options);
    int rows = 0, located = 0;
    io::feature f;
    while (reader.read(f)) {
        ++rows;
        if (f.geometry) {
            ++located;
            CHECK(f.geometry->starts_with("POINT (116."));
        }
        if (f.get("code") == "370812000000")
            CHECK(f.get("area_code") == "0537"); // leading zero kept: CSV fields are strings
    }
    CHECK(rows == 451);
    CHECK(located == 1 + 8 + 43); // county, 8 townships, 43 villages have Amap coordinates
}

TEST_CASE("field types are written in standard forms", "[unit][io]") {
    const temp_file file("types.geojson", R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"r": 0.1, "i": 7, "big": 12345678901, "d": "2026-11-23",
        "list": [1, 2, 3], "names": ["a", "b\"c"], "nothing": null, "s": "兖州"},
       "geometry": {"type": "LineString", "coordinates": [[116.5, 35.5], [116.6, 35.6]]}},
      {"type": "Feature", "properties": {"r": 2.5}, "geometry": null}]})");
    io::open_options options;
    options.geometry = io::geometry_format::wkt;
    io::feature_reader reader(file.path(), options);
    const auto a = reader.next();
    REQUIRE(a);
    CHECK(a->get("r") == "0.1");
    CHECK(a->get("i") == "7");
    CHECK(a->get("big") == "12345678901");
    CHECK(a->get("d") == "2026-11-23");
    CHECK(a->get("list") == "[1,2,3]");
    CHECK(a->get("names") == R"(["a","b\"c"])");
    CHECK_FALSE(a->get("nothing"));
    CHECK_FALSE(a->get("no_such_field"));
    CHECK(a->get("s") == "兖州");
    REQUIRE(a->geometry);
    CHECK(*a->geometry == "LINESTRING (116.5 35.5,116.6 35.6)");
    const auto b = reader.next();
    REQUIRE(b);
    CHECK(b->get("r") == "2.5");
    CHECK_FALSE(b->get("i")); // unset in this feature
    CHECK_FALSE(b->geometry);
    CHECK_FALSE(reader.next());
}

TEST_CASE("unreadable files raise read_error with GDAL's reason", "[unit][io]") {
    CHECK_THROWS_AS(io::feature_reader("/nonexistent/file.geojson"), io::read_error);
    const temp_file garbage("garbage.geojson", "{\"type\": \"FeatureCollection\", \"features\": [");
    try {
        io::feature_reader reader(garbage.path());
        FAIL("expected read_error");
    } catch (const riskatlas::invalid_argument &e) {
        CHECK(e.code() == "unreadable_file");
        CHECK(std::string(e.what()).find(garbage.path()) != std::string::npos);
    }
    io::open_options wrong_layer;
    wrong_layer.layer = "nope";
    CHECK_THROWS_AS(
        io::feature_reader(data_dir + "yanzhou_railways_gmtchina_clip.geojson", wrong_layer),
        io::read_error);
}

TEST_CASE("messages call the file by its display name, GDAL's own included", "[unit][io]") {
    const temp_file garbage("upload.geojson", "{\"type\": \"FeatureCollection\", \"features\": [");
    const auto message = [&](const std::string &path, const io::open_options &options) {
        try {
            io::feature_reader reader(path, options);
        } catch (const io::read_error &e) {
            return std::string(e.what());
        }
        FAIL("expected read_error");
        return std::string();
    };
    io::open_options named;
    named.display_name = "企业名录.geojson";
    const auto dir = std::filesystem::path(garbage.path()).parent_path().string();
    for (const auto &path : {garbage.path(), "/vsizip/" + garbage.path()}) {
        INFO(path);
        const auto shown = message(path, named);
        CHECK_THAT(shown, Catch::StartsWith("企业名录.geojson: "));
        CHECK_THAT(shown, !Catch::Contains(dir));
        // without one, the path as given, less GDAL's /vsi prefix
        const auto plain = message(path, {});
        CHECK_THAT(plain, Catch::StartsWith(garbage.path() + ": "));
        CHECK_THAT(plain, !Catch::Contains("/vsizip/"));
    }
    named.layer = "nope";
    const auto layer = message(data_dir + "yanzhou_railways_gmtchina_clip.geojson", named);
    CHECK_THAT(layer, Catch::StartsWith("企业名录.geojson: no layer named 'nope'"));
}
