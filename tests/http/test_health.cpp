// Health check and per-request headers.
#include <catch2/catch.hpp>

#include "http_client.hpp"

TEST_CASE("healthz reports the database and the pool", "[http]") {
    const auto r = riskatlas::test::http_get("/healthz");
    CHECK(r.status == 200);
    const auto j = r.json();
    CHECK(j["database"] == "ok");
    CHECK(j["pool"]["capacity"].get<int>() >= 1);
    CHECK_FALSE(r.header("x-request-id").empty());
}

TEST_CASE("the web client's layer list comes from the registry", "[http]") {
    const auto j = riskatlas::test::http_get("/api/layers").json();
    REQUIRE(j["layers"].size() >= 6);
    for (const auto& l : j["layers"]) {
        CHECK(l["version"].get<long>() >= 1);
        CHECK_FALSE(l["title"]["zh"].get<std::string>().empty());
    }
}
