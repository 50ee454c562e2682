// Test database helpers. Creating and dropping scratch databases is test scaffolding, so it talks
// to PostgreSQL directly instead of through the data module.
#include "test_db.hpp"

#include <pqxx/pqxx>

#include <atomic>
#include <cstdlib>
#include <unistd.h>

namespace riskatlas::test {

std::string test_dsn() {
    if (const char* dsn = std::getenv("RISKATLAS_TEST_DSN"))
        return dsn;
    return ""; // libpq falls back to PGHOST/PGPORT/PGUSER/PGDATABASE
}

data::database& shared_database() {
    static data::database db(data::db_config{test_dsn(), 4});
    return db;
}

namespace {
std::string unique_name() {
    static std::atomic<int> counter{0};
    return "riskatlas_scratch_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

void run_outside_transaction(const std::string& sql) {
    pqxx::connection conn(test_dsn());
    pqxx::nontransaction tx(conn);
    tx.exec(sql);
}
} // namespace

scratch_database::scratch_database() : m_name(unique_name()) {
    run_outside_transaction("CREATE DATABASE " + m_name);
    m_dsn = test_dsn() + " dbname=" + m_name;
}

scratch_database::~scratch_database() {
    try {
        run_outside_transaction("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    } catch (...) {
        // a leftover scratch database is harmless: deploy/test throws the cluster away
    }
}

} // namespace riskatlas::test

namespace riskatlas::test {

void exec_sql(const std::string& sql) {
    pqxx::connection conn(test_dsn());
    pqxx::work tx(conn);
    tx.exec(sql);
    tx.commit();
}

} // namespace riskatlas::test
