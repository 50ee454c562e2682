// Subcommand bodies.
#include "commands.hpp"

#include "app.hpp"
#include "http_server.hpp"
#include "import_upload.hpp"

#include <riskatlas/analysis/recompute.hpp>
#include <riskatlas/data/migrations.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

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

// Polls for changed inputs (imports, edits, a new day making hazards overdue) and queues an
// incremental recompute, so the risk layers follow their inputs without anyone asking.
class recompute_watcher {
public:
    explicit recompute_watcher(services& app) : m_app(app) {
        if (app.config.recompute_interval_s > 0)
            m_thread = std::thread([this] { run(); });
    }
    ~recompute_watcher() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }
    recompute_watcher(const recompute_watcher&) = delete;
    recompute_watcher& operator=(const recompute_watcher&) = delete;

private:
    void run() {
        const auto interval = std::chrono::duration<double>(m_app.config.recompute_interval_s);
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, interval, [this] { return m_stopping; })) {
            lock.unlock();
            try {
                if (!m_app.jobs.active("recompute") && analysis::recompute_pending(m_app.db))
                    m_app.submit_recompute(false, "watcher");
            } catch (const std::exception& e) {
                spdlog::warn("recompute check failed: {}", e.what());
            }
            lock.lock();
        }
    }

    services& m_app;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

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
    std::error_code no_temp_dir; // then nothing was left there either
    const auto removed =
        remove_stale_upload_dirs(std::filesystem::temp_directory_path(no_temp_dir));
    spdlog::info("imports: removed {} upload directories left by an earlier server", removed);
    services app(cfg);
    http_server server(app);
    server.start();
    spdlog::info("riskatlas {} serving {} layers at http://{}:{}/ (database pool {})",
                 RISKATLAS_VERSION, app.layers.layers().size(),
                 cfg.host == "0.0.0.0" ? "localhost" : cfg.host, server.port(), cfg.db.pool_size);
    if (!app.db.ping())
        spdlog::warn("the database is not reachable yet; requests answer 503 until it is");
    recompute_watcher watcher(app);
    const int sig = wait_for_stop_signal();
    spdlog::info("received signal {}, stopping", sig);
    server.stop();
    return 0;
}

int command_recompute(const server_config& cfg, bool full) {
    data::database db(cfg.db);
    const auto models = analysis::model_set::load(cfg.models_dir);
    analysis::recompute_options options;
    options.full = full;
    options.reason = "cli";
    options.progress = [](std::string_view stage, double done) {
        spdlog::info("recompute stage={} done={:.0f}%", stage, done * 100);
    };
    log_recompute(analysis::recompute(db, models, options));
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
