// Framework-neutral request and response values: handlers see these, not Pistache, so they stay
// small and testable; http_server.cpp converts at the socket edge.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace riskatlas::server {

struct case_insensitive_less {
    bool operator()(const std::string& a, const std::string& b) const;
};

struct http_request {
    std::string method;
    std::string path;  ///< decoded path, without the query string
    std::string route; ///< the matched route pattern, for logs and metrics
    std::string id;    ///< request id, echoed as X-Request-Id
    std::map<std::string, std::string> params; ///< route parameters (":layer" -> "regions")
    std::map<std::string, std::string> query;  ///< decoded query parameters
    std::map<std::string, std::string, case_insensitive_less> headers;
    std::string base_url; ///< public origin, e.g. "http://localhost:8080"
    std::string body;     ///< request body (POST), at most server_config::max_request_bytes

    std::optional<std::string> query_value(const std::string& name) const;
    std::optional<std::string> header(const std::string& name) const;
    const std::string& param(const std::string& name) const;
    bool accepts_gzip() const;
    /// True when the client prefers HTML (browsers) and did not ask for JSON with ?f=json.
    bool wants_html() const;
};

/// Where a streamed body goes: bytes are buffered and leave in chunks; `flush` sends what is
/// buffered now (the first bytes of a long export, so the client sees progress at once).
class body_sink {
public:
    virtual ~body_sink() = default;
    virtual void write(std::string_view bytes) = 0;
    virtual void flush() = 0;
};

struct http_response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool body_gzipped = false; ///< body is already gzip-compressed (tiles)
    bool compressible = true;  ///< may be gzipped on the way out when large
    /// A body produced while it is sent (exports of any size), instead of `body`: called once
    /// after the status and headers are decided, with chunked transfer and back-pressure from
    /// the client. An exception before its first byte leaves still becomes a JSON error; after
    /// that, the connection is cut so the client sees a truncated body, never a complete-looking
    /// one.
    std::function<void(body_sink&)> stream_body;

    http_response& with_header(std::string name, std::string value);

    static http_response json(int status, const nlohmann::json& body,
                              std::string content_type = "application/json");
    static http_response text(int status, std::string body, std::string content_type);
    static http_response empty(int status);
};

} // namespace riskatlas::server
