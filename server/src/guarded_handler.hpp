// Pistache's request handler with our own answers for requests it cannot parse. Pistache 0.0.5
// replies to those itself, in plain text and unlogged: 413 for oversized requests, 400 for
// garbage, and 500 when a typed header fails to parse (e.g. "Host: a:b"). Clients get a JSON
// error and a 4xx from us instead, and every such request gets a log line.
#pragma once

#include <pistache/router.h>

namespace riskatlas::server {

class guarded_handler : public Pistache::Rest::Private::RouterHandler {
public:
    HTTP_PROTOTYPE(guarded_handler)

    explicit guarded_handler(const Pistache::Rest::Router& routes) : RouterHandler(routes) {}

    // Same flow as Pistache's Http::Handler::onInput (feed, parse, dispatch when complete), with
    // the parse failures answered by us.
    void onInput(const char* buffer, size_t len,
                 const std::shared_ptr<Pistache::Tcp::Peer>& peer) override;
};

} // namespace riskatlas::server
