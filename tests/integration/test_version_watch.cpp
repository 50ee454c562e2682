// The in-memory table versions follow committed writes through LISTEN/NOTIFY.
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <riskatlas/data/version_watch.hpp>

#include <chrono>
#include <thread>

using namespace riskatlas;

namespace {
// The watch's snapshot once it satisfies `ready`, waiting at most two seconds.
template <typename TPred>
std::shared_ptr<const data::table_versions> wait_for(const data::version_watch& w, TPred ready) {
    for (int i = 0; i < 200; ++i) {
        if (auto s = w.snapshot(); s && ready(*s))
            return s;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return w.snapshot();
}

std::int64_t railways_version(const data::table_versions& v) { return v.at("railways").version; }
} // namespace

TEST_CASE("the version watch sees a committed write without being asked", "[pg]") {
    data::version_watch watch(data::db_config{test::test_dsn(), 1});
    const auto start = wait_for(watch, [](const auto&) { return true; });
    REQUIRE(start);
    const auto before = railways_version(*start);
    CHECK(start->contains("current_date"));

    test::exec_sql("UPDATE railways SET name = coalesce(name, '') || ' (watched)'");
    const auto after = wait_for(watch, [&](const auto& v) { return railways_version(v) > before; });
    test::exec_sql("UPDATE railways SET name = nullif(replace(name, ' (watched)', ''), '')");
    REQUIRE(after);
    CHECK(railways_version(*after) == before + 1);
}

TEST_CASE("refresh publishes our own write at once and versions never move back", "[pg]") {
    data::version_watch watch(data::db_config{test::test_dsn(), 1}, std::chrono::hours(1));
    const auto start = wait_for(watch, [](const auto&) { return true; });
    REQUIRE(start);
    test::exec_sql("UPDATE railways SET name = coalesce(name, '') || ' (refreshed)'");
    watch.refresh(test::shared_database()); // no waiting: the write is in the snapshot now
    const auto now = watch.snapshot();
    test::exec_sql("UPDATE railways SET name = nullif(replace(name, ' (refreshed)', ''), '')");
    REQUIRE(now);
    CHECK(railways_version(*now) == railways_version(*start) + 1);
    const auto latest = wait_for(watch, [&](const auto& v) {
        return railways_version(v) > railways_version(*now);
    });
    CHECK(railways_version(*latest) == railways_version(*now) + 1);
}
