#include "copy_text.hpp"

#include <array>
#include <charconv>
#include <stdexcept>

namespace riskatlas::data {

std::string text_array_literal(const std::vector<std::string>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '"';
        for (const char c : items[i]) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

void append_copy_value(std::string& line, std::string_view value) {
    for (const char c : value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

void append_copy_value(std::string& line, const std::optional<std::string>& value) {
    if (!value) {
        line += "\\N";
        return;
    }
    append_copy_value(line, std::string_view(*value));
}

void append_copy_number(std::string& line, double value) {
    std::array<char, 32> text{};
    const auto [end, error] = std::to_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc())
        throw std::logic_error("append_copy_number: no room for a double");
    line.append(text.data(), end);
}

} // namespace riskatlas::data
