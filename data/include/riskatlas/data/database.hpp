// The connection pool and the one transaction helper every database access goes through.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace riskatlas::data {

struct db_config {
    /// libpq connection string or URI; empty means libpq's PG* environment variables.
    std::string dsn;
    std::size_t pool_size = 4; ///< 0 is taken as 1; per pool when read_dsn is set
    /// Default per-statement limit; a request may lower or raise it.
    std::chrono::milliseconds statement_timeout{5000};
    /// How long a request waits for a free connection before answering "unavailable".
    std::chrono::milliseconds acquire_timeout{3000};
    /// Where read-only transactions go (a streaming replica, directly or through a pooler);
    /// empty: to `dsn` like everything else. Writes, migrations and LISTEN stay on `dsn`.
    /// Last, so that positional initialisers ({dsn, pool_size}) keep their meaning.
    std::string read_dsn{}; // a default initializer keeps db_config{dsn, n} warning-free
};

/// Settings applied with SET LOCAL at the start of each transaction, so that per-request scope
/// (statement timeout now; region scope for row-level security later) needs no query changes.
struct request_context {
    std::chrono::milliseconds statement_timeout{0}; ///< 0: use db_config's default
    std::vector<std::pair<std::string, std::string>> settings; ///< e.g. {"riskatlas.region", "370812"}
    /// Shows versioned (computed) layers as of this risk run (SET LOCAL riskatlas.as_of_run);
    /// their version is then this run, fixed forever.
    std::optional<std::int64_t> as_of_run;
};

enum class access { read_only, read_write };

class session; // a running transaction; defined inside data/src, so pqxx never leaks out

class database {
public:
    explicit database(db_config config);
    ~database();
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    /// Runs `work` in one transaction on a pooled connection: BEGIN (repeatable read when
    /// read-only, so several statements see one snapshot), SET LOCAL settings, work, COMMIT.
    /// Read-only work runs on the read_dsn pool when one is configured. Any exception rolls
    /// back and is rethrown as a data:: error; a broken connection is dropped from the pool and
    /// replaced on the next request.
    void transact(const request_context& context, access mode,
                  const std::function<void(session&)>& work);

    struct pool_stats {
        std::size_t capacity = 0;
        std::size_t open = 0;
        std::size_t in_use = 0;
    };
    /// Both pools added up when read_dsn is set.
    pool_stats stats() const;

    /// True when a trivial query succeeds within the acquire timeout (on both databases when
    /// read_dsn is set: an instance that cannot write is not healthy).
    bool ping();

    const db_config& config() const noexcept;

private:
    void transact_once(const request_context& context, access mode,
                       const std::function<void(session&)>& work);

    struct impl;
    std::unique_ptr<impl> m_impl;
};

} // namespace riskatlas::data
