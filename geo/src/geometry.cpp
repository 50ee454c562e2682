// geo::geometry on top of the GEOS C API: parsing and writing, validity, measures and overlays.
#include "geos_handle.hpp"

#include <cmath>
#include <cstring>

namespace riskatlas::geo {

using detail::checked;
using detail::checked_predicate;
using detail::context;
using detail::geom_ptr;

const GEOSGeometry *geometry_access::get(const geometry &g) {
    if (!g.m_impl)
        throw std::logic_error("use of a moved-from geo::geometry");
    return g.m_impl->geom.get();
}

geometry geometry_access::wrap(geom_ptr g) {
    return geometry(std::make_unique<geometry::impl>(geometry::impl{std::move(g)}));
}

namespace {

const GEOSGeometry *raw(const geometry &g) { return geometry_access::get(g); }
geometry wrap(geom_ptr g) { return geometry_access::wrap(std::move(g)); }

geom_ptr empty_collection() {
    return checked(GEOSGeom_createEmptyCollection_r(context(), GEOS_GEOMETRYCOLLECTION),
                   "empty geometry");
}

geom_ptr clone(const GEOSGeometry *g) { return checked(GEOSGeom_clone_r(context(), g), "clone"); }

std::string take_string(char *text, const char *operation) {
    if (text == nullptr)
        detail::throw_geos_error(operation);
    const detail::geos_buffer<char> owned(text);
    return std::string(text);
}

} // namespace

geometry::geometry() : m_impl(std::make_unique<impl>(impl{empty_collection()})) {}
geometry::geometry(std::unique_ptr<impl> p) : m_impl(std::move(p)) {}
geometry::~geometry() = default;
geometry::geometry(const geometry &other)
    : m_impl(std::make_unique<impl>(impl{clone(raw(other))})) {}
geometry::geometry(geometry &&other) noexcept = default;
geometry &geometry::operator=(geometry &&other) noexcept = default;

geometry &geometry::operator=(const geometry &other) {
    if (this != &other)
        m_impl = std::make_unique<impl>(impl{clone(raw(other))});
    return *this;
}

geometry geometry::from_wkt(std::string_view wkt) {
    const std::unique_ptr<GEOSWKTReader, detail::wkt_reader_deleter> reader(
        GEOSWKTReader_create_r(context()));
    const std::string text(wkt); // GEOS wants a NUL-terminated string
    return wrap(checked(GEOSWKTReader_read_r(context(), reader.get(), text.c_str()), "WKT"));
}

geometry geometry::from_wkb(std::span<const std::byte> wkb) {
    const std::unique_ptr<GEOSWKBReader, detail::wkb_reader_deleter> reader(
        GEOSWKBReader_create_r(context()));
    const auto *bytes = reinterpret_cast<const unsigned char *>(wkb.data());
    return wrap(checked(GEOSWKBReader_read_r(context(), reader.get(), bytes, wkb.size()), "WKB"));
}

geometry geometry::from_wkb(std::string_view wkb_bytes) {
    return from_wkb(std::as_bytes(std::span(wkb_bytes.data(), wkb_bytes.size())));
}

geometry geometry::from_hex_wkb(std::string_view hex) {
    const std::unique_ptr<GEOSWKBReader, detail::wkb_reader_deleter> reader(
        GEOSWKBReader_create_r(context()));
    const auto *text = reinterpret_cast<const unsigned char *>(hex.data());
    return wrap(
        checked(GEOSWKBReader_readHEX_r(context(), reader.get(), text, hex.size()), "hex WKB"));
}

geometry geometry::point(lonlat p) {
    return wrap(checked(GEOSGeom_createPointFromXY_r(context(), p.lon, p.lat), "point"));
}

geometry geometry::polygon(std::span<const lonlat> exterior) {
    std::vector<double> xy;
    xy.reserve(2 * exterior.size() + 2);
    for (const auto &p : exterior) {
        xy.push_back(p.lon);
        xy.push_back(p.lat);
    }
    if (!exterior.empty() && (exterior.front().lon != exterior.back().lon ||
                              exterior.front().lat != exterior.back().lat)) {
        xy.push_back(exterior.front().lon);
        xy.push_back(exterior.front().lat);
    }
    if (xy.size() < 8)
        throw invalid_geometry("polygon: a ring needs at least 3 distinct points");
    auto *seq = GEOSCoordSeq_copyFromBuffer_r(context(), xy.data(),
                                              static_cast<unsigned>(xy.size() / 2), 0, 0);
    if (seq == nullptr)
        detail::throw_geos_error("polygon");
    // createLinearRing takes ownership of seq, createPolygon of the ring, also on failure.
    auto *ring = GEOSGeom_createLinearRing_r(context(), seq);
    if (ring == nullptr)
        detail::throw_geos_error("polygon");
    return wrap(checked(GEOSGeom_createPolygon_r(context(), ring, nullptr, 0), "polygon"));
}

std::string geometry::to_wkt(int decimals) const {
    const std::unique_ptr<GEOSWKTWriter, detail::wkt_writer_deleter> writer(
        GEOSWKTWriter_create_r(context()));
    GEOSWKTWriter_setTrim_r(context(), writer.get(), 1);
    GEOSWKTWriter_setRoundingPrecision_r(context(), writer.get(), decimals);
    GEOSWKTWriter_setOutputDimension_r(context(), writer.get(), 3);
    return take_string(GEOSWKTWriter_write_r(context(), writer.get(), raw(*this)), "to WKT");
}

std::string geometry::to_wkb() const {
    const std::unique_ptr<GEOSWKBWriter, detail::wkb_writer_deleter> writer(
        GEOSWKBWriter_create_r(context()));
    GEOSWKBWriter_setByteOrder_r(context(), writer.get(), GEOS_WKB_NDR);
    GEOSWKBWriter_setFlavor_r(context(), writer.get(), GEOS_WKB_ISO);
    GEOSWKBWriter_setOutputDimension_r(context(), writer.get(), 3); // Z kept only when present
    std::size_t size = 0;
    unsigned char *bytes = GEOSWKBWriter_write_r(context(), writer.get(), raw(*this), &size);
    if (bytes == nullptr)
        detail::throw_geos_error("to WKB");
    const detail::geos_buffer<unsigned char> owned(bytes);
    return std::string(reinterpret_cast<const char *>(bytes), size);
}

std::string geometry::to_hex_wkb() const {
    static constexpr char digits[] = "0123456789ABCDEF";
    const std::string wkb = to_wkb();
    std::string hex;
    hex.reserve(2 * wkb.size());
    for (const char c : wkb) {
        const auto byte = static_cast<unsigned char>(c);
        hex.push_back(digits[byte >> 4]);
        hex.push_back(digits[byte & 0x0F]);
    }
    return hex;
}

std::string geometry::type_name() const {
    return take_string(GEOSGeomType_r(context(), raw(*this)), "geometry type");
}

bool geometry::is_empty() const {
    return checked_predicate(GEOSisEmpty_r(context(), raw(*this)), "is_empty");
}

bool geometry::is_polygonal() const {
    const int type = GEOSGeomTypeId_r(context(), raw(*this));
    return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

std::size_t geometry::num_geometries() const {
    const int n = GEOSGetNumGeometries_r(context(), raw(*this));
    if (n < 0)
        detail::throw_geos_error("num_geometries");
    return static_cast<std::size_t>(n);
}

bool geometry::is_valid() const {
    return checked_predicate(GEOSisValid_r(context(), raw(*this)), "is_valid");
}

std::optional<std::string> geometry::invalid_reason() const {
    if (is_valid())
        return std::nullopt;
    return take_string(GEOSisValidReason_r(context(), raw(*this)), "validity reason");
}

geometry geometry::make_valid(repair_method method) const {
    if (is_valid())
        return *this;
    const std::unique_ptr<GEOSMakeValidParams, detail::make_valid_params_deleter> params(
        GEOSMakeValidParams_create_r(context()));
    GEOSMakeValidParams_setMethod_r(context(), params.get(),
                                    method == repair_method::structure ? GEOS_MAKE_VALID_STRUCTURE
                                                                       : GEOS_MAKE_VALID_LINEWORK);
    return wrap(
        checked(GEOSMakeValidWithParams_r(context(), raw(*this), params.get()), "make_valid"));
}

double geometry::area() const {
    double value = 0;
    if (GEOSArea_r(context(), raw(*this), &value) == 0)
        detail::throw_geos_error("area");
    return value;
}

bbox geometry::envelope() const {
    if (is_empty())
        throw invalid_geometry("envelope: the geometry is empty");
    bbox box;
    const auto *g = raw(*this);
    if (GEOSGeom_getXMin_r(context(), g, &box.min_x) == 0 ||
        GEOSGeom_getYMin_r(context(), g, &box.min_y) == 0 ||
        GEOSGeom_getXMax_r(context(), g, &box.max_x) == 0 ||
        GEOSGeom_getYMax_r(context(), g, &box.max_y) == 0)
        detail::throw_geos_error("envelope");
    return box;
}

bool geometry::contains(lonlat p) const { return contains(point(p)); }

bool geometry::contains(const geometry &other) const {
    return checked_predicate(GEOSContains_r(context(), raw(*this), raw(other)), "contains");
}

bool geometry::covers(const geometry &other) const {
    return checked_predicate(GEOSCovers_r(context(), raw(*this), raw(other)), "covers");
}

bool geometry::intersects(const geometry &other) const {
    return checked_predicate(GEOSIntersects_r(context(), raw(*this), raw(other)), "intersects");
}

geometry geometry::intersection(const geometry &other) const {
    return wrap(checked(GEOSIntersection_r(context(), raw(*this), raw(other)), "intersection"));
}

namespace {

// Appends clones of every Polygon inside `g` (recursing through collections) to `out`.
void collect_polygons(const GEOSGeometry *g, std::vector<GEOSGeometry *> &out) {
    const int type = GEOSGeomTypeId_r(context(), g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(context(), g) == 0)
            out.push_back(clone(g).release());
        return;
    }
    if (type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION)
        return;
    const int n = GEOSGetNumGeometries_r(context(), g);
    for (int i = 0; i < n; ++i)
        collect_polygons(GEOSGetGeometryN_r(context(), g, i), out);
}

} // namespace

geometry geometry::polygonal_part() const {
    const auto *g = raw(*this);
    const int type = GEOSGeomTypeId_r(context(), g);
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
        return *this;
    std::vector<GEOSGeometry *> parts;
    try {
        collect_polygons(g, parts);
    } catch (...) {
        for (auto *p : parts)
            GEOSGeom_destroy_r(context(), p);
        throw;
    }
    if (parts.empty())
        return wrap(checked(GEOSGeom_createEmptyPolygon_r(context()), "polygonal_part"));
    if (parts.size() == 1)
        return wrap(geom_ptr(parts.front()));
    // createCollection takes ownership of the parts (not of the array), also when it fails.
    return wrap(checked(GEOSGeom_createCollection_r(context(), GEOS_MULTIPOLYGON, parts.data(),
                                                    static_cast<unsigned>(parts.size())),
                        "polygonal_part"));
}

geometry geometry::centroid() const {
    return wrap(checked(GEOSGetCentroid_r(context(), raw(*this)), "centroid"));
}

geometry geometry::point_on_surface() const {
    return wrap(checked(GEOSPointOnSurface_r(context(), raw(*this)), "point_on_surface"));
}

lonlat geometry::as_lonlat() const {
    const auto *g = raw(*this);
    if (GEOSGeomTypeId_r(context(), g) != GEOS_POINT || is_empty())
        throw invalid_geometry("as_lonlat: not a non-empty Point but " + type_name());
    lonlat p;
    if (GEOSGeomGetX_r(context(), g, &p.lon) == 0 || GEOSGeomGetY_r(context(), g, &p.lat) == 0)
        detail::throw_geos_error("as_lonlat");
    return p;
}

bool operator==(const geometry &a, const geometry &b) {
    // WKB carries type, structure and the exact doubles; comparing it is bitwise equality.
    return a.to_wkb() == b.to_wkb();
}

} // namespace riskatlas::geo
