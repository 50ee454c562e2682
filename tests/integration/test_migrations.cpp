// Migrations on an empty database, then again (a no-op), against a real PostGIS.
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <algorithm>
#include <thread>

#include <riskatlas/data/migrations.hpp>

using namespace riskatlas;

TEST_CASE("migrations apply to an empty database, then are a no-op", "[pg]") {
    test::scratch_database scratch;
    data::database db(data::db_config{scratch.dsn(), 2});
    const auto known = data::known_migrations();
    REQUIRE(known.size() >= 2);
    CHECK(std::is_sorted(known.begin(), known.end()));

    const auto first = data::migrate(db);
    CHECK(first.applied == known);
    CHECK(first.already_applied == 0);

    const auto second = data::migrate(db);
    CHECK(second.applied.empty());
    CHECK(second.already_applied == known.size());
}

TEST_CASE("concurrent migrators apply each migration once", "[pg]") {
    test::scratch_database scratch;
    data::database a(data::db_config{scratch.dsn(), 1});
    data::database b(data::db_config{scratch.dsn(), 1});
    data::migration_report ra, rb;
    std::thread other([&] { rb = data::migrate(b); });
    ra = data::migrate(a);
    other.join();
    CHECK(ra.applied.size() + rb.applied.size() == data::known_migrations().size());
}
