// Risky segments and safety works imported from ledgers with stakes (K0+500 or metres): placed on
// their route, stakes off the route and unknown routes rejected by row, works dates checked, the
// route's coverage recomputed, and a re-import writing nothing.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

#include <pqxx/pqxx>

using namespace riskatlas;
using test::has_reject;

namespace {

const std::string route = "X001370812";

// K0-K2 on piece 1 (116.70 to 116.72 E), a chain break, K2+100-K4+100 on piece 2.
void add_route(test::import_fixture &fx) {
    pqxx::connection c(fx.dsn());
    pqxx::work w(c);
    w.exec("DELETE FROM bridges");
    w.exec("INSERT INTO road_routes (route_code, name, admin_level, area_code, township_code) "
           "VALUES ('" + route + "', '测试县道', 'X', '370812', '370812001')");
    w.exec("INSERT INTO road_pieces (route_code, piece, from_m, to_m, geom) VALUES "
           "('" + route + "', 1, 0, 2000, ST_GeomFromText('LINESTRING(116.70 35.60, 116.72 35.60)', 4326)),"
           "('" + route + "', 2, 2100, 4100, ST_GeomFromText('LINESTRING(116.72 35.60, 116.74 35.60)', 4326))");
    w.commit();
}

std::string write(const std::string &name, const std::string &text) {
    static const std::string dir = test::temp_dir("roads");
    test::write_text(dir + "/" + name, text);
    return dir + "/" + name;
}

} // namespace

