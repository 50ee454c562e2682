// Hostile and malformed requests: always a 4xx, never a crash, and the server keeps serving.
#include <catch2/catch.hpp>

#include "http_client.hpp"

using riskatlas::test::http_get;
using riskatlas::test::raw_exchange;

namespace {
long status_of(const std::string& reply) {
    // "HTTP/1.1 400 Bad Request" -> 400
    if (reply.size() < 12 || !reply.starts_with("HTTP/1."))
        return 0;
    return std::stol(reply.substr(9, 3));
}
} // namespace

std::string body_of(const std::string& reply) {
    const auto blank = reply.find("\r\n\r\n");
    return blank == std::string::npos ? "" : reply.substr(blank + 4);
}

TEST_CASE("oversized requests are refused with a JSON 413", "[http]") {
    const auto r = riskatlas::test::http_send("POST", "/collections", std::string(2 << 20, 'a'));
    CHECK(r.status == 413);
    CHECK(r.header("content-type") == "application/json");
    CHECK(r.json()["error"] == "request_too_large");
    CHECK(http_get("/healthz").status == 200);
}

TEST_CASE("other methods on read-only resources answer a JSON 405", "[http]") {
    for (const auto& method : {std::string("POST"), std::string("PUT"), std::string("DELETE"),
                               std::string("PATCH"), std::string("HEAD")}) {
        INFO(method);
        const auto r = riskatlas::test::http_send(method, "/collections/regions/items", "{}");
        CHECK(r.status == 405);
        CHECK(r.header("allow") == "GET");
        if (method != "HEAD")
            CHECK(r.json()["error"] == "method_not_allowed");
    }
}

TEST_CASE("unparsable requests get a JSON 4xx, never a 500", "[http]") {
    for (const std::string raw : {"HELLO\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                                  "GET /healthz HTTP/1.1\r\nHost x\r\n\r\n",
                                  "GET /healthz HTTP/1.1\r\nHost: a:b\r\n\r\n",
                                  "GET /healthz HTTP/1.1\r\nHost: x\r\nAccept: ;;;=\r\n\r\n"}) {
        INFO(raw);
        const auto reply = raw_exchange(raw);
        const auto status = status_of(reply);
        CHECK(status >= 400);
        CHECK(status < 500);
        CHECK(nlohmann::json::parse(body_of(reply))["error"] == "malformed_request");
    }
    // a TLS ClientHello on the plain port: no answer is possible, but the server survives it
    raw_exchange(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
    CHECK(http_get("/healthz").status == 200);
}

TEST_CASE("a long hostile path is answered and cut short in the message", "[http]") {
    const auto r = http_get("/collections/" + std::string(3000, 'x') + "/items");
    CHECK(r.status == 404);
    CHECK(r.json()["message"].get<std::string>().size() < 1000);
}

TEST_CASE("static files: modules as JavaScript, no escaping the site", "[http]") {
    const auto mjs = http_get("/vendor/maplibre-gl/maplibre-gl.mjs");
    CHECK(mjs.status == 200);
    CHECK(mjs.header("content-type").starts_with("text/javascript"));
    CHECK(http_get("/web/../../../etc/passwd").status >= 400);
    CHECK(http_get("/web/%2e%2e/%2e%2e/etc/passwd").status >= 400);
    CHECK(http_get("/styles/..%2f..%2fetc%2fpasswd").status >= 400);
    CHECK(http_get("/web/nope.js").status == 404);
}
