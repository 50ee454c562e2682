// Geometry checks. Repairs are limited to what cannot move a feature: dropping repeated
// vertices and GEOS make-valid (structure method) on polygons whose result is still a non-empty
// polygon; everything else is rejected with GEOS's reason, so nobody's boundary changes silently.
#include "geometry_check.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace riskatlas::ingest::detail {
namespace {

// China's extent with a small margin (mainland, Hainan, the South China Sea islands' latitude
// band is beyond any county deployment and is not needed here).
constexpr geo::lonlat china_min{73.0, 3.0};
constexpr geo::lonlat china_max{135.5, 54.0};

std::string number(double v) {
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 6);
    if (r.ec != std::errc()) { // too large for fixed notation: it is wrong anyway, say it short
        std::snprintf(buffer, sizeof buffer, "%.6g", v);
        return buffer;
    }
    std::string s(buffer, r.ptr);
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

std::string point_text(double x, double y) { return "(" + number(x) + ", " + number(y) + ")"; }

bool matches(const std::string& type, shape wanted) {
    switch (wanted) {
    case shape::point:
        return type == "Point";
    case shape::polygon:
        return type == "Polygon" || type == "MultiPolygon";
    case shape::line:
        return type == "LineString" || type == "MultiLineString";
    }
    return false;
}

std::string shape_name(shape s) {
    switch (s) {
    case shape::point:
        return "a Point";
    case shape::polygon:
        return "a Polygon or MultiPolygon";
    case shape::line:
        return "a LineString or MultiLineString";
    }
    return "";
}

// Distance in km from a box to a point outside it (0 inside), on a local flat approximation.
double km_outside(const data::lonlat_box& box, const geo::bbox& e) {
    const double lat = (box.min_lat + box.max_lat) / 2;
    const double dx = std::max({0.0, box.min_lon - e.max_x, e.min_x - box.max_lon});
    const double dy = std::max({0.0, box.min_lat - e.max_y, e.min_y - box.max_lat});
    const double kx = 111.32 * std::cos(lat * M_PI / 180);
    return std::hypot(dx * kx, dy * 110.57);
}

// Drops repeated vertices and repairs polygons with GEOS make-valid when the result is still a
// non-empty valid polygon; false (with out.reject set) for anything else invalid. `when` says
// at which step it was found (" after reprojection"), so the reason points at the CRS.
bool valid_or_repaired(geo::geometry& g, geometry_result& out, const std::string& when) {
    if (g.type_name() == "Point")
        return true;
    const auto before = g.num_points();
    g = g.without_repeated_points();
    const auto note = [&out](const std::string& text) {
        out.repair = (out.repair ? *out.repair + "; " : std::string()) + text;
    };
    if (const auto after = g.num_points(); after < before)
        note("removed " + std::to_string(before - after) + " repeated vertices" + when);
    const auto reason = g.invalid_reason();
    if (!reason)
        return true;
    geo::geometry fixed;
    bool usable = false;
    if (g.is_polygonal()) {
        fixed = g.make_valid(geo::repair_method::structure);
        usable = fixed.is_polygonal() && !fixed.is_empty() && fixed.is_valid();
    }
    if (!usable) {
        out.reject = "invalid geometry" + when + ": " + *reason;
        return false;
    }
    g = std::move(fixed);
    note("repaired " + *reason + when + " (GEOS make-valid)");
    return true;
}

} // namespace

geometry_check::geometry_check(geometry_settings settings) : m_settings(std::move(settings)) {}
geometry_check::~geometry_check() = default;

bool geometry_check::crs_from_coordinates() const noexcept {
    return !m_transform && !m_settings.crs_option && !m_settings.file_crs;
}

void geometry_check::decide_crs(const std::vector<source_xy>& sample) {
    if (m_settings.crs_option) {
        m_crs_definition = *m_settings.crs_option;
        m_crs_from = "option";
    } else if (m_settings.file_crs) {
        m_crs_definition = *m_settings.file_crs;
        m_crs_from = "file";
    } else {
        const auto choice = detect_crs(sample);
        m_crs_definition = choice.definition;
        m_crs_from = choice.from;
    }
    m_transform = std::make_unique<geo::crs_to_wgs84>(m_crs_definition);
    if (m_settings.gcj02 && !m_transform->source_is_geographic())
        throw invalid_argument(
            "invalid_crs", "--gcj02 applies to lon/lat coordinates, but the CRS is projected (" +
                               m_transform->source_name() + ")");
}

