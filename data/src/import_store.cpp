// Staging by COPY (libpqxx stream_to) into a temporary table, checks and merge from the embedded
// import_*.sql files of the kind. Kind names select files from a fixed list, never SQL text.
#include <riskatlas/data/import_store.hpp>

#include <algorithm>
#include <array>

#include <riskatlas/error.hpp>

#include "copy_text.hpp"
#include "session.hpp"

#include <pqxx/tablewriter>

namespace riskatlas::data {
namespace {

// Importable kinds and the stem of their SQL files (import_<what>_<stem>.sql).
struct stageable_kind {
    std::string_view kind;
    std::string_view stem;
    std::string_view table;
    bool merged_rules; ///< has import_rules_<stem>.sql: rules across fields on the merged record
    bool prepared = false; ///< has import_prepare_<stem>.sql: fills derived values before checks
    /// has import_orphans_<stem>.sql (and an import_refused table): rows name other rows of the
    /// file as their parent
    bool parents_in_file = false;
};
constexpr std::array<stageable_kind, 9> stageable{{
    {"enterprises", "enterprises", "enterprises", false},
    {"hazards", "hazards", "hazards", true},
    {"regions", "regions", "regions", false, false, true},
    {"parks", "parks", "regions", false},
    {"road-risk-segments", "road_risk_segments", "road_risk_segments", false},
    {"safety-works", "safety_works", "safety_works", true},
    {"bridges", "bridges", "bridges", true, true},
    {"roads", "roads", "road_pieces", false, true},
    {"premises", "premises", "premises", false},
}};

const stageable_kind& find_kind(std::string_view kind) {
    for (const auto& k : stageable)
        if (k.kind == kind)
            return k;
    throw invalid_argument("unsupported_kind", "no import staging for '" + std::string(kind) + "'");
}

// An import of at least this many rows into a table holding fewer rebuilds the spatial indexes
// after the merge; otherwise (small edits, re-imports of the same file) they are maintained row
// by row.
constexpr std::int64_t bulk_min_rows = 20000;

std::string sql_file(std::string_view what, std::string_view kind) {
    return "sql/import_" + std::string(what) + "_" + std::string(find_kind(kind).stem) + ".sql";
}

} // namespace

// pqxx 6.4's stream_to only takes tuples of a fixed size; tablewriter takes raw COPY lines,
// which we build ourselves (one buffer reused per row).
struct import_stage::impl {
    session& s;
    std::string kind;
    std::size_t columns = 0;
    std::string line;
    std::unique_ptr<pqxx::tablewriter> writer;
};

import_stage::import_stage(session& s, std::string_view kind, std::vector<std::string> fields)
    : m_impl(std::make_unique<impl>(impl{s, std::string(kind), 0, {}, nullptr})) {
    find_kind(kind);
    s.exec_script(session::embedded_sql(sql_file("stage", kind)));
    std::vector<std::string> columns{"_row"};
    columns.insert(columns.end(), fields.begin(), fields.end());
    columns.emplace_back("geom");
    m_impl->columns = columns.size();
    m_impl->writer = std::make_unique<pqxx::tablewriter>(s.transaction(), "import_staging",
                                                         columns.begin(), columns.end());
}

import_stage::~import_stage() = default;

void import_stage::add(std::int64_t row, const std::vector<std::optional<std::string>>& values,
                       const std::optional<std::string>& hex_wkb) {
    if (values.size() + 2 != m_impl->columns)
        throw std::logic_error("import_stage::add: wrong number of values");
    auto& line = m_impl->line;
    line = std::to_string(row);
    for (const auto& v : values) {
        line += '\t';
        append_copy_value(line, v);
    }
    line += '\t';
    append_copy_value(line, hex_wkb);
    m_impl->writer->write_raw_line(line);
}

namespace {

std::vector<std::string> row_texts(const std::vector<std::int64_t>& rows) {
    std::vector<std::string> text;
    text.reserve(rows.size());
    for (const auto row : rows)
        text.push_back(std::to_string(row));
    return text;
}

void collect_issues(const pqxx::result& rows, std::vector<staged_issue>& issues) {
    for (const auto& r : rows)
        issues.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::string>()});
}

