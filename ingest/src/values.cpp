// Value conversion for imports. Field-specific formats (credit codes, region codes, industry
// codes) are checked here so that a bad cell is reported against its row and field instead of
// failing the whole merge on a database constraint.
#include "values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include <nlohmann/json.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/risk/credit_code.hpp>
#include <riskatlas/roads/route_code.hpp>
#include <riskatlas/roads/stake.hpp>

namespace riskatlas::ingest::detail {
namespace {

std::string_view trim(std::string_view s) {
    // ASCII whitespace and the ideographic space U+3000 that Chinese ledgers pad cells with
    const auto strip_front = [](std::string_view &v) {
        while (true) {
            if (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\r' ||
                               v.front() == '\n'))
                v.remove_prefix(1);
            else if (v.starts_with("\xE3\x80\x80"))
                v.remove_prefix(3);
            else
                return;
        }
    };
    const auto strip_back = [](std::string_view &v) {
        while (true) {
            if (!v.empty() &&
                (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n'))
                v.remove_suffix(1);
            else if (v.ends_with("\xE3\x80\x80"))
                v.remove_suffix(3);
            else
                return;
        }
    };
    strip_front(s);
    strip_back(s);
    return s;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    });
    return out;
}

std::optional<double> parse_number(std::string_view s) {
    double value = 0;
    const auto result = std::from_chars(s.data(), s.data() + s.size(), value);
    if (result.ec != std::errc() || result.ptr != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Shortest round-trip text without an exponent (PostgreSQL integer input refuses "1e+05").
std::string number_text(double v) {
    char buffer[400];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
    if (r.ec != std::errc())
        return std::to_string(v);
    return std::string(buffer, r.ptr);
}

// The number of Unicode code points in valid UTF-8 (what PostgreSQL's length() counts).
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool all_of_class(std::string_view s, bool (*ok)(char)) {
    return std::all_of(s.begin(), s.end(), ok);
}

bool digit_or_capital(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

std::string range_text(const field_info &f) {
    return "[" + (f.min ? number_text(*f.min) : std::string()) + ", " +
           (f.max ? number_text(*f.max) : std::string()) + "]";
}

std::optional<std::string> format_error(const field_info &f, std::string &value) {
    const std::string &n = f.name;
    if (f.format == "credit_code") {
        value = upper_ascii(value);
        if (value.size() != 18)
            return "credit code '" + value + "' has " + std::to_string(value.size()) +
                   " characters, not 18";
        if (!risk::is_valid_credit_code(value)) {
            const auto expected = risk::credit_code_check_character(value.substr(0, 17));
            return expected ? "credit code '" + value + "' fails the GB 32100 check (last character should be '" +
                                  std::string(1, *expected) + "')"
                            : "credit code '" + value + "' uses characters outside GB 32100";
        }
    } else if (f.format == "region_code") {
        value = upper_ascii(value);
        if (value.size() < 6 || value.size() > 20 || !all_of_class(value, digit_or_capital))
            return "region code '" + value + "' must be 6 to 20 digits or capital letters";
    } else if (f.format == "route_code") {
        try {
            value = roads::parse_route_code(value).text;
        } catch (const ::riskatlas::error &e) {
            return e.what();
        }
    } else if (f.format == "bridge_code") {
        const auto code = roads::parse_bridge_code(value);
        if (!code)
            return "bridge code '" + value + "' is not a route code + L + 4 or 5 digits";
        value = *code;
    } else if (f.format == "works_code" || f.format == "premises_code") {
        if (value.empty() || value.size() > 40 ||
            !std::all_of(value.begin(), value.end(), [](char c) {
                return digit_or_capital(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
            }))
            return (f.format == "works_code" ? "works code '" : "premises code '") + value +
                   "' must be 1 to 40 letters, digits, - or _";
    } else if (f.format == "phone") {
        // landlines with area code and extension (0537-1234567-8001), mobiles, +86 ...
        if (value.size() < 5 || value.size() > 30 ||
            !std::all_of(value.begin(), value.end(), [](char c) {
                return digit(c) || c == '-' || c == '+' || c == ' ' || c == '(' || c == ')';
            }))
            return "phone number '" + value + "' must be 5 to 30 digits, spaces, +, - or brackets";
    } else if (f.format == "industry_code") {
        value = upper_ascii(value);
        if (value.empty() || value.size() > 5 || value[0] < 'A' || value[0] > 'T' ||
            !all_of_class(std::string_view(value).substr(1), digit))
            return "industry code '" + value + "' is not a GB/T 4754 code (a letter A-T and up to 4 digits)";
    } else if (value.size() > 2000) {
        return "text longer than 2000 bytes";
    }
    if (n == "name" && code_points(value) > 200)
        return "name longer than 200 characters";
    return std::nullopt;
}

std::optional<std::string> alias_value(const field_info &f, std::string_view text) {
    for (const auto &[from, to] : f.value_aliases)
        if (lower_ascii(from) == lower_ascii(text))
            return to;
    return std::nullopt;
}

conversion integer_value(const field_info &f, std::string_view text) {
    std::string source(text);
    if (const auto alias = alias_value(f, text))
        source = *alias;
    const auto number = parse_number(source);
    if (!number || std::floor(*number) != *number)
        return value_error{"'" + std::string(text) + "' is not a whole number"};
    if ((f.min && *number < *f.min) || (f.max && *number > *f.max))
        return value_error{std::string(text) + " is outside " + range_text(f)};
    return std::optional<std::string>(number_text(*number));
}

conversion real_value(const field_info &f, std::string_view text) {
    const auto number = parse_number(text);
    if (!number)
        return value_error{"'" + std::string(text) + "' is not a number"};
    if ((f.min && *number < *f.min) || (f.max && *number > *f.max))
        return value_error{std::string(text) + " is outside " + range_text(f)};
    return std::optional<std::string>(number_text(*number));
}

conversion boolean_value(std::string_view text) {
    static const std::vector<std::string> yes{"true", "t", "1", "yes", "y", "是", "已联网", "有"};
    static const std::vector<std::string> no{"false", "f", "0", "no", "n", "否", "未联网", "无"};
    const std::string l = lower_ascii(text);
    if (std::find(yes.begin(), yes.end(), l) != yes.end())
        return std::optional<std::string>("true");
    if (std::find(no.begin(), no.end(), l) != no.end())
        return std::optional<std::string>("false");
    return value_error{"'" + std::string(text) + "' is not yes/no (是/否, true/false, 1/0)"};
}

conversion enumeration_value(const field_info &f, std::string_view text) {
    const std::string l = lower_ascii(text);
    for (const auto &v : f.values)
        if (lower_ascii(v) == l)
            return std::optional<std::string>(v);
    if (const auto alias = alias_value(f, text))
        return std::optional<std::string>(*alias);
    std::string accepted;
    for (const auto &v : f.values)
        accepted += (accepted.empty() ? "" : ", ") + v;
    return value_error{"'" + std::string(text) + "' is not one of " + accepted};
}

std::string array_element(std::string_view item) {
    std::string out = "\"";
    for (const char c : item) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

conversion list_value(std::string_view text) {
    std::vector<std::string> items;
    if (text.starts_with('[')) { // GDAL's StringList fields arrive as JSON arrays
        const auto parsed = nlohmann::json::parse(text, nullptr, false);
        if (parsed.is_array())
            for (const auto &item : parsed)
                items.push_back(item.is_string() ? item.get<std::string>() : item.dump());
    }
    if (items.empty()) {
        // 、，；| and ASCII , ; all separate items in hand-made ledgers
        std::string normal(text);
        for (const std::string_view sep : {"、", "，", "；"})
            for (auto pos = normal.find(sep); pos != std::string::npos; pos = normal.find(sep))
                normal.replace(pos, sep.size(), ",");
        std::replace(normal.begin(), normal.end(), ';', ',');
        std::replace(normal.begin(), normal.end(), '|', ',');
        std::size_t start = 0;
        while (start <= normal.size()) {
            const auto end = std::min(normal.find(',', start), normal.size());
            const auto item = trim(std::string_view(normal).substr(start, end - start));
            if (!item.empty())
                items.emplace_back(item);
            start = end + 1;
        }
    }
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + array_element(items[i]);
    return std::optional<std::string>(out + "}");
}

// K12+300 (the roads module's strict syntax) or a plain number of metres.
conversion stake_value(std::string_view text) {
    if (const auto metres = parse_number(text)) {
        if (*metres < 0 || *metres >= roads::max_stake_m)
            return value_error{std::string(text) + " m is not a stake (0 to 1,000,000 km)"};
        return std::optional<std::string>(number_text(*metres));
    }
    try {
        return std::optional<std::string>(number_text(roads::parse_stake(text)));
    } catch (const ::riskatlas::error &e) {
        return value_error{e.what()};
    }
}

bool real_date(int y, int m, int d) {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
        return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

} // namespace

std::optional<std::string> parse_date(std::string_view text) {
    std::string s(trim(text));
    // date-times: keep the date part
    if (const auto t = s.find_first_of("T "); t != std::string::npos && t >= 8)
        s.resize(t);
    for (const std::string_view mark : {"年", "月", "/", "."})
        for (auto pos = s.find(mark); pos != std::string::npos; pos = s.find(mark))
            s.replace(pos, mark.size(), "-");
    if (const auto day = s.find("日"); day != std::string::npos)
        s.erase(day);
    int y = 0, m = 0, d = 0;
    if (s.size() == 8 && all_of_class(s, digit)) {
        y = std::stoi(s.substr(0, 4));
        m = std::stoi(s.substr(4, 2));
        d = std::stoi(s.substr(6, 2));
    } else {
        char tail = 0;
        if (std::sscanf(s.c_str(), "%d-%d-%d%c", &y, &m, &d, &tail) != 3)
            return std::nullopt;
    }
    if (!real_date(y, m, d))
        return std::nullopt;
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return std::string(out);
}

bool is_utf8(std::string_view text) noexcept {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        if (c < 0x80)
            extra = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if (i + k >= text.size())
                return false;
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
        }
        if (extra >= 2) {
            // overlong forms, UTF-16 surrogates and code points above U+10FFFF, which
            // PostgreSQL refuses
            const auto second = static_cast<unsigned char>(text[i + 1]);
            if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0) ||
                (c == 0xF0 && second < 0x90) || (c == 0xF4 && second >= 0x90))
                return false;
        }
        i += extra + 1;
    }
    return true;
}

conversion convert_value(const field_info &field, std::string_view raw) {
    const std::string_view text = trim(raw);
    if (text.empty())
        return std::optional<std::string>();
    if (!is_utf8(text))
        return value_error{"text is not in the file's encoding: pass the right one with --encoding (GBK, GB18030, UTF-8 ...)"};
    switch (field.type) {
    case field_type::integer:
        return integer_value(field, text);
    case field_type::real:
        return real_value(field, text);
    case field_type::boolean:
        return boolean_value(text);
    case field_type::date: {
        if (auto date = parse_date(text))
            return std::optional<std::string>(std::move(date));
        return value_error{"'" + std::string(text) + "' is not a date (YYYY-MM-DD)"};
    }
    case field_type::enumeration:
        return enumeration_value(field, text);
    case field_type::text_list:
        return list_value(text);
    case field_type::stake:
        return stake_value(text);
    case field_type::text:
        break;
    }
    std::string value(text);
    if (auto problem = format_error(field, value))
        return value_error{std::move(*problem)};
    return std::optional<std::string>(std::move(value));
}

} // namespace riskatlas::ingest::detail
