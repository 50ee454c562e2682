// The import report as JSON (API, CLI --json) and its rejects as CSV (a download for the clerk
// who fixes the ledger).
#include <riskatlas/ingest/import.hpp>

namespace riskatlas::ingest {
namespace {

nlohmann::json issues_json(const std::vector<row_issue> &issues) {
    auto out = nlohmann::json::array();
    for (const auto &i : issues)
        out.push_back({{"row", i.row}, {"field", i.field}, {"reason", i.reason}});
    return out;
}

std::string csv_cell(const std::string &text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

nlohmann::json to_json(const import_report &r) {
    const auto &c = r.counts;
    return {
        {"file", r.file},
        {"kind", r.kind},
        {"outcome", r.outcome},
        {"driver", r.driver},
        {"layer", r.layer},
        {"encoding", r.encoding},
        {"crs", {{"source", r.source_crs}, {"from", r.crs_from}, {"gcj02", r.gcj02}}},
        {"columns", r.columns},
        {"mapping", r.mapping},
        {"ignored_columns", r.ignored_columns},
        {"counts",
         {{"read", c.read},
          {"valid", c.valid},
          {"repaired", c.repaired},
          {"rejected", c.rejected},
          {"inserted", c.inserted},
          {"updated", c.updated},
          {"unchanged", c.unchanged}}},
        {"rejects", issues_json(r.rejects)},
        {"repairs", issues_json(r.repairs)},
        {"warnings", r.warnings},
        {"seconds", r.seconds},
    };
}

std::string rejects_csv(const import_report &r) {
    std::string out = "\xEF\xBB\xBFrow,field,reason\n";
    for (const auto &i : r.rejects)
        out += std::to_string(i.row) + "," + csv_cell(i.field) + "," + csv_cell(i.reason) + "\n";
    return out;
}

} // namespace riskatlas::ingest
