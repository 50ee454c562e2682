// Hostile files, each made here: a bad last row commits nothing, --accept-partial loads the rest
// and lists every reject, keys repeated in the file, every kind of broken geometry (repaired
// when that is safe, rejected with GEOS's reason otherwise), coordinates that cannot be what the
// CRS says, and mapping mistakes that stop the import before anything is written.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

#include <pqxx/pqxx>

using namespace riskatlas;
using test::has_reject;

namespace {

test::import_fixture &fixture() {
    static test::import_fixture fx;
    return fx;
}

std::string enterprise_csv(const std::vector<std::string> &codes) {
    std::string csv = "统一社会信用代码,企业名称,监管类别,经度,纬度\n";
    for (std::size_t i = 0; i < codes.size(); ++i)
        csv += codes[i] + ",企业" + std::to_string(i) + ",工贸,116.7" + std::to_string(i) + ",35.6\n";
    return csv;
}

std::string write(const std::string &name, const std::string &text) {
    static const std::string dir = test::temp_dir("hostile");
    const std::string path = dir + "/" + name;
    test::write_text(path, text);
    return path;
}

std::string bad_check_character(std::string code) {
    code.back() = code.back() == '0' ? '1' : '0';
    return code;
}

std::string park_feature(const std::string &code, const std::string &geometry) {
    return R"({"type":"Feature","properties":{"园区代码":")" + code +
           R"(","园区名称":"园区)" + code + R"(","园区类型":"化工园区","上级代码":"370812"},"geometry":)" +
           geometry + "}";
}

std::string collection(const std::vector<std::string> &features) {
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i)
        out += (i ? "," : "") + features[i];
    return out + "]}";
}

} // namespace

TEST_CASE("a bad last row commits nothing and --accept-partial loads the rest", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string path = write("last_bad.csv", enterprise_csv({test::credit_code(1), test::credit_code(2),
                                                                  bad_check_character(test::credit_code(3))}));
    const auto version = fx.scalar("SELECT version FROM data_versions WHERE table_name = 'enterprises'");

    const auto all_or_nothing = fx.import(path, ingest::entity_kind::enterprises);
    CHECK(all_or_nothing.outcome == "rejected");
    CHECK(all_or_nothing.counts.read == 3);
    CHECK(all_or_nothing.counts.rejected == 1);
    CHECK(has_reject(all_or_nothing, 3, "credit_code", "GB 32100"));
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 0);
    CHECK(fx.scalar("SELECT version FROM data_versions WHERE table_name = 'enterprises'") == version);

    // a dry run goes on with the valid rows to say what they would do, and writes nothing
    const auto dry = fx.import(path, ingest::entity_kind::enterprises, [](auto &o) { o.dry_run = true; });
    CHECK(dry.outcome == "dry_run");
    CHECK(dry.counts.inserted == 2);
    CHECK(dry.counts.rejected == 1);
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 0);

    const auto partial = fx.import(path, ingest::entity_kind::enterprises,
                                   [](auto &o) { o.accept_partial = true; });
    CHECK(partial.outcome == "committed");
    CHECK(partial.counts.inserted == 2);
    CHECK(partial.counts.rejected == 1);
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 2);
    const auto csv = ingest::rejects_csv(partial);
    CHECK(csv.starts_with("\xEF\xBB\xBFrow,field,reason\n3,credit_code,"));
    CHECK(ingest::to_json(partial).at("rejects").size() == 1);
}

TEST_CASE("a dry run reports what would change and writes nothing", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string path = write("dry.csv", enterprise_csv({test::credit_code(11), test::credit_code(12)}));
    const auto report = fx.import(path, ingest::entity_kind::enterprises, [](auto &o) { o.dry_run = true; });
    CHECK(report.outcome == "dry_run");
    CHECK(report.counts.inserted == 2);
    CHECK(report.mapping.at("lon") == "经度");
    CHECK(report.crs_from == "assumed");
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 0);
}

TEST_CASE("a key repeated inside the file is rejected at its second row", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto code = test::credit_code(21);
    const auto report = fx.import(write("dup.csv", enterprise_csv({code, test::credit_code(22), code})),
                                  ingest::entity_kind::enterprises);
    CHECK(report.outcome == "rejected");
    CHECK(has_reject(report, 3, "credit_code", "repeats row 1"));
    CHECK(fx.scalar("SELECT count(*) FROM enterprises") == 0);
}

