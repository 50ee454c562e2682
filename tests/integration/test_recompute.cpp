// Recomputing the risk layers against a real PostGIS loaded with the demo: incremental runs agree
// with full ones, unchanged inputs write nothing, a zone follows the enterprises inside it, old
// versions stay queryable, and a failed run changes nothing. Each case has its own scratch
// database, so the shared demo database other tests read is never regraded under them.
#include <catch2/catch.hpp>

#include "test_db.hpp"

#include <riskatlas/analysis/recompute.hpp>
#include <riskatlas/data/errors.hpp>
#include <riskatlas/data/migrations.hpp>
#include <riskatlas/demo/demo.hpp>
#include <riskatlas/tiles/registry.hpp>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

using namespace riskatlas;

namespace {

const std::string source_dir = RISKATLAS_SOURCE_DIR;

struct computed_demo {
    test::scratch_database scratch;
    data::database db{data::db_config{scratch.dsn(), 2}};
    analysis::model_set models = analysis::model_set::load(source_dir + "/risk/models");
    analysis::recompute_report first;

    computed_demo() {
        data::migrate(db);
        demo::load(db, source_dir + "/demo/data/yanzhou");
        first = recompute(true);
    }

    analysis::recompute_report recompute(bool full) {
        analysis::recompute_options options;
        options.full = full;
        options.reason = "test";
        return analysis::recompute(db, models, options);
    }

    // Test scaffolding edits and inspects straight through libpqxx: the recompute is under test.
    pqxx::result sql(const std::string& statement) {
        pqxx::connection c(scratch.dsn());
        pqxx::work w(c);
        auto r = w.exec(statement);
        w.commit();
        return r;
    }

    template <typename T> T scalar(const std::string& statement) {
        return sql(statement).at(0)[0].as<T>();
    }

    // What the zones read, checked against what it stands for: memberships against a fresh
    // spatial placement, current grades against the current rows of enterprise_risk.
    std::int64_t misplaced_members() {
        return scalar<std::int64_t>(
            "SELECT count(*) FROM ((SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_members "
            "EXCEPT SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_placement) UNION ALL "
            "(SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_placement "
            "EXCEPT SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_members)) d");
    }
    std::int64_t stale_current_grades() {
        const std::string fields = "enterprise_id, name, supervision_category, colour, major_hazard_level";
        const std::string current = "SELECT " + fields + " FROM enterprise_risk WHERE valid_to IS NULL";
        const std::string kept = "SELECT " + fields + " FROM enterprise_current_grades";
        return scalar<std::int64_t>("SELECT count(*) FROM ((" + current + " EXCEPT " + kept + ") UNION ALL (" + kept +
                                    " EXCEPT " + current + ")) d");
    }
    // Zones (townships and grid cells) whose stored enterprise count is not the number of
    // enterprises properly inside them now.
    std::int64_t miscounted_zones() {
        return scalar<std::int64_t>(
            "WITH counted AS (SELECT z.id, count(e.id) AS n FROM risk_zones z "
            "LEFT JOIN enterprises e ON ST_ContainsProperly(z.geom, e.geom) "
            "WHERE z.zone_kind IN ('township', 'grid') AND z.active GROUP BY z.id) "
            "SELECT count(*) FROM counted c LEFT JOIN zone_risk r ON r.zone_id = c.id AND r.category = 'all' "
            "AND r.valid_to IS NULL WHERE coalesce(r.enterprises, 0) <> c.n");
    }
};

std::int64_t total(const std::map<std::string, std::int64_t>& changed) {
    std::int64_t n = 0;
    for (const auto& [layer, count] : changed)
        n += count;
    return n;
}

} // namespace

TEST_CASE_METHOD(computed_demo, "a full recompute grades every entity of the demo", "[pg][risk]") {
    REQUIRE(first.kind == "full");
    REQUIRE(first.run);
    CHECK(first.changed.at(analysis::enterprise_layer) == scalar<std::int64_t>("SELECT count(*) FROM enterprises"));
    CHECK(first.changed.at(analysis::park_layer) == 3);
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM zone_risk WHERE zone_kind = 'township' AND category = 'all'") == 10);
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM zone_risk WHERE zone_kind = 'grid' AND category = 'all'") ==
          scalar<std::int64_t>("SELECT count(*) FROM risk_zones WHERE zone_kind = 'grid' AND active"));
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM hazard_density") ==
          scalar<std::int64_t>("SELECT count(*) FROM risk_zones WHERE zone_kind = 'density' AND active"));
    // the demo's parks were given profiles that spread across the grades
    CHECK(scalar<std::int64_t>("SELECT count(DISTINCT grade) FROM park_risk") >= 2);
    // grids are true squares in metres: a full interior 1 km cell has an area of 1 km2
    CHECK(scalar<double>("SELECT max(area_km2) FROM risk_zones WHERE zone_kind = 'grid'") ==
          Approx(std::pow(models.zoning.grid_cell_size_m() / 1000, 2)).epsilon(1e-6));
}

