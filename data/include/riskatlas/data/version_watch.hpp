// The versions of the data tables, kept in memory and re-read when PostgreSQL notifies a change
// (LISTEN on a connection of its own): a cached tile then costs no query at all.
#pragma once

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/layer_store.hpp>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace riskatlas::data {

class version_watch {
public:
    /// Starts watching in a thread of its own. `resync_every`: a re-read even without a
    /// notification, which also moves the calendar pseudo-table (current_date) at midnight.
    /// With `config.read_dsn` set it does not watch at all (see docs/decisions.md, "Read
    /// replicas"): versions must come from the database the tiles are read from.
    explicit version_watch(db_config config,
                           std::chrono::milliseconds resync_every = std::chrono::seconds(30));
    ~version_watch();
    version_watch(const version_watch&) = delete;
    version_watch& operator=(const version_watch&) = delete;

    /// The latest versions; null while the watch has no live connection (PostgreSQL down or
    /// restarting), when callers must read versions from the database themselves.
    std::shared_ptr<const table_versions> snapshot() const;

    /// Re-reads now through `db` and returns once the snapshot holds the result: after a write
    /// this process made, its own next request must see the new versions without waiting for the
    /// notification to come round.
    void refresh(database& db);

private:
    void run();
    void publish(table_versions fresh);

    const db_config m_config;
    const std::chrono::milliseconds m_resync_every;
    mutable std::mutex m_mutex;
    std::shared_ptr<const table_versions> m_snapshot;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace riskatlas::data
