// The HTTP edge: Pistache endpoint and router, per-request logging, error mapping, compression.
#pragma once

#include <memory>

#include "app.hpp"

namespace riskatlas::server {

class http_server {
public:
    explicit http_server(services& s);
    ~http_server();
    http_server(const http_server&) = delete;
    http_server& operator=(const http_server&) = delete;

    /// Binds and serves on Pistache's own threads; returns once listening.
    void start();
    /// Stops accepting and joins the worker threads.
    void stop();
    /// The port actually bound (useful with port 0).
    std::uint16_t port() const;

private:
    struct impl;
    std::unique_ptr<impl> m_impl;
};

} // namespace riskatlas::server
