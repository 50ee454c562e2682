// The one place that maps errors to HTTP statuses and DESIGN.md's JSON error body.
#pragma once

#include <exception>
#include <string>

#include "http_types.hpp"

namespace riskatlas::server {

/// {"error": code, "message": ..., "request_id": ...} with the status for `code`'s type.
http_response error_response(int status, const std::string& code, const std::string& message,
                             const std::string& request_id);

/// Maps the exception currently being handled (call inside a catch block). Unknown exceptions
/// become 500 with the request id and no internal detail; `log_detail` receives what to log.
http_response response_for_current_exception(const std::string& request_id, std::string& log_detail);

} // namespace riskatlas::server
