// PROJ behind crs_to_wgs84: one context per object (PROJ contexts are not thread-safe), the
// transformation normalised to lon/lat order, and the Gauss-Krüger zone arithmetic.
#include <riskatlas/geo/crs.hpp>

#include <proj.h>

#include <cmath>
#include <string_view>

namespace riskatlas::geo {
namespace {

struct context_deleter {
    void operator()(PJ_CONTEXT *c) const noexcept { proj_context_destroy(c); }
};
struct pj_deleter {
    void operator()(PJ *p) const noexcept { proj_destroy(p); }
};
using context_ptr = std::unique_ptr<PJ_CONTEXT, context_deleter>;
using pj_ptr = std::unique_ptr<PJ, pj_deleter>;

std::string last_error(PJ_CONTEXT *ctx) {
    const int code = proj_context_errno(ctx);
    return code == 0 ? "unknown CRS" : proj_context_errno_string(ctx, code);
}

bool is_geographic(const PJ *crs) {
    const PJ_TYPE type = proj_get_type(crs);
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
           type == PJ_TYPE_GEOGRAPHIC_CRS;
}

bool is_wgs84_or_cgcs2000(const PJ *crs) {
    if (!is_geographic(crs))
        return false;
    const char *authority = proj_get_id_auth_name(crs, 0);
    const char *code = proj_get_id_code(crs, 0);
    if (authority == nullptr || code == nullptr)
        return false;
    const std::string_view c(code);
    return std::string_view(authority) == "EPSG" && (c == "4326" || c == "4490");
}

} // namespace

struct crs_to_wgs84::impl {
    context_ptr context;
    pj_ptr source;
    pj_ptr transform;
    bool geographic = false;
    bool identity = false;
};

crs_to_wgs84::crs_to_wgs84(const std::string &source) : m_impl(std::make_unique<impl>()) {
    m_impl->context.reset(proj_context_create());
    if (!m_impl->context)
        throw invalid_crs("cannot create a PROJ context");
    PJ_CONTEXT *ctx = m_impl->context.get();
    proj_log_level(ctx, PJ_LOG_NONE);
    m_impl->source.reset(proj_create(ctx, source.c_str()));
    if (!m_impl->source)
        throw invalid_crs("unknown CRS '" + source + "': " + last_error(ctx));
    if (!proj_is_crs(m_impl->source.get()))
        throw invalid_crs("'" + source + "' is not a coordinate reference system");
    m_impl->geographic = is_geographic(m_impl->source.get());
    m_impl->identity = is_wgs84_or_cgcs2000(m_impl->source.get());
    const pj_ptr target(proj_create(ctx, "EPSG:4326"));
    const pj_ptr raw(
        proj_create_crs_to_crs_from_pj(ctx, m_impl->source.get(), target.get(), nullptr, nullptr));
    if (!raw)
        throw invalid_crs("no transformation from '" + source + "' to WGS84: " + last_error(ctx));
    m_impl->transform.reset(proj_normalize_for_visualization(ctx, raw.get()));
    if (!m_impl->transform)
        throw invalid_crs("cannot order the axes of '" + source + "': " + last_error(ctx));
}

crs_to_wgs84::~crs_to_wgs84() = default;
crs_to_wgs84::crs_to_wgs84(crs_to_wgs84 &&) noexcept = default;
crs_to_wgs84 &crs_to_wgs84::operator=(crs_to_wgs84 &&) noexcept = default;

std::optional<lonlat> crs_to_wgs84::apply(double x, double y) const {
    if (m_impl->identity)
        return lonlat{x, y};
    const PJ_COORD out = proj_trans(m_impl->transform.get(), PJ_FWD, proj_coord(x, y, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y))
        return std::nullopt;
    return lonlat{out.xy.x, out.xy.y};
}

bool crs_to_wgs84::source_is_geographic() const noexcept { return m_impl->geographic; }
bool crs_to_wgs84::is_identity() const noexcept { return m_impl->identity; }

std::string crs_to_wgs84::source_name() const {
    const char *name = proj_get_name(m_impl->source.get());
    return name == nullptr ? "" : name;
}

std::optional<int> gauss_kruger_epsg_from_easting(double easting) noexcept {
    if (!std::isfinite(easting) || easting < 1e6)
        return std::nullopt;
    const double zone = std::floor(easting / 1e6);
    const double offset = easting - zone * 1e6; // false easting 500 km ± at most ~350 km
    if (offset < 150000 || offset > 850000)
        return std::nullopt;
    const int z = static_cast<int>(zone);
    if (z >= 25 && z <= 45)
        return gauss_kruger_epsg(3, true, z);
    if (z >= 13 && z <= 23)
        return gauss_kruger_epsg(6, true, z);
    return std::nullopt;
}

std::optional<int> gauss_kruger_epsg(int degrees, bool zone_prefix, int zone_or_meridian) noexcept {
    const int v = zone_or_meridian;
    if (degrees == 3) {
        if (zone_prefix)
            return v >= 25 && v <= 45 ? std::optional(4513 + v - 25) : std::nullopt;
        return v >= 75 && v <= 135 && v % 3 == 0 ? std::optional(4534 + (v - 75) / 3)
                                                  : std::nullopt;
    }
    if (degrees == 6) {
        if (zone_prefix)
            return v >= 13 && v <= 23 ? std::optional(4491 + v - 13) : std::nullopt;
        return v >= 75 && v <= 135 && (v - 75) % 6 == 0 ? std::optional(4502 + (v - 75) / 6)
                                                         : std::nullopt;
    }
    return std::nullopt;
}

} // namespace riskatlas::geo
