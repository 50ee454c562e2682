// Field values as text. OGR_F_GetFieldAsString alone would print reals with 15 significant digits
// (losing precision), dates as "2026/11/23" and lists as "(2:a,b)", which downstream parsers
// would have to special-case; we write standard forms instead.
#include "field_text.hpp"

#include <cpl_string.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <span>

namespace riskatlas::io::detail {
namespace {

std::string number_text(double value) {
    if (!std::isfinite(value))
        return std::isnan(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity");
    // fixed notation: a code held in a Real column (370812000000) must not become "3.70812e+11"
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return std::string(buffer, result.ptr);
}

void append_json_string(std::string &out, std::string_view text) {
    out.push_back('"');
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

template <typename T, typename TFormat>
std::string json_array(std::span<const T> items, TFormat format) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out.push_back(',');
        format(out, items[i]);
    }
    out.push_back(']');
    return out;
}

// Items are recoded before escaping: a GBK trail byte can be 0x5C, a backslash in ASCII.
std::string string_list(OGRFeatureH f, int index, const std::string &recode_from) {
    std::string out = "[";
    char **items = OGR_F_GetFieldAsStringList(f, index);
    for (int i = 0; items != nullptr && items[i] != nullptr; ++i) {
        if (i > 0)
            out.push_back(',');
        append_json_string(out, recoded(items[i], recode_from));
    }
    out.push_back(']');
    return out;
}

// OGR time zone flag: 0 unknown, 1 local time, 100 UTC, 100 ± n = UTC ± n quarter-hours.
std::string zone_suffix(int tz) {
    if (tz <= 1)
        return {};
    if (tz == 100)
        return "Z";
    const int minutes = std::abs(tz - 100) * 15;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", tz > 100 ? '+' : '-', minutes / 60,
                  minutes % 60);
    return buffer;
}

std::string date_time_text(OGRFeatureH f, int index, OGRFieldType type) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, tz = 0;
    float second = 0;
    OGR_F_GetFieldAsDateTimeEx(f, index, &year, &month, &day, &hour, &minute, &second, &tz);
    char date[48];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    const long total_ms = std::lround(static_cast<double>(second) * 1000.0);
    const int whole = static_cast<int>(total_ms / 1000);
    const int millis = static_cast<int>(total_ms % 1000);
    char time[48];
    if (millis > 0)
        std::snprintf(time, sizeof time, "%02d:%02d:%02d.%03d", hour, minute, whole, millis);
    else
        std::snprintf(time, sizeof time, "%02d:%02d:%02d", hour, minute, whole);
    if (type == OFTDate)
        return date;
    if (type == OFTTime)
        return time;
    return std::string(date) + "T" + time + zone_suffix(tz);
}

std::string hex_text(OGRFeatureH f, int index) {
    static constexpr char digits[] = "0123456789abcdef";
    int size = 0;
    const GByte *bytes = OGR_F_GetFieldAsBinary(f, index, &size);
    std::string out;
    for (int i = 0; i < size; ++i) {
        out.push_back(digits[bytes[i] >> 4]);
        out.push_back(digits[bytes[i] & 0x0F]);
    }
    return out;
}

} // namespace

std::string field_type_name(OGRFieldDefnH field) {
    switch (OGR_Fld_GetSubType(field)) {
    case OFSTBoolean:
        return "Boolean";
    case OFSTJSON:
        return "JSON";
    default:
        return OGR_GetFieldTypeName(OGR_Fld_GetType(field));
    }
}

std::string recoded(const char *text, const std::string &encoding) {
    if (encoding.empty())
        return text;
    const cpl_string out(CPLRecode(text, encoding.c_str(), CPL_ENC_UTF8));
    return out ? std::string(out.get()) : std::string();
}

std::string field_text(OGRFeatureH f, OGRFieldDefnH field, int index,
                       const std::string &recode_from) {
    const auto type = OGR_Fld_GetType(field);
    int count = 0;
    switch (type) {
    case OFTInteger:
        if (OGR_Fld_GetSubType(field) == OFSTBoolean)
            return OGR_F_GetFieldAsInteger(f, index) != 0 ? "true" : "false";
        return std::to_string(OGR_F_GetFieldAsInteger(f, index));
    case OFTInteger64:
        return std::to_string(OGR_F_GetFieldAsInteger64(f, index));
    case OFTReal:
        return number_text(OGR_F_GetFieldAsDouble(f, index));
    case OFTDate:
    case OFTTime:
    case OFTDateTime:
        return date_time_text(f, index, type);
    case OFTBinary:
        return hex_text(f, index);
    case OFTStringList:
        return string_list(f, index, recode_from);
    case OFTIntegerList: {
        const int *items = OGR_F_GetFieldAsIntegerList(f, index, &count);
        return json_array(std::span(items, static_cast<std::size_t>(count)),
                          [](std::string &out, int v) { out += std::to_string(v); });
    }
    case OFTInteger64List: {
        const GIntBig *items = OGR_F_GetFieldAsInteger64List(f, index, &count);
        return json_array(std::span(items, static_cast<std::size_t>(count)),
                          [](std::string &out, GIntBig v) { out += std::to_string(v); });
    }
    case OFTRealList: {
        const double *items = OGR_F_GetFieldAsDoubleList(f, index, &count);
        return json_array(std::span(items, static_cast<std::size_t>(count)),
                          [](std::string &out, double v) { out += number_text(v); });
    }
    default:
        return recoded(OGR_F_GetFieldAsString(f, index), recode_from);
    }
}

} // namespace riskatlas::io::detail
