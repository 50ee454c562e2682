// A small, strict multipart/form-data parser (RFC 7578 over RFC 2046 §5.1): Pistache 0.0.5 has
// none. Binary-safe; parts are views into the request body, so the body must outlive them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskatlas::server {

struct form_part {
    std::string name;                    ///< Content-Disposition's name
    std::optional<std::string> filename; ///< its filename (no directory), for file fields
    std::string content_type;            ///< the part's Content-Type, empty when absent
    std::string_view data;               ///< the part's bytes, exactly as sent
};

/// The boundary of a "multipart/form-data; boundary=..." Content-Type (quoted or not). Throws
/// invalid_argument("invalid_content_type") when the type is not multipart/form-data or the
/// boundary is missing or not 1-70 RFC 2046 characters.
std::string multipart_boundary(std::string_view content_type);

/// True when the Content-Type's media type is multipart/form-data (parameters aside).
bool is_multipart_form(std::string_view content_type);

/// The parts of `body`, in order. Throws invalid_argument("malformed_multipart") naming what is
/// wrong: no opening or closing delimiter, a part without headers or Content-Disposition, a
/// disposition other than form-data or without a name, a header line without a colon, too many
/// parts or header bytes.
std::vector<form_part> parse_multipart(std::string_view body, std::string_view boundary);

} // namespace riskatlas::server
