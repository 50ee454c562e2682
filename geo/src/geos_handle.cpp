// One GEOS context per thread (the reentrant _r API), with its error messages captured so that a
// failed call becomes an exception carrying GEOS's own explanation.
#include "geos_handle.hpp"

#include <mutex>
#include <string>
#include <utility>

namespace riskatlas::geo::detail {
namespace {

// Set when this thread's context has been finished (thread exit); trivially destructible, so it
// can still be read while other thread_local and static objects are being destroyed.
thread_local bool t_context_finished = false;

// Owns this thread's context. GEOS reports errors through a callback, then returns null (or 2
// from predicates); the callback stores the message here so the caller can throw it.
class context_owner {
  public:
    context_owner() : m_ctx(GEOS_init_r()) {
        GEOSContext_setErrorMessageHandler_r(m_ctx, &on_error, this);
        // Notices (e.g. "Ring Self-intersection" while validating) are informational; library
        // modules don't log, so they are dropped.
        GEOSContext_setNoticeMessageHandler_r(m_ctx, nullptr, nullptr);
    }
    ~context_owner() {
        t_context_finished = true;
        GEOS_finish_r(m_ctx);
    }
    context_owner(const context_owner &) = delete;
    context_owner &operator=(const context_owner &) = delete;

    GEOSContextHandle_t get() const noexcept { return m_ctx; }
    std::string take_error() { return std::exchange(m_last_error, {}); }

  private:
    static void on_error(const char *message, void *self) {
        static_cast<context_owner *>(self)->m_last_error = message ? message : "";
    }

    GEOSContextHandle_t m_ctx;
    std::string m_last_error;
};

context_owner &owner() {
    thread_local context_owner instance;
    return instance;
}

} // namespace

GEOSContextHandle_t context() { return owner().get(); }

void destroy_geometry(GEOSGeometry *g) noexcept {
    if (!t_context_finished) {
        GEOSGeom_destroy_r(context(), g);
        return;
    }
    // After this thread's context is gone: one shared context, never finished (deleting a
    // geometry only needs a live handle; the mutex keeps that handle single-threaded).
    static std::mutex mutex;
    static const GEOSContextHandle_t late = GEOS_init_r();
    const std::lock_guard lock(mutex);
    GEOSGeom_destroy_r(late, g);
}

void throw_geos_error(const char *operation) {
    std::string message = owner().take_error();
    if (message.empty())
        message = "GEOS reported a failure without a message";
    throw invalid_geometry(std::string(operation) + ": " + message);
}

geom_ptr checked(GEOSGeometry *g, const char *operation) {
    if (g == nullptr)
        throw_geos_error(operation);
    return geom_ptr(g);
}

bool checked_predicate(char result, const char *operation) {
    if (result == 2)
        throw_geos_error(operation);
    return result == 1;
}

} // namespace riskatlas::geo::detail
