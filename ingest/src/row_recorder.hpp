// The report's account of rows: rejects and repairs as they are found (listed up to a limit,
// all counted), and repairs withdrawn when the database refuses their row after all.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <riskatlas/ingest/import.hpp>

namespace riskatlas::ingest::detail {

class row_recorder {
  public:
    row_recorder(import_report& report, std::size_t max_listed)
        : m_report(report), m_max(max_listed) {}
    void reject(std::int64_t row, std::string field, std::string reason) {
        if (m_report.rejects.size() < m_max)
            m_report.rejects.push_back({row, std::move(field), std::move(reason)});
    }
    void repair(std::int64_t row, std::string reason) {
        m_repaired_rows.push_back(row);
        if (m_report.repairs.size() < m_max)
            m_report.repairs.push_back({row, "geometry", std::move(reason)});
    }
    // A repaired row the database checks refuse later is not loaded, so it is no repair either.
    void forget_repairs_of(const std::vector<std::int64_t>& refused_sorted) {
        const auto refused = [&](std::int64_t row) {
            return std::binary_search(refused_sorted.begin(), refused_sorted.end(), row);
        };
        std::erase_if(m_repaired_rows, refused);
        std::erase_if(m_report.repairs, [&](const row_issue& r) { return refused(r.row); });
        m_report.counts.repaired = static_cast<std::int64_t>(m_repaired_rows.size());
    }

  private:
    import_report& m_report;
    std::size_t m_max;
    std::vector<std::int64_t> m_repaired_rows; ///< in file order, so sorted
};

} // namespace riskatlas::ingest::detail
