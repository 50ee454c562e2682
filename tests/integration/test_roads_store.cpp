// The rural-road tables against a real PostGIS: constraints refuse bad rows with named errors and
// leave nothing half-written, the derivation of risky segments is reproducible and puts each type
// where a hand-made fixture says, and a treated class-4 bridge leaves the danger list. Each case
// has its own scratch database.
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <riskatlas/analysis/bridge_tracker.hpp>
#include <riskatlas/analysis/road_coverage.hpp>

#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/data/errors.hpp>
#include <riskatlas/data/migrations.hpp>
#include <riskatlas/data/roads_store.hpp>
#include <riskatlas/roads/errors.hpp>
#include <riskatlas/roads/route_code.hpp>

#include <pqxx/pqxx>

#include <tuple>

using namespace riskatlas;

namespace {

const std::string route = "X001370812";

// A straight east-west road at 35.6°N: piece 1 K0-K2 from 116.80 to 116.82, a chain break, piece 2
// K2+100-K4+100 from 116.82 to 116.84. A railway crosses at 116.81 (half way along piece 1), a
// village lies ~55 m north of piece 2 at 116.83 and a stream crosses it at 116.835.
data::road_dataset fixture_roads() {
    data::road_dataset d;
    d.routes.push_back({route, "测试县道", "X", "370812", "370812100000", false, std::nullopt});
    d.pieces.push_back({route, 1, 0, 2000, geo::geometry::from_wkt("LINESTRING (116.80 35.60, 116.82 35.60)")});
    d.pieces.push_back({route, 2, 2100, 4100, geo::geometry::from_wkt("LINESTRING (116.82 35.60, 116.84 35.60)")});
    d.waterways.push_back({"测试河", "stream", false, std::nullopt,
                           geo::geometry::from_wkt("LINESTRING (116.835 35.59, 116.835 35.61)")});
    data::bridge_record b;
    b.code = route + "L0010";
    b.route_code = route;
    b.centre_m = 3600; // where the stream crosses
    b.length_m = 20;
    b.condition_class = 4;
    b.rated_at = "2026-03-01";
    b.dr_score = 52;
    b.interim_measure = "load_limit";
    b.treatment = "reconstruct";
    b.treatment_deadline = "2026-09-01";
    d.bridges.push_back(b);
    d.inspections.push_back({b.code, "2026-03-01", "periodic", 4, 52.0, std::nullopt});
    return d;
}

data::demo_dataset fixture_base() {
    data::demo_dataset base;
    base.regions.push_back({"370812100001", "测试村", "village", std::nullopt, std::nullopt, false,
                            false, std::nullopt, geo::geometry::from_wkt("POINT (116.83 35.6005)")});
    base.railways.push_back({"测试铁路", "test", geo::geometry::from_wkt("LINESTRING (116.81 35.59, 116.81 35.61)")});
    return base;
}

data::road_derivation_settings fixture_settings() {
    data::road_derivation_settings s;
    s.identified_at = "2026-11-23";
    s.baseline_year = 2024;
    return s;
}

struct road_fixture {
    test::scratch_database scratch;
    data::database db{data::db_config{scratch.dsn(), 2}};
    data::road_counts loaded;

    road_fixture() {
        data::migrate(db);
        data::replace_demo_content(db, fixture_base());
        loaded = data::replace_road_content(db, fixture_roads(), fixture_settings());
    }

    std::vector<data::risk_segment_record> of_type(const std::string &type) {
        std::vector<data::risk_segment_record> out;
        for (const auto &s : data::risk_segments(db))
            if (s.type == type)
                out.push_back(s);
        return out;
    }
};

bool same_counts(const data::road_counts &a, const data::road_counts &b) {
    return a.routes == b.routes && a.pieces == b.pieces && a.bridges == b.bridges &&
           a.inspections == b.inspections && a.segments == b.segments && a.works == b.works &&
           a.waterways == b.waterways;
}

} // namespace