TEST_CASE("re-importing with changed values updates in place", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto a = test::credit_code(31);
    fx.import(write("v1.csv", enterprise_csv({a})), ingest::entity_kind::enterprises);
    const auto id = fx.scalar("SELECT id FROM enterprises");
    const auto report = fx.import(write("v2.csv", "统一社会信用代码,企业名称,监管类别\n" + a + ",改名企业,危化品\n"),
                                  ingest::entity_kind::enterprises);
    CHECK(report.counts.updated == 1);
    CHECK(fx.scalar("SELECT id FROM enterprises") == id);
    CHECK(fx.text("SELECT name || '/' || supervision_category FROM enterprises") == "改名企业/hazardous_chemicals");
    // the position was not in the second file, so it stays
    CHECK(fx.scalar("SELECT count(*) FROM enterprises WHERE geom IS NOT NULL") == 1);
}

TEST_CASE("broken geometries are repaired when safe and rejected otherwise", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string square = "[[116.90,35.60],[116.95,35.60],[116.95,35.65],[116.90,35.65],[116.90,35.60]]";
    const auto polygon = [](const std::string &rings) { return R"({"type":"Polygon","coordinates":)" + rings + "}"; };
    const std::string path = write("parks.geojson", collection({
        park_feature("370812P11", polygon("[" + square + "]")),
        // bow-tie: the ring crosses itself
        park_feature("370812P12", polygon("[[[116.90,35.60],[116.95,35.65],[116.95,35.60],[116.90,35.65],[116.90,35.60]]]")),
        // a repeated vertex
        park_feature("370812P13", polygon("[[[116.90,35.60],[116.95,35.60],[116.95,35.60],[116.95,35.65],[116.90,35.65],[116.90,35.60]]]")),
        // a spike going out and back along the same line
        park_feature("370812P14", polygon("[[[116.90,35.60],[116.95,35.60],[116.95,35.65],[116.93,35.65],[116.93,35.70],[116.93,35.65],[116.90,35.65],[116.90,35.60]]]")),
        // a ring of three points
        park_feature("370812P15", polygon("[[[116.90,35.60],[116.95,35.60],[116.90,35.60]]]")),
        // coordinates: [] (GDAL reads it as no geometry)
        park_feature("370812P16", polygon("[]")),
        // a point where a park needs a polygon
        park_feature("370812P17", R"({"type":"Point","coordinates":[116.9,35.6]})"),
        // no geometry at all
        park_feature("370812P18", "null"),
        // an unclosed ring
        park_feature("370812P19", polygon("[[[116.90,35.60],[116.95,35.60],[116.95,35.65],[116.90,35.65]]]")),
    }));
    const auto report = fx.import(path, ingest::entity_kind::parks, [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.read == 9);
    CHECK(has_reject(report, 5, "geometry", ""));
    CHECK(has_reject(report, 6, "geometry", "no geometry"));
    CHECK(has_reject(report, 9, "geometry", "closed"));
    CHECK(has_reject(report, 7, "geometry", "expected a Polygon"));
    CHECK(has_reject(report, 8, "geometry", "no geometry"));
    CHECK(report.counts.rejected + report.counts.valid == 9);
    // the repaired ones are stored valid, polygonal, and reported
    CHECK(fx.scalar("SELECT count(*) FROM regions WHERE code IN ('370812P11','370812P12','370812P13','370812P14') "
                    "AND ST_IsValid(geom) AND GeometryType(geom) IN ('POLYGON','MULTIPOLYGON')") == 4);
    bool bow_tie_repaired = false, vertex_removed = false, spike_repaired = false;
    for (const auto &r : report.repairs) {
        bow_tie_repaired |= r.row == 2 && r.reason.find("make-valid") != std::string::npos;
        vertex_removed |= r.row == 3 && r.reason.find("repeated") != std::string::npos;
        spike_repaired |= r.row == 4;
    }
    CHECK(bow_tie_repaired);
    CHECK(vertex_removed);
    CHECK(spike_repaired);
    CHECK(report.counts.repaired == 3);
    const auto empty = fx.import(write("empty.csv", "园区代码,园区名称,园区类型,WKT\n370812P20,空园区,工业园区,POLYGON EMPTY\n"),
                                 ingest::entity_kind::parks);
    CHECK(has_reject(empty, 1, "geometry", "empty geometry"));
    // the spike is gone: the repaired park is the square again
    CHECK(fx.scalar("SELECT round(ST_Area(geom)::numeric * 1e6) FROM regions WHERE code = '370812P14'") ==
          fx.scalar("SELECT round(ST_Area(geom)::numeric * 1e6) FROM regions WHERE code = '370812P11'"));
}

TEST_CASE("coordinates that cannot be what the CRS says are rejected with the reason", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto point = [](int n, const std::string &xy) {
        return R"({"type":"Feature","properties":{"统一社会信用代码":")" + test::credit_code(n) +
               R"(","企业名称":"企业","监管类别":"工贸"},"geometry":{"type":"Point","coordinates":[)" + xy + "]}}";
    };
    const auto report = fx.import(write("where.geojson", collection({
                                      point(41, "116.8,35.6"),
                                      point(42, "39481000,3935000"), // metres in a lon/lat file
                                      point(43, "2.35,48.85"),       // Paris
                                      point(44, "100.0,30.0"),       // China, far from the region
                                  })),
                                  ingest::entity_kind::enterprises, [](auto &o) { o.accept_partial = true; });
    CHECK(report.counts.inserted == 1);
    CHECK(has_reject(report, 2, "geometry", "cannot be degrees"));
    CHECK(has_reject(report, 3, "geometry", "outside China"));
    CHECK(has_reject(report, 4, "geometry", "km outside the region"));
}

