// Which source column feeds which model field: the mapping file's choices first, then the
// built-in aliases; plus the defaults the mapping gives for fields the file lacks.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <riskatlas/ingest/kinds.hpp>
#include <riskatlas/io/feature_reader.hpp>

namespace riskatlas::ingest::detail {

struct field_binding {
    const field_info *field = nullptr;
    std::optional<std::size_t> column;        ///< index in the file's schema
    std::optional<std::string> default_value; ///< already converted
};

struct resolved_mapping {
    std::vector<field_binding> bindings; ///< one per model field, in model order
    std::map<std::string, std::string> used; ///< model field -> source column
    std::vector<std::string> ignored;        ///< source columns no field took
    const field_binding &binding(std::string_view field) const;
    /// True when the field has a column or a default.
    bool provided(std::string_view field) const;
};

/// Throws invalid_argument: "invalid_mapping" (malformed JSON shape), "unknown_field" (the
/// mapping names a field the kind does not have), "unknown_column" (or a column the file does
/// not have), "missing_fields" (required fields without a column or a default: the message lists
/// them and the file's columns).
resolved_mapping resolve_mapping(entity_kind kind, const io::schema &columns,
                                 const std::optional<nlohmann::json> &mapping);

} // namespace riskatlas::ingest::detail
