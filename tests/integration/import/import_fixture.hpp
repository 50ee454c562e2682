// A scratch database for the import tests: migrated, with a small made-up county (two
// townships and a park around Yanzhou's real position) so that region checks apply.
#pragma once

#include "test_db.hpp"

#include <riskatlas/ingest/import.hpp>

#include <functional>
#include <memory>
#include <string>

namespace riskatlas::test {

class import_fixture {
public:
    import_fixture();
    data::database& db() { return *m_db; }
    const std::string& dsn() const { return m_scratch.dsn(); }
    /// Runs one import of `path` as `kind`, with `tweak` adjusting the options first.
    ingest::import_report import(const std::string& path, ingest::entity_kind kind,
                                 const std::function<void(ingest::import_options&)>& tweak = {});
    /// A single number from SQL.
    long long scalar(const std::string& sql);
    std::string text(const std::string& sql);
    /// Runs SQL in its own committed transaction (setting up what an import meets).
    void exec(const std::string& sql);
    /// Marks the `rows` records of `table` as the demo's (generated), then checks that importing
    /// `path`, which names them all, makes them real data, and that importing it again writes
    /// nothing.
    void check_import_clears_generated(const std::string& table, const std::string& path,
                                       ingest::entity_kind kind, long long rows,
                                       const std::function<void(ingest::import_options&)>& tweak = {});
    /// Empties the imported tables (regions back to the fixture's).
    void reset();

private:
    scratch_database m_scratch;
    std::unique_ptr<data::database> m_db;
};

/// A credit code with a valid GB 32100 check character, distinct for each n.
std::string credit_code(int n);

/// True when the report rejects `row` on `field` with a reason containing `reason_part`.
bool has_reject(const ingest::import_report& r, std::int64_t row, const std::string& field,
                const std::string& reason_part);

} // namespace riskatlas::test
