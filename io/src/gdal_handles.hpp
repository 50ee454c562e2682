// Private GDAL/OGR plumbing for io: RAII owners of GDAL handles and the capture of GDAL's error
// messages (one CPL handler, installed once, routes them to the active capture on this thread).
#pragma once

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace riskatlas::io::detail {

/// Registers GDAL's drivers and installs our CPL error handler, once per process. Without a
/// capture active on the calling thread, GDAL messages are dropped instead of printed to stderr.
void ensure_gdal_ready();

/// Collects the CPL messages raised on this thread while it is alive (scopes nest).
class error_capture {
  public:
    error_capture();
    ~error_capture();
    error_capture(const error_capture &) = delete;
    error_capture &operator=(const error_capture &) = delete;

    void add(CPLErr level, const char *message);
    /// The last CE_Failure/CE_Fatal message, or `fallback` when GDAL gave none.
    std::string failure_or(const std::string &fallback) const;
    bool failed() const noexcept { return !m_failures.empty(); }
    /// Moves every message (warnings, and failures that did not stop the call) into `out`.
    void drain_into(std::vector<std::string> &out);

  private:
    error_capture *m_outer;
    std::vector<std::string> m_warnings;
    std::vector<std::string> m_failures;
};

struct dataset_deleter {
    void operator()(GDALDatasetH ds) const noexcept;
};
using dataset_ptr = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, dataset_deleter>;

struct feature_deleter {
    void operator()(OGRFeatureH f) const noexcept { OGR_F_Destroy(f); }
};
using feature_ptr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, feature_deleter>;

struct geometry_deleter {
    void operator()(OGRGeometryH g) const noexcept { OGR_G_DestroyGeometry(g); }
};
using geometry_ptr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, geometry_deleter>;

struct srs_deleter {
    void operator()(OGRSpatialReferenceH s) const noexcept { OSRDestroySpatialReference(s); }
};
using srs_ptr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, srs_deleter>;

/// Strings GDAL allocates with CPLMalloc.
struct cpl_free_deleter {
    void operator()(void *p) const noexcept { CPLFree(p); }
};
using cpl_string = std::unique_ptr<char, cpl_free_deleter>;

} // namespace riskatlas::io::detail