// Refusing a row orphans the rows naming it as their parent (the merge would break the foreign
// key), and refusing those orphans theirs: one generation per query, until none is left.
void refuse_orphans(session& s, std::string_view kind, std::vector<staged_issue>& issues) {
    std::vector<std::int64_t> refused;
    std::size_t known = 0;
    do {
        for (; known < issues.size(); ++known)
            refused.push_back(issues[known].row);
        collect_issues(
            s.exec_file(sql_file("orphans", kind), text_array_literal(row_texts(refused))), issues);
    } while (known < issues.size());
}

} // namespace

std::vector<staged_issue> import_stage::check(const std::vector<std::string>& provided,
                                              const std::vector<refused_key>& refused_before) {
    auto& s = m_impl->s;
    const auto& kind = find_kind(m_impl->kind);
    if (m_impl->writer) {
        m_impl->writer->complete();
        m_impl->writer.reset();
    }
    // the merge finds each position's township by a spatial join on the staged rows
    s.exec_script("CREATE INDEX ON import_staging USING gist (ST_SetSRID(geom, 4326));"
                  "ANALYZE import_staging");
    if (kind.prepared)
        s.exec_file(sql_file("prepare", m_impl->kind));
    if (kind.parents_in_file && !refused_before.empty()) {
        std::vector<std::int64_t> rows;
        std::vector<std::string> keys;
        for (const auto& r : refused_before) {
            rows.push_back(r.row);
            keys.push_back(r.key);
        }
        s.exec_file("sql/import_refused_keys.sql", text_array_literal(row_texts(rows)),
                    text_array_literal(keys));
    }
    std::vector<staged_issue> issues;
    collect_issues(s.exec_file(sql_file("check", m_impl->kind)), issues);
    if (kind.merged_rules)
        collect_issues(s.exec_file(sql_file("rules", m_impl->kind), text_array_literal(provided)),
                       issues);
    if (kind.parents_in_file)
        refuse_orphans(s, m_impl->kind, issues);
    return issues;
}

void import_stage::drop(const std::vector<std::int64_t>& rows) {
    if (rows.empty())
        return;
    m_impl->s.exec_file("sql/import_drop_rows.sql", text_array_literal(row_texts(rows)));
}

merge_counts import_stage::merge(const std::vector<std::string>& provided, bool bulk_allowed) {
    auto& s = m_impl->s;
    const std::string table(find_kind(m_impl->kind).table);
    const auto size = s.exec_file("sql/import_bulk_size.sql", table);
    const auto staged = size[0][0].as<std::int64_t>();
    const auto existing = size[0][1].as<std::int64_t>();
    // A bulk load: drop the GiST indexes inside this transaction (readers of the table wait for
    // its end, a few seconds) and build them again once; an abort brings the old ones back.
    std::vector<std::string> rebuild;
    if (bulk_allowed && staged >= bulk_min_rows && staged > existing) {
        for (const auto& index : s.exec_file("sql/import_spatial_indexes.sql", table)) {
            rebuild.push_back(index[1].as<std::string>());
            s.exec_script("DROP INDEX " + index[0].as<std::string>());
        }
    }
    const auto r = s.exec_file(sql_file("merge", m_impl->kind), text_array_literal(provided));
    for (const auto& definition : rebuild)
        s.exec_script(definition);
    return {r[0][0].as<std::int64_t>(), r[0][1].as<std::int64_t>()};
}

std::optional<lonlat_box> region_extent(database& db) {
    std::optional<lonlat_box> out;
    db.transact({}, access::read_only, [&](session& s) {
        const auto r = s.exec_file("sql/import_region_extent.sql");
        if (r.empty() || r[0][0].is_null())
            return;
        out = lonlat_box{r[0][0].as<double>(), r[0][1].as<double>(), r[0][2].as<double>(),
                         r[0][3].as<double>()};
    });
    return out;
}

} // namespace riskatlas::data
