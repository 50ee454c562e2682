// Roads (routes and their pieces) imported from line files: several pieces of one route with
// stakes not starting at K0, stakes derived from the lines when missing, the township found from
// the route's position, what lies on a route re-placed when its piece changes, a re-import that
// writes nothing, and every kind of bad row refused with its field.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

#include <pqxx/pqxx>

using namespace riskatlas;
using test::has_reject;

namespace {

std::string write(const std::string &name, const std::string &text) {
    static const std::string dir = test::temp_dir("road-pieces");
    test::write_text(dir + "/" + name, text);
    return dir + "/" + name;
}

long long version(test::import_fixture &fx, const std::string &table) {
    return fx.scalar("SELECT version FROM data_versions WHERE table_name = '" + table + "'");
}

// K3+000 to K7+000 in two pieces across the townships' border at 116.8 E; most of it is east.
const std::string header = "路线编码,路线名称,行政等级,起点桩号,止点桩号,WKT\n";
const std::string two_pieces =
    header + "x002370812,东西县道,县道,K3+000,K5+000,\"LINESTRING (116.79 35.62, 116.81 35.62)\"\n"
             "X002370812,东西县道,县道,5000,K7+000,\"LINESTRING (116.81 35.62, 116.83 35.62)\"\n";

} // namespace

TEST_CASE("a route in two pieces imports with its stakes and township", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    const auto path = write("route.csv", two_pieces);
    const auto report = fx.import(path, ingest::entity_kind::roads);
    INFO(ingest::to_json(report).dump(1));
    REQUIRE(report.outcome == "committed");
    CHECK(report.counts.inserted == 2);
    CHECK(fx.text("SELECT name || ' ' || admin_level || ' ' || area_code || ' ' || township_code "
                  "FROM road_routes WHERE route_code = 'X002370812'") ==
          "东西县道 X 370812 370812002");
    CHECK(fx.text("SELECT string_agg(piece || ':' || from_m || '-' || to_m, ' ' ORDER BY piece) "
                  "FROM road_pieces") == "1:3000-5000 2:5000-7000");

    // a risky segment and safety works across the two pieces, placed by their stakes
    fx.import(write("seg.csv", "路线编码,隐患类型,起点桩号,止点桩号,排查日期\n"
                               "X002370812,临水临崖,K4+000,K6+000,2025-06-01\n"),
              ingest::entity_kind::road_risk_segments);
    fx.import(write("works.csv", "工程编号,路线编码,工程类型,起点桩号,止点桩号,状态,开工日期\n"
                                 "W-9,X002370812,护栏,K5+500,K6+000,施工中,2026-03-01\n"),
              ingest::entity_kind::safety_works);
    const std::string segment_ends =
        "SELECT round(ST_XMin(geom)::numeric, 4) || ' ' || round(ST_XMax(geom)::numeric, 4) || ' ' || "
        "round(ST_YMax(geom)::numeric, 4) FROM road_risk_segments";
    CHECK(fx.text(segment_ends) == "116.8000 116.8200 35.6200");

    SECTION("re-importing the file writes nothing and bumps no version") {
        const auto routes = version(fx, "road_routes"), pieces = version(fx, "road_pieces"),
                   segments = version(fx, "road_risk_segments");
        const auto again = fx.import(path, ingest::entity_kind::roads);
        INFO(ingest::to_json(again).dump(1));
        CHECK(again.counts.unchanged == 2);
        CHECK(again.counts.inserted + again.counts.updated == 0);
        CHECK(version(fx, "road_routes") == routes);
        CHECK(version(fx, "road_pieces") == pieces);
        CHECK(version(fx, "road_risk_segments") == segments);
    }
    SECTION("re-importing a demo route makes it real data") {
        fx.check_import_clears_generated("road_routes", path, ingest::entity_kind::roads, 2);
    }
    SECTION("a re-surveyed piece moves what lies on it") {
        const auto edited = fx.import(
            write("edit.csv",
                  header + "X002370812,东西县道,县道,K5+000,K7+000,\"LINESTRING (116.81 35.62, 116.83 35.63)\"\n"),
            ingest::entity_kind::roads);
        INFO(ingest::to_json(edited).dump(1));
        CHECK(edited.counts.updated == 1);
        // K6+000 is now halfway along the new piece 2: 116.82 E, 35.625 N
        CHECK(fx.text(segment_ends) == "116.8000 116.8200 35.6250");
        CHECK(fx.text("SELECT round(ST_YMax(geom)::numeric, 4) FROM safety_works") == "35.6250");
        CHECK(fx.scalar("SELECT count(*) FROM road_pieces") == 2);
    }
}

