// Streamed exports (GET /collections/{id}/export): the same features as paging, filters, the
// GeoJSON text sequence, gzip, framing that leaves the connection usable, and errors answered
// before any byte of the body.
#include <catch2/catch.hpp>

#include "http_client.hpp"

#include <riskatlas/tiles/compression.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <sstream>

using riskatlas::test::http_get;
using nlohmann::json;

namespace {

// Every feature of the items pages, by id (the reference the export must equal).
std::map<long, json> paged_features(const std::string& first_path) {
    std::map<long, json> out;
    std::string url = first_path;
    for (int pages = 0; pages < 1000; ++pages) {
        const auto doc = http_get(url).json();
        for (const auto& f : doc["features"])
            out[f["id"].get<long>()] = f;
        std::string next;
        for (const auto& l : doc["links"])
            if (l["rel"] == "next")
                next = l["href"];
        if (next.empty())
            return out;
        url = next;
    }
    FAIL("more than 1000 pages");
    return out;
}

std::map<long, json> by_id(const json& features) {
    std::map<long, json> out;
    for (const auto& f : features)
        out[f["id"].get<long>()] = f;
    return out;
}

} // namespace

TEST_CASE("an export holds exactly the features paging returns, in fid order", "[http]") {
    const auto r = http_get("/collections/enterprises/export");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/geo+json");
    CHECK(r.header("transfer-encoding") == "chunked");
    CHECK(r.header("content-disposition").find("enterprises.geojson") != std::string::npos);
    const auto doc = r.json();
    CHECK(doc["type"] == "FeatureCollection");
    CHECK(doc["version"].get<long>() > 0);
    const auto& features = doc["features"];
    for (std::size_t i = 1; i < features.size(); ++i)
        CHECK(features[i - 1]["id"].get<long>() < features[i]["id"].get<long>());
    const auto paged = paged_features("/collections/enterprises/items?limit=100");
    REQUIRE(paged.size() > 100);
    CHECK(by_id(features) == paged);
}

TEST_CASE("an export keeps the items' filters, bbox and property selection", "[http]") {
    const std::string query = "supervision_category=coal_mine&bbox=116.5,35.3,117.0,36.0&properties=name,workers";
    const auto doc = http_get("/collections/enterprises/export?" + query).json();
    const auto paged = paged_features("/collections/enterprises/items?limit=7&" + query);
    REQUIRE(!paged.empty());
    CHECK(by_id(doc["features"]) == paged);
    for (const auto& f : doc["features"])
        CHECK(f["properties"].size() == 2);
    // a view parameter of a computed layer too (?category=)
    const auto zones = http_get("/collections/township_risk/export?category=coal_mine");
    REQUIRE(zones.status == 200);
    CHECK(by_id(zones.json()["features"]) ==
          paged_features("/collections/township_risk/items?limit=5&category=coal_mine"));
}

TEST_CASE("f=geojsonseq gives one record-separated feature per line", "[http]") {
    const auto r = http_get("/collections/villages/export?f=geojsonseq");
    REQUIRE(r.status == 200);
    CHECK(r.header("content-type") == "application/geo+json-seq");
    std::istringstream lines(r.body);
    std::map<long, json> got;
    for (std::string line; std::getline(lines, line);) {
        REQUIRE(line.size() > 1);
        REQUIRE(line[0] == '\x1e');
        const auto f = json::parse(line.substr(1));
        got[f["id"].get<long>()] = f;
    }
    CHECK(got.size() == 440);
    CHECK(got == paged_features("/collections/villages/items?limit=1000"));
}

TEST_CASE("a gzip export decodes to the identity export", "[http]") {
    const auto plain = http_get("/collections/villages/export");
    const auto zipped = http_get("/collections/villages/export", {{"Accept-Encoding", "gzip"}});
    REQUIRE(zipped.status == 200);
    CHECK(zipped.header("content-encoding") == "gzip");
    CHECK(zipped.body.size() < plain.body.size() / 3);
    auto a = json::parse(riskatlas::tiles::gunzip(zipped.body));
    auto b = plain.json();
    a.erase("timeStamp");
    b.erase("timeStamp");
    CHECK(a == b);
}

TEST_CASE("a connection stays usable after a streamed body", "[http]") {
    // Two requests, one after the other, on one keep-alive connection: the chunked body must
    // end with its last chunk and the next response must follow on the same socket.
    const int fd = riskatlas::test::connect_to_server(3);
    const auto send_text = [&](const std::string& text) {
        REQUIRE(::send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size()));
    };
    std::string reply;
    char buf[65536];
    send_text("GET /collections/villages/export HTTP/1.1\r\nHost: t\r\n\r\n");
    while (!reply.ends_with("\r\n0\r\n\r\n")) {
        const auto n = ::recv(fd, buf, sizeof buf, 0);
        REQUIRE(n > 0); // the body's last chunk arrives before any timeout or close
        reply.append(buf, static_cast<std::size_t>(n));
    }
    const auto first_size = reply.size();
    send_text("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
        reply.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    const auto second = reply.substr(first_size);
    INFO(second);
    CHECK(second.starts_with("HTTP/1.1 200"));
    CHECK(second.find("\"status\":\"ok\"") != std::string::npos);
}

TEST_CASE("bad export requests answer 4xx with a JSON error, never a half body", "[http]") {
    for (const char* path : {"/collections/enterprises/export?limit=10",
                             "/collections/enterprises/export?cursor=5",
                             "/collections/enterprises/export?f=csv",
                             "/collections/enterprises/export?properties=nope",
                             "/collections/enterprises/export?bbox=1,2,3",
                             "/collections/township_risk/export?category=nonsense",
                             "/collections/nope/export"}) {
        const auto r = http_get(path);
        INFO(path << " -> " << r.status << " " << r.body);
        CHECK(r.status >= 400);
        CHECK(r.status < 500);
        CHECK(r.header("transfer-encoding") != "chunked");
        CHECK(r.json().contains("error"));
    }
    // an injection attempt in a filter value is only a value that matches nothing
    const auto r = http_get("/collections/enterprises/export?credit_code='%20OR%201=1--");
    REQUIRE(r.status == 200);
    CHECK(r.json()["features"].empty());
}
