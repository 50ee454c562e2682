// A running transaction on a pooled connection: executes embedded or generated SQL as prepared
// statements, preparing each statement once per connection.
#pragma once

#include <pqxx/pqxx>

#include <string>
#include <string_view>
#include <unordered_set>

namespace riskatlas::data {

/// A pooled connection and the names of the statements already prepared on it.
struct pooled_connection {
    std::unique_ptr<pqxx::connection> connection;
    std::unordered_set<std::string> prepared;
};

class session {
public:
    session(pooled_connection& conn, pqxx::transaction_base& txn) : m_conn(conn), m_txn(txn) {}

    /// Executes the statement `name` (prepared from `sql` on first use on this connection).
    template <typename... TArgs>
    pqxx::result exec(const std::string& name, std::string_view sql, TArgs&&... args) {
        prepare(name, sql);
        return m_txn.exec_prepared(name, std::forward<TArgs>(args)...);
    }

    /// Executes an embedded SQL file from data/sql by its name, e.g. "sql/layer_version.sql".
    template <typename... TArgs> pqxx::result exec_file(const std::string& file, TArgs&&... args) {
        return exec(file, embedded_sql(file), std::forward<TArgs>(args)...);
    }

    /// Runs a multi-statement script (migrations) with the simple query protocol.
    void exec_script(std::string_view sql) { m_txn.exec(std::string(sql)); }

    pqxx::transaction_base& transaction() { return m_txn; }

    static std::string_view embedded_sql(std::string_view file);

private:
    void prepare(const std::string& name, std::string_view sql);

    pooled_connection& m_conn;
    pqxx::transaction_base& m_txn;
};

} // namespace riskatlas::data
