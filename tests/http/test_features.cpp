// OGC API - Features through the running server: documents, paging, bbox, filters, errors.
#include <catch2/catch.hpp>

#include "http_client.hpp"

#include <riskatlas/tiles/registry.hpp>

#include <set>

using namespace riskatlas;
using test::http_get;
using nlohmann::json;

namespace {

const json* link_with_rel(const json& doc, const std::string& rel) {
    for (const auto& l : doc["links"])
        if (l["rel"] == rel)
            return &l;
    return nullptr;
}

// Follows `next` links verbatim, as GDAL and QGIS do; returns every page.
std::vector<json> all_pages(const std::string& first_path) {
    std::vector<json> pages;
    std::string url = first_path;
    while (true) {
        const auto r = http_get(url);
        REQUIRE(r.status == 200);
        REQUIRE(r.header("content-type") == "application/geo+json");
        pages.push_back(r.json());
        const auto* next = link_with_rel(pages.back(), "next");
        if (!next)
            return pages;
        url = (*next)["href"].get<std::string>();
        REQUIRE(pages.size() < 10000);
    }
}

} // namespace

TEST_CASE("landing page for JSON clients, the web map for browsers", "[http]") {
    const auto j = http_get("/", {{"Accept", "application/json"}});
    REQUIRE(j.status == 200);
    const auto doc = j.json();
    for (const char* rel : {"self", "service-desc", "conformance", "data"})
        CHECK(link_with_rel(doc, rel));
    const auto html = http_get("/", {{"Accept", "text/html,application/xhtml+xml"}});
    CHECK(html.status == 200);
    CHECK(html.header("content-type").starts_with("text/html"));
    CHECK(http_get("/?f=json", {{"Accept", "text/html"}}).header("content-type") == "application/json");
}

TEST_CASE("conformance and OpenAPI", "[http]") {
    const auto c = http_get("/conformance").json();
    const auto classes = c["conformsTo"].get<std::vector<std::string>>();
    CHECK(std::count(classes.begin(), classes.end(),
                     "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core") == 1);
    const auto api = http_get("/api");
    REQUIRE(api.status == 200);
    CHECK(api.header("content-type").starts_with("application/vnd.oai.openapi+json"));
    const auto doc = api.json();
    CHECK(doc["openapi"].get<std::string>().starts_with("3.0"));
    CHECK(doc["paths"].contains("/collections/enterprises/items"));
}

TEST_CASE("collections come from the layer registry", "[http]") {
    const auto doc = http_get("/collections").json();
    std::set<std::string> ids;
    for (const auto& c : doc["collections"]) {
        ids.insert(c["id"].get<std::string>());
        const auto* items = link_with_rel(c, "items");
        REQUIRE(items);
        CHECK((*items)["type"] == "application/geo+json");
    }
    std::set<std::string> registered;
    const auto registry = tiles::registry::builtin();
    for (const auto& l : registry.layers())
        registered.insert(l.id);
    CHECK(ids == registered);
    const auto one = http_get("/collections/regions").json();
    CHECK(one["id"] == "regions");
    CHECK(one["extent"]["spatial"]["bbox"][0].size() == 4);
}

TEST_CASE("paging through every item returns each feature exactly once", "[http]") {
    const auto pages = all_pages("/collections/villages/items?limit=37");
    const auto matched = pages.front()["numberMatched"].get<long>();
    std::set<long> ids;
    long returned = 0;
    for (const auto& p : pages) {
        CHECK(p["numberReturned"].get<long>() == static_cast<long>(p["features"].size()));
        CHECK(p["features"].size() <= 37);
        for (const auto& f : p["features"]) {
            CHECK(ids.insert(f["id"].get<long>()).second);
            ++returned;
        }
    }
    CHECK(returned == matched);
    CHECK(matched == 440); // the real villages of 兖州区 (NBS 2016 codes)
    CHECK(pages.size() == (440 + 36) / 37);
}

