// run_import: the pipeline's driver. Everything happens inside one read-write transaction:
// reading streams features one at a time into COPY, so memory stays flat in the file's size,
// and an exception, a rejected all-or-nothing import, a dry run or a killed process all end in
// a rollback.
#include <riskatlas/ingest/import.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include <spdlog/spdlog.h>

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/import_store.hpp>
#include <riskatlas/geo/geometry.hpp>

#include "geometry_check.hpp"
#include "mapping.hpp"
#include "row_recorder.hpp"
#include "row_rules.hpp"
#include "source.hpp"
#include "source_crs.hpp"
#include "source_position.hpp"
#include "values.hpp"

namespace riskatlas::ingest {
namespace {

using namespace detail;

// Thrown inside the transaction to roll it back after a dry run or a rejected import; the
// report is complete by then.
struct roll_back {};

constexpr std::int64_t progress_every = 2000;
// A file without a CRS gets one from the positions of its first rows: enough of them that one
// odd row cannot decide, few enough to hold in memory while the file is read ahead.
constexpr std::size_t crs_sample_positions = 100;
constexpr std::size_t crs_sample_max_rows = 1000;
constexpr std::string_view position_fields[] = {"lon", "lat", "wkt"};

bool is_position_field(std::string_view name) {
    for (const auto p : position_fields)
        if (p == name)
            return true;
    return false;
}

shape wanted_shape(entity_kind kind) {
    const auto rule = geometry_rule(kind);
    return rule == "polygon" ? shape::polygon : rule == "line" ? shape::line : shape::point;
}

bool geometry_required(entity_kind kind) {
    return kind == entity_kind::regions || kind == entity_kind::parks || kind == entity_kind::roads;
}

// A region's parent may be another row of the same file; the database refuses the children of a
// row refused here only if it learns the refused row's key.
bool rows_name_each_other(entity_kind kind) { return kind == entity_kind::regions; }

std::optional<std::string> value_of(std::string_view field, const std::vector<std::string>& fields,
                                    const std::vector<std::optional<std::string>>& values) {
    for (std::size_t k = 0; k < fields.size(); ++k)
        if (fields[k] == field)
            return values[k];
    return std::nullopt;
}

std::string file_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Seconds since the previous lap, for the log's account of where an import's time went.
class stopwatch {
  public:
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - m_last).count();
        m_last = now;
        return seconds;
    }

  private:
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

// One pass over the file inside the transaction.
class import_pass {
  public:
    import_pass(const import_options& options, const std::optional<data::lonlat_box>& region,
                const progress_fn& progress, import_report& report)
        : m_options(options), m_progress(progress), m_report(report),
          m_recorder(report, options.max_listed),
          m_source(
              open_source(options.path, options.display_name, options.layer, options.encoding)),
          m_mapping(resolve_mapping(options.kind, m_source.reader.fields(), options.mapping)),
          m_geometry(settings(options, region, file_crs(m_source.reader))) {
        describe_source();
    }

    void run(data::session& s) {
        std::vector<std::string> staged_fields;
        for (const auto& b : m_mapping.bindings)
            if (!is_position_field(b.field->name))
                staged_fields.push_back(b.field->name);
        data::import_stage stage(s, kind_name(m_options.kind), staged_fields);
        const auto rows = read_and_stage(stage, staged_fields);
        m_report.crs_from = m_geometry.crs_from();
        m_report.source_crs = m_geometry.crs_text();
        if (m_progress)
            m_progress({"merging", rows, m_total});

        const auto refused = check_staged(stage);
        // A dry run goes on with the valid rows, so that it says what they would do.
        if (m_report.counts.rejected > 0 && !m_options.accept_partial && !m_options.dry_run) {
            m_report.outcome = "rejected";
            throw roll_back{};
        }
        stage.drop(refused);
        const auto merged = stage.merge(provided_fields(), !m_options.dry_run);
        spdlog::info("import {}: merged in {:.2f} s", m_report.file, m_phase.lap());
        m_report.counts.inserted = merged.inserted;
        m_report.counts.updated = merged.updated;
        m_report.counts.unchanged = m_report.counts.valid - merged.inserted - merged.updated;
        if (m_options.dry_run) {
            m_report.outcome = "dry_run";
            throw roll_back{};
        }
        m_report.outcome = "committed";
    }

  private:
    // Streams every feature into the staging table (the CRS sample first); returns the rows read.
    std::int64_t read_and_stage(data::import_stage& stage,
                                const std::vector<std::string>& staged_fields) {
        std::vector<std::optional<std::string>> values(staged_fields.size());
        std::int64_t row = 0;
        const auto stage_next = [&](const io::feature& feature) {
            ++row;
            ++m_report.counts.read;
            if (stage_row(stage, row, feature, staged_fields, values))
                ++m_report.counts.valid;
            else if (rows_name_each_other(m_options.kind))
                remember_refused_key(row, staged_fields, values);
            if (m_progress && row % progress_every == 0)
                m_progress({"reading", row, m_total});
        };
        for (const auto& feature : read_crs_sample())
            stage_next(feature);
        io::feature feature;
        while (m_source.reader.read(feature))
            stage_next(feature);
        for (auto& w : m_source.reader.warnings())
            if (m_report.warnings.size() < m_options.max_listed)
                m_report.warnings.push_back(std::move(w));
        spdlog::info("import {}: read and staged {} rows in {:.2f} s", m_report.file, row,
                     m_phase.lap());
        return row;
    }

