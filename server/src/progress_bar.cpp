// Progress bar and plain progress lines (see progress_bar.hpp).
#include "progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace riskatlas::server {

progress_bar::progress_bar(std::string unit)
    : m_unit(std::move(unit)), m_tty(isatty(STDERR_FILENO) == 1), m_started(clock::now()) {}

void progress_bar::update(std::string_view label, std::uint64_t done,
                          std::optional<std::uint64_t> total, bool last) {
    const auto now = clock::now();
    if (!last &&
        now - m_printed < (m_tty ? std::chrono::milliseconds(200) : std::chrono::seconds(5)))
        return;
    m_printed = now;
    const double seconds = std::chrono::duration<double>(now - m_started).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    std::string line = std::string(label) + " " + std::to_string(done);
    if (total && *total > 0) {
        const double fraction =
            std::min(1.0, static_cast<double>(done) / static_cast<double>(*total));
        line += "/" + std::to_string(*total);
        if (m_tty) {
            const int width = 30;
            const int filled = static_cast<int>(fraction * width);
            line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                   std::string(static_cast<std::size_t>(width - filled), '.') + "] " + line;
        }
        if (rate > 0 && !last && done < *total) {
            const double eta = static_cast<double>(*total - done) / rate;
            line += " ETA " + std::to_string(static_cast<int>(eta + 0.5)) + " s";
        }
    }
    char rate_text[48];
    std::snprintf(rate_text, sizeof rate_text, " %.0f %s/s", rate, m_unit.c_str());
    line += rate_text;
    if (m_tty)
        std::cerr << "\r" << line << "\033[K" << (last ? "\n" : "") << std::flush;
    else
        std::cerr << line << "\n";
}

void progress_bar::note(std::string_view text) {
    // On a terminal, overwrite the bar; the next update draws it again below.
    if (m_tty)
        std::cerr << "\r" << text << "\033[K\n" << std::flush;
    else
        std::cerr << text << "\n";
}

} // namespace riskatlas::server
