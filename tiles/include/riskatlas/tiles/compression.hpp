// gzip for tiles and large JSON bodies (zlib).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace riskatlas::tiles {

/// gzip-compresses `bytes` (RFC 1952 framing, so browsers and GDAL accept it as
/// Content-Encoding: gzip).
std::string gzip(std::string_view bytes, int level = 6);

/// gzip for a body produced piece by piece (streamed exports): each `write` returns the
/// compressed bytes ready so far, flushed so that a client can decode everything sent up to
/// then; `finish` returns the trailer. Memory stays that of one zlib stream.
class gzip_stream {
public:
    explicit gzip_stream(int level = 6);
    ~gzip_stream();
    gzip_stream(const gzip_stream&) = delete;
    gzip_stream& operator=(const gzip_stream&) = delete;

    std::string write(std::string_view bytes);
    std::string finish();

private:
    struct impl;
    std::unique_ptr<impl> m_impl;
};

/// Inflates gzip data; throws riskatlas::error on corrupt input (used by tests and tools).
std::string gunzip(std::string_view bytes);

} // namespace riskatlas::tiles
