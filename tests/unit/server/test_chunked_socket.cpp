// The streamed-body writer on a real socket pair: framing a client can decode, gzip, a client
// that leaves, a client that takes nothing.
#include <catch2/catch.hpp>

#include "chunked_socket.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/tiles/compression.hpp>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

using riskatlas::server::chunked_socket_writer;

namespace {

struct socket_pair {
    int server = -1, client = -1;
    socket_pair() {
        int fds[2];
        REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        server = fds[0];
        client = fds[1];
        // Pistache's sockets are non-blocking: the writer must wait for room itself.
        ::fcntl(server, F_SETFL, ::fcntl(server, F_GETFL) | O_NONBLOCK);
    }
    ~socket_pair() {
        ::close(server);
        if (client >= 0)
            ::close(client);
    }
};

std::string read_all(int fd) {
    std::string out;
    char buf[65536];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
        out.append(buf, static_cast<std::size_t>(n));
    return out;
}

// Decodes a chunked body (RFC 9112 §7.1); fails the test on bad framing or a missing last chunk.
std::string dechunk(std::string_view body) {
    std::string out;
    for (;;) {
        const auto eol = body.find("\r\n");
        REQUIRE(eol != std::string_view::npos);
        const auto size = std::stoul(std::string(body.substr(0, eol)), nullptr, 16);
        body.remove_prefix(eol + 2);
        if (size == 0) {
            REQUIRE(body == "\r\n");
            return out;
        }
        REQUIRE(body.size() >= size + 2);
        out.append(body.substr(0, size));
        REQUIRE(body.substr(size, 2) == "\r\n");
        body.remove_prefix(size + 2);
    }
}

std::string sample_body() {
    std::string text;
    for (int i = 0; i < 40000; ++i)
        text += "{\"type\":\"Feature\",\"id\":" + std::to_string(i) + "},";
    return text; // ~1 MB: many chunks, more than a socket buffer holds
}

const std::string head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

} // namespace

TEST_CASE("a streamed body arrives whole, in chunks, after the head", "[unit][server]") {
    for (const bool gzip : {false, true}) {
        socket_pair p;
        const auto body = sample_body();
        std::string received;
        std::thread reader([&] { received = read_all(p.client); });
        {
            chunked_socket_writer w(p.server, head, gzip, std::chrono::milliseconds(5000));
            CHECK_FALSE(w.started());
            for (std::size_t i = 0; i < body.size(); i += 1000)
                w.write(std::string_view(body).substr(i, 1000));
            CHECK(w.started());
            w.finish();
        }
        ::shutdown(p.server, SHUT_WR);
        reader.join();
        REQUIRE(received.starts_with(head));
        const auto decoded = dechunk(std::string_view(received).substr(head.size()));
        CHECK((gzip ? riskatlas::tiles::gunzip(decoded) : decoded) == body);
        if (gzip)
            CHECK(decoded.size() < body.size() / 5);
    }
}

TEST_CASE("nothing leaves before the first flush, so an early failure can still be answered",
          "[unit][server]") {
    socket_pair p;
    chunked_socket_writer w(p.server, head, false, std::chrono::milliseconds(100));
    w.write("small");
    CHECK_FALSE(w.started());
    char c;
    CHECK(::recv(p.client, &c, 1, MSG_DONTWAIT) == -1); // nothing sent yet
    w.flush();
    CHECK(w.started());
}

TEST_CASE("a client that leaves mid-body ends the stream with an error", "[unit][server]") {
    socket_pair p;
    ::close(p.client);
    p.client = -1;
    chunked_socket_writer w(p.server, head, false, std::chrono::milliseconds(1000));
    try {
        w.write(sample_body());
        w.finish();
        FAIL("writing to a closed peer succeeded");
    } catch (const riskatlas::error& e) {
        CHECK(e.code() == "client_gone");
    }
}

TEST_CASE("a client that takes nothing is given up after the stall limit", "[unit][server]") {
    socket_pair p; // the client end stays open and unread
    chunked_socket_writer w(p.server, head, false, std::chrono::milliseconds(200));
    const auto started = std::chrono::steady_clock::now();
    try {
        for (int i = 0; i < 100; ++i)
            w.write(sample_body());
        FAIL("100 MB went into an unread socket");
    } catch (const riskatlas::error& e) {
        CHECK(e.code() == "client_stalled");
    }
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}
