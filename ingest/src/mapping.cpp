// Mapping resolution. Header matching ignores ASCII case and surrounding spaces because ledgers
// are typed by hand; each column feeds at most one field, the first in model order.
#include "mapping.hpp"

#include <algorithm>
#include <set>

#include "values.hpp"

namespace riskatlas::ingest::detail {
namespace {

std::string normal_header(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::string join(const std::vector<std::string> &items) {
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out.empty() ? "(none)" : out;
}

std::vector<std::string> column_names(const io::schema &columns) {
    std::vector<std::string> out;
    for (const auto &c : columns.fields())
        out.push_back(c.name);
    return out;
}

const field_info *find_field(entity_kind kind, std::string_view name) {
    for (const auto &f : model_fields(kind))
        if (f.name == name)
            return &f;
    return nullptr;
}

std::vector<std::string> field_names(entity_kind kind) {
    std::vector<std::string> out;
    for (const auto &f : model_fields(kind))
        out.push_back(f.name);
    return out;
}

void expect_object(const nlohmann::json &j, const std::string &what) {
    if (!j.is_object())
        throw invalid_argument("invalid_mapping", what + " must be a JSON object");
}

} // namespace

const field_binding &resolved_mapping::binding(std::string_view field) const {
    for (const auto &b : bindings)
        if (b.field->name == field)
            return b;
    throw std::logic_error("no binding for field " + std::string(field));
}

bool resolved_mapping::provided(std::string_view field) const {
    const auto &b = binding(field);
    return b.column.has_value() || b.default_value.has_value();
}

resolved_mapping resolve_mapping(entity_kind kind, const io::schema &columns,
                                 const std::optional<nlohmann::json> &mapping) {
    resolved_mapping out;
    for (const auto &f : model_fields(kind))
        out.bindings.push_back({&f, std::nullopt, std::nullopt});
    const auto all_columns = column_names(columns);
    std::set<std::size_t> taken;
    const auto bind = [&](std::string_view field) -> field_binding & {
        return *std::find_if(out.bindings.begin(), out.bindings.end(),
                             [&](const field_binding &b) { return b.field->name == field; });
    };

    if (mapping) {
        expect_object(*mapping, "the mapping");
        for (const auto &[key, value] : mapping->items())
            if (key != "fields" && key != "defaults")
                throw invalid_argument("invalid_mapping", "the mapping has an unknown key '" + key +
                                                              "'; expected \"fields\" and \"defaults\"");
        const auto check_field = [&](const std::string &name) {
            if (!find_field(kind, name))
                throw invalid_argument("unknown_field",
                                       "the mapping names the field '" + name + "', which " +
                                           std::string(kind_name(kind)) + " do not have; fields: " +
                                           join(field_names(kind)));
        };
        if (mapping->contains("fields")) {
            expect_object(mapping->at("fields"), "\"fields\"");
            for (const auto &[field, column] : mapping->at("fields").items()) {
                check_field(field);
                if (!column.is_string())
                    throw invalid_argument("invalid_mapping",
                                           "the column for '" + field + "' must be a string");
                const auto index = columns.index_of(column.get<std::string>());
                if (!index)
                    throw invalid_argument("unknown_column",
                                           "the mapping maps '" + field + "' to the column '" +
                                               column.get<std::string>() +
                                               "', which the file does not have; columns: " +
                                               join(all_columns));
                bind(field).column = *index;
                taken.insert(*index);
            }
        }
        if (mapping->contains("defaults")) {
            expect_object(mapping->at("defaults"), "\"defaults\"");
            for (const auto &[field, value] : mapping->at("defaults").items()) {
                check_field(field);
                const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
                auto converted = convert_value(*find_field(kind, field), text);
                if (const auto *problem = std::get_if<value_error>(&converted))
                    throw invalid_argument("invalid_mapping", "the default for '" + field +
                                                                  "': " + problem->reason);
                bind(field).default_value = std::get<std::optional<std::string>>(converted);
            }
        }
    }

    for (auto &b : out.bindings) {
        if (b.column)
            continue;
        // The ledger headers first: a KML file also has its own (often empty) "name" column.
        std::vector<std::string> names(b.field->aliases);
        names.push_back(b.field->name);
        for (const auto &name : names) {
            const auto wanted = normal_header(name);
            for (std::size_t i = 0; i < all_columns.size() && !b.column; ++i)
                if (!taken.contains(i) && normal_header(all_columns[i]) == wanted) {
                    b.column = i;
                    taken.insert(i);
                }
            if (b.column)
                break;
        }
    }

    std::vector<std::string> missing;
    for (const auto &b : out.bindings) {
        if (b.column)
            out.used[b.field->name] = all_columns[*b.column];
        else if (b.field->required && !b.default_value)
            missing.push_back(b.field->name + " (" + join(b.field->aliases) + ")");
    }
    if (!missing.empty())
        throw invalid_argument("missing_fields",
                               "required fields not found: " + join(missing) +
                                   "; the file's columns: " + join(all_columns) +
                                   "; map them with a mapping file (\"fields\": {\"field\": \"column\"})");
    for (std::size_t i = 0; i < all_columns.size(); ++i)
        if (!taken.contains(i))
            out.ignored.push_back(all_columns[i]);
    return out;
}

} // namespace riskatlas::ingest::detail
