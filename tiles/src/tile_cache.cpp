// LRU by bytes with one computation per missing key (a "single flight"): when a map is opened on
// a wall screen, dozens of clients ask for the same new tiles at once.
#include <riskatlas/tiles/tile_cache.hpp>

#include <condition_variable>
#include <exception>

namespace riskatlas::tiles {

struct tile_cache::pending {
    std::condition_variable done;
    bool finished = false;
    std::shared_ptr<const cached_tile> tile;
    std::exception_ptr error;
};

tile_cache::tile_cache(std::size_t max_bytes) : m_max_bytes(max_bytes) {
    m_stats.max_bytes = max_bytes;
}

// The key and bookkeeping count too, so a cache full of empty tiles still has a bound.
std::size_t tile_cache::cost(const std::string& key, const cached_tile& tile) {
    constexpr std::size_t overhead = 128; // list node, map node, shared_ptr control block
    return tile.gzipped.size() + 2 * key.size() + overhead;
}

std::shared_ptr<const cached_tile> tile_cache::lookup(const std::string& key) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return nullptr;
    m_recency.splice(m_recency.begin(), m_recency, it->second.position);
    return it->second.tile;
}

void tile_cache::insert(const std::string& key, std::shared_ptr<const cached_tile> tile) {
    const auto size = cost(key, *tile);
    if (size > m_max_bytes / 8) // one huge tile must not flush the cache
        return;
    if (const auto it = m_entries.find(key); it != m_entries.end()) {
        m_stats.bytes -= cost(key, *it->second.tile);
        m_recency.erase(it->second.position);
        m_entries.erase(it);
    }
    while (!m_recency.empty() && m_stats.bytes + size > m_max_bytes) {
        const auto& oldest = m_recency.back();
        const auto victim = m_entries.find(oldest);
        m_stats.bytes -= cost(oldest, *victim->second.tile);
        m_entries.erase(victim);
        m_recency.pop_back();
        ++m_stats.evictions;
    }
    m_recency.push_front(key);
    m_entries.emplace(key, entry{std::move(tile), m_recency.begin()});
    m_stats.bytes += size;
}

std::shared_ptr<const cached_tile> tile_cache::get_or_compute(const std::string& key,
                                                             std::int64_t expected_version,
                                                             const compute_fn& compute) {
    std::shared_ptr<pending> flight;
    bool leader = false;
    {
        std::unique_lock lock(m_mutex);
        if (auto hit = lookup(key)) {
            ++m_stats.hits;
            return hit;
        }
        ++m_stats.misses;
        auto& slot = m_in_flight[key];
        if (!slot) {
            slot = std::make_shared<pending>();
            leader = true;
        }
        flight = slot;
        if (!leader) {
            flight->done.wait(lock, [&] { return flight->finished; });
            if (flight->error)
                std::rethrow_exception(flight->error);
            return flight->tile;
        }
    }
    std::shared_ptr<const cached_tile> tile;
    std::exception_ptr error;
    try {
        tile = std::make_shared<const cached_tile>(compute());
    } catch (...) {
        error = std::current_exception();
    }
    {
        std::lock_guard lock(m_mutex);
        if (tile && m_max_bytes > 0 && tile->version == expected_version)
            insert(key, tile);
        flight->tile = tile;
        flight->error = error;
        flight->finished = true;
        m_in_flight.erase(key);
    }
    flight->done.notify_all();
    if (error)
        std::rethrow_exception(error);
    return tile;
}

tile_cache_stats tile_cache::stats() const {
    std::lock_guard lock(m_mutex);
    auto out = m_stats;
    out.entries = m_entries.size();
    return out;
}

} // namespace riskatlas::tiles
