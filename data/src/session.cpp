// Prepared-statement bookkeeping and access to the SQL files embedded at build time.
#include "session.hpp"

#include <riskatlas/error.hpp>

#include "embedded.hpp"

namespace riskatlas::data {

std::string_view session::embedded_sql(std::string_view file) {
    for (const auto& f : embedded::files())
        if (f.name == file)
            return f.content;
    throw error("missing_sql", "no embedded SQL file " + std::string(file));
}

void session::prepare(const std::string& name, std::string_view sql) {
    if (m_conn.prepared.contains(name))
        return;
    m_conn.connection->prepare(name, std::string(sql));
    m_conn.prepared.insert(name);
}

} // namespace riskatlas::data
