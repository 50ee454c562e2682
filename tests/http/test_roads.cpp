// The rural roads API through the running server: works coverage as JSON and CSV, and the
// layers of the network.
#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "test_db.hpp"

#include <riskatlas/roads/stake.hpp>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

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

namespace {
// Stakes on the first piece of the demo's first county road, read from the routes layer.
struct some_route {
    std::string code;
    double from_m = 0, to_m = 0;
};
some_route first_county_road() {
    const auto j = http_get("/collections/road_routes/items?limit=100").json();
    for (const auto& f : j["features"]) {
        const auto code = f["properties"]["route_code"].get<std::string>();
        if (code.starts_with("X"))
            return {code, roads::parse_stake(f["properties"]["from_stake"].get<std::string>()),
                    roads::parse_stake(f["properties"]["to_stake"].get<std::string>())};
    }
    FAIL("no county road in the demo");
    return {};
}
int works_count() { return http_get("/collections/safety_works/items?limit=1").json()["numberMatched"]; }
std::string stake(double m) {
    const auto km = static_cast<int>(m / 1000);
    const auto rest = static_cast<int>(m) % 1000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "K%d+%03d", km, rest);
    return buf;
}
} // namespace

TEST_CASE("a works record posted on stakes is stored, counted and refused when wrong",
          "[http][roads]") {
    const auto road = first_county_road();
    REQUIRE(road.to_m - road.from_m > 300); // room for the 200 m of works below
    const auto from = std::ceil(road.from_m) + 10, to = from + 200;
    const std::string code = "HTTP-TEST-" + std::to_string(std::time(nullptr));
    const auto body = [&](const std::string& extra) {
        return "{\"code\":\"" + code + "\",\"route_code\":\"" + road.code +
               "\",\"kind\":\"guardrail\"," + extra + "}";
    };
    const auto before = works_count();
    const std::vector<std::pair<std::string, std::string>> bad = {
        {body("\"from_stake\":\"" + stake(from) + "\",\"to_stake\":\"K999+000\",\"status\":\"planned\""), "rejected_data"},
        {body("\"from_stake\":\"" + stake(to) + "\",\"to_stake\":\"" + stake(from) + "\",\"status\":\"planned\""), "invalid_stake_range"},
        {body("\"from_stake\":\"12+300\",\"to_stake\":\"K12+500\",\"status\":\"planned\""), "invalid_stake"},
        {body("\"from_stake\":\"" + stake(from) + "\",\"to_stake\":\"" + stake(to) + "\",\"status\":\"done\""), "rejected_data"},
        {body("\"from_stake\":\"" + stake(from) + "\",\"to_stake\":\"" + stake(to) + "\",\"status\":\"planned\",\"colour\":1"), "unknown_field"},
        {"{\"code\":\"x\",\"route_code\":\"Q12\",\"from_stake\":\"K1+000\",\"to_stake\":\"K1+100\",\"kind\":\"signs\",\"status\":\"planned\"}", "invalid_route_code"},
        {"{\"code\":\"x\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[100,30],[100.01,30]]},\"kind\":\"signs\",\"status\":\"planned\"}", "too_far_from_route"},
        {"[1,2]", "invalid_body"},
    };
    for (const auto& [payload, error] : bad) {
        INFO(payload);
        const auto r = test::http_send("POST", "/api/roads/works", payload);
        CHECK(r.status == 400);
        CHECK(r.json()["error"] == error);
    }
    CHECK(works_count() == before); // nothing half-written

    const auto ok = test::http_send(
        "POST", "/api/roads/works",
        body("\"from_stake\":\"" + stake(from) + "\",\"to_stake\":\"" + stake(to) +
             "\",\"status\":\"completed\",\"started_on\":\"2026-09-01\",\"completed_on\":\"2026-10-01\""));
    REQUIRE(ok.status == 201);
    CHECK(ok.json()["from_stake"] == stake(from));
    CHECK(works_count() == before + 1);
    const auto again = test::http_send("POST", "/api/roads/works",
                                       body("\"from_stake\":\"" + stake(from) + "\",\"to_stake\":\"" +
                                            stake(to) + "\",\"status\":\"planned\""));
    CHECK(again.status == 409);
    CHECK(again.json()["error"] == "already_exists");
    test::exec_sql("DELETE FROM safety_works WHERE code = '" + code + "'");
}