TEST_CASE_METHOD(computed_demo, "with nothing changed a recompute writes nothing", "[pg][risk]") {
    const auto runs_before = scalar<std::int64_t>("SELECT count(*) FROM risk_runs");
    const auto again = recompute(false);
    CHECK(again.kind == "skipped");
    CHECK_FALSE(again.run);
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM risk_runs") == runs_before);
    // a forced full run regrades everything and finds the same results: no new version rows
    const auto versions_before = scalar<std::string>("SELECT string_agg(version::text, ',' ORDER BY table_name) FROM data_versions");
    const auto full = recompute(true);
    CHECK(full.kind == "full");
    CHECK(total(full.changed) == 0);
    CHECK(scalar<std::string>("SELECT string_agg(version::text, ',' ORDER BY table_name) FROM data_versions") ==
          versions_before);
}

TEST_CASE_METHOD(computed_demo, "an incremental recompute leaves what a full one would", "[pg][risk]") {
    // A mix of edits: hazards closed and opened, an enterprise moved into another township and
    // made worse, one deleted with its hazards, a park profile changed.
    sql("UPDATE hazards SET status = 'closed', closed_on = found_on "
        "WHERE id IN (SELECT id FROM hazards WHERE status <> 'closed' ORDER BY id LIMIT 15)");
    sql("INSERT INTO hazards (code, channel, level, enterprise_id, description, found_on, deadline, status, geom) "
        "SELECT 'TEST-H1', 'inspection', 'major', e.id, 'test', date '2026-01-01', date '2026-02-01', 'verified', e.geom "
        "FROM enterprises e WHERE e.geom IS NOT NULL ORDER BY e.id LIMIT 1");
    sql("UPDATE enterprises SET accidents_3y = 3, geom = ST_SetSRID(ST_MakePoint(116.83, 35.56), 4326) "
        "WHERE id = (SELECT max(id) FROM enterprises WHERE geom IS NOT NULL)");
    sql("DELETE FROM hazards WHERE enterprise_id = (SELECT min(id) + 40 FROM enterprises)");
    sql("DELETE FROM enterprises WHERE id = (SELECT min(id) + 40 FROM enterprises)");
    sql("UPDATE park_profiles SET fire_station = NOT fire_station WHERE park_code = 'P370812002'");

    const auto incremental = recompute(false);
    REQUIRE(incremental.kind == "incremental");
    CHECK(incremental.changed.at(analysis::enterprise_layer) > 0);
    CHECK(incremental.changed.at(analysis::park_layer) > 0);
    CHECK(incremental.changed.at(analysis::township_layer) > 0);
    CHECK(incremental.changed.at(analysis::density_layer) > 0);
    // far fewer rows than the full grading touched
    CHECK(total(incremental.changed) < total(first.changed) / 5);

    const auto full = recompute(true);
    INFO("a full run after the incremental one changed: " << nlohmann::json(full.changed).dump());
    CHECK(total(full.changed) == 0);
    // the deleted enterprise's grade is closed, not current
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM enterprise_risk g WHERE g.valid_to IS NULL "
                               "AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.id = g.enterprise_id)") == 0);
}

