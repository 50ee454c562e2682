// Applies the embedded migrations in file-name order, one transaction each.
#include <riskatlas/data/migrations.hpp>

#include "embedded.hpp"
#include "session.hpp"

#include <algorithm>

namespace riskatlas::data {
namespace {
constexpr std::string_view prefix = "migrations/";

struct migration {
    std::string name;
    std::string_view sql;
};

std::vector<migration> embedded_migrations() {
    std::vector<migration> out;
    for (const auto& f : embedded::files())
        if (f.name.starts_with(prefix))
            out.push_back({std::string(f.name.substr(prefix.size())), f.content});
    std::ranges::sort(out, {}, &migration::name);
    return out;
}
} // namespace

std::vector<std::string> known_migrations() {
    std::vector<std::string> names;
    for (const auto& m : embedded_migrations())
        names.push_back(m.name);
    return names;
}

migration_report migrate(database& db) {
    migration_report report;
    for (const auto& m : embedded_migrations()) {
        db.transact({}, access::read_write, [&](session& s) {
            s.exec_file("sql/migrations_prepare.sql");
            s.exec_script(session::embedded_sql("sql/migrations_table.sql"));
            if (!s.exec_file("sql/migration_applied.sql", m.name).empty()) {
                ++report.already_applied;
                return;
            }
            s.exec_script(m.sql);
            s.exec_file("sql/migration_record.sql", m.name);
            report.applied.push_back(m.name);
        });
    }
    return report;
}

} // namespace riskatlas::data