TEST_CASE("paging with a bbox returns exactly the features inside it", "[http]") {
    const double box[4] = {116.70, 35.50, 116.85, 35.62};
    // Expected set computed here from the unfiltered download, not by the server.
    std::set<long> expected;
    for (const auto& p : all_pages("/collections/enterprises/items?limit=1000"))
        for (const auto& f : p["features"]) {
            if (f["geometry"].is_null())
                continue;
            const double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
            if (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3])
                expected.insert(f["id"].get<long>());
        }
    REQUIRE(expected.size() > 10);
    const auto pages = all_pages("/collections/enterprises/items?limit=10&bbox=116.7,35.5,116.85,35.62");
    std::set<long> got;
    for (const auto& p : pages)
        for (const auto& f : p["features"])
            CHECK(got.insert(f["id"].get<long>()).second);
    CHECK(got == expected);
    CHECK(pages.front()["numberMatched"].get<std::size_t>() == expected.size());
    // every next link kept the bbox and the limit
    for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
        const auto href = (*link_with_rel(pages[i], "next"))["href"].get<std::string>();
        CHECK(href.find("bbox=116.7,35.5,116.85,35.62") != std::string::npos);
        CHECK(href.find("limit=10") != std::string::npos);
    }
}

TEST_CASE("property filters and property selection survive paging", "[http]") {
    const auto pages = all_pages("/collections/enterprises/items?limit=5&supervision_category=coal_mine&properties=name,supervision_category");
    long n = 0;
    for (const auto& p : pages)
        for (const auto& f : p["features"]) {
            ++n;
            CHECK(f["properties"]["supervision_category"] == "coal_mine");
            CHECK(f["properties"].size() == 2);
        }
    CHECK(n >= 4); // the four coal mines named in the district plan
    CHECK(n == pages.front()["numberMatched"].get<long>());
}

TEST_CASE("a feature without geometry is served with geometry null", "[http]") {
    bool found = false;
    for (const auto& p : all_pages("/collections/enterprises/items?limit=1000"))
        for (const auto& f : p["features"])
            if (f["geometry"].is_null()) {
                found = true;
                CHECK(f["properties"].contains("name"));
                const auto one = http_get("/collections/enterprises/items/" + std::to_string(f["id"].get<long>()));
                CHECK(one.status == 200);
                CHECK(one.json()["geometry"].is_null());
            }
    CHECK(found);
}

TEST_CASE("single items", "[http]") {
    const auto page = http_get("/collections/regions/items?limit=1").json();
    const auto id = page["features"][0]["id"].get<long>();
    const auto r = http_get("/collections/regions/items/" + std::to_string(id));
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/geo+json");
    CHECK(r.json()["id"] == id);
    CHECK(http_get("/collections/regions/items/999999999").status == 404);
    CHECK(http_get("/collections/regions/items/abc").status == 400);
}

TEST_CASE("bad feature requests answer 4xx with a JSON error", "[http]") {
    const std::vector<std::pair<std::string, long>> cases = {
        {"/collections/nope", 404},
        {"/collections/nope/items", 404},
        {"/collections/regions/items?limit=0", 400},
        {"/collections/regions/items?limit=-5", 400},
        {"/collections/regions/items?limit=100000000", 400},
        {"/collections/regions/items?limit=ten", 400},
        {"/collections/regions/items?bbox=1,2,3", 400},
        {"/collections/regions/items?bbox=200,0,210,1", 400},
        {"/collections/regions/items?bbox=1,2,3,4%27%3B%20DROP%20TABLE%20regions%3B--", 400},
        {"/collections/regions/items?properties=name,password", 400},
        {"/collections/regions/items?kind=county%27%20OR%20%271%27=%271", 200},
        {"/collections/regions/items?colour=red", 400},
        {"/collections/regions/items?cursor=-1", 400},
        {"/collections/regions/items?f=xml", 400},
        {"/collections/regions/items?datetime=2026-01-01T00:00:00Z", 400},
        {"/collections/regions/items?bbox-crs=EPSG:4490", 400},
        {"/no/such/thing", 404},
    };
    for (const auto& [path, status] : cases) {
        INFO(path);
        const auto r = http_get(path);
        CHECK(r.status == status);
        if (status >= 400) {
            CHECK(r.header("content-type") == "application/json");
            CHECK(r.json().contains("error"));
        }
    }
    // the injection attempt in a filter value matched nothing and dropped nothing
    CHECK(http_get("/collections/regions/items?kind=county%27%20OR%20%271%27=%271").json()["numberMatched"] == 0);
    CHECK(http_get("/collections/regions/items?kind=county").json()["numberMatched"] == 1);
}
