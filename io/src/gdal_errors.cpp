// GDAL reports problems through a process-wide CPL callback. We install one handler that sends
// each message to the capture active on the calling thread (as PDAL's ErrorHandler does), so a
// failure becomes an exception with GDAL's reason and nothing is printed to stderr.
#include "gdal_handles.hpp"

#include <cpl_error.h>

#include <mutex>

namespace riskatlas::io::detail {
namespace {

thread_local error_capture *t_active = nullptr;

void route(CPLErr level, CPLErrorNum /*number*/, const char *message) {
    if (level == CE_None || level == CE_Debug || t_active == nullptr)
        return;
    t_active->add(level, message);
}

} // namespace

void ensure_gdal_ready() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(&route);
        GDALAllRegister();
    });
}

error_capture::error_capture() : m_outer(t_active) { t_active = this; }
error_capture::~error_capture() { t_active = m_outer; }

void error_capture::add(CPLErr level, const char *message) {
    auto &bucket = level >= CE_Failure ? m_failures : m_warnings;
    bucket.emplace_back(message ? message : "");
}

std::string error_capture::failure_or(const std::string &fallback) const {
    return m_failures.empty() || m_failures.back().empty() ? fallback : m_failures.back();
}

void error_capture::drain_into(std::vector<std::string> &out) {
    for (auto *bucket : {&m_warnings, &m_failures}) {
        for (auto &m : *bucket)
            out.push_back(std::move(m));
        bucket->clear();
    }
}

void dataset_deleter::operator()(GDALDatasetH ds) const noexcept {
    error_capture quiet; // closing may report (e.g. a flush failure); a reader has nothing to flush
    GDALClose(ds);
}

} // namespace riskatlas::io::detail
