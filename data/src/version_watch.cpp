// LISTEN riskatlas_data_versions (data/migrations/0006_version_notify.sql) on a connection of its
// own. Versions only grow, so every update keeps the larger of the known and the read value:
// a slow re-read can never move a version back behind one a refresh() already published.
#include <riskatlas/data/version_watch.hpp>

#include "session.hpp"
#include "table_versions.hpp"

#include <pqxx/pqxx>

namespace riskatlas::data {
namespace {

constexpr const char* versions_channel = "riskatlas_data_versions";

class flag_receiver : public pqxx::notification_receiver {
public:
    flag_receiver(pqxx::connection_base& conn, bool& flag)
        : pqxx::notification_receiver(conn, versions_channel), m_flag(flag) {}
    void operator()(const std::string&, int) override { m_flag = true; }

private:
    bool& m_flag;
};

table_versions read_versions(pqxx::connection& conn) {
    pqxx::nontransaction tx(conn);
    return versions_of(tx.exec(std::string(session::embedded_sql("sql/layer_versions.sql"))));
}

} // namespace

version_watch::version_watch(db_config config, std::chrono::milliseconds resync_every)
    : m_config(std::move(config)), m_resync_every(resync_every) {
    // With a read replica the watch stays off (snapshot() is always null): the primary's
    // notification can arrive before the replica has replayed the change, and a tile built
    // from the replica under the new version would be an old tile cached as new, for good.
    // Readers then take the versions in the same replica snapshot as the tile.
    if (m_config.read_dsn.empty())
        m_thread = std::thread([this] { run(); });
}

version_watch::~version_watch() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

std::shared_ptr<const table_versions> version_watch::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

void version_watch::publish(table_versions fresh) {
    std::lock_guard lock(m_mutex);
    if (m_snapshot)
        for (const auto& [table, known] : *m_snapshot)
            if (auto it = fresh.find(table); it != fresh.end() && it->second.version < known.version)
                it->second = known;
    m_snapshot = std::make_shared<const table_versions>(std::move(fresh));
}

void version_watch::refresh(database& db) {
    if (!m_thread.joinable())
        return; // not watching: every reader reads versions in its own snapshot
    table_versions fresh;
    db.transact({}, access::read_only, [&](session& s) { fresh = read_table_versions(s); });
    std::lock_guard lock(m_mutex);
    if (!m_snapshot) // not connected: readers go to the database anyway
        return;
    auto merged = *m_snapshot;
    for (auto& [table, v] : fresh)
        if (auto it = merged.find(table); it == merged.end() || it->second.version < v.version)
            merged[table] = v;
    m_snapshot = std::make_shared<const table_versions>(std::move(merged));
}

void version_watch::run() {
    using clock = std::chrono::steady_clock;
    while (!m_stop) {
        try {
            pqxx::connection conn(m_config.dsn);
            conn.set_variable("application_name", "'riskatlas version watch'");
            bool notified = false;
            flag_receiver receiver(conn, notified);
            publish(read_versions(conn)); // after LISTEN: no change can fall in between
            auto last_read = clock::now();
            while (!m_stop) {
                // short waits, so that the destructor is never held up for long
                conn.await_notification(0, 200'000);
                if (notified || clock::now() - last_read >= m_resync_every) {
                    notified = false;
                    publish(read_versions(conn));
                    last_read = clock::now();
                }
            }
        } catch (const std::exception&) {
            // connection lost (or never made): readers fall back to the database until the
            // watch is back
            {
                std::lock_guard lock(m_mutex);
                m_snapshot.reset();
            }
            for (int i = 0; i < 5 && !m_stop; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

} // namespace riskatlas::data
