// The rural roads API through the running server: works coverage as JSON and CSV, the layers of
// the network, one bridge's detail, and records following their route when its pieces are edited.
#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "test_db.hpp"

#include <riskatlas/roads/stake.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace riskatlas;
using nlohmann::json;
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

TEST_CASE("one bridge shows every field and its inspections oldest first", "[http][roads]") {
    const auto road = first_county_road();
    REQUIRE(road.to_m - road.from_m > 100);
    const std::string code = road.code + "L98765";
    const auto centre = std::to_string(std::ceil(road.from_m) + 50);
    test::exec_sql("DELETE FROM bridges WHERE code = '" + code + "'");
    test::exec_sql(
        "INSERT INTO bridges (code, name, route_code, centre_m, length_m, max_span_m, "
        "structure_type, built_year, condition_class, rated_at, dr_score, interim_measure, "
        "treatment, treatment_deadline, note) VALUES ('" +
        code + "', 'HTTP测试桥', '" + road.code + "', " + centre +
        ", 32.5, 16, 'beam', 1998, 4, '2026-03-01', 45, "
        "'load_limit', 'reconstruct', '2099-12-31', 'test row')");
    // inserted out of date order: the answer must sort them
    test::exec_sql(
        "INSERT INTO bridge_inspections (bridge_code, inspected_at, kind, condition_class, "
        "dr_score, note) VALUES ('" +
        code + "', '2026-03-01', 'special', 4, 45, 'cracked pier'), ('" + code +
        "', '2021-05-10', 'periodic', 2, 88, NULL), ('" + code +
        "', '2024-06-02', 'periodic', 3, 70, NULL)");
    const auto r = http_get("/api/roads/bridges/" + code);
    REQUIRE(r.status == 200);
    const auto j = r.json();
    CHECK(j["code"] == code);
    CHECK(j["name"] == "HTTP测试桥");
    CHECK(j["route_code"] == road.code);
    CHECK(j["stake"] == stake(std::ceil(road.from_m) + 50));
    CHECK(j["length_m"].get<double>() == 32.5);
    CHECK(j["max_span_m"].get<double>() == 16);
    CHECK(j["structure_type"] == "beam");
    CHECK(j["built_year"] == 1998);
    CHECK(j["condition_class"] == 4);
    CHECK(j["dr_score"].get<double>() == 45);
    CHECK(j["danger"] == true);
    CHECK(j["state"] == "danger"); // the deadline is far off
    CHECK(j["missing_interim_measure"] == false);
    CHECK(j["treatment_deadline"] == "2099-12-31");
    CHECK(j["treated_at"].is_null());
    CHECK(j["note"] == "test row");
    REQUIRE(j["inspections"].size() == 3);
    CHECK(j["inspections"][0]["inspected_at"] == "2021-05-10");
    CHECK(j["inspections"][0]["note"].is_null());
    CHECK(j["inspections"][1]["condition_class"] == 3);
    CHECK(j["inspections"][2]["kind"] == "special");
    CHECK(j["inspections"][2]["note"] == "cracked pier");
    // the same bridge as the map layer and the tracker see it
    const auto feature =
        http_get("/collections/bridges/items/" + std::to_string(j["fid"].get<long>())).json();
    CHECK(feature["properties"]["code"] == code);
    CHECK(feature["geometry"]["coordinates"][0].get<double>() ==
          Approx(j["geometry"]["coordinates"][0].get<double>()).epsilon(0).margin(1e-6));
    bool tracked = false;
    const auto tracker = http_get("/api/roads/bridges").json(); // outlives the loop below
    for (const auto& b : tracker["bridges"])
        if (b["code"] == code) {
            tracked = true;
            CHECK(b["township_name"] ==
                  (j["township_name"].is_null() ? json("") : j["township_name"]));
        }
    CHECK(tracked);
    // letters in either case name the same bridge
    std::string lower = code;
    for (auto& ch : lower)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    CHECK(http_get("/api/roads/bridges/" + lower).json()["code"] == code);
    test::exec_sql("DELETE FROM bridges WHERE code = '" + code + "'");
    const auto gone = http_get("/api/roads/bridges/" + code);
    CHECK(gone.status == 404);
    CHECK(gone.json()["error"] == "unknown_bridge");
}

TEST_CASE("a tracked demo bridge has the tracker's class and township and a dated history",
          "[http][roads]") {
    const auto tracker = http_get("/api/roads/bridges").json();
    REQUIRE(tracker["bridges"].size() > 0);
    const auto& tracked = tracker["bridges"][0];
    const auto j = http_get("/api/roads/bridges/" + tracked["code"].get<std::string>()).json();
    CHECK(j["condition_class"] == tracked["condition_class"]);
    CHECK(j["stake"] == tracked["stake"]);
    const auto township = j["township_name"].is_null() ? json("") : j["township_name"];
    CHECK(township == tracked["township_name"]);
    REQUIRE_FALSE(j["inspections"].empty());
    for (std::size_t i = 1; i < j["inspections"].size(); ++i)
        CHECK(j["inspections"][i - 1]["inspected_at"].get<std::string>() <=
              j["inspections"][i]["inspected_at"].get<std::string>());
}