TEST_CASE("pieces without stakes are measured along their lines", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    const auto report = fx.import(
        write("nostakes.csv",
              "路线编码,路线名称,乡镇代码,WKT\n"
              "Y101370812,西村路,370812001,\"LINESTRING (116.70 35.50, 116.71 35.50)\"\n"
              "Y101370812,西村路,,\"LINESTRING (116.71 35.50, 116.71 35.51)\"\n"),
        ingest::entity_kind::roads);
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 2);
    // the first starts at K0 and ends after its geodesic length; the second goes on from there
    CHECK(fx.scalar("SELECT count(*) FROM road_pieces p WHERE p.to_m - p.from_m = "
                    "round(ST_Length(p.geom::geography))") == 2);
    CHECK(fx.text("SELECT string_agg(from_m::text, ',' ORDER BY piece) FROM road_pieces") ==
          "0," + fx.text("SELECT to_m::text FROM road_pieces WHERE piece = 1"));
    CHECK(fx.scalar("SELECT to_m FROM road_pieces WHERE piece = 1") == 907); // 0.01° of longitude at 35.5° N
    CHECK(fx.text("SELECT township_code FROM road_routes") == "370812001");
}

TEST_CASE("bad road rows are refused with the field at fault", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    {
        // a stored route, K0-K2 and K2+100-K4+100, with a risky segment at K0+500-K1+100
        pqxx::connection c(fx.dsn());
        pqxx::work w(c);
        w.exec("INSERT INTO road_routes (route_code, name, admin_level, area_code) "
               "VALUES ('X001370812', '测试县道', 'X', '370812')");
        w.exec("INSERT INTO road_pieces (route_code, piece, from_m, to_m, geom) VALUES "
               "('X001370812', 1, 0, 2000, ST_GeomFromText('LINESTRING(116.70 35.60, 116.72 35.60)', 4326)),"
               "('X001370812', 2, 2100, 4100, ST_GeomFromText('LINESTRING(116.72 35.60, 116.74 35.60)', 4326))");
        w.exec("INSERT INTO road_risk_segments (route_code, type, from_m, to_m, source, identified_at) "
               "VALUES ('X001370812', 'LSLY', 500, 1100, 'imported', '2025-06-01')");
        w.commit();
    }
    const std::string csv =
        "路线编码,行政等级,乡镇代码,起点桩号,止点桩号,WKT\n"
        "X003370812,,,K0+000,K1+000,\"LINESTRING (116.70 35.65, 116.71 35.65)\"\n"          // 1 good
        "X12,,,K0+000,K1+000,\"LINESTRING (116.70 35.66, 116.71 35.66)\"\n"                  // 2
        "X005370812,,,K2+000,K1+500,\"LINESTRING (116.70 35.67, 116.71 35.67)\"\n"           // 3
        "X006370812,,,K0+000,K1+000,\"POINT (116.70 35.68)\"\n"                               // 4
        "X003370812,,,K0+500,K1+500,\"LINESTRING (116.71 35.65, 116.72 35.65)\"\n"           // 5
        "X001370812,,,K3+000,K4+500,\"LINESTRING (116.73 35.60, 116.75 35.60)\"\n"           // 6
        "X004370812,乡道,,K0+000,K1+000,\"LINESTRING (116.70 35.69, 116.71 35.69)\"\n"        // 7
        "X007370812,,370812999,K0+000,K1+000,\"LINESTRING (116.70 35.70, 116.71 35.70)\"\n"  // 8
        "X008370812,,,K0+000,K1+000,\"MULTILINESTRING ((116.70 35.71, 116.71 35.71), (116.72 35.71, 116.73 35.71))\"\n" // 9
        "X001370812,,,K0+000,K0+800,\"LINESTRING (116.70 35.60, 116.708 35.60)\"\n";         // 10
    const auto path = write("bad.csv", csv);
    const auto all_or_nothing = fx.import(path, ingest::entity_kind::roads);
    CHECK(all_or_nothing.outcome == "rejected");
    CHECK(fx.scalar("SELECT count(*) FROM road_routes") == 1);

    const auto report = fx.import(path, ingest::entity_kind::roads, [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 1);
    CHECK(report.counts.rejected == 9);
    CHECK(has_reject(report, 2, "route_code", ""));
    CHECK(has_reject(report, 3, "to_stake", "end after it starts"));
    CHECK(has_reject(report, 4, "geometry", "LineString"));
    CHECK(has_reject(report, 5, "from_stake", "overlap row 1"));
    CHECK(has_reject(report, 6, "from_stake", "overlap stored piece 2"));
    CHECK(has_reject(report, 7, "admin_level", "X road"));
    CHECK(has_reject(report, 8, "township_code", "370812999"));
    CHECK(has_reject(report, 9, "geometry", "do not join"));
    CHECK(has_reject(report, 10, "to_stake", "risky segment LSLY at K0+500 - K1+100"));
    // the stored route is as it was
    CHECK(fx.text("SELECT string_agg(from_m || '-' || to_m, ' ' ORDER BY piece) FROM road_pieces "
                  "WHERE route_code = 'X001370812'") == "0-2000 2100-4100");
    CHECK(fx.scalar("SELECT count(*) FROM road_pieces WHERE route_code = 'X003370812'") == 1);
}