TEST_CASE("mapping mistakes stop the import before anything is written", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string path = write("map.csv", "代码,企业,类别\n" + test::credit_code(51) + ",某企业,工贸\n");
    try {
        fx.import(path, ingest::entity_kind::enterprises);
        FAIL("missing required fields were accepted");
    } catch (const riskatlas::error &e) {
        CHECK(e.code() == "missing_fields");
        CHECK(std::string(e.what()).find("credit_code") != std::string::npos);
        CHECK(std::string(e.what()).find("the file's columns: 代码, 企业, 类别") != std::string::npos);
    }
    const auto with = [&](const nlohmann::json &mapping) {
        return fx.import(path, ingest::entity_kind::enterprises, [&](auto &o) { o.mapping = mapping; });
    };
    const auto mapped = with({{"fields", {{"credit_code", "代码"}, {"name", "企业"}, {"supervision_category", "类别"}}}});
    CHECK(mapped.outcome == "committed");
    CHECK(mapped.counts.inserted == 1);
    try {
        with({{"fields", {{"colour", "代码"}}}});
        FAIL("an unknown field was accepted");
    } catch (const riskatlas::error &e) {
        CHECK(e.code() == "unknown_field");
    }
    try {
        with({{"fields", {{"name", "名字"}}}});
        FAIL("an unknown column was accepted");
    } catch (const riskatlas::error &e) {
        CHECK(e.code() == "unknown_column");
    }
    const auto defaults = fx.import(write("defaults.csv", "代码,企业\n" + test::credit_code(52) + ",另一企业\n"),
                                    ingest::entity_kind::enterprises, [](auto &o) {
                                        o.mapping = nlohmann::json{{"fields", {{"credit_code", "代码"}, {"name", "企业"}}},
                                                                   {"defaults", {{"supervision_category", "烟花爆竹"}}}};
                                    });
    CHECK(defaults.counts.inserted == 1);
    CHECK(fx.text("SELECT supervision_category FROM enterprises WHERE name = '另一企业'") == "fireworks");
}