TEST_CASE_METHOD(computed_demo, "a township follows the enterprises inside it", "[pg][risk]") {
    // The township holding the most enterprises; make one of them red by its accident record.
    const auto township = scalar<std::string>(
        "SELECT z.code FROM risk_zones z JOIN enterprises e ON ST_Intersects(z.geom, e.geom) "
        "WHERE z.zone_kind = 'township' GROUP BY z.code ORDER BY count(*) DESC, z.code LIMIT 1");
    const auto index_of = [&] {
        return scalar<double>("SELECT risk_index FROM zone_risk WHERE valid_to IS NULL AND category = 'all' "
                              "AND zone_kind = 'township' AND code = '" + township + "'");
    };
    const double before = index_of();
    const auto enterprise = scalar<std::int64_t>(
        "SELECT g.enterprise_id FROM enterprise_risk g JOIN risk_zones z ON ST_Intersects(z.geom, g.geom) "
        "WHERE g.valid_to IS NULL AND g.colour = 'blue' AND z.zone_kind = 'township' AND z.code = '" + township +
        "' ORDER BY g.enterprise_id LIMIT 1");
    sql("UPDATE enterprises SET accidents_3y = 2 WHERE id = " + std::to_string(enterprise));
    const auto run = recompute(false);
    REQUIRE(run.kind == "incremental");
    CHECK(scalar<std::string>("SELECT colour FROM enterprise_risk WHERE valid_to IS NULL AND enterprise_id = " +
                              std::to_string(enterprise)) == "red");
    // blue weighs 1 and red 10 in the zoning model: the township's hazard index grows
    CHECK(index_of() > before);
}

TEST_CASE_METHOD(computed_demo, "an edit that moves only a score leaves every zone right", "[pg][risk]") {
    // A blue enterprise gains one worker: its grade row changes (inputs, maybe score) but not what
    // a zone reads of it (colour, name, category, hazard level, position), so an incremental run
    // skips the zones around it (risk_affected_zones.sql); a full run must agree.
    const auto enterprise = scalar<std::int64_t>(
        "SELECT enterprise_id FROM enterprise_risk WHERE valid_to IS NULL AND colour = 'blue' "
        "AND geom IS NOT NULL ORDER BY enterprise_id LIMIT 1");
    const auto id = std::to_string(enterprise);
    sql("UPDATE enterprises SET workers = coalesce(workers, 0) + 1 WHERE id = " + id);
    const auto run = recompute(false);
    REQUIRE(run.kind == "incremental");
    CHECK(run.changed.at(analysis::enterprise_layer) == 2); // one version closed, one written
    REQUIRE(scalar<std::string>("SELECT colour FROM enterprise_risk WHERE valid_to IS NULL AND enterprise_id = " + id) ==
            "blue");
    CHECK(run.changed.at(analysis::township_layer) == 0);
    CHECK(run.changed.at(analysis::grid_layer) == 0);
    // nothing was missed: a full run finds every zone as the incremental one left it
    CHECK(total(recompute(true).changed) == 0);
    // and moving it does regrade zones
    sql("UPDATE enterprises SET geom = ST_SetSRID(ST_MakePoint(116.83, 35.56), 4326) WHERE id = " + id);
    const auto moved = recompute(false);
    CHECK(moved.changed.at(analysis::grid_layer) > 0);
    CHECK(total(recompute(true).changed) == 0);
}

TEST_CASE_METHOD(computed_demo, "a full run's zones count the grades that run made", "[pg][risk]") {
    // A full run reads the zones' members before it writes the new enterprise grades (it grades
    // zones while the database writes): the zones must still see the new grades, not the old.
    sql("UPDATE enterprises SET accidents_3y = 2 WHERE id IN (SELECT id FROM enterprises WHERE geom IS NOT NULL "
        "ORDER BY id LIMIT 25)");
    const auto run = recompute(true);
    REQUIRE(run.kind == "full");
    CHECK(run.changed.at(analysis::enterprise_layer) > 0);
    // every township's colour counts equal its current enterprise grades, counted in SQL
    const auto mismatched = scalar<std::int64_t>(
        "WITH counted AS (SELECT z.id, count(*) FILTER (WHERE g.colour = 'red') AS red, "
        "count(*) FILTER (WHERE g.colour = 'blue') AS blue, count(*) AS n "
        "FROM risk_zones z JOIN enterprise_risk g ON g.valid_to IS NULL AND ST_ContainsProperly(z.geom, g.geom) "
        "WHERE z.zone_kind = 'township' AND z.active GROUP BY z.id) "
        "SELECT count(*) FROM counted c JOIN zone_risk r ON r.zone_id = c.id AND r.category = 'all' "
        "AND r.valid_to IS NULL WHERE (r.red, r.blue, r.enterprises) IS DISTINCT FROM (c.red, c.blue, c.n)");
    CHECK(mismatched == 0);
    CHECK(scalar<std::int64_t>("SELECT sum(red) FROM zone_risk WHERE valid_to IS NULL AND category = 'all' "
                               "AND zone_kind = 'township'") >= 25);
    // and a second full run has nothing left to correct
    CHECK(total(recompute(true).changed) == 0);
}

