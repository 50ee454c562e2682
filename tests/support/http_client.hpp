// A small libcurl client for HTTP tests against the server started by the CTest fixture
// (its URL is in $RISKATLAS_TEST_SERVER_STATE/url).
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace riskatlas::test {

struct http_result {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; ///< lower-case names
    std::string header(const std::string& lower_name) const;
    nlohmann::json json() const;
};

/// The test server's origin, e.g. "http://127.0.0.1:43123".
std::string server_url();

/// GET base + path (or an absolute URL) with optional request headers. Bodies are not decoded
/// unless `decode_gzip`; redirects are not followed.
http_result http_get(const std::string& path_or_url,
                     const std::map<std::string, std::string>& headers = {},
                     bool decode_gzip = false);

/// Any method with a body (hostile-input tests).
http_result http_send(const std::string& method, const std::string& path, const std::string& body);

/// A TCP connection to the test server (the caller closes it); reads give up after the timeout.
int connect_to_server(int receive_timeout_s);

/// Sends `raw` bytes on a fresh TCP connection and returns what comes back (hostile input).
std::string raw_exchange(const std::string& raw);

} // namespace riskatlas::test
