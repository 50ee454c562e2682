#include "import_fixture.hpp"

#include <riskatlas/data/migrations.hpp>
#include <riskatlas/risk/credit_code.hpp>

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <cstdio>

namespace riskatlas::test {
namespace {

// County 116.6-117.0 E, 35.4-35.75 N; townships split it at 116.8 E; a park in the east.
const char* fixture_regions = R"sql(
INSERT INTO regions (code, name, kind, parent_code, park_type, geom) VALUES
 ('370812', '测试县', 'county', NULL, NULL,
  ST_GeomFromText('POLYGON((116.6 35.4, 117.0 35.4, 117.0 35.75, 116.6 35.75, 116.6 35.4))', 4326)),
 ('370812001', '西镇', 'township', '370812', NULL,
  ST_GeomFromText('POLYGON((116.6 35.4, 116.8 35.4, 116.8 35.75, 116.6 35.75, 116.6 35.4))', 4326)),
 ('370812002', '东镇', 'township', '370812', NULL,
  ST_GeomFromText('POLYGON((116.8 35.4, 117.0 35.4, 117.0 35.75, 116.8 35.75, 116.8 35.4))', 4326)),
 ('370812P01', '测试化工园区', 'park', '370812', 'chemical',
  ST_GeomFromText('POLYGON((116.9 35.5, 116.95 35.5, 116.95 35.55, 116.9 35.55, 116.9 35.5))', 4326));
)sql";

} // namespace

import_fixture::import_fixture() {
    data::db_config config;
    config.dsn = m_scratch.dsn();
    config.pool_size = 2;
    m_db = std::make_unique<data::database>(config);
    data::migrate(*m_db);
    reset();
}

void import_fixture::reset() {
    pqxx::connection c(m_scratch.dsn());
    pqxx::work w(c);
    w.exec("DELETE FROM safety_works; DELETE FROM road_risk_segments; DELETE FROM bridges;"
           "DELETE FROM road_pieces; DELETE FROM road_routes; DELETE FROM premises;"
           "DELETE FROM hazards; DELETE FROM enterprises; DELETE FROM park_profiles;"
           "DELETE FROM regions WHERE code NOT IN ('370812', '370812001', '370812002', '370812P01');");
    if (w.exec1("SELECT count(*) FROM regions")[0].as<long long>() == 0)
        w.exec(fixture_regions);
    w.commit();
}

ingest::import_report import_fixture::import(const std::string& path, ingest::entity_kind kind,
                                             const std::function<void(ingest::import_options&)>& tweak) {
    ingest::import_options options;
    options.path = path;
    options.kind = kind;
    if (tweak)
        tweak(options);
    return ingest::run_import(*m_db, options);
}

long long import_fixture::scalar(const std::string& sql) {
    pqxx::connection c(m_scratch.dsn());
    pqxx::nontransaction n(c);
    return n.exec1(sql)[0].as<long long>();
}

std::string import_fixture::text(const std::string& sql) {
    pqxx::connection c(m_scratch.dsn());
    pqxx::nontransaction n(c);
    const auto r = n.exec1(sql);
    return r[0].is_null() ? "" : r[0].as<std::string>();
}

void import_fixture::exec(const std::string& sql) {
    pqxx::connection c(m_scratch.dsn());
    pqxx::work w(c);
    w.exec(sql);
    w.commit();
}

void import_fixture::check_import_clears_generated(
    const std::string& table, const std::string& path, ingest::entity_kind kind, long long rows,
    const std::function<void(ingest::import_options&)>& tweak) {
    exec("UPDATE " + table + " SET generated = true");
    const auto real = import(path, kind, tweak);
    INFO(ingest::to_json(real).dump(1));
    CHECK(real.counts.updated == rows);
    CHECK(scalar("SELECT count(*) FROM " + table + " WHERE generated") == 0);
    const auto again = import(path, kind, tweak);
    CHECK(again.counts.unchanged == rows);
    CHECK(again.counts.updated == 0);
}

std::string credit_code(int n) {
    char body[18];
    std::snprintf(body, sizeof body, "91370812MA%07d", n);
    return risk::complete_credit_code(body);
}

bool has_reject(const ingest::import_report& r, std::int64_t row, const std::string& field,
                const std::string& reason_part) {
    for (const auto& i : r.rejects)
        if (i.row == row && i.field == field && i.reason.find(reason_part) != std::string::npos)
            return true;
    return false;
}

} // namespace riskatlas::test
