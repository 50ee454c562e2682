// Exception -> HTTP status + JSON body. SQL text and internal messages never reach clients.
#include "error_response.hpp"

#include <riskatlas/data/errors.hpp>
#include <riskatlas/error.hpp>

namespace riskatlas::server {
namespace {
// Client-supplied text echoed in messages is cut short, so a hostile 1 MB id stays a log line.
std::string bounded(const std::string& message) {
    constexpr std::size_t max_chars = 500;
    return message.size() <= max_chars ? message : message.substr(0, max_chars) + "…";
}
} // namespace

http_response error_response(int status, const std::string& code, const std::string& message,
                             const std::string& request_id) {
    auto r = http_response::json(
        status, {{"error", code}, {"message", bounded(message)}, {"request_id", request_id}});
    r.with_header("Cache-Control", "no-store");
    return r;
}

http_response response_for_current_exception(const std::string& request_id, std::string& log_detail) {
    try {
        throw;
    } catch (const invalid_argument& e) {
        log_detail = e.what();
        return error_response(400, e.code(), e.what(), request_id);
    } catch (const not_found& e) {
        log_detail = e.what();
        return error_response(404, e.code(), e.what(), request_id);
    } catch (const data::rejected_data& e) {
        log_detail = e.what();
        // The first line names the violated constraint ("... violates check constraint
        // \"safety_works_stake_order\""); the DETAIL lines that may quote the row stay in the log.
        std::string first_line = e.what();
        first_line = first_line.substr(0, first_line.find('\n'));
        if (first_line.starts_with("ERROR:"))
            first_line = first_line.substr(first_line.find_first_not_of(' ', 6));
        return error_response(400, e.code(), "the database refused the values: " + first_line,
                              request_id);
    } catch (const data::conflict& e) {
        log_detail = e.what();
        const std::string what = e.what();
        // a unique key already taken is the caller's to fix, not to retry
        if (const auto at = what.find("duplicate key value"); at != std::string::npos)
            return error_response(409, "already_exists",
                                  what.substr(at, what.find('\n', at) - at), request_id);
        return error_response(409, e.code(), "a concurrent change conflicted; retry", request_id);
    } catch (const data::timeout& e) {
        log_detail = e.what();
        return error_response(503, e.code(), e.what(), request_id).with_header("Retry-After", "2");
    } catch (const data::unavailable& e) {
        log_detail = e.what();
        return error_response(503, e.code(), e.what(), request_id).with_header("Retry-After", "5");
    } catch (const error& e) {
        log_detail = e.code() + ": " + e.what();
    } catch (const std::exception& e) {
        log_detail = e.what();
    } catch (...) {
        log_detail = "unknown exception";
    }
    return error_response(500, "internal_error",
                          "internal error; quote request id " + request_id + " when reporting it",
                          request_id);
}

} // namespace riskatlas::server
