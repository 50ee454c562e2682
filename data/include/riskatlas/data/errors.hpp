// Typed errors of the data module; pqxx exceptions are translated into these at the module's edge.
#pragma once

#include <riskatlas/error.hpp>

namespace riskatlas::data {

/// PostgreSQL is unreachable, restarting, or the pool is exhausted: retry later (503).
class unavailable : public error {
public:
    explicit unavailable(const std::string& message) : error("database_unavailable", message) {}
};

/// A statement exceeded the request's statement timeout (503 with Retry-After).
class timeout : public error {
public:
    explicit timeout(const std::string& message) : error("statement_timeout", message) {}
};

/// A concurrent change or a uniqueness rule refused the write (409).
class conflict : public error {
public:
    explicit conflict(const std::string& message) : error("conflict", message) {}
};

/// The database refused the values (check, foreign key, not-null, bad geometry) (400).
class rejected_data : public error {
public:
    explicit rejected_data(const std::string& message) : error("rejected_data", message) {}
};

/// Anything else PostgreSQL reported; a server fault (500), never shown verbatim to clients.
class database_error : public error {
public:
    explicit database_error(const std::string& message) : error("database_error", message) {}
};

} // namespace riskatlas::data
