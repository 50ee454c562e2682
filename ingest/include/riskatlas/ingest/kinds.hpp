// What can be imported: each entity kind's model fields, their types, which are required, and the
// source column names recognised without a mapping file (Chinese ledger headers included).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace riskatlas::ingest {

enum class entity_kind {
    enterprises,
    parks,
    regions,
    hazards,
    bridges,
    road_risk_segments,
    safety_works,
    roads,
    premises,
};

/// "enterprises", "road-risk-segments", ... (the CLI's --as values).
std::string_view kind_name(entity_kind kind) noexcept;
/// Accepts the CLI spelling with '-' or '_'; throws invalid_argument("unknown_kind") listing them.
entity_kind parse_kind(std::string_view name);
std::vector<entity_kind> all_kinds();

/// `stake`: a position along a route, `K12+300` or plain metres, stored as metres.
enum class field_type { text, integer, real, boolean, date, enumeration, text_list, stake };

struct field_info {
    std::string name;
    field_type type = field_type::text;
    bool required = false;
    std::vector<std::string> aliases; ///< source headers matched case-insensitively
    std::vector<std::string> values;  ///< enumeration values (model spelling)
    /// Source spellings accepted for an enumeration value (e.g. 重大 -> major).
    std::vector<std::pair<std::string, std::string>> value_aliases;
    std::optional<double> min; ///< numeric range, inclusive
    std::optional<double> max;
    bool key = false; ///< part of the natural key: re-imports update the record it names
    /// A checked format: "credit_code" (GB 32100), "region_code", "industry_code" (GB/T 4754),
    /// "route_code" (GB/T 917, canonicalised), "works_code", "bridge_code", "premises_code",
    /// "phone".
    std::string format;
    std::string description;
};

/// The kind's importable fields (geometry is separate: see geometry_rule).
const std::vector<field_info> &model_fields(entity_kind kind);
/// The geometry a kind needs: "point", "polygon", "line"; "" for kinds placed by their stakes
/// on a route (a geometry in the file is then ignored).
std::string_view geometry_rule(entity_kind kind) noexcept;
/// Whether run_import supports the kind yet; the others throw invalid_argument("unsupported_kind").
bool importable(entity_kind kind) noexcept;

/// The kinds and their fields as JSON, for the import page and `riskatlas import --help-kinds`.
nlohmann::json kinds_json();

} // namespace riskatlas::ingest
