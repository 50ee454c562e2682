// Pistache glue. Every request passes through `dispatch`: build an http_request, run the handler,
// map any exception to a JSON error, compress, send, and write one log line.
#include "http_server.hpp"

#include "chunked_socket.hpp"
#include "error_response.hpp"
#include "guarded_handler.hpp"
#include "params.hpp"
#include "pistache_headers.hpp"

#include <riskatlas/error.hpp>

#include <riskatlas/tiles/compression.hpp>

#include <pistache/endpoint.h>
#include <pistache/peer.h>
#include <pistache/router.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <map>
#include <thread>

namespace riskatlas::server {
namespace Http = Pistache::Http;
namespace Rest = Pistache::Rest;

namespace {

// Bodies smaller than this gain nothing from gzip.
constexpr std::size_t min_gzip_bytes = 1024;

// "<start time in base 36>-<sequence>": unique across restarts, sortable within one run.
std::string next_request_id() {
    static const std::string prefix = [] {
        auto t = static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count() / 1000);
        std::string s;
        for (; t; t /= 36)
            s.insert(s.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[t % 36]);
        return s;
    }();
    static std::atomic<std::uint64_t> counter{0};
    return prefix + "-" + std::to_string(++counter);
}

std::vector<std::string> param_names(const std::string& pattern) {
    std::vector<std::string> names;
    std::size_t pos = 0;
    while ((pos = pattern.find(':', pos)) != std::string::npos) {
        const auto end = pattern.find('/', pos);
        names.push_back(pattern.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
        pos = end == std::string::npos ? pattern.size() : end;
    }
    return names;
}

// Links are built from --public-url, else from Host when it looks like a host[:port]; a hostile
// Host (markup, spaces, invalid UTF-8) never reaches a link or a JSON document.
std::string base_url_for(const server_config& cfg, const http_request& req) {
    if (!cfg.public_url.empty())
        return cfg.public_url;
    const auto host = req.header("Host");
    const auto plain = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
               c == '[' || c == ']';
    };
    if (host && !host->empty() && host->size() <= 255 && std::ranges::all_of(*host, plain))
        return "http://" + *host;
    return "http://localhost:" + std::to_string(cfg.port);
}

// Our routes name methods as text; Pistache wants its enum.
Http::Method method_of(std::string_view name) {
    static const std::map<std::string_view, Http::Method> methods{
        {"GET", Http::Method::Get},     {"HEAD", Http::Method::Head},
        {"POST", Http::Method::Post},   {"PUT", Http::Method::Put},
        {"PATCH", Http::Method::Patch}, {"DELETE", Http::Method::Delete}};
    return methods.at(name);
}

// Control characters would split the one-line-per-request log.
std::string printable(std::string_view text, std::size_t max_chars) {
    std::string out;
    for (const char c : text.substr(0, max_chars))
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return out;
}

// Fills `req` from Pistache's request; `req.id` is set by the caller first, so even a failure
// here is answered and logged under the request's id.
void read_request(const server_config& cfg, const Rest::Request& in, const std::string& route,
                  const std::vector<std::string>& names, http_request& req) {
    req.method = Http::methodString(in.method());
    req.path = url_decode(in.resource(), false);
    req.route = route;
    for (const auto& name : names)
        if (in.hasParam(name))
            req.params[name] = url_decode(in.param(name).as<std::string>(), false);
    for (auto it = in.query().parameters_begin(); it != in.query().parameters_end(); ++it)
        req.query[url_decode(it->first, true)] = url_decode(it->second, true);
    for (const auto& [name, raw] : in.headers().rawList())
        req.headers[name] = raw.value();
    // Pistache parses Content-Type into a typed header that rawList() leaves out; uploads need
    // its boundary parameter, which the parsed media type keeps verbatim in raw().
    if (const auto type = in.headers().tryGet<Http::Header::ContentType>())
        req.headers["Content-Type"] = type->mime().raw().empty() ? type->mime().toString() : type->mime().raw();
    req.base_url = base_url_for(cfg, req);
    req.body = in.body();
}

void send(Http::ResponseWriter& out, const http_request& req, http_response& r) {
    if (r.compressible && !r.body_gzipped && r.body.size() >= min_gzip_bytes && req.accepts_gzip()) {
        r.body = tiles::gzip(r.body);
        r.body_gzipped = true;
        r.with_header("Vary", "Accept-Encoding");
    }
    auto& headers = out.headers();
    headers.add(std::make_shared<named_header>("X-Request-Id", req.id));
    headers.add(std::make_shared<named_header>("Access-Control-Allow-Origin", "*"));
    for (const auto& [name, value] : r.headers)
        headers.add(std::make_shared<named_header>(name, value));
    if (r.body_gzipped)
        headers.add<Http::Header::ContentEncoding>(Http::Header::Encoding::Gzip);
    const auto code = static_cast<Http::Code>(r.status);
    if (r.content_type.empty()) {
        out.send(code);
        return;
    }
    out.send(code, r.body.data(), r.body.size(), Http::Mime::MediaType::fromString(r.content_type));
}

// How long a streamed export waits for a client that takes nothing before giving up on it.
constexpr std::chrono::seconds stream_stall_limit{60};

std::string stream_head(const http_request& req, const http_response& r, bool gzip) {
    std::string head = fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nTransfer-Encoding: chunked\r\n"
                                   "X-Request-Id: {}\r\nAccess-Control-Allow-Origin: *\r\n",
                                   r.status, Http::codeString(static_cast<Http::Code>(r.status)),
                                   r.content_type, req.id);
    for (const auto& [name, value] : r.headers)
        head += name + ": " + value + "\r\n";
    if (gzip)
        head += "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
    return head + "\r\n";
}