TEST_CASE("hazard ledgers with Chinese values, dates and references", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto e = test::credit_code(61);
    fx.import(write("h_ent.csv", enterprise_csv({e})), ingest::entity_kind::enterprises);
    const std::string csv =
        "隐患编号,来源,隐患等级,统一社会信用代码,隐患描述,发现日期,整改期限,状态,销号日期,经度,纬度\n"
        "YH-1,执法检查,重大," + e + ",储罐区可燃气体报警器失效,2024年3月5日,2024/04/05,整改中,,116.71,35.6\n"
        "YH-2,企业自查,一般," + e + ",安全通道堵塞,2024-03-06,,已销号,2024.03.07,116.72,35.6\n"
        "YH-3,群众举报,一般," + test::credit_code(62) + ",举报非法储存,2024-03-08,,已上报,,116.73,35.6\n"
        "YH-4,执法检查,一般,,期限早于发现,2024-03-08,2024-03-01,整改中,,116.74,35.6\n"
        "YH-5,执法检查,一般,,已销号但无日期,2024-03-08,,已销号,,116.75,35.6\n"
        "YH-6,执法检查,一般,,日期不对,2024-02-30,,整改中,,116.76,35.6\n";
    const auto report = fx.import(write("hazards.csv", csv), ingest::entity_kind::hazards,
                                  [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 2);
    CHECK(has_reject(report, 3, "enterprise_credit_code", "import it first"));
    CHECK(has_reject(report, 4, "deadline", "before"));
    CHECK(has_reject(report, 5, "closed_on", "closed"));
    CHECK(has_reject(report, 6, "found_on", "not a date"));
    CHECK(fx.text("SELECT channel || '/' || level || '/' || status || '/' || found_on || '/' || deadline "
                  "FROM hazards WHERE code = 'YH-1'") == "inspection/major/rectifying/2024-03-05/2024-04-05");
    CHECK(fx.scalar("SELECT count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id "
                    "WHERE e.credit_code = '" + e + "'") == 2);
    CHECK(fx.text("SELECT township_code FROM hazards WHERE code = 'YH-2'") == "370812001");

    // YH-2 is closed: a ledger without the closing-date column that reopens it would break the
    // table's rule with the stored date; that is a rejected row, not a failed import
    const auto reopen = fx.import(write("reopen.csv", "隐患编号,来源,隐患等级,隐患描述,发现日期,状态\n"
                                                     "YH-2,企业自查,一般,安全通道堵塞,2024-03-06,整改中\n"
                                                     "YH-1,执法检查,重大,储罐区可燃气体报警器失效,2024-03-05,待验收\n"),
                                  ingest::entity_kind::hazards, [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(reopen).dump(1));
    CHECK(reopen.outcome == "committed");
    CHECK(has_reject(reopen, 1, "closed_on", "stored closing date"));
    CHECK(reopen.counts.updated == 1);
    CHECK(fx.text("SELECT status FROM hazards WHERE code = 'YH-1'") == "awaiting_acceptance");
    CHECK(fx.text("SELECT status FROM hazards WHERE code = 'YH-2'") == "closed");
}

TEST_CASE("TRUNCATE of a versioned table works and bumps its version", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto before = fx.scalar("SELECT version FROM data_versions WHERE table_name = 'hazards'");
    {
        pqxx::connection c(fx.dsn());
        pqxx::work w(c);
        w.exec("TRUNCATE hazards");
        w.commit();
    }
    CHECK(fx.scalar("SELECT version FROM data_versions WHERE table_name = 'hazards'") == before + 1);
}

TEST_CASE("only the formats we import are opened, whatever the file says it is", "[pg][import]") {
    auto &fx = fixture();
    // a GDAL VRT disguised as CSV would read a server file and echo it back in the report
    const std::string path = write("disguised.csv", "<OGRVRTDataSource><OGRVRTLayer name=\"x\">"
                                                    "<SrcDataSource>CSV:/etc/passwd</SrcDataSource>"
                                                    "</OGRVRTLayer></OGRVRTDataSource>\n");
    try {
        const auto report = fx.import(path, ingest::entity_kind::enterprises);
        // read as a CSV it has no usable columns at all
        FAIL("imported: " << ingest::to_json(report).dump());
    } catch (const riskatlas::error &e) {
        CHECK(std::string(e.what()).find("root:") == std::string::npos);
    }
}

TEST_CASE("villages are points, other regions polygons", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto report = fx.import(
        write("regions.csv", "区划代码,名称,级别,上级代码,WKT\n"
                             "370812001001,甲村,村,370812001,POINT (116.7 35.6)\n"
                             "370812001002,乙村,村,370812001,\"POLYGON ((116.7 35.6, 116.71 35.6, 116.71 35.61, 116.7 35.6))\"\n"
                             "370812003,新镇,乡镇,370812,POINT (116.7 35.6)\n"),
        ingest::entity_kind::regions, [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 1);
    CHECK(has_reject(report, 2, "geometry", "expected a Point"));
    CHECK(has_reject(report, 3, "geometry", "expected a Polygon"));
}

TEST_CASE("children of a refused parent region are refused with it and the rest loads", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string square = "\"POLYGON ((116.62 35.42, 116.64 35.42, 116.64 35.44, 116.62 35.44, 116.62 35.42))\"";
    const std::string path = write("orphans.csv",
        "区划代码,名称,级别,上级代码,WKT\n"
        "370899,无主县,县,379999," + square + "\n"                // 1: its parent exists nowhere
        "370899001,孤镇,乡镇,370899," + square + "\n"              // 2: child of row 1
        "370899001001,孤村,村,370899001,POINT (116.63 35.43)\n"    // 3: grandchild of row 1
        "370812008,点镇,乡镇,370812,POINT (116.63 35.43)\n"        // 4: a township needs a polygon
        "370812008001,点村,村,370812008,POINT (116.63 35.43)\n"    // 5: child of row 4
        "370812009,好镇,乡镇,370812," + square + "\n"
        "370812009001,好村,村,370812009,POINT (116.63 35.43)\n");

    const auto partial = fx.import(path, ingest::entity_kind::regions, [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(partial).dump(1));
    CHECK(partial.outcome == "committed");
    CHECK(partial.counts.inserted == 2);
    CHECK(partial.counts.rejected == 5);
    CHECK(has_reject(partial, 1, "parent_code", "no region has the parent code 379999"));
    CHECK(has_reject(partial, 2, "parent_code", "parent region 370899 was refused (row 1)"));
    CHECK(has_reject(partial, 3, "parent_code", "parent region 370899001 was refused (row 2)"));
    CHECK(has_reject(partial, 4, "geometry", "expected a Polygon"));
    CHECK(has_reject(partial, 5, "parent_code", "parent region 370812008 was refused (row 4)"));
    CHECK(fx.scalar("SELECT count(*) FROM regions WHERE code IN ('370812009', '370812009001')") == 2);
    CHECK(fx.scalar("SELECT count(*) FROM regions WHERE code LIKE '370899%' OR code LIKE '370812008%'") == 0);

    fx.reset();
    const auto all_or_nothing = fx.import(path, ingest::entity_kind::regions);
    CHECK(all_or_nothing.outcome == "rejected");
    CHECK(fx.scalar("SELECT count(*) FROM regions WHERE code LIKE '370812009%'") == 0);
}

TEST_CASE("a repaired row refused by a later check is not counted as repaired", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const std::string bow_tie = R"({"type":"Polygon","coordinates":[[[116.90,35.60],[116.95,35.65],[116.95,35.60],[116.90,35.65],[116.90,35.60]]]})";
    auto orphan = park_feature("370812P31", bow_tie);
    orphan.replace(orphan.find("\"370812\""), 8, "\"379999\""); // a parent code nobody has
    const auto report = fx.import(write("repaired_refused.geojson", collection({orphan, park_feature("370812P32", bow_tie)})),
                                  ingest::entity_kind::parks, [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.outcome == "committed");
    CHECK(has_reject(report, 1, "parent_code", "379999"));
    CHECK(report.counts.inserted == 1);
    CHECK(report.counts.repaired == 1);
    REQUIRE(report.repairs.size() == 1);
    CHECK(report.repairs[0].row == 2);
}

TEST_CASE("an import that updates a demo record clears its generated and approximate flags", "[pg][import]") {
    auto &fx = fixture();
    fx.reset();
    const auto placed = test::credit_code(81), unplaced = test::credit_code(82);
    {
        pqxx::connection c(fx.dsn());
        pqxx::work w(c);
        w.exec("INSERT INTO enterprises (credit_code, name, supervision_category, township_code, approximate, generated, geom) "
               "VALUES ('" + placed + "', '演示企业', 'industry_trade', '370812001', true, true, ST_SetSRID(ST_MakePoint(116.7, 35.6), 4326)),"
               "('" + unplaced + "', '演示企业二', 'industry_trade', '370812001', true, true, ST_SetSRID(ST_MakePoint(116.7, 35.6), 4326))");
        w.exec("INSERT INTO hazards (code, channel, level, township_code, description, found_on, status, generated, geom) "
               "VALUES ('YH-DEMO', 'inspection', 'general', '370812001', '演示隐患', '2024-03-05', 'reported', true, "
               "ST_SetSRID(ST_MakePoint(116.7, 35.6), 4326))");
        w.exec("UPDATE regions SET approximate = true, generated = true WHERE code IN ('370812001', '370812P01')");
        w.commit();
    }
    // the same values as stored: only the flags differ
    const std::string enterprises = write("real_enterprises.csv",
        "统一社会信用代码,企业名称,监管类别,经度,纬度\n" + placed + ",演示企业,工贸,116.7,35.6\n");
    const std::string unplaced_file = write("real_unplaced.csv", "统一社会信用代码,企业名称,监管类别\n" + unplaced + ",演示企业二,工贸\n");
    const std::string hazards = write("real_hazards.csv", "隐患编号,来源,隐患等级,隐患描述,发现日期,状态,经度,纬度\n"
                                                          "YH-DEMO,执法检查,一般,演示隐患,2024-03-05,已上报,116.7,35.6\n");
    const std::string townships = write("real_townships.csv", "区划代码,名称,级别,上级代码,WKT\n"
        "370812001,西镇,乡镇,370812,\"POLYGON ((116.6 35.4, 116.8 35.4, 116.8 35.75, 116.6 35.75, 116.6 35.4))\"\n");
    const std::string parks = write("real_parks.geojson", collection({park_feature("370812P01",
        R"({"type":"Polygon","coordinates":[[[116.9,35.5],[116.95,35.5],[116.95,35.55],[116.9,35.55],[116.9,35.5]]]})")}));
    const std::vector<std::pair<std::string, ingest::entity_kind>> imports{
        {enterprises, ingest::entity_kind::enterprises}, {unplaced_file, ingest::entity_kind::enterprises},
        {hazards, ingest::entity_kind::hazards}, {townships, ingest::entity_kind::regions},
        {parks, ingest::entity_kind::parks}};
    for (const auto &[path, kind] : imports) {
        const auto first = fx.import(path, kind);
        INFO(path << ": " << ingest::to_json(first).dump(1));
        CHECK(first.counts.updated == 1);
    }
    CHECK(fx.text("SELECT generated || ' ' || approximate FROM enterprises WHERE credit_code = '" + placed + "'") == "false false");
    // a file without positions leaves the stored position, so it stays approximate
    CHECK(fx.text("SELECT generated || ' ' || approximate FROM enterprises WHERE credit_code = '" + unplaced + "'") == "false true");
    CHECK(fx.text("SELECT generated::text FROM hazards WHERE code = 'YH-DEMO'") == "false");
    CHECK(fx.text("SELECT string_agg(generated || ' ' || approximate, ',' ORDER BY code) FROM regions "
                  "WHERE code IN ('370812001', '370812P01')") == "false false,false false");

    const auto versions = fx.text("SELECT string_agg(version::text, ',' ORDER BY table_name) FROM data_versions");
    for (const auto &[path, kind] : imports) {
        const auto again = fx.import(path, kind);
        INFO(path);
        CHECK(again.counts.unchanged == 1);
        CHECK(again.counts.updated == 0);
    }
    CHECK(fx.text("SELECT string_agg(version::text, ',' ORDER BY table_name) FROM data_versions") == versions);
}

TEST_CASE("an unreadable file is named as the user named it and never by the server's path", "[pg][import]") {
    auto &fx = fixture();
    const auto message = [&](const std::string &path, const std::string &display_name) {
        try {
            fx.import(path, ingest::entity_kind::parks, [&](auto &o) { o.display_name = display_name; });
        } catch (const riskatlas::error &e) {
            CHECK(e.code() == "unreadable_file");
            return std::string(e.what());
        }
        FAIL("garbage was imported");
        return std::string();
    };
    const auto private_dir = test::temp_dir("upload-private");
    for (const std::string name : {"upload.gpkg", "upload.zip"}) {
        test::write_text(private_dir + "/" + name, "not a dataset at all");
        const auto shown = name == "upload.zip" ? std::string("园区.zip") : std::string("园区.gpkg");
        const auto uploaded = message(private_dir + "/" + name, shown);
        INFO(uploaded);
        CHECK_THAT(uploaded, Catch::Contains(shown));
        CHECK_THAT(uploaded, !Catch::Contains(private_dir));
        CHECK_THAT(uploaded, !Catch::Contains("/vsizip/"));
        // the CLI shows the path as typed, without GDAL's /vsizip/ prefix
        const auto typed = message(private_dir + "/" + name, "");
        INFO(typed);
        CHECK_THAT(typed, Catch::Contains(private_dir + "/" + name));
        CHECK_THAT(typed, !Catch::Contains("/vsizip/"));
    }
}
