// Blocking writes on Pistache's non-blocking socket: poll for room, send, repeat.
#include "chunked_socket.hpp"

#include <riskatlas/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>

namespace riskatlas::server {
namespace {
// Large enough that chunk framing and syscalls cost nothing, small enough to keep memory flat.
constexpr std::size_t chunk_bytes = 64 * 1024;
} // namespace

chunked_socket_writer::chunked_socket_writer(int fd, std::string head, bool gzip,
                                             std::chrono::milliseconds stall_limit)
    : m_fd(fd), m_head(std::move(head)), m_stall_limit(stall_limit) {
    if (gzip)
        m_gzip.emplace();
    m_buffer.reserve(chunk_bytes);
}

void chunked_socket_writer::write(std::string_view bytes) {
    m_buffer.append(bytes);
    if (m_buffer.size() >= chunk_bytes)
        flush();
}

void chunked_socket_writer::flush() {
    if (m_buffer.empty() && m_started)
        return;
    std::string payload = m_gzip ? m_gzip->write(m_buffer) : std::move(m_buffer);
    m_buffer.clear();
    send_chunk(payload);
}

void chunked_socket_writer::finish() {
    flush();
    if (m_gzip)
        send_chunk(m_gzip->finish());
    send_all("0\r\n\r\n");
}

void chunked_socket_writer::send_chunk(std::string_view payload) {
    std::string frame;
    if (!m_started) {
        frame = std::move(m_head);
        m_started = true;
    }
    // A zero-size chunk would end the body early.
    if (!payload.empty()) {
        frame += fmt::format("{:x}\r\n", payload.size());
        frame += payload;
        frame += "\r\n";
        m_body_bytes += payload.size();
    }
    send_all(frame);
}

void chunked_socket_writer::send_all(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n > 0) {
            bytes.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{m_fd, POLLOUT, 0};
            const int ready = ::poll(&p, 1, static_cast<int>(m_stall_limit.count()));
            if (ready == 0)
                throw error("client_stalled", fmt::format("the client took nothing for {} ms",
                                                          m_stall_limit.count()));
            if (ready < 0 && errno != EINTR)
                throw error("client_gone", std::string("poll: ") + std::strerror(errno));
            continue;
        }
        throw error("client_gone", std::string("send: ") + std::strerror(errno));
    }
}

void chunked_socket_writer::abort() noexcept { ::shutdown(m_fd, SHUT_RDWR); }

} // namespace riskatlas::server
