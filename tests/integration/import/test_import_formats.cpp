// Every supported file kind imports the same three enterprises with the same report: GeoPackage,
// zipped Shapefile, GeoJSON, CSV and XLSX with 经度/纬度 columns, CSV with WKT, KML and
// FlatGeobuf; re-importing changes nothing and creates no new version.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

using namespace riskatlas;
using test::vector_layer;

namespace {

const std::vector<std::string> ledger_fields{"统一社会信用代码", "企业名称", "监管类别", "从业人员数"};

vector_layer three_enterprises(bool as_columns) {
    vector_layer l;
    l.fields = ledger_fields;
    if (as_columns) {
        l.fields.push_back("经度");
        l.fields.push_back("纬度");
        l.geometry = false;
    } else {
        l.epsg = 4326;
    }
    const double lons[] = {116.71, 116.85, 116.92};
    const char *categories[] = {"危化品", "工贸", "hazardous_chemicals"};
    for (int i = 0; i < 3; ++i) {
        test::vector_row r;
        r.values = {test::credit_code(100 + i), "测试企业" + std::to_string(i), categories[i],
                    std::to_string(10 * (i + 1))};
        const std::string lon = std::to_string(lons[i]);
        if (as_columns) {
            r.values.push_back(lon);
            r.values.push_back("35.55");
        } else {
            r.wkt = "POINT (" + lon + " 35.55)";
        }
        l.rows.push_back(std::move(r));
    }
    return l;
}

} // namespace

TEST_CASE("every file kind imports the same enterprises", "[pg][import]") {
    static test::import_fixture fx;
    const std::string dir = test::temp_dir("formats");
    struct format {
        std::string name, driver, file;
        bool as_columns;
    };
    const auto f = GENERATE(values<format>({
        {"GeoPackage", "GPKG", "e.gpkg", false},
        {"GeoJSON", "GeoJSON", "e.geojson", false},
        {"FlatGeobuf", "FlatGeobuf", "e.fgb", false},
        {"KML", "LIBKML", "e.kml", false},
        {"CSV with lon/lat", "CSV", "e.csv", true},
        {"XLSX with lon/lat", "XLSX", "e.xlsx", true},
        {"zipped Shapefile", "ESRI Shapefile", "shp", false},
    }));
    INFO(f.name);
    fx.reset();
    std::string path = dir + "/" + f.file;
    if (f.driver == "ESRI Shapefile") {
        // DBF field names hold 10 bytes: four Chinese characters fit in GBK (CP936), not in
        // UTF-8, which is why real Shapefile ledgers use short headers and a .cpg.
        const std::string shp_dir = dir + "/shp";
        auto layer = three_enterprises(false);
        layer.fields = {"信用代码", "企业名称", "监管类别", "从业人员"};
        layer.layer_options = {"ENCODING=CP936"};
        test::write_vector(shp_dir, f.driver, layer);
        path = dir + "/e.zip";
        std::vector<std::string> parts;
        for (const char *ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
            parts.push_back(shp_dir + "/data" + ext);
        test::zip_files(path, parts);
    } else {
        test::write_vector(path, f.driver, three_enterprises(f.as_columns));
    }

    const auto first = fx.import(path, ingest::entity_kind::enterprises);
    INFO(ingest::to_json(first).dump(1));
    CHECK(first.outcome == "committed");
    CHECK(first.counts.read == 3);
    CHECK(first.counts.inserted == 3);
    CHECK(first.counts.rejected == 0);
    CHECK(first.mapping.at("credit_code") ==
          (f.driver == "ESRI Shapefile" ? "信用代码" : "统一社会信用代码"));
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 3);
    CHECK(fx.text("SELECT string_agg(supervision_category, ',' ORDER BY credit_code) FROM enterprises") ==
          "hazardous_chemicals,industry_trade,hazardous_chemicals");
    CHECK(fx.text("SELECT name FROM enterprises WHERE credit_code = '" + test::credit_code(101) + "'") ==
          "测试企业1");
    // the township comes from the position: 116.71 is west of 116.8, the others east
    CHECK(fx.text("SELECT string_agg(township_code, ',' ORDER BY credit_code) FROM enterprises") ==
          "370812001,370812002,370812002");
    CHECK(fx.scalar("SELECT count(*) FROM enterprises WHERE abs(ST_X(geom) - 116.85) < 1e-9 "
                    "AND abs(ST_Y(geom) - 35.55) < 1e-9") == 1);

    const auto version = fx.scalar("SELECT version FROM data_versions WHERE table_name = 'enterprises'");
    const auto again = fx.import(path, ingest::entity_kind::enterprises);
    CHECK(again.outcome == "committed");
    CHECK(again.counts.unchanged == 3);
    CHECK(again.counts.inserted == 0);
    CHECK(again.counts.updated == 0);
    CHECK(fx.scalar("SELECT version FROM data_versions WHERE table_name = 'enterprises'") == version);
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 3);
}
