// Sets of stake intervals in metres, the arithmetic of coverage: how much of the identified
// hazardous road is treated, and which stretches are not.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace riskatlas::roads {

/// A closed stake interval [from_m, to_m].
struct interval {
    double from_m = 0;
    double to_m = 0;
    double length_m() const noexcept { return to_m - from_m; }
    friend bool operator==(const interval&, const interval&) = default;
};

/// A set of stake intervals kept normalised: sorted, with overlapping and touching intervals
/// merged ([0,100] and [100,250] become [0,250]) so every metre counts once, and zero-length
/// intervals dropped. Sets are compared by measure: single points carry no length, so
/// subtract([0,100], [40,60]) is [0,40] [60,100] (closed pieces) and intersecting touching
/// intervals gives the empty set. Endpoints are compared exactly, with no tolerance; stakes
/// parsed from the same text are the same double.
class interval_set {
  public:
    interval_set() = default;

    /// Normalises any list of intervals, O(n log n). Throws invalid_stake_range for a reversed
    /// (from_m > to_m) or non-finite interval.
    explicit interval_set(std::vector<interval> items);

    /// The disjoint, non-touching intervals in increasing order.
    const std::vector<interval>& intervals() const noexcept { return m_items; }
    bool empty() const noexcept { return m_items.empty(); }

    /// The total length, each metre once.
    double length_m() const noexcept;

    friend bool operator==(const interval_set&, const interval_set&) = default;

  private:
    struct normalised_tag {};
    interval_set(normalised_tag, std::vector<interval> items) : m_items(std::move(items)) {}
    friend interval_set intersect(const interval_set&, const interval_set&);
    friend interval_set subtract(const interval_set&, const interval_set&);

    std::vector<interval> m_items;
};

/// Every stretch in either set. O((n + m) log(n + m)).
interval_set unite(const interval_set& a, const interval_set& b);

/// The stretches in both sets. O(n + m).
interval_set intersect(const interval_set& a, const interval_set& b);

/// The stretches of `a` not in `b` (b's complement within a). O(n + m).
interval_set subtract(const interval_set& a, const interval_set& b);

/// E.g. "{[K1+000, K1+700], [K2+400, K2+450]}", for messages and test output.
std::string to_string(const interval_set& set);
std::ostream& operator<<(std::ostream& out, const interval_set& set);

} // namespace riskatlas::roads