TEST_CASE_METHOD(computed_demo, "the previous version stays queryable after a recompute", "[pg][risk]") {
    const auto layers = tiles::registry::builtin();
    const data::layer_store store(layers.sources());
    const auto enterprise = scalar<std::int64_t>(
        "SELECT enterprise_id FROM enterprise_risk WHERE colour = 'blue' ORDER BY enterprise_id LIMIT 1");
    sql("UPDATE enterprises SET accidents_3y = 4 WHERE id = " + std::to_string(enterprise));
    const auto second = recompute(false);
    REQUIRE(second.run);

    const auto colour_at = [&](std::optional<std::int64_t> run) {
        data::request_context ctx;
        ctx.as_of_run = run;
        const auto text = store.feature(db, ctx, "enterprise_risk", enterprise);
        REQUIRE(text);
        return nlohmann::json::parse(*text).at("properties").at("colour").get<std::string>();
    };
    CHECK(colour_at(std::nullopt) == "red");
    CHECK(colour_at(*second.run) == "red");
    CHECK(colour_at(*first.run) == "blue");

    // a pinned tile's version is its run, whatever happens later
    data::request_context pinned;
    pinned.as_of_run = *first.run;
    const auto tile = store.tile(db, pinned, "enterprise_risk", geo::tile_containing(116.8, 35.55, 10), std::nullopt);
    CHECK(tile.version.version == *first.run);
    CHECK_FALSE(tile.mvt.empty());
}

TEST_CASE_METHOD(computed_demo, "a model edited without a new version is refused and nothing changes", "[pg][risk]") {
    sql("UPDATE enterprises SET accidents_3y = 4 WHERE id = (SELECT min(id) FROM enterprises)");
    const auto runs_before = scalar<std::int64_t>("SELECT count(*) FROM risk_runs");
    sql("UPDATE risk_models SET body = body || '{\"description\": \"edited\"}' WHERE model_id = 'zoning'");
    CHECK_THROWS_AS(recompute(false), data::rejected_data);
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM risk_runs") == runs_before);
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM risk_dirty") > 0); // still pending
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM enterprise_risk WHERE valid_to IS NOT NULL") == 0);
}

TEST_CASE_METHOD(computed_demo, "a statement that changes many enterprises makes the next run full", "[pg][risk]") {
    // 5,001 enterprises in one statement: one 'many' mark, not a mark (and a position) per row
    sql("INSERT INTO enterprises (credit_code, name, supervision_category, geom) "
        "SELECT '91370812MB' || lpad(g::text, 8, '0'), '批量企业' || g, 'industry_trade', "
        "ST_SetSRID(ST_MakePoint(116.75 + (g % 100) * 0.001, 35.5 + (g / 100) * 0.001), 4326) "
        "FROM generate_series(1, 5001) g");
    CHECK(scalar<std::string>("SELECT string_agg(kind, ',') FROM risk_dirty") == "many");
    const auto bulk = recompute(false);
    CHECK(bulk.kind == "full");
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM enterprises e WHERE NOT EXISTS "
                               "(SELECT 1 FROM enterprise_risk g WHERE g.enterprise_id = e.id AND g.valid_to IS NULL)") == 0);
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM risk_dirty") == 0);
    // with no per-row marks, every enterprise was placed in its zones again
    CHECK(misplaced_members() == 0);
    CHECK(stale_current_grades() == 0);
    CHECK(miscounted_zones() == 0);

    // a batch that rewrites every row with its own values marks nothing
    sql("UPDATE enterprises SET name = name");
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM risk_dirty") == 0);

    // a small edit is marked row by row (old and new) and recomputed incrementally
    sql("UPDATE enterprises SET accidents_3y = accidents_3y + 1 WHERE id IN (SELECT id FROM enterprises ORDER BY id LIMIT 10)");
    CHECK(scalar<std::int64_t>("SELECT count(*) FROM risk_dirty WHERE kind = 'enterprise'") == 20);
    CHECK(recompute(false).kind == "incremental");
}

