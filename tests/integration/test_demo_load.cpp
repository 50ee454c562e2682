// Loading the demo region into a real PostGIS: idempotent, and all-or-nothing. Runs on a scratch
// database so the shared demo database the other tests read is never half-replaced.
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/data/errors.hpp>
#include <riskatlas/data/migrations.hpp>
#include <riskatlas/demo/demo.hpp>

using namespace riskatlas;

namespace {

const std::string input_dir = std::string(RISKATLAS_SOURCE_DIR) + "/demo/data/yanzhou";

struct loaded_scratch {
    test::scratch_database scratch;
    data::database db{data::db_config{scratch.dsn(), 2}};
    data::demo_dataset dataset = demo::build_yanzhou(input_dir);
    data::content_counts expected;

    loaded_scratch() {
        data::migrate(db);
        expected = data::replace_demo_content(db, dataset);
    }
};

} // namespace

TEST_CASE_METHOD(loaded_scratch, "the demo loads with the expected counts", "[pg]") {
    CHECK(data::has_region_data(db));
    CHECK(expected.counties == 1);
    CHECK(expected.townships == 10);
    CHECK(expected.villages == 440);
    CHECK(expected.parks == static_cast<std::int64_t>(demo::yanzhou_params().parks.size()));
    CHECK(expected.enterprises == static_cast<std::int64_t>(dataset.enterprises.size()));
    CHECK(expected.hazards == static_cast<std::int64_t>(dataset.hazards.size()));
    CHECK(expected.railways == 1);
    CHECK(data::count_content(db) == expected);
}

TEST_CASE_METHOD(loaded_scratch, "loading again replaces, never duplicates", "[pg]") {
    CHECK(demo::load(db, input_dir) == expected);
    CHECK(data::count_content(db) == expected);
    // a different seed replaces the generated content with the same counts
    CHECK(demo::load(db, input_dir, demo::default_seed + 7) == expected);
}

TEST_CASE_METHOD(loaded_scratch, "a failed load leaves the previous content untouched", "[pg]") {
    auto bad = dataset;
    bad.hazards.resize(100); // had it been applied, the counts would show it
    SECTION("an enterprise the schema refuses") {
        bad.enterprises.back().industry_code = "lowercase";
        CHECK_THROWS_AS(data::replace_demo_content(db, bad), data::rejected_data);
    }
    SECTION("an invalid region geometry") {
        bad.regions.back().geom = geo::geometry::from_wkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))");
        CHECK_THROWS_AS(data::replace_demo_content(db, bad), data::rejected_data);
    }
    SECTION("a duplicated credit code") {
        bad.enterprises.back().credit_code = bad.enterprises.front().credit_code;
        CHECK_THROWS_AS(data::replace_demo_content(db, bad), riskatlas::error);
    }
    SECTION("a hazard naming an unknown enterprise") {
        bad.hazards.back().enterprise_credit_code = "91350100M000100Y43";
        CHECK_THROWS_AS(data::replace_demo_content(db, bad), data::rejected_data);
    }
    CHECK(data::count_content(db) == expected);
    CHECK(data::has_region_data(db));
}
