// The rural roads API through the running server: works coverage as JSON and CSV, and the
// layers of the network.
#include <catch2/catch.hpp>

#include "http_client.hpp"

#include <cmath>

using namespace riskatlas;
using test::http_get;

TEST_CASE("works coverage by township adds up and names each township", "[http][roads]") {
    const auto r = http_get("/api/roads/coverage");
    REQUIRE(r.status == 200);
    const auto j = r.json();
    CHECK(j["by"] == "township");
    const auto& overall = j["overall"];
    CHECK(overall["treated_m"].get<double>() <= overall["identified_m"].get<double>());
    CHECK(overall["ratio"].get<double>() > 0);
    CHECK(overall["ratio"].get<double>() < 1);
    double identified = 0;
    REQUIRE(j["groups"].size() >= 5); // the demo's townships with risky roads
    for (const auto& g : j["groups"]) {
        identified += g["identified_m"].get<double>();
        CHECK_FALSE(g["name"].get<std::string>().empty());
        CHECK(g["untreated_m"].get<double>() ==
              Approx(g["identified_m"].get<double>() - g["treated_m"].get<double>()).margin(0.11));
    }
    // each metre of road lies in one township, so townships add up to the whole (to rounding)
    CHECK(identified == Approx(overall["identified_m"].get<double>()).margin(0.1 * static_cast<double>(j["groups"].size())));
    CHECK(j["gaps"].get<int>() > 0);
}

TEST_CASE("works coverage by hazard type downloads as CSV", "[http][roads]") {
    const auto r = http_get("/api/roads/coverage?by=type&f=csv");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type").starts_with("text/csv"));
    CHECK(r.header("content-disposition").find("by-type.csv") != std::string::npos);
    CHECK(r.body.starts_with("key,name,identified_m,treated_m,untreated_m,ratio\r\n"));
    CHECK(r.body.find("\"PJLK\",\"平交路口\"") != std::string::npos); // the real railway crosses roads
}

TEST_CASE("bad coverage requests answer 400 naming the problem", "[http][roads]") {
    for (const auto* path : {"/api/roads/coverage?by=county", "/api/roads/coverage?f=xlsx",
                             "/api/roads/coverage?group=route"}) {
        const auto r = http_get(path);
        INFO(path);
        CHECK(r.status == 400);
        CHECK(r.json().contains("error"));
    }
}

TEST_CASE("the road layers are collections with features", "[http][roads]") {
    for (const auto* id : {"road_routes", "bridges", "road_risk_segments", "safety_works",
                           "road_works_gaps", "waterways"}) {
        INFO(id);
        const auto r = http_get(std::string("/collections/") + id + "/items?limit=1");
        REQUIRE(r.status == 200);
        CHECK(r.json()["numberMatched"].get<int>() > 0);
    }
}

TEST_CASE("the danger-bridge tracker adds up by township and lists every danger bridge",
          "[http][roads]") {
    const auto r = http_get("/api/roads/bridges?as_of=2026-11-23&since=2026-01-01");
    REQUIRE(r.status == 200);
    const auto j = r.json();
    const auto& overall = j["overall"];
    int danger = 0, overdue = 0;
    REQUIRE(j["by_township"].size() >= 10); // every township, those at zero too
    for (const auto& t : j["by_township"]) {
        danger += t["danger"].get<int>();
        overdue += t["overdue"].get<int>();
        const bool zero = t["stock"].get<int>() == 0 && t["overdue"].get<int>() == 0 &&
                          t["no_deadline"].get<int>() == 0;
        CHECK(t["dynamic_zero"].get<bool>() == zero);
    }
    CHECK(danger == overall["danger"].get<int>());
    CHECK(overdue == overall["overdue"].get<int>());
    CHECK(overall["danger"].get<int>() > 0); // the demo keeps some to clear
    int listed = 0;
    for (const auto& b : j["bridges"]) {
        if (!b["danger"].get<bool>())
            continue;
        ++listed;
        CHECK(b["condition_class"].get<int>() >= 4);
        CHECK(b["stake"].get<std::string>().starts_with("K"));
    }
    CHECK(listed == overall["danger"].get<int>());
}

TEST_CASE("the tracker refuses dates that do not exist", "[http][roads]") {
    for (const auto* path : {"/api/roads/bridges?as_of=2026-02-30", "/api/roads/bridges?since=23/11/2026",
                             "/api/roads/bridges?as_of=2026-11-23&colour=red"}) {
        INFO(path);
        const auto r = http_get(path);
        CHECK(r.status == 400);
        CHECK(r.json().contains("error"));
    }
    const auto csv = http_get("/api/roads/bridges?f=csv");
    CHECK(csv.status == 200);
    CHECK(csv.body.starts_with("code,name,route_code,stake,condition_class"));
}
