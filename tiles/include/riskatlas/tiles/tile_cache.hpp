// In-process tile cache: least recently used entries go first once the bytes held pass a bound.
// Keys carry the layer's data version, so an import or recompute makes later requests miss and
// the old entries simply age out: nothing is ever stale and nothing needs purging.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace riskatlas::tiles {

/// One cached tile: gzip-compressed MVT bytes (empty for a tile with no features) and the
/// layer version it was built at.
struct cached_tile {
    std::int64_t version = 0;
    std::string gzipped;
};

struct tile_cache_stats {
    std::uint64_t hits = 0, misses = 0, evictions = 0;
    std::size_t entries = 0, bytes = 0, max_bytes = 0;
};

class tile_cache {
public:
    /// `max_bytes` 0 disables caching (every lookup computes).
    explicit tile_cache(std::size_t max_bytes);
    tile_cache(const tile_cache&) = delete;
    tile_cache& operator=(const tile_cache&) = delete;

    using compute_fn = std::function<cached_tile()>;

    /// The entry under `key`, or `compute()`'s result. Concurrent callers missing the same key
    /// wait for one computation instead of each running it; if it throws, they all see the
    /// error and nothing is cached. The result is cached under `key` only if its version is
    /// `expected_version`: a write between the caller's version lookup and the computation
    /// produced a newer tile, which belongs under another key.
    std::shared_ptr<const cached_tile> get_or_compute(const std::string& key,
                                                      std::int64_t expected_version,
                                                      const compute_fn& compute);

    tile_cache_stats stats() const;

private:
    struct entry {
        std::shared_ptr<const cached_tile> tile;
        std::list<std::string>::iterator position; ///< in m_recency, most recent first
    };
    struct pending; // a computation in flight

    std::shared_ptr<const cached_tile> lookup(const std::string& key); // under m_mutex
    void insert(const std::string& key, std::shared_ptr<const cached_tile> tile); // under m_mutex
    static std::size_t cost(const std::string& key, const cached_tile& tile);

    const std::size_t m_max_bytes;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, entry> m_entries;
    std::list<std::string> m_recency;
    std::unordered_map<std::string, std::shared_ptr<pending>> m_in_flight;
    tile_cache_stats m_stats;
};

} // namespace riskatlas::tiles
