// `riskatlas import`: the CLI door of the import pipeline. A progress bar with rows/s and ETA on
// a terminal, plain progress lines otherwise (logs, CI); a summary, the first rejects, and the
// full report as JSON/CSV files when asked.
#include "commands.hpp"
#include "progress_bar.hpp"

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/migrations.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <sys/resource.h>

#include <fstream>
#include <iostream>
#include <sstream>

namespace riskatlas::server {
namespace {

constexpr std::size_t rejects_shown = 20;

std::optional<nlohmann::json> read_mapping(const std::string& path) {
    if (path.empty())
        return std::nullopt;
    std::ifstream in(path);
    if (!in)
        throw invalid_argument("unreadable_file", "cannot read the mapping file " + path);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = nlohmann::json::parse(text.str(), nullptr, false);
    if (parsed.is_discarded())
        throw invalid_argument("invalid_mapping", "the mapping file " + path + " is not valid JSON");
    return parsed;
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out)
        throw invalid_argument("unwritable_file", "cannot write " + path);
}

void print_summary(const ingest::import_report& r) {
    const auto& c = r.counts;
    std::cout << r.file << " as " << r.kind << ": " << r.outcome << "\n"
              << "  read with " << r.driver << ", layer '" << r.layer << "', encoding " << r.encoding
              << "\n  CRS " << (r.source_crs.empty() ? "(no geometry)" : r.source_crs)
              << (r.crs_from.empty() ? "" : " from " + r.crs_from) << (r.gcj02 ? ", GCJ-02 corrected" : "")
              << "\n  mapping:";
    for (const auto& [field, column] : r.mapping)
        std::cout << " " << field << "<-" << column;
    if (!r.ignored_columns.empty()) {
        std::cout << "\n  ignored columns:";
        for (const auto& column : r.ignored_columns)
            std::cout << " " << column;
    }
    std::cout << "\n  read " << c.read << ", valid " << c.valid << ", repaired " << c.repaired
              << ", rejected " << c.rejected << "; inserted " << c.inserted << ", updated "
              << c.updated << ", unchanged " << c.unchanged << " (" << r.seconds << " s)\n";
    for (std::size_t i = 0; i < r.rejects.size() && i < rejects_shown; ++i)
        std::cout << "  reject row " << r.rejects[i].row << " " << r.rejects[i].field << ": "
                  << r.rejects[i].reason << "\n";
    if (r.rejects.size() > rejects_shown)
        std::cout << "  ... " << r.rejects.size() - rejects_shown << " more (--rejects FILE)\n";
    for (std::size_t i = 0; i < r.repairs.size() && i < rejects_shown; ++i)
        std::cout << "  repaired row " << r.repairs[i].row << ": " << r.repairs[i].reason << "\n";
}

} // namespace

int command_import_kinds() {
    std::cout << ingest::kinds_json().dump(2) << "\n";
    return 0;
}

int command_import(const server_config& cfg, const import_command& cmd) {
    ingest::import_options options = cmd.options;
    options.mapping = read_mapping(cmd.mapping_file);
    data::database db(cfg.db);
    data::migrate(db);
    progress_bar bar("rows");
    const auto report = ingest::run_import(db, options, [&](const ingest::import_progress& p) {
        const auto total = p.total ? std::optional(static_cast<std::uint64_t>(*p.total)) : std::nullopt;
        bar.update(p.stage, static_cast<std::uint64_t>(p.rows), total, p.stage == "done");
    });
    if (cmd.json)
        std::cout << to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else
        print_summary(report);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    spdlog::info("import: peak memory {} MiB", usage.ru_maxrss / 1024); // ru_maxrss is in KiB
    if (!cmd.report_file.empty())
        write_file(cmd.report_file,
                   to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    if (!cmd.rejects_file.empty())
        write_file(cmd.rejects_file, rejects_csv(report));
    return report.outcome == "rejected" ? 2 : 0;
}

} // namespace riskatlas::server
