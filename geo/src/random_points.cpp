// Deterministic uniform points in a polygon. The generator is our own (splitmix64 seeding
// xoshiro256**), because std::uniform_real_distribution's output differs between standard
// libraries and the demo must be identical everywhere for a given seed.
#include "geos_handle.hpp"

#include <array>

namespace riskatlas::geo {
namespace {

// splitmix64 (Vigna): expands one 64-bit seed into well-mixed state words.
std::uint64_t splitmix64(std::uint64_t &state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// xoshiro256** 1.0 (Blackman & Vigna, 2018).
class xoshiro256ss {
  public:
    explicit xoshiro256ss(std::uint64_t seed) {
        for (auto &word : m_s)
            word = splitmix64(seed);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    /// Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> m_s{};
};

} // namespace

std::vector<lonlat> random_points_in(const geometry &polygon, std::size_t n, std::uint64_t seed) {
    if (!polygon.is_polygonal() || polygon.is_empty() || polygon.area() <= 0)
        throw invalid_geometry("random_points_in: needs a non-empty polygon, got " +
                               polygon.type_name());
    const bbox box = polygon.envelope();
    const double fill = polygon.area() / ((box.max_x - box.min_x) * (box.max_y - box.min_y));
    const detail::prepared_ptr prepared(
        GEOSPrepare_r(detail::context(), geometry_access::get(polygon)));
    if (!prepared)
        detail::throw_geos_error("random_points_in");

    xoshiro256ss rng(seed);
    std::vector<lonlat> out;
    out.reserve(n);
    // The expected number of draws is n / fill; allow a generous margin before giving up.
    const double budget = 1000.0 + 100.0 * static_cast<double>(n) / fill;
    for (double draws = 0; out.size() < n; ++draws) {
        if (draws > budget)
            throw invalid_geometry("random_points_in: polygon too thin to sample");
        const lonlat p{box.min_x + rng.unit() * (box.max_x - box.min_x),
                       box.min_y + rng.unit() * (box.max_y - box.min_y)};
        const detail::geom_ptr point = detail::checked(
            GEOSGeom_createPointFromXY_r(detail::context(), p.lon, p.lat), "random_points_in");
        if (detail::checked_predicate(
                GEOSPreparedContains_r(detail::context(), prepared.get(), point.get()),
                "random_points_in"))
            out.push_back(p);
    }
    return out;
}

} // namespace riskatlas::geo
