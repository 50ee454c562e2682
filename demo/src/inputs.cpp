// Reading the demo's input files. These are the _wgs84 variants from the shared real-data
// collection (DataV/Amap publish GCJ-02; see SOURCES.md), except the divisions CSV, whose
// coordinates are still GCJ-02 and are converted by the caller.
#include "inputs.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/io/feature_reader.hpp>

#include <charconv>

namespace riskatlas::demo::detail {
namespace {

constexpr const char *county_file = "yanzhou_370812_county_datav_wgs84.geojson";
constexpr const char *townships_file = "yanzhou_370812_township_points_vonng_wgs84.geojson";
constexpr const char *divisions_file = "yanzhou_370812_divisions_town_village_vonng_adcode.csv";
constexpr const char *railways_file = "yanzhou_railways_gmtchina_clip.geojson";

[[noreturn]] void bad_input(const std::string &what) {
    throw invalid_argument("invalid_demo_input", "demo input: " + what);
}

std::string required(const io::feature &f, std::string_view field, const char *file) {
    const auto value = f.get(field);
    if (!value || value->empty())
        bad_input(std::string(file) + ": a feature has no '" + std::string(field) + "'");
    return std::string(*value);
}

std::optional<double> number(std::optional<std::string_view> text) {
    if (!text || text->empty())
        return std::nullopt;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || ptr != text->data() + text->size())
        bad_input("not a number: '" + std::string(*text) + "'");
    return value;
}

geo::geometry read_county(const std::filesystem::path &dir) {
    io::feature_reader reader((dir / county_file).string());
    const auto f = reader.next();
    if (!f || !f->geometry)
        bad_input(std::string(county_file) + ": no boundary feature");
    auto county = geo::geometry::from_wkb(*f->geometry);
    if (!county.is_polygonal() || !county.is_valid())
        bad_input(std::string(county_file) + ": the boundary is not a valid polygon");
    return county;
}

std::vector<township_point> read_townships(const std::filesystem::path &dir) {
    io::feature_reader reader((dir / townships_file).string());
    std::vector<township_point> out;
    io::feature f;
    while (reader.read(f)) {
        township_point t{required(f, "code", townships_file), required(f, "name", townships_file),
                         std::nullopt};
        if (f.geometry) // GeoJSON "geometry": null for the two streets without a location
            t.seat_wgs84 = geo::geometry::from_wkb(*f.geometry).as_lonlat();
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<division_row> read_villages(const std::filesystem::path &dir) {
    io::open_options options;
    options.allowed_drivers = {"CSV"};
    options.geometry = io::geometry_format::none; // lon/lat are GCJ-02 text, converted later
    io::feature_reader reader((dir / divisions_file).string(), options);
    std::vector<division_row> out;
    io::feature f;
    while (reader.read(f)) {
        division_row row{required(f, "code", divisions_file), required(f, "parent", divisions_file),
                         required(f, "name", divisions_file),
                         static_cast<int>(number(f.get("rank")).value_or(0)), std::nullopt};
        if (row.rank != 5)
            continue;
        const auto lon = number(f.get("longitude"));
        const auto lat = number(f.get("latitude"));
        if (lon && lat)
            row.centre_gcj02 = geo::lonlat{*lon, *lat};
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<geo::geometry> read_railways(const std::filesystem::path &dir) {
    io::feature_reader reader((dir / railways_file).string());
    std::vector<geo::geometry> out;
    io::feature f;
    while (reader.read(f))
        if (f.geometry)
            out.push_back(geo::geometry::from_wkb(*f.geometry));
    return out;
}

} // namespace

yanzhou_inputs read_inputs(const std::filesystem::path &dir) {
    return {read_county(dir), read_townships(dir), read_villages(dir), read_railways(dir)};
}

} // namespace riskatlas::demo::detail
