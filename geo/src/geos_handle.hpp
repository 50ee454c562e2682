// Private GEOS plumbing: one reentrant context per thread, RAII owners for every GEOS handle, and
// the bridge between geo::geometry's pimpl and raw GEOSGeometry pointers.
#pragma once

#include <geos_c.h>

#include <riskatlas/geo/geometry.hpp>

#include <memory>

namespace riskatlas::geo::detail {

/// This thread's GEOS context, created on first use and finished when the thread exits.
/// GEOS contexts must not be shared between threads; geometries may move between threads because
/// every GEOS geometry uses the process-wide default factory, not its context.
GEOSContextHandle_t context();

/// Throws invalid_geometry("<operation>: <GEOS's last error message on this thread>").
[[noreturn]] void throw_geos_error(const char *operation);

/// Releases a geometry. Deleters use the *current* thread's context rather than a stored one,
/// because a geometry may die on another thread than the one that made it, or after its own
/// thread's context is gone (a static geo::geometry outlives the main thread's thread_locals).
void destroy_geometry(GEOSGeometry *g) noexcept;

struct geom_deleter {
    void operator()(GEOSGeometry *g) const noexcept { destroy_geometry(g); }
};
using geom_ptr = std::unique_ptr<GEOSGeometry, geom_deleter>;

struct prepared_deleter {
    void operator()(const GEOSPreparedGeometry *p) const noexcept {
        GEOSPreparedGeom_destroy_r(context(), p);
    }
};
using prepared_ptr = std::unique_ptr<const GEOSPreparedGeometry, prepared_deleter>;

/// For strings and buffers GEOS allocates and we must release with GEOSFree_r.
struct geos_free_deleter {
    void operator()(void *p) const noexcept { GEOSFree_r(context(), p); }
};
template <typename T> using geos_buffer = std::unique_ptr<T, geos_free_deleter>;

struct wkt_reader_deleter {
    void operator()(GEOSWKTReader *r) const noexcept { GEOSWKTReader_destroy_r(context(), r); }
};
struct wkt_writer_deleter {
    void operator()(GEOSWKTWriter *w) const noexcept { GEOSWKTWriter_destroy_r(context(), w); }
};
struct wkb_reader_deleter {
    void operator()(GEOSWKBReader *r) const noexcept { GEOSWKBReader_destroy_r(context(), r); }
};
struct wkb_writer_deleter {
    void operator()(GEOSWKBWriter *w) const noexcept { GEOSWKBWriter_destroy_r(context(), w); }
};
struct make_valid_params_deleter {
    void operator()(GEOSMakeValidParams *p) const noexcept {
        GEOSMakeValidParams_destroy_r(context(), p);
    }
};

/// Takes ownership of a GEOS result, throwing the context's error if GEOS returned null.
geom_ptr checked(GEOSGeometry *g, const char *operation);

/// GEOS predicates return 1 (true), 0 (false) or 2 (exception).
bool checked_predicate(char result, const char *operation);

} // namespace riskatlas::geo::detail

namespace riskatlas::geo {

struct geometry::impl {
    detail::geom_ptr geom;
};

/// The bridge used by geo/src: raw access to, and wrapping of, GEOS geometries.
struct geometry_access {
    static const GEOSGeometry *get(const geometry &g);
    static geometry wrap(detail::geom_ptr g);
};

} // namespace riskatlas::geo
