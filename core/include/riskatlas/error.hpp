// The root of riskatlas's exception hierarchy; each module derives its own typed errors from it,
// and only server/src/error_response.cpp turns them into HTTP statuses.
#pragma once

#include <stdexcept>
#include <string>

namespace riskatlas {

/// Base of every error riskatlas throws on purpose. `code()` is a stable machine-readable token
/// (e.g. "invalid_tile") that clients may switch on; `what()` is the human message.
class error : public std::runtime_error {
public:
    error(std::string code, const std::string& message)
        : std::runtime_error(message), m_code(std::move(code)) {}
    const std::string& code() const noexcept { return m_code; }

private:
    std::string m_code;
};

/// The caller asked for something malformed or out of range (maps to 400).
class invalid_argument : public error {
public:
    using error::error;
};

/// The thing asked for does not exist (maps to 404).
class not_found : public error {
public:
    using error::error;
};

} // namespace riskatlas
