// Reading a feature's values and position without side effects (see source_position.hpp).
#include "source_position.hpp"

#include <string>

namespace riskatlas::ingest::detail {

conversion cell_value(const io::feature& f, const field_binding& b) {
    if (!b.column)
        return b.default_value;
    const auto& raw = f.values.size() > *b.column ? f.values[*b.column] : std::nullopt;
    if (!raw)
        return b.default_value;
    auto converted = convert_value(*b.field, *raw);
    if (std::holds_alternative<value_error>(converted))
        return converted;
    auto value = std::get<std::optional<std::string>>(std::move(converted));
    return value ? value : b.default_value;
}

source_position read_position(const io::feature& f, const resolved_mapping& mapping) {
    source_position out;
    const auto cell = [&](std::string_view field) -> std::optional<std::string> {
        const auto& b = mapping.binding(field);
        auto value = cell_value(f, b);
        if (const auto* problem = std::get_if<value_error>(&value)) {
            out.problems.push_back({b.field->name, problem->reason});
            return std::nullopt;
        }
        return std::get<std::optional<std::string>>(std::move(value));
    };
    try {
        if (f.geometry) {
            out.geometry = geo::geometry::from_wkb(std::string_view(*f.geometry));
            return out;
        }
        const auto lon = cell("lon");
        const auto lat = cell("lat");
        if (lon && lat)
            out.geometry = geo::geometry::point({std::stod(*lon), std::stod(*lat)});
        else if (lon || lat)
            out.problems.push_back({lon ? "lat" : "lon", "a position needs both lon and lat"});
        else if (const auto wkt = cell("wkt"); wkt && out.problems.empty())
            out.geometry = geo::geometry::from_wkt(*wkt);
    } catch (const geo::invalid_geometry& e) {
        out.problems.push_back({"geometry", std::string("unreadable geometry: ") + e.what()});
    }
    return out;
}

} // namespace riskatlas::ingest::detail
