// The region hierarchy. Township polygons do not exist publicly, so each township's area is the
// Voronoi cell of its seat (by ground distance) clipped to the real district boundary; the two
// streets without a seat location are seated at the mean of their located villages.
#include "regions.hpp"

#include "local_metric.hpp"

#include <riskatlas/error.hpp>

#include <cmath>
#include <numbers>

namespace riskatlas::demo::detail {
namespace {

const char *const township_note =
    "近似范围：乡镇驻地点（Vonng/adcode 高德中心点，GCJ-02 转 WGS84）的泰森多边形，裁剪至区界；"
    "非官方边界。Approximate: Voronoi cell of the seat, clipped to the district; not an official "
    "boundary.";
const char *const village_placed_note =
    "无坐标：在所属乡镇近似范围内随机放置。No coordinates in the source: placed at random inside "
    "its township's approximate area.";
const char *const park_note =
    "生成数据：园区位置与范围为演示而设，非规划红线。Generated: position and extent invented for "
    "the demo, not the planned boundary.";

std::string seat_note(std::size_t villages_used) {
    return "近似范围：驻地无坐标，取本街道 " + std::to_string(villages_used) +
           " 个有坐标村（社区）位置的平均值（GCJ-02 转 WGS84）作为驻地，再取泰森多边形裁剪至区界；"
           "非官方边界。Approximate: the seat has no location, so it is placed at the mean of " +
           std::to_string(villages_used) +
           " located villages; the area is that seat's Voronoi cell, clipped to the district.";
}

// Seats in township order; a missing one becomes the mean of its located villages.
std::vector<geo::lonlat> township_seats(const yanzhou_inputs &in, std::vector<std::string> &notes) {
    std::vector<geo::lonlat> seats;
    for (const auto &t : in.townships) {
        if (t.seat_wgs84) {
            seats.push_back(*t.seat_wgs84);
            notes.emplace_back(township_note);
            continue;
        }
        geo::lonlat sum{0, 0};
        std::size_t n = 0;
        for (const auto &v : in.villages) {
            if (v.parent != t.code || !v.centre_gcj02)
                continue;
            const auto p = geo::gcj02_to_wgs84(*v.centre_gcj02);
            sum.lon += p.lon;
            sum.lat += p.lat;
            ++n;
        }
        if (n == 0)
            throw invalid_argument("invalid_demo_input",
                                   "township " + t.code + " has no seat and no located village");
        seats.push_back({sum.lon / static_cast<double>(n), sum.lat / static_cast<double>(n)});
        notes.push_back(seat_note(n));
    }
    return seats;
}

data::region_record county_record(const geo::geometry &county) {
    return {county_code,
            "兖州区",
            "county",
            std::nullopt,
            std::nullopt,
            false,
            false,
            "DataV.GeoAtlas 区界（GCJ-02 转 WGS84）。DataV.GeoAtlas boundary, converted from "
            "GCJ-02 to WGS84.",
            county};
}

void add_townships(const yanzhou_inputs &in, region_layout &layout,
                   std::vector<data::region_record> &out) {
    std::vector<std::string> notes;
    const auto seats = township_seats(in, notes);
    const double x_scale = std::cos(layout.mid_lat * std::numbers::pi / 180.0);
    auto cells = geo::voronoi_cells(seats, layout.county, x_scale);
    for (std::size_t i = 0; i < seats.size(); ++i) {
        const auto &t = in.townships[i];
        out.push_back({t.code, t.name, "township", county_code, std::nullopt, true, false, notes[i],
                       cells[i]});
        layout.townships.push_back({t.code, t.name, std::move(cells[i]), t.code});
    }
}

void add_villages(const yanzhou_inputs &in, const yanzhou_params &params, region_layout &layout,
                  std::vector<data::region_record> &out) {
    prng rng(params.seed, "villages");
    for (const auto &v : in.villages) {
        const area &township = layout.find(v.parent);
        layout.village_names[v.parent].push_back(v.name);
        if (v.centre_gcj02) {
            out.push_back({v.code, v.name, "village", v.parent, std::nullopt, false, false,
                           std::nullopt,
                           geo::geometry::point(geo::gcj02_to_wgs84(*v.centre_gcj02))});
            continue;
        }
        const auto p = geo::random_points_in(township.shape, 1, rng.next()).front();
        out.push_back({v.code, v.name, "village", v.parent, std::nullopt, true, false,
                       village_placed_note, geo::geometry::point(p)});
    }
}

geo::geometry park_shape(const park_spec &spec) {
    const double a = spec.rotation_deg * std::numbers::pi / 180.0;
    const double hw = spec.width_km * 500.0; // half sizes in metres
    const double hh = spec.height_km * 500.0;
    std::vector<geo::lonlat> ring;
    for (const auto &[sx, sy] : {std::pair{-1.0, -1.0}, {1.0, -1.0}, {1.0, 1.0}, {-1.0, 1.0}}) {
        const double x = sx * hw;
        const double y = sy * hh;
        ring.push_back(offset_m(spec.centre, x * std::cos(a) - y * std::sin(a),
                                x * std::sin(a) + y * std::cos(a)));
    }
    return geo::geometry::polygon(ring);
}

void add_parks(const yanzhou_params &params, region_layout &layout,
               std::vector<data::region_record> &out) {
    for (const auto &spec : params.parks) {
        // Trimmed to the district so a park never spills over the boundary.
        auto shape = park_shape(spec).intersection(layout.county).polygonal_part();
        if (shape.is_empty() || !shape.is_valid())
            throw invalid_argument("invalid_demo_params",
                                   "park " + spec.code + " does not lie inside the district");
        const area *township = layout.township_at(shape.point_on_surface().as_lonlat());
        if (township == nullptr)
            throw invalid_argument("invalid_demo_params", "park " + spec.code + " has no township");
        out.push_back({spec.code, spec.name, "park", township->code, spec.park_type, true, true,
                       park_note, shape});
        layout.parks.push_back({spec.code, spec.name, std::move(shape), township->code});
    }
}

} // namespace

const area *region_layout::township_at(geo::lonlat p) const {
    for (const auto &t : townships)
        if (t.shape.contains(p))
            return &t;
    const auto point = geo::geometry::point(p);
    for (const auto &t : townships) // on a shared edge: the first township touching it
        if (t.shape.covers(point))
            return &t;
    return nullptr;
}

const area *region_layout::park_at(geo::lonlat p) const {
    for (const auto &park : parks)
        if (park.shape.contains(p))
            return &park;
    return nullptr;
}

const area &region_layout::find(const std::string &code) const {
    for (const auto *list : {&townships, &parks})
        for (const auto &a : *list)
            if (a.code == code)
                return a;
    throw invalid_argument("invalid_demo_params", "no township or park with code " + code);
}

std::vector<data::region_record>
build_regions(const yanzhou_inputs &inputs, const yanzhou_params &params, region_layout &layout) {
    layout.county = inputs.county;
    const auto box = inputs.county.envelope();
    layout.mid_lat = (box.min_y + box.max_y) / 2;
    std::vector<data::region_record> out;
    out.push_back(county_record(inputs.county));
    add_townships(inputs, layout, out);
    add_villages(inputs, params, layout, out);
    add_parks(params, layout, out);
    return out;
}

} // namespace riskatlas::demo::detail