TEST_CASE_METHOD(road_fixture, "the road fixture loads", "[pg][roads]") {
    CHECK(loaded.routes == 1);
    CHECK(loaded.pieces == 2);
    CHECK(loaded.bridges == 1);
    CHECK(loaded.danger_bridges == 1);
    CHECK(loaded.route_km == Approx(4.0)); // stake length, the break excluded
}

TEST_CASE_METHOD(road_fixture, "bad road records are refused and nothing is half-written", "[pg][roads]") {
    auto bad = fixture_roads();
    bad.works.push_back({"W-OK", route, "signs", 100, 300, "planned", std::nullopt, std::nullopt,
                         std::nullopt, false, std::nullopt}); // would be written first
    std::string constraint;
    SECTION("a bridge stake inside the chain break") {
        bad.bridges[0].centre_m = 2050;
        constraint = "bridges_stake_on_route";
    }
    SECTION("overlapping pieces of one route") {
        bad.pieces.push_back({route, 3, 3000, 5000,
                              geo::geometry::from_wkt("LINESTRING (116.84 35.60, 116.86 35.60)")});
        constraint = "road_pieces_no_overlap";
    }
    SECTION("condition class 6") {
        bad.bridges[0].condition_class = 6;
        constraint = "bridges_condition_class_range";
    }
    SECTION("a works range ending past the route") {
        bad.works.push_back({"W-BAD", route, "guardrail", 4000, 4200, "planned", std::nullopt,
                             std::nullopt, std::nullopt, false, std::nullopt});
        constraint = "safety_works_stakes_on_route";
    }
    SECTION("a route code in the wrong format, which the database refuses too") {
        bad.routes[0].route_code = "X1";
        bad.routes[0].area_code.reset();
        constraint = "road_routes_code_format";
    }
    try {
        data::replace_road_content(db, bad, fixture_settings());
        FAIL("the bad dataset was accepted");
    } catch (const data::rejected_data &e) {
        CHECK_THAT(e.what(), Catch::Contains(constraint));
    }
    CHECK(same_counts(data::count_roads(db), loaded));
}

TEST_CASE("route codes are checked in C++ before any insert", "[pg][roads]") {
    CHECK_THROWS_AS(roads::parse_route_code("X1"), roads::invalid_route_code);
    CHECK_THROWS_AS(roads::parse_route_code("Q001370812"), roads::invalid_route_code);
    CHECK(roads::parse_route_code(" x001370812 ").text == route);
}

TEST_CASE_METHOD(road_fixture, "deriving twice gives identical rows", "[pg][roads]") {
    const auto first = data::risk_segments(db);
    REQUIRE(first.size() >= 3);
    const auto again = data::derive_risk_segments(db, fixture_settings());
    CHECK(again.added == 0);
    CHECK(again.removed == 0);
    CHECK(again.derived == static_cast<std::int64_t>(first.size()));
    CHECK(data::risk_segments(db) == first);
    // wider distances replace the derived rows; going back restores the same rows
    auto wide = fixture_settings();
    wide.crossing_half_length_m = 80;
    CHECK(data::derive_risk_segments(db, wide).removed > 0);
    data::derive_risk_segments(db, fixture_settings());
    CHECK(data::risk_segments(db) == first);
}

TEST_CASE_METHOD(road_fixture, "each derived type lies where the fixture puts it", "[pg][roads]") {
    // the crossing is half way along piece 1 (stake 1000): one PJLK of exactly ±50 m around it
    const auto pjlk = of_type("PJLK");
    REQUIRE(pjlk.size() == 1);
    CHECK(pjlk[0].to_m - pjlk[0].from_m == Approx(100).margin(0.011));
    CHECK((pjlk[0].from_m + pjlk[0].to_m) / 2 == Approx(1000).margin(1));
    CHECK(pjlk[0].source == "derived");
    REQUIRE(pjlk[0].rule);
    CHECK_THAT(*pjlk[0].rule, Catch::Contains("测试铁路"));
    CHECK(pjlk[0].identified_at == "2026-11-23");
    CHECK(pjlk[0].baseline_year == 2024);
    // the village 55 m off piece 2 at stake ~3100: within 200 m along ±193 m of ground
    const auto ccgz = of_type("CCGZ");
    REQUIRE(ccgz.size() == 1);
    CHECK((ccgz[0].from_m + ccgz[0].to_m) / 2 == Approx(3100).margin(3));
    CHECK(ccgz[0].to_m - ccgz[0].from_m == Approx(2 * 192.3 * 2000 / 1812.6).margin(4));
    CHECK_THAT(*ccgz[0].rule, Catch::Contains("测试村"));
    // the stream crossing piece 2 at stake ~3600: ±50 m of ground
    const auto lsly = of_type("LSLY");
    REQUIRE(lsly.size() == 1);
    CHECK((lsly[0].from_m + lsly[0].to_m) / 2 == Approx(3600).margin(3));
    CHECK(lsly[0].to_m - lsly[0].from_m == Approx(100 * 2000 / 1812.6).margin(2));
}

