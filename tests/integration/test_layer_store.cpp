// Layer reads against a real PostGIS: versions bump on writes (and only on real changes), keyset
// paging is exact, bbox filtering matches PostGIS's own intersects, tiles carry the layer.
#include <catch2/catch.hpp>

#include "mvt_decode.hpp"
#include "test_db.hpp"

#include <riskatlas/data/errors.hpp>
#include <riskatlas/data/migrations.hpp>
#include <riskatlas/tiles/registry.hpp>

#include <pqxx/pqxx>

#include <set>

using namespace riskatlas;

namespace {

struct fixture {
    test::scratch_database scratch;
    data::database db{data::db_config{scratch.dsn(), 2}};
    data::layer_store store{tiles::registry::builtin().sources()};

    fixture() { data::migrate(db); }

    // Test scaffolding writes straight through libpqxx: the data under test is the reader.
    void sql(const std::string& statement) {
        pqxx::connection c(scratch.dsn());
        pqxx::work w(c);
        w.exec(statement);
        w.commit();
    }

    void add_villages(int n) {
        sql("INSERT INTO regions (code, name, kind, geom) VALUES ('370812000000', '兖州区', 'county', "
            "ST_GeomFromText('POLYGON((116.5 35.4, 117 35.4, 117 35.8, 116.5 35.8, 116.5 35.4))', 4326))");
        sql("INSERT INTO regions (code, name, kind, parent_code, geom) "
            "SELECT '3708120000' || lpad(i::text, 2, '0'), '村' || i, 'village', '370812000000', "
            "ST_SetSRID(ST_MakePoint(116.5 + i * 0.005, 35.4 + i * 0.004), 4326) "
            "FROM generate_series(1, " + std::to_string(n) + ") AS i");
    }
};

std::int64_t version_of(fixture& f, const std::string& layer) {
    return f.store.versions(f.db, {}).at(layer).version;
}

} // namespace

TEST_CASE_METHOD(fixture, "layer versions bump on writes and only on real changes", "[pg]") {
    const auto before = version_of(*this, "villages");
    const auto railways_before = version_of(*this, "railways");
    add_villages(3);
    const auto after_insert = version_of(*this, "villages");
    CHECK(after_insert > before);
    sql("UPDATE regions SET name = name || '' WHERE code = 'no-such-code'");
    CHECK(version_of(*this, "villages") == after_insert);
    sql("UPDATE regions SET name = '新名' WHERE kind = 'village'");
    CHECK(version_of(*this, "villages") > after_insert);
    // a layer reading other tables only is untouched
    CHECK(version_of(*this, "railways") == railways_before);
}

TEST_CASE_METHOD(fixture, "keyset paging returns every feature once, in order", "[pg]") {
    add_villages(25);
    std::set<std::string> seen;
    data::feature_query q;
    q.limit = 7;
    int pages = 0;
    while (true) {
        const auto page = store.features(db, {}, "villages", q);
        if (pages == 0) {
            REQUIRE(page.number_matched);
            CHECK(*page.number_matched == 25);
        }
        ++pages;
        for (const auto& text : page.features)
            CHECK(seen.insert(text).second);
        if (!page.next_after)
            break;
        q.after_fid = page.next_after;
        q.count_matched = false;
    }
    CHECK(seen.size() == 25);
    CHECK(pages == 4);
}

TEST_CASE_METHOD(fixture, "bbox and equality filters", "[pg]") {
    add_villages(20);
    data::feature_query q;
    q.limit = 100;
    q.bbox_lonlat = geo::bbox{116.5, 35.4, 116.55, 35.45}; // i = 1..10 fall inside
    const auto page = store.features(db, {}, "villages", q);
    CHECK(page.number_matched == 10);
    CHECK(page.features.size() == 10);
    data::feature_query filtered;
    filtered.filters = {{"township_code", "370812000000"}};
    CHECK(store.features(db, {}, "villages", filtered).number_matched == 20);
    filtered.filters = {{"township_code", "x' OR '1'='1"}};
    CHECK(store.features(db, {}, "villages", filtered).number_matched == 0);
    data::feature_query unknown;
    unknown.filters = {{"name", "村1"}}; // not declared filterable
    CHECK_THROWS_AS(store.features(db, {}, "villages", unknown), riskatlas::invalid_argument);
}

