// Coordinates in the systems Chinese data arrives in: CGCS2000 Gauss-Krüger with and without the
// zone prefix (positions checked against GDAL/PROJ's own forward projection), GCJ-02 from web maps
// (checked against the known township-seat pairs), a polygon the GCJ-02 correction makes invalid,
// and a GBK Shapefile without .cpg.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

#include <nlohmann/json.hpp>
#include <ogr_srs_api.h>
#include <riskatlas/geo/gcj02.hpp>
#include <riskatlas/geo/geometry.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace riskatlas;

namespace {

test::import_fixture &fixture() {
    static test::import_fixture fx;
    return fx;
}

std::string dir() {
    static const std::string d = test::temp_dir("crs");
    return d;
}

// Where lon/lat lands in EPSG `epsg`, by OSR (the reference implementation the test trusts).
std::pair<double, double> project(int epsg, double lon, double lat) {
    OGRSpatialReferenceH wgs = OSRNewSpatialReference(nullptr);
    OGRSpatialReferenceH gk = OSRNewSpatialReference(nullptr);
    REQUIRE(OSRImportFromEPSG(wgs, 4326) == OGRERR_NONE);
    REQUIRE(OSRImportFromEPSG(gk, epsg) == OGRERR_NONE);
    OSRSetAxisMappingStrategy(wgs, OAMS_TRADITIONAL_GIS_ORDER);
    OSRSetAxisMappingStrategy(gk, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH t = OCTNewCoordinateTransformation(wgs, gk);
    REQUIRE(t != nullptr);
    double x = lon, y = lat;
    REQUIRE(OCTTransform(t, 1, &x, &y, nullptr));
    OCTDestroyCoordinateTransformation(t);
    OSRRelease(wgs);
    OSRRelease(gk);
    return {x, y};
}

std::string fixed(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return buffer;
}

double stored(test::import_fixture &fx, const std::string &code, const char *axis) {
    return static_cast<double>(fx.scalar(std::string("SELECT round((ST_") + axis +
                                         "(geom) * 1e8)::numeric) FROM enterprises WHERE credit_code = '" +
                                         code + "'")) / 1e8;
}

} // namespace

TEST_CASE("Gauss-Krüger coordinates: zone prefix detected, central meridian by --crs", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const double lon = 116.78, lat = 35.57;
    const auto zone = project(4527, lon, lat);      // 3° zone 39, with prefix
    const auto meridian = project(4548, lon, lat);  // 3° CM 117E, no prefix
    REQUIRE(zone.first > 39e6);
    REQUIRE(meridian.first < 1e6);
    const auto a = test::credit_code(71), b = test::credit_code(72);
    const std::string header = "统一社会信用代码,企业名称,监管类别,X坐标,Y坐标\n";
    const nlohmann::json xy{{"fields", {{"lon", "X坐标"}, {"lat", "Y坐标"}}}};

    const std::string prefixed = dir() + "/gk_zone.csv";
    test::write_text(prefixed, header + a + ",甲,工贸," + fixed(zone.first) + "," + fixed(zone.second) + "\n");
    const auto detected = fx.import(prefixed, ingest::entity_kind::enterprises, [&](auto &o) { o.mapping = xy; });
    CHECK(detected.outcome == "committed");
    CHECK(detected.crs_from == "detected");
    CHECK(detected.source_crs.starts_with("EPSG:4527"));
    CHECK(std::abs(stored(fx, a, "X") - lon) < 1e-7);
    CHECK(std::abs(stored(fx, a, "Y") - lat) < 1e-7);

    const std::string bare = dir() + "/gk_cm.csv";
    test::write_text(bare, header + b + ",乙,工贸," + fixed(meridian.first) + "," + fixed(meridian.second) + "\n");
    try {
        fx.import(bare, ingest::entity_kind::enterprises, [&](auto &o) { o.mapping = xy; });
        FAIL("metres without a zone prefix were taken without a CRS");
    } catch (const riskatlas::error &e) {
        CHECK(e.code() == "unknown_crs");
        CHECK(std::string(e.what()).find("--crs") != std::string::npos);
    }
    const auto given = fx.import(bare, ingest::entity_kind::enterprises, [&](auto &o) {
        o.mapping = xy;
        o.crs = "gk3-cm:117";
    });
    CHECK(given.crs_from == "option");
    CHECK(given.source_crs.starts_with("EPSG:4548"));
    CHECK(std::abs(stored(fx, b, "X") - lon) < 1e-7);
    CHECK(std::abs(stored(fx, b, "Y") - lat) < 1e-7);

    // a GeoPackage that says its CRS (6° zone 20 with prefix) is read in it
    const auto six = project(4498, lon, lat);
    test::vector_layer layer;
    layer.fields = {"统一社会信用代码", "企业名称", "监管类别"};
    layer.epsg = 4498;
    const auto c = test::credit_code(73);
    layer.rows.push_back({{c, "丙", "工贸"}, "POINT (" + fixed(six.first) + " " + fixed(six.second) + ")"});
    const std::string gpkg = dir() + "/gk6.gpkg";
    test::write_vector(gpkg, "GPKG", layer);
    const auto from_file = fx.import(gpkg, ingest::entity_kind::enterprises);
    CHECK(from_file.crs_from == "file");
    CHECK(from_file.source_crs.starts_with("EPSG:4498"));
    CHECK(std::abs(stored(fx, c, "X") - lon) < 1e-7);
}

TEST_CASE("GCJ-02 positions are corrected to the known WGS84 pairs", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string data = std::string(RISKATLAS_SOURCE_DIR) + "/demo/data/yanzhou/";
    const auto read = [&](const std::string &file) {
        std::ifstream in(data + file);
        REQUIRE(in);
        return nlohmann::json::parse(in);
    };
    const auto gcj = read("yanzhou_370812_township_points_vonng_gcj02.geojson");
    const auto wgs = read("yanzhou_370812_township_points_vonng_wgs84.geojson");
    std::string csv = "统一社会信用代码,企业名称,监管类别,经度,纬度\n";
    std::map<std::string, std::pair<double, double>> expected;
    int n = 80;
    for (std::size_t i = 0; i < gcj.at("features").size(); ++i) {
        const auto &g = gcj["features"][i];
        if (g.at("geometry").is_null())
            continue;
        const auto code = g["properties"]["code"].get<std::string>();
        for (const auto &w : wgs.at("features"))
            if (w["properties"]["code"] == code && !w.at("geometry").is_null()) {
                const auto credit = test::credit_code(n++);
                const auto &c = g["geometry"]["coordinates"];
                char line[256];
                std::snprintf(line, sizeof line, "%s,镇%s,工贸,%.10f,%.10f\n", credit.c_str(), code.c_str(),
                              c[0].get<double>(), c[1].get<double>());
                csv += line;
                const auto &wc = w["geometry"]["coordinates"];
                expected[credit] = {wc[0].get<double>(), wc[1].get<double>()};
            }
    }
    REQUIRE(expected.size() == 8);
    const std::string path = dir() + "/gcj.csv";
    test::write_text(path, csv);
    const auto report = fx.import(path, ingest::entity_kind::enterprises, [](auto &o) { o.gcj02 = true; });
    CHECK(report.counts.inserted == 8);
    CHECK(report.gcj02);
    for (const auto &[credit, position] : expected) {
        INFO(credit);
        CHECK(std::abs(stored(fx, credit, "X") - position.first) < 1e-6);
        CHECK(std::abs(stored(fx, credit, "Y") - position.second) < 1e-6);
    }
}

namespace {

// A park whose hole touches its shell in the middle of a long edge (valid: they meet at one
// point). The GCJ-02 correction moves that vertex off the straight edge it touched, inside or
// outside the shell as the correction curves there; the first candidate it pushes outside.
std::optional<std::string> park_invalid_after_gcj02() {
    const auto corrected = [](const geo::geometry &g) {
        return g.transformed([](double x, double y) -> std::optional<geo::lonlat> {
            return geo::gcj02_to_wgs84({x, y});
        });
    };
    for (int i = 0; i < 40; ++i) {
        const double x0 = 116.62 + 0.005 * i, x1 = x0 + 0.15, xm = (x0 + x1) / 2;
        const std::string shell = "(" + std::to_string(x0) + " 35.5, " + std::to_string(x1) + " 35.5, " +
                                  std::to_string(x1) + " 35.6, " + std::to_string(x0) + " 35.6, " +
                                  std::to_string(x0) + " 35.5)";
        const std::string holes[] = {
            "(" + std::to_string(xm) + " 35.5, " + std::to_string(xm + 0.01) + " 35.55, " +
                std::to_string(xm - 0.01) + " 35.55, " + std::to_string(xm) + " 35.5)",
            "(" + std::to_string(xm) + " 35.6, " + std::to_string(xm - 0.01) + " 35.55, " +
                std::to_string(xm + 0.01) + " 35.55, " + std::to_string(xm) + " 35.6)"};
        for (const auto &hole : holes) {
            const std::string wkt = "POLYGON (" + shell + ", " + hole + ")";
            const auto g = geo::geometry::from_wkt(wkt);
            if (g.is_valid() && !corrected(g).is_valid())
                return wkt;
        }
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("a polygon the GCJ-02 correction makes invalid is repaired, not a failed import",
          "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto wkt = park_invalid_after_gcj02();
    REQUIRE(wkt);
    const std::string path = dir() + "/park_gcj02.csv";
    test::write_text(path, "园区代码,园区名称,园区类型,WKT\n370812P09,火星园区,化工园区,\"" + *wkt + "\"\n");
    const auto report = fx.import(path, ingest::entity_kind::parks, [](auto &o) { o.gcj02 = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.outcome == "committed");
    CHECK(report.counts.inserted == 1);
    REQUIRE(report.repairs.size() == 1);
    CHECK_THAT(report.repairs[0].reason, Catch::Contains("after reprojection"));
    CHECK(fx.scalar("SELECT count(*) FROM regions WHERE code = '370812P09' AND ST_IsValid(geom)") == 1);
}

TEST_CASE("a GBK Shapefile without .cpg keeps its Chinese text", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string shp = dir() + "/gbk";
    test::vector_layer layer;
    layer.fields = {"信用代码", "企业名称", "监管类别", "地址"};
    layer.layer_options = {"ENCODING=CP936"};
    layer.epsg = 4326;
    const auto code = test::credit_code(91);
    layer.rows.push_back({{code, "兖州煤业化工有限公司", "危化品", "山东省济宁市兖州区新兖镇"}, "POINT (116.79 35.55)"});
    test::write_vector(shp, "ESRI Shapefile", layer);
    std::filesystem::remove(shp + "/data.cpg");
    // a DBF language-driver byte would let GDAL recode by itself: clear it, like files from
    // tools that write neither
    {
        std::fstream dbf(shp + "/data.dbf", std::ios::in | std::ios::out | std::ios::binary);
        REQUIRE(dbf);
        dbf.seekp(29);
        dbf.put('\0');
    }
    const auto report = fx.import(shp + "/data.shp", ingest::entity_kind::enterprises);
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.encoding == "GB18030 (detected)");
    CHECK(report.counts.inserted == 1);
    CHECK(fx.text("SELECT name FROM enterprises") == "兖州煤业化工有限公司");
    CHECK(fx.text("SELECT address FROM enterprises") == "山东省济宁市兖州区新兖镇");
    CHECK(fx.text("SELECT supervision_category FROM enterprises") == "hazardous_chemicals");
}

TEST_CASE("one odd first row does not decide a CRS-less file's CRS", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string header = "统一社会信用代码,企业名称,监管类别,X,Y\n";
    const nlohmann::json xy{{"fields", {{"lon", "X"}, {"lat", "Y"}}}};
    const auto rows = [](int first, const std::vector<std::pair<double, double>> &positions) {
        std::string out;
        for (std::size_t i = 0; i < positions.size(); ++i)
            out += test::credit_code(first + static_cast<int>(i)) + ",企业" + std::to_string(i) + ",工贸," +
                   fixed(positions[i].first) + "," + fixed(positions[i].second) + "\n";
        return out;
    };

    // lon/lat with the first row's axes swapped: the file is lon/lat, the row is the bad one
    const std::string swapped = dir() + "/swapped_first.csv";
    test::write_text(swapped, header + rows(101, {{35.6, 116.7}, {116.71, 35.6}, {116.72, 35.6}, {116.73, 35.6}}));
    const auto lonlat = fx.import(swapped, ingest::entity_kind::enterprises, [&](auto &o) {
        o.mapping = xy;
        o.accept_partial = true;
    });
    INFO(ingest::to_json(lonlat).dump(1));
    CHECK(lonlat.outcome == "committed");
    CHECK(lonlat.crs_from == "assumed");
    CHECK(lonlat.source_crs.starts_with("EPSG:4326"));
    CHECK(lonlat.counts.inserted == 3);
    CHECK(test::has_reject(lonlat, 1, "geometry", "swapped"));

    // Gauss-Krüger eastings with a zone prefix whose first row was typed in degrees
    std::vector<std::pair<double, double>> positions{{116.78, 35.57}};
    for (const double lon : {116.70, 116.75, 116.85})
        positions.push_back(project(4527, lon, 35.6));
    const std::string zoned = dir() + "/degrees_first.csv";
    test::write_text(zoned, header + rows(111, positions));
    const auto gk = fx.import(zoned, ingest::entity_kind::enterprises, [&](auto &o) {
        o.mapping = xy;
        o.accept_partial = true;
    });
    INFO(ingest::to_json(gk).dump(1));
    CHECK(gk.crs_from == "detected");
    CHECK(gk.source_crs.starts_with("EPSG:4527"));
    CHECK(gk.counts.inserted == 3);
    CHECK(test::has_reject(gk, 1, "geometry", "cannot be transformed"));
}