TEST_CASE_METHOD(road_fixture, "a treated class-4 bridge leaves the danger list", "[pg][roads]") {
    const auto before = data::danger_bridges(db, "2026-11-23");
    REQUIRE(before.size() == 1);
    CHECK(before[0].code == route + "L0010");
    CHECK(before[0].overdue);
    data::record_bridge_treatment(db, route + "L0010", "2026-10-15", "treated");
    CHECK(data::danger_bridges(db, "2026-11-23").empty());
    CHECK(data::count_roads(db).danger_bridges == 0);
    CHECK_THROWS_AS(data::record_bridge_treatment(db, "X999370812L0010", "2026-10-15"), not_found);
}

TEST_CASE_METHOD(road_fixture, "the bridge tracker: overdue, stock, cleared, dynamic zero",
                 "[pg][roads]") {
    using analysis::track_bridges;
    // rated class 4 on 2026-03-01, deadline 2026-09-01, no township polygon in the fixture
    const auto now = track_bridges(db, {}, "2026-11-23", std::string("2026-01-01"));
    CHECK(now.overall.danger == 1);
    CHECK(now.overall.overdue == 1);
    CHECK(now.overall.stock == 0); // rated this year
    CHECK(now.overall.newly_found == 1);
    CHECK_FALSE(now.overall.dynamic_zero());
    CHECK(now.by_township.at("").danger == 1);
    CHECK(now.by_route.at(route).overdue == 1);
    const auto before_deadline = track_bridges(db, {}, "2026-06-01", std::nullopt);
    CHECK(before_deadline.overall.overdue == 0);
    CHECK(before_deadline.overall.dynamic_zero()); // new this year, still within its deadline
    CHECK(track_bridges(db, {}, "2027-01-10", std::nullopt).overall.stock == 1);

    data::record_bridge_treatment(db, route + "L0010", "2026-10-15", "treated");
    const auto after = track_bridges(db, {}, "2026-11-23", std::string("2026-01-01"));
    CHECK(after.overall.danger == 0);
    CHECK(after.overall.cleared == 1);
    CHECK(after.overall.newly_found == 1); // the class-4 rating stays found this year
    CHECK(after.overall.dynamic_zero());
    CHECK(track_bridges(db, {}, "2027-02-01", std::nullopt).overall.cleared == 0); // last year's
}

