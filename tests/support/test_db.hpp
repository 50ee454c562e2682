// The database the pg tests use: the PG* environment (set by deploy/test) or RISKATLAS_TEST_DSN,
// already migrated (and loaded with the demo) by the `setup_demo_db` CTest fixture.
#pragma once

#include <riskatlas/data/database.hpp>

#include <string>

namespace riskatlas::test {

/// libpq connection string for the test database.
std::string test_dsn();

/// One pool shared by all tests in the program.
data::database& shared_database();

/// Runs `sql` in its own committed transaction on the test database (edits seen by the server).
void exec_sql(const std::string& sql);

/// Creates an empty scratch database (with a unique name) and drops it on destruction.
class scratch_database {
public:
    scratch_database();
    ~scratch_database();
    scratch_database(const scratch_database&) = delete;
    scratch_database& operator=(const scratch_database&) = delete;
    const std::string& dsn() const noexcept { return m_dsn; }
    const std::string& name() const noexcept { return m_name; }

private:
    std::string m_name;
    std::string m_dsn;
};

} // namespace riskatlas::test
