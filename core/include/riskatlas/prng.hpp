// Deterministic random source shared by geo (random points) and demo (the generator):
// xoshiro256** seeded through splitmix64, with the draws written out here, because
// std::uniform_*_distribution's output is implementation-defined and seeded output must be
// identical on every platform.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace riskatlas {

inline std::uint64_t splitmix64(std::uint64_t &state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// A stable 64-bit hash of a label (FNV-1a), to derive independent streams from one seed.
constexpr std::uint64_t label_hash(std::string_view label) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : label) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

class prng {
  public:
    explicit prng(std::uint64_t seed) {
        for (auto &word : m_s)
            word = splitmix64(seed);
    }
    /// An independent stream for one part of the generator (regions, enterprises, hazards...),
    /// so that changing how many draws one part makes does not reshuffle the others.
    prng(std::uint64_t seed, std::string_view stream) : prng(seed ^ label_hash(stream)) {}

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

    /// Uniform in [0, 1), 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform integer in [lo, hi] (inclusive), by rejection so there is no modulo bias.
    int between(int lo, int hi) {
        if (hi < lo)
            throw std::invalid_argument("prng::between: empty range");
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % span;
        std::uint64_t x = next();
        while (x >= limit)
            x = next();
        return static_cast<int>(lo + static_cast<std::int64_t>(x % span));
    }

    std::size_t index(std::size_t size) {
        if (size == 0)
            throw std::invalid_argument("prng::index: empty range");
        return static_cast<std::size_t>(between(0, static_cast<int>(size) - 1));
    }

    bool chance(double probability) { return unit() < probability; }

    /// An index drawn with probability proportional to its weight.
    std::size_t weighted(std::span<const double> weights) {
        double total = 0;
        for (const double w : weights)
            total += w;
        double x = unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i])
                return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }

    template <typename T> const T &pick(const std::vector<T> &items) {
        return items[index(items.size())];
    }
    template <typename T, std::size_t N> const T &pick(const std::array<T, N> &items) {
        return items[index(N)];
    }

    /// Fisher-Yates with our own draws (std::shuffle's use of the engine is unspecified).
    template <typename T> void shuffle(std::vector<T> &items) {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[index(i)]);
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> m_s{};
};

} // namespace riskatlas
