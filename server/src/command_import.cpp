// `riskatlas import`: the CLI door of the import pipeline. A progress bar with rows/s and ETA on
// a terminal, plain progress lines otherwise (logs, CI); a summary, the first rejects, and the
// full report as JSON/CSV files when asked.
#include "commands.hpp"

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/migrations.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace riskatlas::server {
namespace {

constexpr std::size_t rejects_shown = 20;

class progress_printer {
public:
    progress_printer() : m_tty(isatty(STDERR_FILENO) == 1), m_started(clock::now()) {}

    void operator()(const ingest::import_progress& p) {
        const auto now = clock::now();
        const bool last = p.stage == "done";
        if (!last && now - m_printed < (m_tty ? std::chrono::milliseconds(200) : std::chrono::seconds(5)))
            return;
        m_printed = now;
        const double seconds = std::chrono::duration<double>(now - m_started).count();
        const double rate = seconds > 0 ? static_cast<double>(p.rows) / seconds : 0;
        std::string line = std::string(p.stage) + " " + std::to_string(p.rows);
        if (p.total && *p.total > 0) {
            const double done = std::min(1.0, static_cast<double>(p.rows) / static_cast<double>(*p.total));
            line += "/" + std::to_string(*p.total);
            if (m_tty) {
                const int width = 30;
                const int filled = static_cast<int>(done * width);
                line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                       std::string(static_cast<std::size_t>(width - filled), '.') + "] " + line;
            }
            if (rate > 0 && !last) {
                const double eta = static_cast<double>(*p.total - p.rows) / rate;
                line += " ETA " + std::to_string(static_cast<int>(eta + 0.5)) + " s";
            }
        }
        char rate_text[48];
        std::snprintf(rate_text, sizeof rate_text, " %.0f rows/s", rate);
        line += rate_text;
        if (m_tty)
            std::cerr << "\r" << line << "\033[K" << (last ? "\n" : "") << std::flush;
        else
            std::cerr << line << "\n";
    }

private:
    using clock = std::chrono::steady_clock;
    bool m_tty;
    clock::time_point m_started;
    clock::time_point m_printed{};
};

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
    progress_printer printer;
    const auto report = ingest::run_import(db, options, [&](const ingest::import_progress& p) { printer(p); });
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
