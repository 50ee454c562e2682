// Request parsing with JSON errors; see guarded_handler.hpp for why this replaces Pistache's.
#include "guarded_handler.hpp"

#include "error_response.hpp"
#include "pistache_headers.hpp"

#include <pistache/peer.h>
#include <spdlog/spdlog.h>

#include <atomic>

#include <sys/socket.h>

namespace riskatlas::server {
namespace Http = Pistache::Http;

namespace {

std::string parse_failure_id() {
    static std::atomic<std::uint64_t> counter{0};
    return "parse-" + std::to_string(++counter);
}

// Marks a connection whose request was refused before it was read whole: the rest of its bytes
// (an oversized body still arriving) are no request, and parsing them as one held the transport
// thread for seconds before the refusal went out.
constexpr const char* refused_key = "riskatlas.refused";

bool is_refused(const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
    return peer->tryGetData(refused_key) != nullptr;
}

// Answers and ends the connection: its input is ignored from now on, and once the answer is
// written our side is shut for writing, so the client reads the answer and then the end (the
// connection closes when the client closes it, as Pistache does not close on "Connection: close").
void answer(Http::ResponseWriter response, const std::shared_ptr<Pistache::Tcp::Peer>& peer,
            int status, const std::string& code, const std::string& message) {
    const auto id = parse_failure_id();
    const auto body = error_response(status, code, message, id).body;
    spdlog::info("request id={} method=? route=(unparsable) status={} detail={}", id, status, code);
    if (!is_refused(peer))
        peer->putData(refused_key, std::make_shared<bool>(true));
    response.headers().add<Http::Header::Connection>(Http::ConnectionControl::Close);
    // a weak owner: a peer already gone has closed its descriptor, which may be another's now
    std::weak_ptr<Pistache::Tcp::Peer> written_to = peer;
    response
        .send(static_cast<Http::Code>(status), body,
              Http::Mime::MediaType::fromString("application/json"))
        .then(
            [written_to](ssize_t) {
                if (const auto alive = written_to.lock())
                    ::shutdown(alive->fd(), SHUT_WR);
            },
            Pistache::Async::IgnoreException);
}

} // namespace

void guarded_handler::onInput(const char* buffer, size_t len,
                              const std::shared_ptr<Pistache::Tcp::Peer>& peer) {
    if (is_refused(peer))
        return;
    auto parser = getParser(peer);
    auto& request = parser->request;
    bool complete = false;
    try {
        if (!parser->feed(buffer, len)) {
            parser->reset();
            answer(Http::ResponseWriter(request.version(), transport(), this, peer), peer, 413,
                   "request_too_large",
                   "the request exceeds the server's limit (--max-request-bytes)");
            return;
        }
        complete = parser->parse() == Http::Private::State::Done;
    } catch (const Http::HttpError& e) {
        answer(Http::ResponseWriter(request.version(), transport(), this, peer), peer,
               e.code() >= 400 && e.code() < 500 ? e.code() : 400, "malformed_request", e.reason());
        parser->reset();
        return;
    } catch (const std::exception& e) {
        // A typed header that does not parse (Host with a bad port, a broken Accept): the
        // client's fault, so 400, never the 500 Pistache would send.
        answer(Http::ResponseWriter(request.version(), transport(), this, peer), peer, 400,
               "malformed_request", std::string("malformed request header: ") + e.what());
        parser->reset();
        return;
    }
    if (!complete) {
        // Pistache waits forever (until its header timeout) on a request line or header it
        // cannot make sense of. The blank line ends the head: if it has arrived and no body is
        // announced, the request will never complete, so say so now.
        const bool head_ended =
            std::string_view(buffer, len).find("\r\n\r\n") != std::string_view::npos;
        const bool body_expected =
            request.headers().has("Content-Length") || request.headers().has("Transfer-Encoding");
        if (head_ended && !body_expected) {
            answer(Http::ResponseWriter(request.version(), transport(), this, peer), peer, 400,
                   "malformed_request", "the request line or a header is malformed");
            parser->reset();
        }
        return;
    }
    Http::ResponseWriter response(request.version(), transport(), this, peer);
    request.copyAddress(peer->address());
    const auto connection = request.headers().tryGet<Http::Header::Connection>();
    response.headers().add<Http::Header::Connection>(connection ? connection->control()
                                                                : Http::ConnectionControl::Close);
    peer->setIdle(false);
    onRequest(request, std::move(response)); // the router; our dispatch never throws
    parser->reset();
}

} // namespace riskatlas::server