// Hand computation, on piece 2 of the fixture route (K2+100 to K4+100), with the derived segments
// removed so only these count:
//   segments  A LSLY [2200, 2700]   B CCGZ [2500, 3000]          union [2200, 3000] = 800 m
//   works     W1 [2300, 2600] completed, W2 [2550, 2800] accepted (overlap: once),
//             W3 [3500, 3600] completed (on no segment), W4 [2900, 3000] planned (does not count)
//   treated   [2300, 2800] = 500 m of 800: 62.5 %
//   by type   LSLY [2300, 2700] = 400 of 500; CCGZ [2500, 2800] = 300 of 500 (sum 1000 > 800)
//   gaps      A [2200, 2300] (100 m); B [2800, 3000] (200 m)
TEST_CASE_METHOD(road_fixture, "coverage on a hand-made register equals the hand computation",
                 "[pg][roads]") {
    {
        pqxx::connection conn(scratch.dsn());
        pqxx::work tx(conn);
        tx.exec("DELETE FROM road_risk_segments");
        tx.exec("INSERT INTO road_risk_segments (route_code, type, from_m, to_m, township_code, "
                "source, identified_at) VALUES "
                "('" + route + "', 'LSLY', 2200, 2700, '370812100000', 'imported', '2026-01-05'),"
                "('" + route + "', 'CCGZ', 2500, 3000, '370812100000', 'imported', '2026-01-05')");
        tx.commit();
    }
    data::safety_works_record w;
    w.route_code = route;
    w.kind = "guardrail";
    w.started_on = "2026-05-01";
    std::vector<data::safety_works_record> works;
    for (const auto& [code, from, to, status] :
         {std::tuple{"W1", 2300.0, 2600.0, "completed"}, std::tuple{"W2", 2550.0, 2800.0, "accepted"},
          std::tuple{"W3", 3500.0, 3600.0, "completed"}, std::tuple{"W4", 2900.0, 3000.0, "planned"}}) {
        w.code = code;
        w.from_m = from;
        w.to_m = to;
        w.status = status;
        w.completed_on = w.status == "planned" ? std::nullopt : std::optional<std::string>("2026-06-01");
        w.accepted_on = w.status == "accepted" ? std::optional<std::string>("2026-06-15") : std::nullopt;
        works.push_back(w);
    }
    data::insert_safety_works(db, works);

    const auto c = analysis::compute_road_coverage(db, {}).report;
    CHECK(c.overall.identified_m == Approx(800).margin(1e-6));
    CHECK(c.overall.treated_m == Approx(500).margin(1e-6));
    REQUIRE(c.overall.ratio);
    CHECK(*c.overall.ratio == Approx(0.625));
    CHECK(c.by_type.at("LSLY").treated_m == Approx(400).margin(1e-6));
    CHECK(c.by_type.at("CCGZ").treated_m == Approx(300).margin(1e-6));
    CHECK(c.by_township.at("370812100000").identified_m == Approx(800).margin(1e-6));

    pqxx::connection conn(scratch.dsn());
    pqxx::read_transaction tx(conn);
    const auto gaps = tx.exec("SELECT type, from_m, to_m, from_stake, to_stake "
                              "FROM layer_road_works_gaps ORDER BY from_m");
    REQUIRE(gaps.size() == 2);
    CHECK(gaps[0][0].as<std::string>() == "LSLY");
    CHECK(gaps[0][1].as<double>() == Approx(2200));
    CHECK(gaps[0][2].as<double>() == Approx(2300));
    CHECK(gaps[0][3].as<std::string>() == "K2+200");
    CHECK(gaps[1][0].as<std::string>() == "CCGZ");
    CHECK(gaps[1][1].as<double>() == Approx(2800));
    CHECK(gaps[1][2].as<double>() == Approx(3000));
    CHECK(gaps[1][4].as<std::string>() == "K3+000");
}

TEST_CASE_METHOD(road_fixture, "a failing batch of works writes none of them", "[pg][roads]") {
    const auto works = [](double from_m, double to_m) {
        return std::vector<data::safety_works_record>{
            {"W-1", route, "guardrail", 900, 1100, "accepted", "2026-01-05", "2026-03-01",
             "2026-04-01", false, std::nullopt},
            {"W-2", route, "signs", from_m, to_m, "planned", std::nullopt, std::nullopt,
             std::nullopt, false, std::nullopt}};
    };
    CHECK_THROWS_AS(data::insert_safety_works(db, works(2000, 2050)), data::rejected_data); // in the break
    CHECK(data::count_roads(db).works == 0);
    CHECK_THROWS_AS(data::insert_safety_works(db, works(1990, 1950)), data::rejected_data); // reversed
    CHECK(data::count_roads(db).works == 0);
    data::insert_safety_works(db, works(1900, 2000));
    CHECK(data::count_roads(db).works == 2);
}
