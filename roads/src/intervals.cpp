// Normalised interval sets: sort then sweep, so each operation is O(n log n) or linear.
#include <riskatlas/roads/intervals.hpp>

#include "stake_text.hpp"

#include <riskatlas/roads/errors.hpp>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace riskatlas::roads {

interval_set::interval_set(std::vector<interval> items) {
    for (const interval& item : items)
        if (!std::isfinite(item.from_m) || !std::isfinite(item.to_m) || item.from_m > item.to_m)
            throw invalid_stake_range("interval " + detail::describe_range(item.from_m, item.to_m) +
                                      " must be finite with from <= to");
    // Points have no length; dropping them first keeps the sweep to real stretches.
    std::erase_if(items, [](const interval& item) { return item.from_m == item.to_m; });
    std::sort(items.begin(), items.end(),
              [](const interval& a, const interval& b) { return a.from_m < b.from_m; });
    for (const interval& item : items) {
        // `<=`: touching intervals merge, so a metre shared by two records counts once and the
        // set has one canonical form.
        if (!m_items.empty() && item.from_m <= m_items.back().to_m)
            m_items.back().to_m = std::max(m_items.back().to_m, item.to_m);
        else
            m_items.push_back(item);
    }
}

double interval_set::length_m() const noexcept {
    double total = 0;
    for (const interval& item : m_items)
        total += item.length_m();
    return total;
}

interval_set unite(const interval_set& a, const interval_set& b) {
    std::vector<interval> items = a.intervals();
    items.insert(items.end(), b.intervals().begin(), b.intervals().end());
    return interval_set(std::move(items));
}

// Pieces of the result come from distinct intervals of a or b, which are separated by gaps, so
// the output is already normalised.
interval_set intersect(const interval_set& a, const interval_set& b) {
    const auto& x = a.intervals();
    const auto& y = b.intervals();
    std::vector<interval> out;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < x.size() && j < y.size()) {
        const double lo = std::max(x[i].from_m, y[j].from_m);
        const double hi = std::min(x[i].to_m, y[j].to_m);
        if (lo < hi)
            out.push_back({lo, hi});
        if (x[i].to_m < y[j].to_m)
            ++i;
        else
            ++j;
    }
    return interval_set(interval_set::normalised_tag{}, std::move(out));
}

interval_set subtract(const interval_set& a, const interval_set& b) {
    const auto& cut = b.intervals();
    std::vector<interval> out;
    std::size_t j = 0;
    for (const interval& item : a.intervals()) {
        double cursor = item.from_m;
        while (j < cut.size() && cut[j].to_m <= cursor)
            ++j;
        // Walk the cuts overlapping this interval; the last one may reach into the next
        // interval of `a`, so j stays on it.
        std::size_t k = j;
        for (; k < cut.size() && cut[k].from_m < item.to_m; ++k) {
            if (cut[k].from_m > cursor)
                out.push_back({cursor, cut[k].from_m});
            cursor = std::max(cursor, cut[k].to_m);
            if (cursor >= item.to_m)
                break;
        }
        if (cursor < item.to_m)
            out.push_back({cursor, item.to_m});
        j = k;
    }
    return interval_set(interval_set::normalised_tag{}, std::move(out));
}

std::string to_string(const interval_set& set) {
    std::string text = "{";
    for (const interval& item : set.intervals()) {
        if (text.size() > 1)
            text += ", ";
        text += detail::describe_range(item.from_m, item.to_m);
    }
    return text + "}";
}

std::ostream& operator<<(std::ostream& out, const interval_set& set) {
    return out << to_string(set);
}

} // namespace riskatlas::roads
