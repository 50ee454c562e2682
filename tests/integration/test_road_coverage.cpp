// Coverage of road safety works on the demo network: the C++ rule (roads::compute_coverage via
// analysis::compute_road_coverage) and the SQL gaps layer (0007_works_gaps.sql) agree.
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <riskatlas/analysis/road_coverage.hpp>

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
