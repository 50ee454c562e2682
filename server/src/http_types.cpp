// Request accessors and response builders.
#include "http_types.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace riskatlas::server {

bool case_insensitive_less::operator()(const std::string& a, const std::string& b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
    });
}

std::optional<std::string> http_request::query_value(const std::string& name) const {
    const auto it = query.find(name);
    if (it == query.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::string> http_request::header(const std::string& name) const {
    const auto it = headers.find(name);
    if (it == headers.end())
        return std::nullopt;
    return it->second;
}

const std::string& http_request::param(const std::string& name) const {
    const auto it = params.find(name);
    if (it == params.end())
        throw error("missing_route_parameter", "route parameter " + name + " missing");
    return it->second;
}

// RFC 9110 §12.5.3: "gzip" or "*" with a q-value above zero.
bool http_request::accepts_gzip() const {
    auto value = header("Accept-Encoding");
    if (!value)
        return false;
    for (auto& c : *value) // content-codings are case-insensitive
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view rest = *value;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        const auto semi = item.find(';');
        std::string_view coding = item.substr(0, semi);
        while (!coding.empty() && coding.front() == ' ')
            coding.remove_prefix(1);
        while (!coding.empty() && coding.back() == ' ')
            coding.remove_suffix(1);
        if (coding != "gzip" && coding != "*")
            continue;
        if (semi == std::string_view::npos)
            return true;
        const auto q = item.find("q=", semi);
        return q == std::string_view::npos || std::strtod(std::string(item.substr(q + 2)).c_str(), nullptr) > 0;
    }
    return false;
}

bool http_request::wants_html() const {
    if (const auto f = query_value("f"))
        return *f == "html";
    const auto accept = header("Accept");
    return accept && accept->find("text/html") != std::string::npos;
}

http_response& http_response::with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

http_response http_response::json(int status, const nlohmann::json& body, std::string content_type) {
    http_response r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return r;
}

http_response http_response::text(int status, std::string body, std::string content_type) {
    http_response r;
    r.status = status;
    r.content_type = std::move(content_type);
    r.body = std::move(body);
    return r;
}

http_response http_response::empty(int status) {
    http_response r;
    r.status = status;
    r.content_type.clear();
    return r;
}

} // namespace riskatlas::server
