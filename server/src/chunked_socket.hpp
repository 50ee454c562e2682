// A streamed response written straight to the client's socket with chunked transfer coding.
//
// Why not Pistache's ResponseStream: in 0.0.5 every write is queued for the reactor loop, and
// that loop is the thread running the handler, so nothing leaves before the handler returns: a
// million-feature export would sit whole in memory. Writing to the socket ourselves from the
// worker thread (which owns the connection while the handler runs) gives real back-pressure:
// the next batch is read from PostgreSQL only once the client has taken the previous one.
#pragma once

#include "http_types.hpp"

#include <riskatlas/tiles/compression.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace riskatlas::server {

class chunked_socket_writer final : public body_sink {
public:
    /// `head` is the status line and headers (ending in an empty line); it leaves with the first
    /// chunk, so an error raised before any flush can still be answered normally.
    chunked_socket_writer(int fd, std::string head, bool gzip, std::chrono::milliseconds stall_limit);

    void write(std::string_view bytes) override;
    void flush() override;
    /// Sends what is buffered and the last chunk.
    void finish();

    bool started() const noexcept { return m_started; }
    std::size_t body_bytes() const noexcept { return m_body_bytes; }
    /// Cuts the connection after a failure mid-body: the client sees a truncated transfer.
    void abort() noexcept;

private:
    void send_chunk(std::string_view payload);
    void send_all(std::string_view bytes);

    int m_fd;
    std::string m_head;
    std::string m_buffer;
    std::optional<tiles::gzip_stream> m_gzip;
    std::chrono::milliseconds m_stall_limit;
    bool m_started = false;
    std::size_t m_body_bytes = 0; ///< bytes on the wire after compression, chunk framing excluded
};

} // namespace riskatlas::server
