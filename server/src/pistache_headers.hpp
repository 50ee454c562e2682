// A response header with a runtime name: Pistache 0.0.5 silently drops headers().addRaw(), and
// has no classes for ETag, Vary, Retry-After or X-Request-Id (TOOLCHAIN.md).
#pragma once

#include <pistache/http_header.h>

#include <string>

namespace riskatlas::server {

class named_header : public Pistache::Http::Header::Header {
public:
    named_header(std::string name, std::string value)
        : m_name(std::move(name)), m_value(std::move(value)) {}
    const char* name() const override { return m_name.c_str(); }
    void write(std::ostream& os) const override { os << m_value; }
#ifdef SAFE_HEADER_CAST
    // Only consulted by Pistache's typed header lookup, which never asks for our headers.
    uint64_t hash() const override { return 0; }
#endif

private:
    std::string m_name;
    std::string m_value;
};

} // namespace riskatlas::server
