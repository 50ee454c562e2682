// The tile cache: LRU by bytes, one computation per missing key, nothing cached across versions.
#include <catch2/catch.hpp>

#include <riskatlas/tiles/tile_cache.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace riskatlas::tiles;

namespace {
cached_tile tile_of(std::size_t bytes, std::int64_t version = 7) {
    return {version, std::string(bytes, 'x')};
}
} // namespace

TEST_CASE("a second lookup is a hit and computes nothing", "[unit][tiles]") {
    tile_cache cache(1 << 20);
    int computed = 0;
    const auto compute = [&] { ++computed; return tile_of(100); };
    const auto first = cache.get_or_compute("a", 7, compute);
    const auto second = cache.get_or_compute("a", 7, compute);
    CHECK(computed == 1);
    CHECK(second == first); // the same bytes, not a copy
    const auto s = cache.stats();
    CHECK(s.hits == 1);
    CHECK(s.misses == 1);
    CHECK(s.entries == 1);
}

TEST_CASE("the least recently used tiles go first once the bytes pass the bound", "[unit][tiles]") {
    // an entry costs its bytes + twice its key + 128 of bookkeeping: 100 + 2 + 128 = 230, so
    // eight fit in 1940 bytes and a ninth does not
    tile_cache cache(8 * 230 + 100);
    int computed = 0;
    const auto put = [&](const std::string& key) {
        cache.get_or_compute(key, 7, [&] { ++computed; return tile_of(100); });
    };
    for (const auto* key : {"a", "b", "c", "d", "e", "f", "g", "h"})
        put(key);
    put("a"); // a is now the most recent; b is the oldest
    REQUIRE(computed == 8);
    CHECK(cache.stats().bytes == 8 * 230);
    put("i");
    CHECK(cache.stats().evictions == 1);
    put("a");
    CHECK(computed == 9); // a survived
    put("b");
    CHECK(computed == 10); // b was evicted
    CHECK(cache.stats().bytes <= cache.stats().max_bytes);
}

TEST_CASE("concurrent misses of one key compute it once", "[unit][tiles]") {
    tile_cache cache(1 << 20);
    std::atomic<int> computed{0};
    std::atomic<int> started{0};
    std::vector<std::thread> threads;
    std::vector<std::shared_ptr<const cached_tile>> results(8);
    for (std::size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&, i] {
            ++started;
            results[i] = cache.get_or_compute("slow", 7, [&] {
                ++computed;
                // long enough for every other thread to arrive and wait
                while (started.load() < static_cast<int>(results.size()))
                    std::this_thread::yield();
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                return tile_of(10);
            });
        });
    for (auto& t : threads)
        t.join();
    CHECK(computed.load() == 1);
    for (const auto& r : results)
        CHECK(r == results.front());
}

TEST_CASE("a tile built at another version than looked up is served but not cached",
          "[unit][tiles]") {
    tile_cache cache(1 << 20);
    int computed = 0;
    const auto newer = [&] { ++computed; return tile_of(10, 8); };
    CHECK(cache.get_or_compute("k@7", 7, newer)->version == 8);
    cache.get_or_compute("k@7", 7, newer);
    CHECK(computed == 2);
    CHECK(cache.stats().entries == 0);
}

TEST_CASE("a failed computation reaches its caller and caches nothing", "[unit][tiles]") {
    tile_cache cache(1 << 20);
    CHECK_THROWS_WITH(cache.get_or_compute("k", 7,
                                           []() -> cached_tile { throw std::runtime_error("db down"); }),
                      "db down");
    int computed = 0;
    cache.get_or_compute("k", 7, [&] { ++computed; return tile_of(10); });
    CHECK(computed == 1);
}

TEST_CASE("a tile bigger than an eighth of the cache is served but not kept", "[unit][tiles]") {
    tile_cache cache(8000);
    cache.get_or_compute("big", 7, [] { return tile_of(2000); });
    CHECK(cache.stats().entries == 0);
    cache.get_or_compute("small", 7, [] { return tile_of(100); });
    CHECK(cache.stats().entries == 1);
}

TEST_CASE("a zero bound disables caching", "[unit][tiles]") {
    tile_cache cache(0);
    int computed = 0;
    for (int i = 0; i < 3; ++i)
        cache.get_or_compute("k", 7, [&] { ++computed; return tile_of(10); });
    CHECK(computed == 3);
}
