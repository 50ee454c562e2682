// The lane that lets a full recompute grade in C++ while the database writes: steps run in the
// order posted, on one thread, a failure stops the later steps, and leaving drops what has not
// started.
#include <catch2/catch.hpp>

#include "statement_lane.hpp"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using riskatlas::analysis::statement_lane;

TEST_CASE("a statement lane runs its steps in order on one thread", "[analysis]") {
    statement_lane lane;
    std::vector<int> order; // only the lane's thread touches it until the last future is read
    std::vector<std::thread::id> threads;
    std::vector<std::future<int>> results;
    for (int i = 0; i < 20; ++i)
        results.push_back(lane.post([&order, &threads, i] {
            if (i % 5 == 0) // slow steps must not let later ones overtake them
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            order.push_back(i);
            threads.push_back(std::this_thread::get_id());
            return i * i;
        }));
    for (int i = 0; i < 20; ++i)
        CHECK(results[i].get() == i * i);
    REQUIRE(order.size() == 20);
    for (int i = 0; i < 20; ++i)
        CHECK(order[i] == i);
    for (const auto& id : threads) {
        CHECK(id == threads.front());
        CHECK(id != std::this_thread::get_id());
    }
}

TEST_CASE("after a failed step a statement lane runs no later step", "[analysis]") {
    statement_lane lane;
    std::atomic<int> ran{0};
    auto first = lane.post([&ran] { ++ran; });
    auto failing = lane.post([]() -> int { throw std::runtime_error("duplicate key"); });
    auto later = lane.post([&ran] { ++ran; });
    first.get();
    CHECK_THROWS_WITH(failing.get(), "duplicate key");
    CHECK_THROWS_WITH(later.get(), Catch::Contains("dropped after an earlier failure"));
    CHECK(ran == 1);
}

TEST_CASE("leaving a statement lane drops the steps not started", "[analysis]") {
    std::atomic<int> ran{0};
    std::future<void> running, waiting;
    std::promise<void> release, start;
    auto released = release.get_future().share();
    auto started = start.get_future();
    // lets the running step finish only once the lane is being left
    std::thread releaser([&release] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        release.set_value();
    });
    {
        statement_lane lane;
        running = lane.post([released, &start, &ran] {
            start.set_value();
            released.wait();
            ++ran;
        });
        waiting = lane.post([&ran] { ++ran; });
        started.wait();
    }
    releaser.join();
    CHECK_NOTHROW(running.get());
    CHECK_THROWS_WITH(waiting.get(), Catch::Contains("dropped"));
    CHECK(ran == 1);
}