TEST_CASE("risky segments import by stakes and are placed on their route", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    add_route(fx);
    const std::string csv = "路线编码,隐患类型,起点桩号,止点桩号,排查日期,隐患描述\n"
                            "x001370812,临水临崖,K0+500,K1+100,2025-06-01,沿河路段\n"
                            "X001370812,平交路口,2200,2260,2025-06-01,铁路道口\n"
                            "X001370812,急弯陡坡,K2+050,K2+080,2025-06-01,断链中的桩号\n"
                            "X009370812,穿村过镇,K0+000,K0+300,2025-06-01,没有这条路\n"
                            "X001370812,穿村过镇,K1+200,K1+100,2025-06-01,止点在起点之前\n"
                            "X1,穿村过镇,K0+000,K0+300,2025-06-01,编码格式不对\n";
    const std::string path = write("segments.csv", csv);
    const auto report = fx.import(path, ingest::entity_kind::road_risk_segments,
                                  [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 2);
    CHECK(has_reject(report, 3, "from_stake", "not both on a piece"));
    CHECK(has_reject(report, 4, "route_code", "no route"));
    CHECK(has_reject(report, 5, "to_stake", "ends before"));
    CHECK(has_reject(report, 6, "route_code", ""));
    // placed by the route: K0+500 to K1+100 is 116.705 to 116.711 E; the township is the route's
    CHECK(fx.text("SELECT round(ST_XMin(geom)::numeric, 4) || '-' || round(ST_XMax(geom)::numeric, 4) || ' ' || "
                  "township_code || ' ' || source FROM road_risk_segments WHERE type = 'LSLY'") ==
          "116.7050-116.7110 370812001 imported");
    CHECK(fx.scalar("SELECT count(*) FROM road_coverage_routes WHERE route_code = '" + route + "'") > 0);

    const auto again = fx.import(path, ingest::entity_kind::road_risk_segments,
                                 [](auto &o) { o.accept_partial = true; });
    CHECK(again.counts.unchanged == 2);
    CHECK(again.counts.inserted == 0);
    CHECK(fx.scalar("SELECT count(*) FROM road_risk_segments") == 2);

    // the survey register now names the demo's records: they are real data from here on
    fx.check_import_clears_generated("road_risk_segments", path, ingest::entity_kind::road_risk_segments, 2,
                                     [](auto &o) { o.accept_partial = true; });
}

TEST_CASE("safety works import with their dates checked and raise coverage", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    add_route(fx);
    fx.import(write("seg.csv", "路线编码,隐患类型,起点桩号,止点桩号,排查日期\nX001370812,临水临崖,K0+500,K1+100,2025-06-01\n"),
              ingest::entity_kind::road_risk_segments);
    const std::string csv = "工程编号,路线编码,工程类型,起点桩号,止点桩号,状态,开工日期,完工日期,验收日期\n"
                            "W-1,X001370812,波形护栏,K0+500,K0+800,已完工,2026-03-01,2026-05-01,\n"
                            "W-2,X001370812,标志,K0+700,K1+000,已验收,2026-03-01,2026-05-01,2026-06-01\n"
                            "W-3,X001370812,减速带,K1+000,K1+050,施工中,,,\n"
                            "W-4,X001370812,标线,K1+000,K1+050,已完工,2026-03-01,,\n"
                            "W-5,X001370812,照明,K1+000,K1+000,计划,,,\n";
    const std::string path = write("works.csv", csv);
    const auto report = fx.import(path, ingest::entity_kind::safety_works,
                                  [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 2);
    CHECK(has_reject(report, 3, "started_on", "start date"));
    CHECK(has_reject(report, 4, "completed_on", "completion date"));
    CHECK(has_reject(report, 5, "to_stake", "end after"));
    // K0+500-K1+000 treated (W-1 and W-2 overlap, counted once) of the 600 m segment
    CHECK(fx.scalar("SELECT round(treated_m) FROM road_coverage_routes WHERE route_code = 'X001370812' "
                    "AND township_code = '*' AND type = '*'") == 500);

    fx.check_import_clears_generated("safety_works", path, ingest::entity_kind::safety_works, 2,
                                     [](auto &o) { o.accept_partial = true; });
}

TEST_CASE("bridges import with their ratings kept as inspection history", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    add_route(fx);
    const std::string header = "桥梁编码,桥梁名称,路线编码,中心桩号,桥梁全长,技术状况等级,评定日期,技术状况评分,处治方案,处治期限,使用状态,处治完成日期,经度,纬度\n";
    const std::string v1 = header +
        "X001370812L0010,东河桥,X001370812,K0+800,32,四类,2025-04-01,52,拆除重建,2026-06-30,限制通行,,,\n"
        "X001370812L0020,西沟桥,X001370812,K3+000,18,2,2025-04-01,88,,,正常使用,,116.731,35.6002\n"
        "X001370812L0030,断链桥,X001370812,K2+050,10,1,2025-04-01,,,,正常使用,,,\n"
        "X002370812L0040,错路桥,X001370812,K1+000,10,1,2025-04-01,,,,正常使用,,,\n"
        "X001370812L0050,评分不符,X001370812,K1+500,10,1,2025-04-01,70,,,正常使用,,,\n";
    const std::string path = write("bridges.csv", v1);
    const auto report = fx.import(path, ingest::entity_kind::bridges, [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 2);
    CHECK(has_reject(report, 3, "centre_stake", "not on any piece"));
    CHECK(has_reject(report, 4, "code", "does not start with its route"));
    CHECK(has_reject(report, 5, "dr_score", "means class 3"));
    // K0+800 on piece 1 is 116.708 E; the surveyed one keeps its own position
    CHECK(fx.text("SELECT round(ST_X(geom)::numeric, 4) || ' ' || danger FROM bridges WHERE code = 'X001370812L0010'") ==
          "116.7080 true");
    CHECK(fx.text("SELECT round(ST_X(geom)::numeric, 4) FROM bridges WHERE code = 'X001370812L0020'") == "116.7310");
    CHECK(fx.scalar("SELECT count(*) FROM bridge_inspections") == 2);

    const auto again = fx.import(path, ingest::entity_kind::bridges, [](auto &o) { o.accept_partial = true; });
    CHECK(again.counts.unchanged == 2);
    CHECK(fx.scalar("SELECT count(*) FROM bridge_inspections") == 2);

    fx.check_import_clears_generated("bridges", path, ingest::entity_kind::bridges, 2,
                                     [](auto &o) { o.accept_partial = true; });

    // rebuilt and rated again: it leaves the danger list, and the history has both ratings
    const auto rebuilt = fx.import(write("rebuilt.csv", header +
        "X001370812L0010,东河桥,X001370812,K0+800,32,1,2026-08-01,97,拆除重建,,已处治,2026-07-20,,\n"),
        ingest::entity_kind::bridges);
    INFO(ingest::to_json(rebuilt).dump(1));
    CHECK(rebuilt.counts.updated == 1);
    CHECK(fx.text("SELECT danger::text || ' ' || status FROM bridges WHERE code = 'X001370812L0010'") == "false treated");
    CHECK(fx.text("SELECT string_agg(condition_class::text, ',' ORDER BY inspected_at) FROM bridge_inspections "
                  "WHERE bridge_code = 'X001370812L0010'") == "4,1");

    // an older ledger adds its rating to the history but leaves the current rating and its plan
    const std::string older_ledger = write("older.csv", header +
        "X001370812L0010,东河桥,X001370812,K0+800,32,3,2025-10-01,70,维修加固,2026-03-31,已处治,2026-07-20,,\n");
    const auto older = fx.import(older_ledger, ingest::entity_kind::bridges);
    INFO(ingest::to_json(older).dump(1));
    CHECK(older.outcome == "committed");
    CHECK(fx.text("SELECT condition_class || ' ' || rated_at || ' ' || dr_score || ' ' || treatment || ' ' || "
                  "COALESCE(treatment_deadline::text, '-') || ' ' || danger FROM bridges "
                  "WHERE code = 'X001370812L0010'") == "1 2026-08-01 97 reconstruct - false");
    CHECK(fx.text("SELECT string_agg(condition_class::text, ',' ORDER BY inspected_at) FROM bridge_inspections "
                  "WHERE bridge_code = 'X001370812L0010'") == "4,3,1");
    const auto older_again = fx.import(older_ledger, ingest::entity_kind::bridges);
    CHECK(older_again.counts.unchanged == 1);
    CHECK(fx.scalar("SELECT count(*) FROM bridge_inspections WHERE bridge_code = 'X001370812L0010'") == 3);

    // a rating of the stored date replaces it, as a newer one does
    const auto same_day = fx.import(write("same_day.csv", header +
        "X001370812L0010,东河桥,X001370812,K0+800,32,2,2026-08-01,85,拆除重建,,已处治,2026-07-20,,\n"),
        ingest::entity_kind::bridges);
    INFO(ingest::to_json(same_day).dump(1));
    CHECK(same_day.counts.updated == 1);
    CHECK(fx.text("SELECT condition_class || ' ' || dr_score FROM bridges WHERE code = 'X001370812L0010'") == "2 85");
}
