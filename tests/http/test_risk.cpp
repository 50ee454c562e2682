// The risk layers over HTTP: collections and tiles of computed layers, explanations, versions
// (?version=), per-category views (?category=), recompute jobs, and hostile input on all of them.
#include <catch2/catch.hpp>

#include "http_client.hpp"

#include <riskatlas/geo/tile.hpp>

#include <chrono>
#include <set>
#include <thread>

using namespace riskatlas;
using test::http_get;
using test::http_send;
using nlohmann::json;

namespace {

json first_feature(const std::string& items_path) {
    const auto r = http_get(items_path);
    REQUIRE(r.status == 200);
    const auto doc = r.json();
    REQUIRE_FALSE(doc["features"].empty());
    return doc["features"][0];
}

std::vector<json> runs() {
    const auto r = http_get("/api/runs");
    REQUIRE(r.status == 200);
    return r.json()["runs"].get<std::vector<json>>();
}

// Polls a job until it leaves queued/running (a functional wait, generous for sanitizer builds).
json wait_for_job(const std::string& href) {
    for (int i = 0; i < 1200; ++i) {
        const auto j = http_get(href).json();
        if (j["state"] != "queued" && j["state"] != "running")
            return j;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL("job " << href << " did not finish");
    return {};
}

} // namespace

TEST_CASE("every risk layer is a collection with features", "[http][risk]") {
    for (const char* layer : {"enterprise_risk", "park_risk", "township_risk", "grid_risk", "hazard_density"}) {
        INFO(layer);
        const auto doc = http_get(std::string("/collections/") + layer + "/items?limit=5").json();
        CHECK(doc["numberMatched"].get<int>() > 0);
        CHECK(doc["features"].size() == std::min<std::size_t>(5, doc["numberMatched"].get<std::size_t>()));
    }
    const auto e = first_feature("/collections/enterprise_risk/items?limit=1")["properties"];
    CHECK(std::set<std::string>{"red", "orange", "yellow", "blue"}.contains(e["colour"].get<std::string>()));
    const auto p = first_feature("/collections/park_risk/items?limit=1")["properties"];
    CHECK(std::set<std::string>{"A", "B", "C", "D"}.contains(p["grade"].get<std::string>()));
}

TEST_CASE("an enterprise's explanation adds up to its score and grade", "[http][risk]") {
    const auto f = first_feature("/collections/enterprise_risk/items?limit=1&colour=red");
    const auto id = f["id"].get<std::int64_t>();
    const auto r = http_get("/api/explain/enterprise_risk/" + std::to_string(id));
    REQUIRE(r.status == 200);
    const auto doc = r.json();
    const auto& e = doc["explanation"];
    CHECK(e["grade"] == f["properties"]["colour"]);
    double points = 0;
    for (const auto& factor : e["factors"]) {
        CHECK(factor.contains("rule"));
        CHECK(factor.contains("source"));
        CHECK(factor.contains("certainty"));
        points += factor["points"].get<double>();
    }
    CHECK(e["base_score"].get<double>() - points == Approx(e["score"].get<double>()));
    CHECK(e["score"].get<double>() == Approx(f["properties"]["score"].get<double>()).margin(0.05));
    CHECK(doc["version"] == f["properties"]["run"]);
}

TEST_CASE("zone and density explanations name their rule", "[http][risk]") {
    const auto zone = first_feature("/collections/township_risk/items?limit=1");
    const auto z = http_get("/api/explain/township_risk/" + std::to_string(zone["id"].get<std::int64_t>())).json();
    CHECK(z["explanation"]["band_rule"].get<std::string>().ends_with(zone["properties"]["colour"].get<std::string>()));
    CHECK(z["explanation"]["risk_index"].get<double>() ==
          Approx(zone["properties"]["risk_index"].get<double>()).margin(0.001));
    const auto cell = first_feature("/collections/hazard_density/items?limit=1&colour=blue");
    const auto d = http_get("/api/explain/hazard_density/" + std::to_string(cell["id"].get<std::int64_t>())).json();
    CHECK(d["explanation"]["grade"] == "blue");
    CHECK(d["explanation"].contains("kernel"));
}

TEST_CASE("a category shows the same computation for one industry", "[http][risk]") {
    const auto all = http_get("/collections/township_risk/items?limit=100").json();
    const auto coal = http_get("/collections/township_risk/items?limit=100&category=coal_mine").json();
    REQUIRE(all["features"].size() == 10);
    REQUIRE_FALSE(coal["features"].empty());
    for (const auto& f : coal["features"])
        CHECK(f["properties"]["category"] == "coal_mine");
    // coal mines are a subset of all enterprises in each township
    CHECK(coal["features"].size() <= all["features"].size());
    // the next link keeps the category
    const auto page = http_get("/collections/township_risk/items?limit=1&category=coal_mine").json();
    for (const auto& l : page["links"])
        if (l["rel"] == "next")
            CHECK(l["href"].get<std::string>().find("category=coal_mine") != std::string::npos);
    // tiles take it too, and only zone layers declare it
    const auto t = geo::tile_containing(116.75, 35.56, 9);
    const auto path = "/tiles/township_risk/" + std::to_string(t.z) + "/" + std::to_string(t.x) + "/" +
                      std::to_string(t.y) + ".mvt";
    const auto coal_tile = http_get(path + "?category=coal_mine");
    const auto all_tile = http_get(path);
    CHECK(coal_tile.status == 200);
    // two views of one version are different bytes: their ETags differ, and one never
    // revalidates the other
    CHECK(coal_tile.header("etag") != all_tile.header("etag"));
    CHECK(http_get(path + "?category=coal_mine", {{"If-None-Match", all_tile.header("etag")}}).status == 200);
    CHECK(http_get(path + "?category=coal_mine", {{"If-None-Match", coal_tile.header("etag")}}).status == 304);
    CHECK(http_get(path + "?category=bakery").status == 400);
    // the TileJSON of a view hands out tile URLs of that view
    const auto tj = http_get("/tiles/township_risk.json?category=coal_mine").json();
    CHECK(tj["tiles"][0].get<std::string>().find("category=coal_mine") != std::string::npos);
    CHECK(http_get("/tiles/township_risk.json?category=bakery").status == 400);
    CHECK(http_get("/collections/enterprise_risk/items?category=coal_mine").status == 400);
}

TEST_CASE("versions: runs are listed and any finished one can be pinned", "[http][risk]") {
    const auto list = runs();
    REQUIRE_FALSE(list.empty());
    const auto latest = list.front()["version"].get<std::int64_t>();
    const auto pinned = http_get("/collections/enterprise_risk/items?limit=3&version=" + std::to_string(latest));
    REQUIRE(pinned.status == 200);
    const auto pinned_doc = pinned.json(); // keep the document alive for the loop
    for (const auto& f : pinned_doc["features"])
        CHECK(f["properties"]["run"].get<std::int64_t>() <= latest);

    const auto t = geo::tile_containing(116.75, 35.56, 10);
    const auto tile = "/tiles/enterprise_risk/10/" + std::to_string(t.x) + "/" + std::to_string(t.y) + ".mvt";
    const auto r = http_get(tile + "?version=" + std::to_string(latest));
    REQUIRE(r.status == 200);
    CHECK(r.header("cache-control").find("immutable") != std::string::npos);
    CHECK(r.header("etag").find(std::to_string(latest)) != std::string::npos);
    // the pinned ETag revalidates to 304
    CHECK(http_get(tile + "?version=" + std::to_string(latest), {{"If-None-Match", r.header("etag")}}).status == 304);

    CHECK(http_get(tile + "?version=1").status == 404);          // no such run
    CHECK(http_get(tile + "?version=-3").status == 400);
    CHECK(http_get(tile + "?version=1%3B%20DROP%20TABLE%20risk_runs").status == 400);
    CHECK(http_get("/tiles/enterprises/10/" + std::to_string(t.x) + "/" + std::to_string(t.y) + ".mvt?version=" +
                   std::to_string(latest)).status == 400); // a base layer has no versions
}

TEST_CASE("a recompute job is accepted, runs and reports", "[http][risk]") {
    const auto r = http_send("POST", "/api/recompute", "");
    REQUIRE(r.status == 202);
    const auto job = r.json();
    CHECK(r.header("location") == "/api/jobs/" + job["id"].get<std::string>());
    const auto done = wait_for_job(job["href"].get<std::string>());
    REQUIRE(done["state"] == "succeeded");
    // nothing changed since setup: either skipped, or an incremental run that changed nothing
    CHECK(done["result"]["kind"] != "full");
    CHECK(http_get("/api/jobs").json()["jobs"].size() >= 1);
    CHECK(http_get("/api/jobs/999999").status == 404);
}

TEST_CASE("hostile requests to the risk API get a 4xx naming the problem", "[http][risk]") {
    const auto bad = [](const std::string& body) { return http_send("POST", "/api/recompute", body); };
    CHECK(bad("{\"full\": \"yes\"}").status == 400);
    CHECK(bad("{\"everything\": true}").json()["error"] == "unknown_field");
    CHECK(bad("not json").json()["error"] == "invalid_body");
    CHECK(bad("[1, 2]").status == 400);
    CHECK(bad(std::string(2 << 20, 'x')).status == 413);
    const auto get = http_get("/api/recompute");
    CHECK(get.status == 405);
    CHECK(get.header("allow") == "POST");
    CHECK(http_send("DELETE", "/api/runs", "").header("allow") == "GET");
    CHECK(http_get("/api/explain/enterprise_risk/abc").status == 400);
    CHECK(http_get("/api/explain/enterprise_risk/99999999").status == 404);
    CHECK(http_get("/api/explain/enterprises/1").status == 404); // facts, not grades
    CHECK(http_get("/api/explain/no_such_layer/1").status == 404);
    CHECK(http_get("/api/explain/township_risk/1?colour=red").status == 400);
    CHECK(http_get("/api/runs?limit=0").status == 400);
}
