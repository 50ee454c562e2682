// multipart/form-data: delimiters per RFC 2046 §5.1.1, parts per RFC 7578 §4.
#include "multipart.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace riskatlas::server {
namespace {

// Enough for a form with a file and its options; more is a hostile body, not a form.
constexpr std::size_t max_parts = 64;
constexpr std::size_t max_header_bytes = 8192;

[[noreturn]] void malformed(const std::string& message) {
    throw invalid_argument("malformed_multipart", "malformed multipart/form-data body: " + message);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// RFC 2046 §5.1.1 bchars: digits, letters and '()+_,-./:=? and space (not last).
bool valid_boundary(std::string_view b) {
    const auto bchar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
    };
    return !b.empty() && b.size() <= 70 && b.back() != ' ' && std::ranges::all_of(b, bchar);
}

// A header value's media type and its parameters ("form-data; name=\"x\""): names lower-cased,
// quoted strings unquoted (RFC 9110 §5.6.4: a backslash quotes the next character).
struct header_value {
    std::string value;
    std::map<std::string, std::string> params;
};

header_value parse_header_value(std::string_view text, const std::string& what) {
    header_value out;
    std::size_t pos = text.find(';');
    out.value = lower(trim(text.substr(0, pos)));
    while (pos != std::string_view::npos && pos < text.size()) {
        ++pos; // past ';'
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
            ++pos;
        if (pos == text.size())
            break; // a trailing ';' is harmless
        const auto eq = text.find('=', pos);
        if (eq == std::string_view::npos)
            malformed(what + " has a parameter without '='");
        const auto name = lower(trim(text.substr(pos, eq - pos)));
        std::string value;
        pos = eq + 1;
        if (pos < text.size() && text[pos] == '"') {
            for (++pos;; ++pos) {
                if (pos >= text.size())
                    malformed(what + " has an unterminated quoted string");
                if (text[pos] == '"')
                    break;
                if (text[pos] == '\\' && pos + 1 < text.size())
                    ++pos;
                value += text[pos];
            }
            ++pos;
            while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
                ++pos;
            if (pos < text.size() && text[pos] != ';')
                malformed(what + " has text after a quoted string");
        } else {
            const auto end = text.find(';', pos);
            value = std::string(
                trim(text.substr(pos, end == std::string_view::npos ? end : end - pos)));
            pos = end;
        }
        if (name.empty())
            malformed(what + " has a parameter without a name");
        out.params[name] = std::move(value);
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// RFC 8187 ext-value: "UTF-8''%E4%BC%81.csv" (RFC 7578 discourages it, some clients send it).
std::optional<std::string> decode_ext_value(std::string_view v) {
    const auto quote = v.find("''");
    if (quote == std::string_view::npos || lower(v.substr(0, quote)) != "utf-8")
        return std::nullopt;
    std::string out;
    for (std::size_t i = quote + 2; i < v.size(); ++i) {
        if (v[i] != '%') {
            out += v[i];
            continue;
        }
        if (i + 2 >= v.size() || hex_digit(v[i + 1]) < 0 || hex_digit(v[i + 2]) < 0)
            return std::nullopt;
        out += static_cast<char>(hex_digit(v[i + 1]) * 16 + hex_digit(v[i + 2]));
        i += 2;
    }
    return out;
}

// Old browsers send the client's full path ("C:\\data\\a.gpkg"): keep the last component.
std::string base_name(std::string_view name) {
    const auto slash = name.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

form_part parse_part_headers(std::string_view headers, std::size_t index) {
    const auto where = "part " + std::to_string(index + 1);
    form_part part;
    bool disposition = false;
    while (!headers.empty()) {
        const auto eol = headers.find("\r\n");
        const auto line = headers.substr(0, eol);
        headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0 || line.front() == ' ' ||
            line.front() == '\t')
            malformed(where + " has a header line without a name and ':'");
        const auto name = lower(line.substr(0, colon));
        const auto value = line.substr(colon + 1);
        if (name == "content-disposition") {
            const auto v = parse_header_value(value, where + "'s Content-Disposition");
            if (v.value != "form-data")
                malformed(where + "'s Content-Disposition is '" + v.value + "', not form-data");
            const auto n = v.params.find("name");
            if (n == v.params.end() || n->second.empty())
                malformed(where + "'s Content-Disposition has no name");
            part.name = n->second;
            if (const auto f = v.params.find("filename*"); f != v.params.end())
                if (const auto decoded = decode_ext_value(f->second))
                    part.filename = base_name(*decoded);
            if (const auto f = v.params.find("filename"); f != v.params.end() && !part.filename)
                part.filename = base_name(f->second);
            disposition = true;
        } else if (name == "content-type") {
            part.content_type = std::string(trim(value));
        } else if (name == "content-transfer-encoding") {
            // RFC 7578 §4.7: deprecated; only identity encodings make sense over HTTP.
            const auto enc = lower(trim(value));
            if (enc != "binary" && enc != "8bit" && enc != "7bit")
                malformed(where + " uses Content-Transfer-Encoding " + enc +
                          "; send the bytes as they are");
        }
    }
    if (!disposition)
        malformed(where + " has no Content-Disposition header");
    return part;
}

// After a delimiter: "--" closes the body; otherwise optional padding then CRLF opens a part.
// Returns false at the close, else moves `pos` to the part's first byte.
bool after_delimiter(std::string_view body, std::size_t& pos) {
    if (body.substr(pos, 2) == "--")
        return false;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t'))
        ++pos;
    if (body.substr(pos, 2) != "\r\n")
        malformed("a boundary line is not followed by CRLF");
    pos += 2;
    return true;
}

} // namespace

bool is_multipart_form(std::string_view content_type) {
    const auto semi = content_type.find(';');
    return lower(trim(content_type.substr(0, semi))) == "multipart/form-data";
}

std::string multipart_boundary(std::string_view content_type) {
    if (!is_multipart_form(content_type))
        throw invalid_argument("invalid_content_type",
                               "expected multipart/form-data, got '" +
                                   std::string(content_type.substr(0, 100)) + "'");
    header_value v;
    try {
        v = parse_header_value(content_type, "the Content-Type");
    } catch (const invalid_argument& e) {
        throw invalid_argument("invalid_content_type", e.what());
    }
    const auto b = v.params.find("boundary");
    if (b == v.params.end())
        throw invalid_argument("invalid_content_type",
                               "multipart/form-data without a boundary parameter");
    if (!valid_boundary(b->second))
        throw invalid_argument(
            "invalid_content_type",
            "the multipart boundary must be 1 to 70 characters of letters, digits "
            "and '()+_,-./:=? (RFC 2046)");
    return b->second;
}

std::vector<form_part> parse_multipart(std::string_view body, std::string_view boundary) {
    const std::string dash_boundary = "--" + std::string(boundary);
    const std::string delimiter = "\r\n" + dash_boundary;
    std::size_t pos = 0;
    // A preamble before the first delimiter is allowed and ignored (RFC 2046 §5.1.1).
    if (body.starts_with(dash_boundary)) {
        pos = dash_boundary.size();
    } else {
        const auto first = body.find(delimiter);
        if (first == std::string_view::npos)
            malformed("the body does not start with the boundary given in Content-Type");
        pos = first + delimiter.size();
    }
    std::vector<form_part> parts;
    while (after_delimiter(body, pos)) {
        if (parts.size() == max_parts)
            malformed("more than " + std::to_string(max_parts) + " parts");
        std::string_view headers;
        if (body.substr(pos, 2) == "\r\n") {
            pos += 2; // a part without headers: caught below as lacking Content-Disposition
        } else {
            const auto end = body.find("\r\n\r\n", pos);
            if (end == std::string_view::npos || end - pos > max_header_bytes)
                malformed("part " + std::to_string(parts.size() + 1) +
                          "'s headers do not end with an empty line");
            headers = body.substr(pos, end - pos);
            pos = end + 4;
        }
        auto part = parse_part_headers(headers, parts.size());
        const auto end = body.find(delimiter, pos);
        if (end == std::string_view::npos)
            malformed("the closing boundary is missing (was the upload cut short?)");
        part.data = body.substr(pos, end - pos);
        parts.push_back(std::move(part));
        pos = end + delimiter.size();
    }
    return parts;
}

} // namespace riskatlas::server
