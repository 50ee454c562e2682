// Connection pool and transaction helper. Connections are opened lazily up to the pool size and
// dropped when broken, so a PostgreSQL restart heals by itself on the next requests.
#include <riskatlas/data/database.hpp>
#include <riskatlas/data/errors.hpp>

#include "session.hpp"

#include <condition_variable>
#include <mutex>

namespace riskatlas::data {

// One pool of connections to one database (the primary, or the replica behind read_dsn).
struct connection_pool {
    std::string dsn;
    mutable std::mutex mutex;
    std::condition_variable released;
    std::vector<std::unique_ptr<pooled_connection>> idle;
    std::size_t open = 0;
    std::size_t in_use = 0;

    std::unique_ptr<pooled_connection> acquire(const db_config& config);
    void release(std::unique_ptr<pooled_connection> conn, bool broken);
};

struct database::impl {
    db_config config;
    connection_pool primary;
    // Only with read_dsn: read-only transactions go here. A replica rejects writes, so routing
    // by access mode (not by statement) is what keeps every write on the primary.
    std::unique_ptr<connection_pool> replica;

    connection_pool& pool_for(access mode) {
        return mode == access::read_only && replica ? *replica : primary;
    }
};

namespace {

// A connection died under us; distinguishable from "pool busy" so that reads can retry.
class connection_lost : public unavailable {
public:
    connection_lost() : unavailable("the database connection was lost") {}
};

// SQLSTATE classes (PostgreSQL appendix A) that mean "the request's data was refused".
bool is_data_rejection(const std::string& state) {
    return state.starts_with("22") || state == "23502" || state == "23503" || state == "23514" ||
           state == "23P01" /* exclusion, e.g. overlapping stake ranges of one route */ ||
           state == "XX000" /* PostGIS reports invalid geometry input as internal_error */;
}

[[noreturn]] void translate_sql_error(const pqxx::sql_error& e) {
    const std::string state = e.sqlstate();
    if (state == "57014")
        throw timeout("the query took longer than the statement timeout");
    if (state == "40001" || state == "40P01" || state == "23505")
        throw conflict(e.what());
    if (state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03")
        throw connection_lost();
    if (is_data_rejection(state))
        throw rejected_data(e.what());
    throw database_error(e.what());
}

// The configured statement timeout becomes the session default, so a request that keeps it
// costs no extra round trip; only a request overriding it pays for a SET LOCAL. JIT and parallel
// workers are off: spatial joins carry inflated cost estimates, so PostgreSQL would JIT-compile
// them (measured 400 ms for a 1.7 s zoning query) or start workers, each loading PostGIS (0.15 s
// for a lookup that takes 1 ms alone). Our statements are short; concurrency comes from requests.
std::unique_ptr<pqxx::connection> connect(const std::string& dsn, const db_config& config) {
    try {
        auto conn = std::make_unique<pqxx::connection>(dsn);
        conn->set_variable("statement_timeout", std::to_string(config.statement_timeout.count()));
        conn->set_variable("application_name", "riskatlas");
        conn->set_variable("jit", "off");
        conn->set_variable("max_parallel_workers_per_gather", "0");
        return conn;
    } catch (const pqxx::broken_connection&) {
        throw unavailable("cannot connect to the database");
    } catch (const pqxx::failure& e) {
        throw database_error(std::string("configuring a new connection: ") + e.what());
    }
}

} // namespace

std::unique_ptr<pooled_connection> connection_pool::acquire(const db_config& config) {
    std::unique_lock lock(mutex);
    const bool got = released.wait_for(lock, config.acquire_timeout, [&] {
        return !idle.empty() || open < config.pool_size;
    });
    if (!got)
        throw unavailable("all " + std::to_string(config.pool_size) +
                          " database connections are busy");
    ++in_use;
    if (!idle.empty()) {
        auto conn = std::move(idle.back());
        idle.pop_back();
        return conn;
    }
    ++open; // reserve the slot, then connect without holding the lock
    lock.unlock();
    try {
        auto conn = std::make_unique<pooled_connection>();
        conn->connection = connect(dsn, config);
        return conn;
    } catch (...) {
        lock.lock();
        --open;
        --in_use;
        released.notify_one();
        throw;
    }
}

void connection_pool::release(std::unique_ptr<pooled_connection> conn, bool broken) {
    std::lock_guard lock(mutex);
    --in_use;
    if (broken || !conn->connection->is_open())
        --open;
    else
        idle.push_back(std::move(conn));
    released.notify_one();
}

database::database(db_config config) : m_impl(std::make_unique<impl>()) {
    m_impl->config = std::move(config);
    if (m_impl->config.pool_size == 0)
        m_impl->config.pool_size = 1;
    m_impl->primary.dsn = m_impl->config.dsn;
    if (!m_impl->config.read_dsn.empty()) {
        m_impl->replica = std::make_unique<connection_pool>();
        m_impl->replica->dsn = m_impl->config.read_dsn;
    }
}

database::~database() = default;

const db_config& database::config() const noexcept { return m_impl->config; }

database::pool_stats database::stats() const {
    pool_stats out;
    for (const connection_pool* p : {&m_impl->primary, m_impl->replica.get()}) {
        if (!p)
            continue;
        std::lock_guard lock(p->mutex);
        out.capacity += m_impl->config.pool_size;
        out.open += p->open;
        out.in_use += p->in_use;
    }
    return out;
}

namespace {

void apply_settings(session& s, const request_context& context, std::chrono::milliseconds deflt) {
    if (context.statement_timeout.count() > 0 && context.statement_timeout != deflt)
        s.exec_file("sql/set_local.sql", "statement_timeout",
                    std::to_string(context.statement_timeout.count()));
    for (const auto& [name, value] : context.settings)
        s.exec_file("sql/set_local.sql", name, value);
    if (context.as_of_run)
        s.exec_file("sql/set_local.sql", "riskatlas.as_of_run", std::to_string(*context.as_of_run));
}

template <typename TTransaction>
void run(pooled_connection& conn, const request_context& context, std::chrono::milliseconds deflt,
         const std::function<void(session&)>& work) {
    TTransaction txn(*conn.connection);
    session s(conn, txn);
    apply_settings(s, context, deflt);
    work(s);
    txn.commit();
}

} // namespace

void database::transact(const request_context& context, access mode,
                        const std::function<void(session&)>& work) {
    // An idle pooled connection may have died with a PostgreSQL restart; a read is safe to
    // retry once on a fresh connection, a write is not (its outcome may be unknown).
    const int attempts = mode == access::read_only ? 2 : 1;
    for (int attempt = 1;; ++attempt) {
        try {
            transact_once(context, mode, work);
            return;
        } catch (const connection_lost&) {
            if (attempt >= attempts)
                throw;
        } catch (const conflict&) {
            // A read-only repeatable-read transaction never fails serialisation on a primary;
            // on a hot standby 40001 means "cancelled by a conflict with recovery" (replay
            // needed a lock or a row version the query held), which a fresh snapshot avoids.
            if (attempt >= attempts || !m_impl->replica)
                throw;
        }
    }
}

void database::transact_once(const request_context& context, access mode,
                             const std::function<void(session&)>& work) {
    auto& pool = m_impl->pool_for(mode);
    auto conn = pool.acquire(m_impl->config);
    const auto is_broken = [&conn] { return !conn->connection->is_open(); };
    try {
        if (mode == access::read_only)
            run<pqxx::transaction<pqxx::isolation_level::repeatable_read,
                                  pqxx::readwrite_policy::read_only>>(
                *conn, context, m_impl->config.statement_timeout, work);
        else
            run<pqxx::work>(*conn, context, m_impl->config.statement_timeout, work);
    } catch (const pqxx::broken_connection&) {
        pool.release(std::move(conn), true);
        throw connection_lost();
    } catch (const pqxx::in_doubt_error&) {
        pool.release(std::move(conn), true);
        throw unavailable("the connection broke while committing; the outcome is unknown");
    } catch (const pqxx::sql_error& e) {
        const bool broken = is_broken();
        pool.release(std::move(conn), broken);
        translate_sql_error(e);
    } catch (const pqxx::failure& e) {
        // usage and conversion errors: a bug of ours, but pqxx types never leave this module
        const bool broken = is_broken();
        pool.release(std::move(conn), broken);
        throw database_error(e.what());
    } catch (...) {
        const bool broken = is_broken();
        pool.release(std::move(conn), broken);
        throw;
    }
    pool.release(std::move(conn), false);
}

bool database::ping() {
    try {
        const auto ping = [](session& s) { s.exec_file("sql/ping.sql"); };
        transact({}, access::read_only, ping);
        if (m_impl->replica)
            transact({}, access::read_write, ping);
        return true;
    } catch (const error&) {
        return false;
    }
}

} // namespace riskatlas::data
