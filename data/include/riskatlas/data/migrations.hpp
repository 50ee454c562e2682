// Schema migrations: numbered SQL files in data/migrations, applied in order, each in its own
// transaction, recorded in schema_migrations; applying again is a no-op.
#pragma once

#include <string>
#include <vector>

#include <riskatlas/data/database.hpp>

namespace riskatlas::data {

struct migration_report {
    std::vector<std::string> applied; ///< names applied by this call, in order
    std::size_t already_applied = 0;
};

/// Names of the migrations built into this binary, in order ("0001_core.sql", ...).
std::vector<std::string> known_migrations();

/// Applies every migration not yet recorded. Concurrent callers (two servers starting at once)
/// serialise on an advisory lock, so each migration runs exactly once.
migration_report migrate(database& db);

} // namespace riskatlas::data