// Sends a streamed body on the connection's socket; returns the body bytes sent. An exception
// before the first byte is rethrown for the caller to answer; after it, the connection is cut
// and the failure reported in `detail`.
std::size_t send_streamed(Http::ResponseWriter& out, const http_request& req, http_response& r,
                          std::string& detail) {
    const auto peer = out.peer();
    if (!peer)
        throw error("client_gone", "the client closed the connection");
    chunked_socket_writer sink(peer->fd(), stream_head(req, r, r.compressible && req.accepts_gzip()),
                               r.compressible && req.accepts_gzip(), stream_stall_limit);
    try {
        r.stream_body(sink);
        sink.finish();
    } catch (...) {
        if (!sink.started())
            throw;
        // a second status line after part of a body would corrupt the connection: cut it
        sink.abort();
        try {
            throw;
        } catch (const std::exception& e) {
            detail += std::string(" stream cut: ") + e.what();
        } catch (...) {
            detail += " stream cut: unknown exception";
        }
    }
    return sink.body_bytes();
}

} // namespace

struct http_server::impl {
    services& app;
    std::vector<route> routes; // handlers in the router point into this vector
    // One 405 responder per route pattern, naming the methods the pattern does allow.
    std::vector<route> method_not_allowed;
    std::shared_ptr<Http::Endpoint> endpoint;
    Rest::Router router;

    explicit impl(services& s) : app(s) {}

    void dispatch(const route* r, const std::vector<std::string>& names, const Rest::Request& in,
                  Http::ResponseWriter out);
};

void http_server::impl::dispatch(const route* r, const std::vector<std::string>& names,
                                 const Rest::Request& in, Http::ResponseWriter out) {
    const auto started = std::chrono::steady_clock::now();
    http_request req;
    req.id = next_request_id();
    http_response res;
    std::string detail;
    std::size_t body_bytes = 0;
    bool streamed = false;
    try {
        read_request(app.config, in, r ? r->pattern : "(none)", names, req);
        res = r ? r->handle(req)
                : error_response(404, "not_found", "no route for " + req.method + " " + req.path, req.id);
        if (res.stream_body) {
            body_bytes = send_streamed(out, req, res, detail);
            streamed = true;
        }
    } catch (...) {
        res = response_for_current_exception(req.id, detail);
    }
    if (!streamed) {
        try {
            send(out, req, res);
        } catch (const std::exception& e) {
            detail += std::string(" send failed: ") + e.what();
        }
        body_bytes = res.body.size();
    }
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    const auto level = res.status >= 500           ? spdlog::level::err
                       : streamed && !detail.empty() ? spdlog::level::warn // a cut export
                                                     : spdlog::level::info;
    spdlog::log(level, "request id={} method={} route={} path={} status={} ms={:.2f} bytes={}{}{}",
                req.id, req.method, req.route, printable(req.path, 200), res.status, ms, body_bytes,
                detail.empty() ? "" : " detail=", printable(detail, 300));
}