    // When the CRS comes from the coordinates, reads the first rows ahead and decides it from
    // their positions; they are returned to be staged as usual.
    std::vector<io::feature> read_crs_sample() {
        std::vector<io::feature> ahead;
        if (geometry_rule(m_options.kind).empty() || !m_geometry.crs_from_coordinates())
            return ahead;
        std::vector<source_xy> positions;
        io::feature feature;
        while (positions.size() < crs_sample_positions && ahead.size() < crs_sample_max_rows &&
               m_source.reader.read(feature)) {
            if (const auto g = read_position(feature, m_mapping).geometry; g && !g->is_empty()) {
                const auto e = g->envelope();
                if (std::isfinite(e.min_x) && std::isfinite(e.min_y))
                    positions.push_back({e.min_x, e.min_y});
            }
            ahead.push_back(std::exchange(feature, io::feature{}));
        }
        if (!positions.empty())
            m_geometry.decide_crs(positions);
        return ahead;
    }

    void remember_refused_key(std::int64_t row, const std::vector<std::string>& staged_fields,
                              const std::vector<std::optional<std::string>>& values) {
        for (const auto& b : m_mapping.bindings)
            if (b.field->key)
                if (auto key = value_of(b.field->name, staged_fields, values))
                    m_refused_keys.push_back({row, std::move(*key)});
    }

    // The database's checks on the staged rows; returns every row they refuse, sorted, and
    // settles the counts.
    std::vector<std::int64_t> check_staged(data::import_stage& stage) {
        std::vector<std::int64_t> refused;
        const auto staged_issues = stage.check(provided_fields(), m_refused_keys);
        spdlog::info("import {}: checked keys and references in {:.2f} s", m_report.file,
                     m_phase.lap());
        for (auto issue : staged_issues) {
            refused.push_back(issue.row);
            m_recorder.reject(issue.row, std::move(issue.field), std::move(issue.reason));
        }
        std::sort(refused.begin(), refused.end());
        refused.erase(std::unique(refused.begin(), refused.end()), refused.end());
        m_recorder.forget_repairs_of(refused);
        m_report.counts.valid -= static_cast<std::int64_t>(refused.size());
        m_report.counts.rejected = m_report.counts.read - m_report.counts.valid;
        std::stable_sort(m_report.rejects.begin(), m_report.rejects.end(),
                         [](const row_issue& a, const row_issue& b) { return a.row < b.row; });
        return refused;
    }

    static std::optional<std::string> file_crs(const io::feature_reader& reader) {
        if (!reader.has_geometry())
            return std::nullopt;
        if (auto code = reader.crs_authority())
            return code;
        return reader.crs_wkt();
    }

    static geometry_settings settings(const import_options& options,
                                      const std::optional<data::lonlat_box>& region,
                                      std::optional<std::string> crs_of_file) {
        geometry_settings out;
        out.file_crs = std::move(crs_of_file);
        if (!options.crs.empty())
            out.crs_option = expand_crs_option(options.crs);
        out.gcj02 = options.gcj02;
        out.region = region;
        out.region_margin_km = options.region_margin_km;
        return out;
    }

    void describe_source() {
        auto& r = m_report;
        auto& reader = m_source.reader;
        r.driver = reader.driver_name();
        r.layer = reader.layer_name();
        r.encoding = m_source.encoding;
        for (const auto& f : reader.fields().fields())
            r.columns.push_back(f.name);
        r.mapping = m_mapping.used;
        r.ignored_columns = m_mapping.ignored;
    }

    std::vector<std::string> provided_fields() const {
        std::vector<std::string> out;
        for (const auto& b : m_mapping.bindings)
            if (!is_position_field(b.field->name) && (b.column || b.default_value))
                out.push_back(b.field->name);
        if (!geometry_rule(m_options.kind).empty() &&
            (m_source.reader.has_geometry() || m_mapping.provided("wkt") ||
             (m_mapping.provided("lon") && m_mapping.provided("lat"))))
            out.emplace_back("geom");
        return out;
    }

    std::optional<std::string> cell(const io::feature& f, const field_binding& b, std::int64_t row,
                                    bool& ok) {
        auto value = cell_value(f, b);
        if (const auto* problem = std::get_if<value_error>(&value)) {
            m_recorder.reject(row, b.field->name, problem->reason);
            ok = false;
            return std::nullopt;
        }
        return std::get<std::optional<std::string>>(std::move(value));
    }