TEST_CASE_METHOD(fixture, "tiles: bytes when features, empty when none, 304 path by version", "[pg]") {
    add_villages(5);
    const geo::tile_id over{10, 844, 403};
    const geo::tile_id away{10, 0, 0};
    const auto hit = store.tile(db, {}, "regions", over, std::nullopt);
    CHECK_FALSE(hit.mvt.empty());
    CHECK(store.tile(db, {}, "regions", away, std::nullopt).mvt.empty());
    const auto same = store.tile(db, {}, "regions", over, hit.version.version);
    CHECK(same.not_modified);
    CHECK(same.mvt.empty());
}

TEST_CASE_METHOD(fixture, "a slow statement is cut by the request's timeout", "[pg]") {
    add_villages(2);
    sql("CREATE VIEW layer_slow AS SELECT v.fid, v.geom, v.geom_3857, v.name FROM layer_villages v "
        "WHERE (SELECT true FROM pg_sleep(0.5))");
    const data::layer_store slow({{"slow", "layer_slow", {"name"}, {}, {"regions"}}});
    data::request_context ctx;
    ctx.statement_timeout = std::chrono::milliseconds(50);
    CHECK_THROWS_AS(slow.features(db, ctx, "slow", {}), data::timeout);
    // the connection is usable afterwards and the default timeout lets it finish
    CHECK(slow.features(db, {}, "slow", {}).features.size() == 2);
}

namespace {
data::layer_source builtin_source(const std::string& id, std::vector<data::zoom_band> bands) {
    for (auto s : tiles::registry::builtin().sources())
        if (s.id == id) {
            s.bands = std::move(bands);
            return s;
        }
    FAIL("no layer " << id);
    return {};
}
} // namespace

TEST_CASE_METHOD(fixture, "a clustered band counts every point once, a feature band keeps each",
                 "[pg]") {
    add_villages(60); // 116.505..116.8E, 35.404..35.64N: one z7 tile
    const data::layer_store banded({builtin_source("villages", {{12, 64, 0}, {18, 0, 0}})});
    const geo::tile_id whole{7, 105, 50};
    const auto clusters = test::decode_mvt(banded.tile(db, {}, "villages", whole, std::nullopt).mvt, whole);
    long points = 0;
    for (const auto& f : clusters.at("villages")) {
        CHECK(f.properties.size() == 1); // point_count alone: no member's properties leak
        points += std::stol(f.properties.at("point_count"));
    }
    CHECK(points == 60);
    CHECK(clusters.at("villages").size() < 10);
    // above the clustered band: the villages themselves
    const geo::tile_id near{13, 6749, 3231};
    const auto features = test::decode_mvt(banded.tile(db, {}, "villages", near, std::nullopt).mvt, near);
    REQUIRE_FALSE(features.at("villages").empty());
    for (const auto& f : features.at("villages"))
        CHECK(f.properties.count("point_count") == 0);
}

TEST_CASE_METHOD(fixture, "a simplifying band shrinks a detailed polygon and keeps it", "[pg]") {
    // a 256-vertex ring of ~11 km radius
    sql("INSERT INTO regions (code, name, kind, geom) VALUES ('370812000000', '兖州区', 'county', "
        "ST_Buffer(ST_SetSRID(ST_MakePoint(116.7, 35.5), 4326), 0.1, 64))");
    const data::layer_store as_stored({builtin_source("regions", {})});
    const data::layer_store simplified({builtin_source("regions", {{16, 0, 4.0}})});
    const geo::tile_id t{7, 105, 50};
    const auto full = as_stored.tile(db, {}, "regions", t, std::nullopt).mvt;
    const auto small = simplified.tile(db, {}, "regions", t, std::nullopt).mvt;
    CHECK(small.size() < full.size() / 2);
    const auto decoded = test::decode_mvt(small, t);
    REQUIRE(decoded.at("regions").size() == 1);
    CHECK(decoded.at("regions")[0].geometry_type.find("POLYGON") != std::string::npos);
}