TEST_CASE_METHOD(computed_demo, "a zone's members follow enterprises that move, arrive and go", "[pg][risk]") {
    // Zones read their members from where the last runs placed them: an incremental run must
    // place again every enterprise that moved, arrived or went.
    const auto townships = sql("SELECT id FROM risk_zones WHERE zone_kind = 'township' AND active ORDER BY id LIMIT 2");
    REQUIRE(townships.size() == 2);
    const auto from = std::to_string(townships[0][0].as<std::int64_t>());
    const auto to = std::to_string(townships[1][0].as<std::int64_t>());
    const auto inside = [&](const std::string& zone) {
        return "(SELECT e.id FROM enterprises e JOIN risk_zones z ON z.id = " + zone +
               " AND ST_ContainsProperly(z.geom, e.geom) WHERE NOT EXISTS (SELECT 1 FROM hazards h "
               "WHERE h.enterprise_id = e.id) ORDER BY e.id LIMIT 1)";
    };
    const auto target = "(SELECT ST_PointOnSurface(geom) FROM risk_zones WHERE id = " + to + ")";
    sql("UPDATE enterprises SET geom = " + target + " WHERE id = " + inside(from));
    sql("DELETE FROM enterprises WHERE id = " + inside(from));
    sql("INSERT INTO enterprises (credit_code, name, supervision_category, geom) "
        "VALUES ('91370812MA00000001', '新到企业', 'industry_trade', " + target + ")");
    const auto run = recompute(false);
    REQUIRE(run.kind == "incremental");
    CHECK(misplaced_members() == 0);
    CHECK(stale_current_grades() == 0);
    // every township's and grid cell's enterprise count equals the enterprises inside it now
    CHECK(miscounted_zones() == 0);
    // and a full run that places every enterprise again finds nothing to correct
    CHECK(total(recompute(true).changed) == 0);
}

TEST_CASE_METHOD(computed_demo, "a zone counted with a misplaced member is regraded when the member is placed again",
                 "[pg][risk]") {
    // An edit committed while a run reads (each statement sees the latest commits) can leave an
    // enterprise placed where it no longer is and a zone graded with it. Simulated: the
    // membership of E is moved to another township and that township regraded with it; the next
    // run that places E again must regrade that township, although E's grade does not change.
    const auto e = scalar<std::int64_t>(
        "SELECT m.enterprise_id FROM risk_zone_members m JOIN enterprise_risk g ON g.enterprise_id = m.enterprise_id "
        "AND g.valid_to IS NULL WHERE m.zone_kind = 'township' ORDER BY m.enterprise_id LIMIT 1");
    const auto id = std::to_string(e);
    const auto home = scalar<std::int64_t>("SELECT zone_id FROM risk_zone_members WHERE zone_kind = 'township' "
                                           "AND enterprise_id = " + id);
    const auto away = scalar<std::int64_t>("SELECT id FROM risk_zones WHERE zone_kind = 'township' AND active "
                                           "AND id <> " + std::to_string(home) + " ORDER BY id LIMIT 1");
    sql("UPDATE risk_zone_members SET zone_id = " + std::to_string(away) + " WHERE zone_kind = 'township' "
        "AND enterprise_id = " + id);
    // another enterprise of the away township turns red: that township is regraded, counting E
    sql("UPDATE enterprises SET accidents_3y = 4 WHERE id = (SELECT m.enterprise_id FROM risk_zone_members m "
        "WHERE m.zone_id = " + std::to_string(away) + " AND m.enterprise_id <> " + id +
        " ORDER BY m.enterprise_id LIMIT 1)");
    REQUIRE(recompute(false).kind == "incremental");
    REQUIRE(miscounted_zones() == 1); // the away township counts E (the home one still does too)

    // E is edited in a way its grade does not show (its address): placed again, the townships it
    // left and joined are regraded
    sql("UPDATE enterprises SET address = coalesce(address, '') || '（新址）' WHERE id = " + id);
    const auto run = recompute(false);
    REQUIRE(run.kind == "incremental");
    CHECK(run.changed.at(analysis::township_layer) > 0);
    CHECK(misplaced_members() == 0);
    CHECK(miscounted_zones() == 0);
}

TEST_CASE_METHOD(computed_demo, "a forced full run repairs what the zones read", "[pg][risk]") {
    sql("DELETE FROM risk_zone_members WHERE enterprise_id IN (SELECT id FROM enterprises ORDER BY id LIMIT 5)");
    sql("UPDATE enterprise_current_grades SET colour = 'red' WHERE enterprise_id IN "
        "(SELECT enterprise_id FROM enterprise_current_grades WHERE colour <> 'red' ORDER BY enterprise_id LIMIT 5)");
    sql("INSERT INTO enterprise_current_grades VALUES (-1, '无此企业', 'industry_trade', 'red', NULL)");
    REQUIRE(misplaced_members() > 0);
    REQUIRE(stale_current_grades() == 11);
    recompute(true);
    CHECK(misplaced_members() == 0);
    CHECK(stale_current_grades() == 0);
}