    std::optional<geo::geometry> source_geometry(const io::feature& f, std::int64_t row, bool& ok) {
        auto position = read_position(f, m_mapping);
        for (auto& problem : position.problems) {
            m_recorder.reject(row, std::move(problem.field), std::move(problem.reason));
            ok = false;
        }
        return std::move(position.geometry);
    }

    bool stage_row(data::import_stage& stage, std::int64_t row, const io::feature& f,
                   const std::vector<std::string>& staged_fields,
                   std::vector<std::optional<std::string>>& values) {
        bool ok = true;
        std::size_t i = 0;
        for (const auto& b : m_mapping.bindings) {
            if (is_position_field(b.field->name))
                continue;
            values[i] = cell(f, b, row, ok);
            if (ok && !values[i] && b.field->required && b.field->key) {
                m_recorder.reject(row, b.field->name, "the key is empty");
                ok = false;
            } else if (ok && !values[i] && b.field->required) {
                m_recorder.reject(row, b.field->name, "required value is empty");
                ok = false;
            }
            ++i;
        }
        if (ok) {
            const auto value = [&](std::string_view name) -> std::optional<std::string> {
                for (std::size_t k = 0; k < staged_fields.size(); ++k)
                    if (staged_fields[k] == name)
                        return values[k];
                return std::nullopt;
            };
            if (const auto problem = cross_field_problem(m_options.kind, value)) {
                m_recorder.reject(row, problem->field, problem->reason);
                ok = false;
            }
        }

        std::optional<std::string> hex;
        if (geometry_rule(m_options.kind).empty()) { // placed on its route by its stakes
            if (ok)
                stage.add(row, values, hex);
            return ok;
        }
        const auto g = source_geometry(f, row, ok);
        if (g) {
            // villages are points (the regions table requires it); the other regions polygons
            const bool village = m_options.kind == entity_kind::regions &&
                                 value_of("kind", staged_fields, values) == "village";
            const auto checked = m_geometry.process(
                *g, village ? shape::point : wanted_shape(m_options.kind), false);
            if (checked.reject) {
                m_recorder.reject(row, "geometry", *checked.reject);
                ok = false;
            } else {
                hex = checked.hex_wkb;
                if (checked.repair && ok)
                    m_recorder.repair(row, *checked.repair);
            }
        } else if (ok && geometry_required(m_options.kind)) {
            m_recorder.reject(row, "geometry",
                              "no geometry (" + std::string(kind_name(m_options.kind)) +
                                  " need a " + std::string(geometry_rule(m_options.kind)) + ")");
            ok = false;
        }
        if (ok)
            stage.add(row, values, hex);
        return ok;
    }

    stopwatch m_phase;
    const import_options& m_options;
    const progress_fn& m_progress;
    import_report& m_report;
    row_recorder m_recorder;
    opened_source m_source;
    resolved_mapping m_mapping;
    geometry_check m_geometry;
    std::optional<std::int64_t> m_total = m_source.reader.feature_count_hint();
    std::vector<data::refused_key> m_refused_keys;
};

} // namespace

import_report run_import(data::database& db, const import_options& options,
                         const progress_fn& progress) {
    if (!importable(options.kind)) {
        std::string supported;
        for (const auto k : all_kinds())
            if (importable(k))
                supported += (supported.empty() ? "" : ", ") + std::string(kind_name(k));
        throw invalid_argument("unsupported_kind",
                               "importing " + std::string(kind_name(options.kind)) +
                                   " is not supported yet; supported: " + supported);
    }
    const auto started = std::chrono::steady_clock::now();
    const auto region = data::region_extent(db);
    import_report report;
    data::request_context context;
    context.statement_timeout = options.statement_timeout;
    try {
        db.transact(context, data::access::read_write, [&](data::session& s) {
            report = import_report{}; // a retried transaction starts over
            report.file =
                options.display_name.empty() ? file_name(options.path) : options.display_name;
            report.kind = std::string(kind_name(options.kind));
            report.gcj02 = options.gcj02;
            import_pass pass(options, region, progress, report);
            spdlog::info("import {} as {}: {} layer '{}', encoding {}", report.file, report.kind,
                         report.driver, report.layer, report.encoding);
            pass.run(s);
        });
    } catch (const roll_back&) {
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (progress)
        progress({"done", report.counts.read, report.counts.read});
    spdlog::info(
        "import {}: {} ({}): read {}, repaired {}, rejected {}, inserted {}, "
        "updated {}, unchanged {} in {:.2f} s",
        report.file, report.outcome,
        report.source_crs.empty() ? "no geometry"
                                  : "CRS " + report.source_crs + " from " + report.crs_from,
        report.counts.read, report.counts.repaired, report.counts.rejected, report.counts.inserted,
        report.counts.updated, report.counts.unchanged, report.seconds);
    return report;
}

} // namespace riskatlas::ingest
