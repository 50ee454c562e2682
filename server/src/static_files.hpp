// Serving files from a root directory, safely (no escaping the root) and with correct types.
#pragma once

#include <string>
#include <string_view>

#include "http_types.hpp"

namespace riskatlas::server {

/// MIME type from the extension (.mjs/.js must be text/javascript or browsers refuse modules).
std::string content_type_for(std::string_view path);

/// The file at root/relative, or a 404 error response. Rejects "..", absolute paths, NUL and
/// backslashes with 400 before touching the file system.
http_response serve_file(const std::string& root, std::string_view relative,
                         const std::string& cache_control);

} // namespace riskatlas::server