std::string geometry_check::not_degrees(const geo::bbox& e) const {
    const std::string where = "coordinates " + point_text(e.min_x, e.min_y) +
                              " cannot be degrees (the CRS is " + crs_text() + ")";
    const bool swapped = std::abs(e.min_x) <= 90 && std::abs(e.max_x) <= 90 &&
                         std::abs(e.min_y) <= 180 && std::abs(e.max_y) <= 180;
    if (swapped)
        return where + "; are lon and lat swapped?";
    return where + "; they look like metres: pass --crs";
}

std::string geometry_check::crs_text() const {
    if (!m_transform)
        return "";
    const auto name = m_transform->source_name();
    const bool short_definition = m_crs_definition.size() < 40;
    if (short_definition)
        return name.empty() ? m_crs_definition : m_crs_definition + " (" + name + ")";
    return name.empty() ? "custom CRS" : name;
}

std::string geometry_check::crs_from() const { return m_crs_from; }

geometry_result geometry_check::process(const geo::geometry& source, shape wanted,
                                        bool point_allowed) {
    geometry_result out;
    if (source.is_empty()) {
        out.reject = "empty geometry";
        return out;
    }
    const std::string type = source.type_name();
    if (!matches(type, wanted) && !(point_allowed && type == "Point")) {
        out.reject = "expected " + shape_name(wanted) + ", got " + type;
        return out;
    }
    const auto e = source.envelope();
    if (!m_transform)
        decide_crs({{e.min_x, e.min_y}});

    if (!std::isfinite(e.min_x) || !std::isfinite(e.min_y) || !std::isfinite(e.max_x) ||
        !std::isfinite(e.max_y)) {
        out.reject = "coordinates are not finite numbers";
        return out;
    }
    if (m_transform->source_is_geographic() &&
        (std::abs(e.min_x) > 180 || std::abs(e.max_x) > 180 || std::abs(e.min_y) > 90 ||
         std::abs(e.max_y) > 90)) {
        out.reject = not_degrees(e);
        return out;
    }

    geo::geometry g = source;
    if (!valid_or_repaired(g, out, ""))
        return out;
    const bool moved = !m_transform->is_identity() || m_settings.gcj02;
    try {
        if (!m_transform->is_identity())
            g = g.transformed([this](double x, double y) { return m_transform->apply(x, y); });
        if (m_settings.gcj02)
            g = g.transformed([](double x, double y) -> std::optional<geo::lonlat> {
                return geo::gcj02_to_wgs84({x, y});
            });
    } catch (const geo::invalid_geometry& err) {
        out.reject = err.what();
        return out;
    }
    // Reprojection and the GCJ-02 correction move each vertex on its own: a ring that was valid
    // in the source can touch or cross itself after them, and the table's ST_IsValid check would
    // then abort the whole import. So check again, where the database will (when nothing moved,
    // the first check stands).
    if (moved && !valid_or_repaired(g, out, " after reprojection"))
        return out;

    const auto w = g.envelope();
    if (w.min_x < china_min.lon || w.max_x > china_max.lon || w.min_y < china_min.lat ||
        w.max_y > china_max.lat) {
        out.reject = "position " + point_text(w.min_x, w.min_y) +
                     " is outside China (is the CRS right? it is " + crs_text() + ")";
        return out;
    }
    if (m_settings.region) {
        const double km = km_outside(*m_settings.region, w);
        if (km > m_settings.region_margin_km) {
            out.reject = "position " + point_text(w.min_x, w.min_y) + " is " +
                         number(std::round(km)) + " km outside the region (limit " +
                         number(m_settings.region_margin_km) + " km)";
            return out;
        }
    }
    out.hex_wkb = g.to_hex_wkb();
    return out;
}

} // namespace riskatlas::ingest::detail