http_server::http_server(services& s) : m_impl(std::make_unique<impl>(s)) {}

http_server::~http_server() { stop(); }

void http_server::start() {
    auto& cfg = m_impl->app.config;
    m_impl->routes = all_routes(m_impl->app);
    std::map<std::string, std::vector<std::string>> allowed; // pattern -> methods
    for (const auto& r : m_impl->routes) {
        const auto names = param_names(r.pattern);
        const route* rp = &r;
        const auto handle = [this, rp, names](const Rest::Request& in, Http::ResponseWriter out) {
            m_impl->dispatch(rp, names, in, std::move(out));
            return Rest::Route::Result::Ok;
        };
        m_impl->router.addRoute(method_of(r.method), r.pattern, handle);
        allowed[r.pattern].push_back(r.method);
    }
    // Other methods get our JSON 405 instead of Pistache's plain-text one. HEAD too: Pistache
    // cannot send headers without a body, and a HEAD answered with "Content-Length: 0" makes
    // clients such as GDAL's /vsicurl/ believe the resource is empty; on 405 they GET.
    m_impl->method_not_allowed.reserve(allowed.size());
    for (const auto& [pattern, methods] : allowed) {
        std::string allow;
        for (const auto& m : methods)
            allow += (allow.empty() ? "" : ", ") + m;
        m_impl->method_not_allowed.push_back(
            {"*", "(method not allowed)", [allow](const http_request& req) {
                 return error_response(405, "method_not_allowed",
                                       req.method + " is not allowed on " + req.path + "; allowed: " + allow,
                                       req.id)
                     .with_header("Allow", allow);
             }});
        const route* refusal = &m_impl->method_not_allowed.back();
        for (const auto* method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) {
            if (std::ranges::find(methods, method) != methods.end())
                continue;
            m_impl->router.addRoute(method_of(method), pattern,
                                    [this, refusal](const Rest::Request& in, Http::ResponseWriter out) {
                                        m_impl->dispatch(refusal, {}, in, std::move(out));
                                        return Rest::Route::Result::Ok;
                                    });
        }
    }
    m_impl->router.addNotFoundHandler([this](const Rest::Request& in, Http::ResponseWriter out) {
        m_impl->dispatch(nullptr, {}, in, std::move(out));
        return Rest::Route::Result::Ok;
    });

    auto opts = Http::Endpoint::options()
                    .threads(static_cast<int>(std::max<std::size_t>(1, cfg.threads)))
                    .maxRequestSize(cfg.max_request_bytes)
                    .flags(Pistache::Tcp::Options::ReuseAddr | Pistache::Tcp::Options::NoDelay);
    m_impl->endpoint = std::make_shared<Http::Endpoint>(
        Pistache::Address(cfg.host, Pistache::Port(cfg.port)));
    m_impl->endpoint->init(opts);
    m_impl->endpoint->setHandler(std::make_shared<guarded_handler>(m_impl->router));
    m_impl->endpoint->serveThreaded();
}

void http_server::stop() {
    if (m_impl->endpoint) {
        m_impl->endpoint->shutdown();
        m_impl->endpoint.reset();
    }
}

std::uint16_t http_server::port() const {
    return m_impl->endpoint ? static_cast<std::uint16_t>(m_impl->endpoint->getPort()) : 0;
}

} // namespace riskatlas::server
