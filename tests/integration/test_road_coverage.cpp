// Coverage of road safety works on the demo network: the C++ rule (roads::compute_coverage via
// analysis::compute_road_coverage) and the SQL gaps layer (0007_works_gaps.sql) agree.
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <riskatlas/analysis/road_coverage.hpp>
#include <riskatlas/data/roads_store.hpp>

#include <pqxx/pqxx>

#include <cmath>
#include <map>

using namespace riskatlas;

TEST_CASE("the gaps layer is exactly the C++ coverage's untreated stretches", "[pg][roads]") {
    const auto coverage = analysis::compute_road_coverage(test::shared_database(), {});
    REQUIRE(coverage.report.segments.size() > 100); // the demo network's register
    REQUIRE(coverage.report.overall.treated_m > 0);
    REQUIRE(coverage.report.overall.treated_m < coverage.report.overall.identified_m);

    std::map<std::string, std::pair<std::size_t, double>> sql_gaps; // segment -> (count, metres)
    pqxx::connection conn(test::test_dsn());
    pqxx::read_transaction tx(conn);
    for (const auto& row :
         tx.exec("SELECT segment_id, from_m, to_m FROM layer_road_works_gaps ORDER BY fid")) {
        auto& g = sql_gaps[row[0].as<std::string>()];
        ++g.first;
        g.second += row[2].as<double>() - row[1].as<double>();
    }

    std::size_t cpp_stretches = 0;
    for (const auto& seg : coverage.report.segments) {
        const auto n = seg.gaps.intervals().size();
        cpp_stretches += n;
        const auto it = sql_gaps.find(seg.id);
        INFO("segment " << seg.id << " gaps " << seg.gaps);
        if (n == 0) {
            CHECK(it == sql_gaps.end());
            continue;
        }
        REQUIRE(it != sql_gaps.end());
        CHECK(it->second.first == n);
        CHECK(it->second.second == Approx(seg.gaps.length_m()).margin(0.01));
    }
    std::size_t sql_stretches = 0;
    for (const auto& [id, g] : sql_gaps)
        sql_stretches += g.first;
    CHECK(sql_stretches == cpp_stretches);
    CHECK(cpp_stretches > 0);
}

TEST_CASE("route totals add up to the overall coverage, types may count a metre twice",
          "[pg][roads]") {
    const auto c = analysis::compute_road_coverage(test::shared_database(), {}).report;
    double identified = 0, treated = 0, by_type = 0;
    for (const auto& [route, t] : c.by_route) {
        identified += t.identified_m;
        treated += t.treated_m;
        CHECK(t.treated_m <= t.identified_m + 1e-6);
    }
    for (const auto& [type, t] : c.by_type)
        by_type += t.identified_m;
    CHECK(identified == Approx(c.overall.identified_m).margin(0.01));
    CHECK(treated == Approx(c.overall.treated_m).margin(0.01));
    CHECK(by_type >= c.overall.identified_m - 0.01);
    REQUIRE(c.overall.ratio);
    CHECK(*c.overall.ratio == Approx(c.overall.treated_m / c.overall.identified_m));
}

namespace {
void check_stored_equals_computed(data::database& db) {
    const auto computed = analysis::compute_road_coverage(db, {}).report;
    for (const auto& [by, groups] : {std::pair{"township", &computed.by_township},
                                     std::pair{"route", &computed.by_route},
                                     std::pair{"type", &computed.by_type}}) {
        const auto stored = data::read_stored_coverage(db, {}, by);
        INFO("by " << by);
        CHECK(stored.overall.identified_m == Approx(computed.overall.identified_m).margin(0.01));
        CHECK(stored.overall.treated_m == Approx(computed.overall.treated_m).margin(0.01));
        REQUIRE(stored.groups.size() == groups->size());
        for (const auto& g : stored.groups) {
            INFO("group " << g.key);
            REQUIRE(groups->contains(g.key));
            CHECK(g.identified_m == Approx(groups->at(g.key).identified_m).margin(0.01));
            CHECK(g.treated_m == Approx(groups->at(g.key).treated_m).margin(0.01));
        }
    }
}
} // namespace

TEST_CASE("the stored coverage equals the C++ rule, before and after an edit", "[pg][roads]") {
    auto& db = test::shared_database();
    check_stored_equals_computed(db);

    // one works record on one route: the triggers recompute that route only
    pqxx::connection conn(test::test_dsn());
    std::string route;
    double from = 0;
    {
        pqxx::read_transaction tx(conn);
        const auto row = tx.exec("SELECT route_code, from_m FROM road_risk_segments "
                                 "ORDER BY to_m - from_m DESC LIMIT 1").at(0);
        route = row[0].as<std::string>();
        from = row[1].as<double>();
    }
    const auto others_before = data::read_stored_coverage(db, {}, "route").groups;
    {
        pqxx::work tx(conn);
        tx.exec("INSERT INTO safety_works (code, route_code, kind, from_m, to_m, status, "
                "started_on, completed_on) VALUES ('COVERAGE-TEST', " + tx.quote(route) + ", "
                "'signs', " + std::to_string(from) + ", " + std::to_string(from + 40) +
                ", 'completed', '2026-09-01', '2026-10-01')");
        tx.commit();
    }
    check_stored_equals_computed(db);
    for (const auto& g : data::read_stored_coverage(db, {}, "route").groups)
        if (g.key != route)
            for (const auto& before : others_before)
                if (before.key == g.key)
                    CHECK(before.treated_m == g.treated_m); // other routes untouched
    {
        pqxx::work tx(conn);
        tx.exec("DELETE FROM safety_works WHERE code = 'COVERAGE-TEST'");
        tx.commit();
    }
    check_stored_equals_computed(db);
}
