// A read DSN (a streaming replica in deploy/scale): read-only transactions go there, writes stay
// on the primary, and the version watch stays off (docs/decisions.md, "Read replicas").
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <riskatlas/data/database.hpp>
#include <riskatlas/data/errors.hpp>
#include <riskatlas/data/version_watch.hpp>

#include <chrono>
#include <thread>

using namespace riskatlas;

TEST_CASE("read-only transactions use the read DSN, writes the primary", "[pg]") {
    data::db_config config{test::test_dsn(), 1};
    config.read_dsn = "host=127.0.0.1 port=1 connect_timeout=2"; // nothing listens on port 1
    data::database db(config);
    CHECK_NOTHROW(db.transact({}, data::access::read_write, [](data::session&) {}));
    CHECK_THROWS_AS(db.transact({}, data::access::read_only, [](data::session&) {}),
                    data::unavailable);
    CHECK_FALSE(db.ping()); // an instance that cannot read is not healthy
    CHECK(db.stats().capacity == 2);
}

TEST_CASE("with a read DSN the version watch stays off and readers query versions", "[pg]") {
    data::db_config config{test::test_dsn(), 1};
    config.read_dsn = test::test_dsn() + " connect_timeout=5"; // the same database, but set
    data::version_watch watch(config);
    data::database db(config);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK_FALSE(watch.snapshot());
    watch.refresh(db);
    CHECK_FALSE(watch.snapshot());
    CHECK(db.ping());
}
