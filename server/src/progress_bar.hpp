// Progress on stderr for long commands (import, seed): a redrawn bar with rate and ETA on a
// terminal, a plain line every few seconds otherwise (logs, CI).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace riskatlas::server {

class progress_bar {
  public:
    /// `unit` names what is counted in the rate ("rows", "tiles").
    explicit progress_bar(std::string unit);

    /// Shows `label done[/total]` with the rate and, when `total` is known, a bar and the ETA.
    /// Calls closer together than the redraw interval are skipped, unless `last`.
    void update(std::string_view label, std::uint64_t done, std::optional<std::uint64_t> total,
                bool last = false);
    /// A line that stays (a finished stage), printed above the bar on a terminal.
    void note(std::string_view text);

  private:
    using clock = std::chrono::steady_clock;
    std::string m_unit;
    bool m_tty;
    clock::time_point m_started;
    clock::time_point m_printed{};
};

} // namespace riskatlas::server
