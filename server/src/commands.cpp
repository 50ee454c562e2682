// Subcommand bodies.
#include "commands.hpp"

#include "app.hpp"
#include "http_server.hpp"

#include <riskatlas/data/migrations.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>

namespace riskatlas::server {
namespace {

int wait_for_stop_signal() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    int received = 0;
    sigwait(&signals, &received);
    return received;
}

void block_stop_signals() {
    // Blocked before Pistache starts its threads, so they inherit the mask and only
    // wait_for_stop_signal() ever sees SIGINT/SIGTERM.
    // A shell without job control starts background jobs with SIGINT ignored; restore it.
    std::signal(SIGINT, SIG_DFL);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

} // namespace

int command_migrate(const server_config& cfg) {
    data::database db(cfg.db);
    const auto report = data::migrate(db);
    for (const auto& name : report.applied)
        spdlog::info("migration applied: {}", name);
    spdlog::info("migrations: {} applied now, {} already applied", report.applied.size(),
                 report.already_applied);
    return 0;
}

int command_serve(const server_config& cfg) {
    block_stop_signals();
    services app(cfg);
    http_server server(app);
    server.start();
    spdlog::info("riskatlas {} serving {} layers at http://{}:{}/ (database pool {})",
                 RISKATLAS_VERSION, app.layers.layers().size(),
                 cfg.host == "0.0.0.0" ? "localhost" : cfg.host, server.port(), cfg.db.pool_size);
    if (!app.db.ping())
        spdlog::warn("the database is not reachable yet; requests answer 503 until it is");
    const int sig = wait_for_stop_signal();
    spdlog::info("received signal {}, stopping", sig);
    server.stop();
    return 0;
}

int command_layers(bool as_json) {
    const auto reg = tiles::registry::builtin();
    if (as_json) {
        auto list = nlohmann::json::array();
        for (const auto& l : reg.layers())
            list.push_back({{"id", l.id}, {"title_zh", l.title.zh}, {"title_en", l.title.en},
                            {"geometry_type", l.geometry_type}, {"minzoom", l.minzoom},
                            {"maxzoom", l.maxzoom}, {"source", l.source}});
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    for (const auto& l : reg.layers())
        std::cout << l.id << "\t" << l.geometry_type << "\tz" << l.minzoom << "-" << l.maxzoom << "\t"
                  << l.title.zh << " / " << l.title.en << "\n";
    return 0;
}

int command_tile_sql(const std::string& layer) {
    const auto reg = tiles::registry::builtin();
    const data::layer_store store(reg.sources());
    std::cout << store.tile_sql(layer) << "\n";
    return 0;
}

} // namespace riskatlas::server