TEST_CASE("bridge detail answers 400 for a malformed code and 404 for an unknown one",
          "[http][roads]") {
    for (const auto* path :
         {"/api/roads/bridges/abc", "/api/roads/bridges/X001370812L12",
          "/api/roads/bridges/X001370812", "/api/roads/bridges/Q001370812L0001",
          "/api/roads/bridges/X001370812L0001%27--", "/api/roads/bridges/X001370812L0001?f=csv"}) {
        INFO(path);
        const auto r = http_get(path);
        CHECK(r.status == 400);
        CHECK(r.json()["error"] != nullptr);
    }
    const auto r = http_get("/api/roads/bridges/X999370812L99999");
    CHECK(r.status == 404);
    CHECK(r.json()["error"] == "unknown_bridge");
}

namespace {
// The first feature of a road layer on `route` (null when it has none).
json first_on_route(const std::string& layer, const std::string& route) {
    const auto j =
        http_get("/collections/" + layer + "/items?route_code=" + route + "&limit=1").json();
    return j["features"].empty() ? json() : j["features"][0];
}
// The first vertex of a Point or MultiLineString feature, by its layer and fid.
std::pair<double, double> first_vertex(const std::string& layer, long fid) {
    const auto f = http_get("/collections/" + layer + "/items/" + std::to_string(fid)).json();
    const auto& g = f["geometry"];
    const auto& c = g["type"] == "Point" ? g["coordinates"] : g["coordinates"][0][0];
    return {c[0].get<double>(), c[1].get<double>()};
}
} // namespace

TEST_CASE("editing a route's pieces moves what lies on it with the road, or is refused",
          "[http][roads]") {
    const std::vector<std::string> layers{"bridges", "road_risk_segments", "safety_works",
                                          "road_works_gaps"};
    std::string route;
    std::map<std::string, long> fids;
    json bridge;
    const auto all = http_get("/collections/bridges/items?limit=100").json();
    for (const auto& b : all["features"]) {
        route = b["properties"]["route_code"].get<std::string>();
        fids.clear();
        for (const auto& layer : layers)
            if (const auto f = first_on_route(layer, route); !f.is_null())
                fids[layer] = f["id"].get<long>();
        bridge = b;
        if (fids.size() == layers.size())
            break;
    }
    REQUIRE(fids.size() == layers.size()); // the demo has a bridged route with works and gaps
    // a bridge with a surveyed position stays where it was put
    const std::string surveyed = route + "L98764";
    test::exec_sql("DELETE FROM bridges WHERE code = '" + surveyed + "'");
    test::exec_sql(
        "INSERT INTO bridges (code, route_code, centre_m, length_m, condition_class, "
        "rated_at, geom) VALUES ('" +
        surveyed + "', '" + route + "', " +
        std::to_string(roads::parse_stake(bridge["properties"]["stake"].get<std::string>())) +
        ", 10, 1, '2026-01-01', ST_SetSRID(ST_MakePoint(116.7, 35.5), 4326))");
    const auto surveyed_fid = http_get("/api/roads/bridges/" + surveyed).json()["fid"].get<long>();
    std::map<std::string, std::pair<double, double>> before;
    for (const auto& [layer, fid] : fids)
        before[layer] = first_vertex(layer, fid);
    // epsilon(0): Approx's default relative tolerance is about 0.0014 degrees at longitude 116
    const auto moved = [&](double dx) {
        for (const auto& [layer, fid] : fids) {
            INFO(layer << " " << fid << " shifted by " << dx);
            const auto now = first_vertex(layer, fid);
            CHECK(now.first == Approx(before[layer].first + dx).epsilon(0).margin(1e-5));
            CHECK(now.second == Approx(before[layer].second).epsilon(0).margin(1e-5));
        }
        const auto still = first_vertex("bridges", surveyed_fid);
        CHECK(still.first == Approx(116.7).epsilon(0).margin(1e-9));
        CHECK(still.second == Approx(35.5).epsilon(0).margin(1e-9));
    };
    const auto shift = [&](double dx) {
        test::exec_sql("UPDATE road_pieces SET geom = ST_Translate(geom, " + std::to_string(dx) +
                       ", 0) WHERE route_code = '" + route + "'");
    };
    shift(0.001); // about 90 m east
    moved(0.001);
    // Stakes that no longer lie on the route refuse the edit as a whole. Were it not refused, the
    // block raises after it instead, so the shared demo is never left with a broken route.
    CHECK_NOTHROW(test::exec_sql(
        "DO $$ BEGIN BEGIN UPDATE road_pieces SET to_m = from_m + 1 WHERE route_code = '" + route +
        "'; EXCEPTION WHEN check_violation THEN RETURN; END; "
        "RAISE EXCEPTION 'a piece edit leaving records off the route was not refused'; END $$"));
    moved(0.001);
    shift(-0.001);
    moved(0);
    test::exec_sql("DELETE FROM bridges WHERE code = '" + surveyed + "'");
}
