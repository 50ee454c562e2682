// ISO dates for the generator, on std::chrono's civil calendar (no clock is ever read).
#pragma once

#include <riskatlas/error.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace riskatlas::demo::detail {

using date = std::chrono::sys_days;

inline date parse_date(const std::string &iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        throw invalid_argument("invalid_date", "not an ISO date (YYYY-MM-DD): '" + iso + "'");
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok())
        throw invalid_argument("invalid_date", "no such date: '" + iso + "'");
    return date{ymd};
}

inline std::string format_date(date day) {
    const std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

inline int year_of(date day) { return static_cast<int>(std::chrono::year_month_day{day}.year()); }

} // namespace riskatlas::demo::detail
