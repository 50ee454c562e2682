// gzip for tiles and large JSON bodies (zlib).
#pragma once

#include <string>
#include <string_view>

namespace riskatlas::tiles {

/// gzip-compresses `bytes` (RFC 1952 framing, so browsers and GDAL accept it as
/// Content-Encoding: gzip).
std::string gzip(std::string_view bytes, int level = 6);

/// Inflates gzip data; throws riskatlas::error on corrupt input (used by tests and tools).
std::string gunzip(std::string_view bytes);

} // namespace riskatlas::tiles
