// Premises (rental houses, idle courtyards, abandoned plants) imported from a ledger: Chinese kind
// and status words, the township found from the position, the usual status of each kind, owners
// kept out of the published layer, bad rows refused by field, and a re-import that writes nothing.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

using namespace riskatlas;
using test::has_reject;

namespace {

const std::string ledger =
    "场所编号,场所类型,名称,地址,使用状态,产权人,联系电话,建筑面积,经度,纬度\n"
    "P-001,出租屋,东关出租屋,西镇东关街1号,,张三,13800000000,120,116.75,35.60\n"
    "P-002,闲置院落,李家院,东镇李庄,闲置,李四,0537-3412345,300,116.85,35.60\n"
    "P-003,废弃厂房,原砖厂,东镇,已拆除,,,5000,116.90,35.45\n"
    "P-004,仓库,某仓库,西镇,,,,,116.70,35.60\n"
    "P-005,出租屋,某出租屋,西镇,,,电话号码,,116.70,35.61\n"
    "P-001,出租屋,重复,西镇,,,,,116.70,35.62\n";

} // namespace

TEST_CASE("premises import with Chinese kinds and the township of their position", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    const std::string path = test::temp_dir("premises") + "/场所台账.csv";
    test::write_text(path, ledger);
    const auto report = fx.import(path, ingest::entity_kind::premises,
                                  [](auto &o) { o.accept_partial = true; });
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.counts.inserted == 3);
    CHECK(has_reject(report, 4, "kind", "not one of"));
    CHECK(has_reject(report, 5, "contact_phone", "phone number"));
    CHECK(has_reject(report, 6, "code", "repeats row 1"));
    CHECK(fx.text("SELECT string_agg(code || ' ' || kind || ' ' || status || ' ' || township_code, "
                  "', ' ORDER BY code) FROM premises") ==
          "P-001 rental_house in_use 370812001, P-002 idle_courtyard idle 370812002, "
          "P-003 abandoned_plant demolished 370812002");
    CHECK(fx.text("SELECT owner_name || ' ' || contact_phone FROM premises WHERE code = 'P-002'") ==
          "李四 0537-3412345");
    // the published layer has them, without owners or phone numbers
    CHECK(fx.text("SELECT township_name FROM layer_premises WHERE code = 'P-001'") == "西镇");
    CHECK(fx.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                    "'layer_premises' AND column_name IN ('owner_name', 'contact_phone')") == 0);

    const auto versions = fx.scalar("SELECT version FROM data_versions WHERE table_name = 'premises'");
    const auto again = fx.import(path, ingest::entity_kind::premises,
                                 [](auto &o) { o.accept_partial = true; });
    CHECK(again.counts.unchanged == 3);
    CHECK(again.counts.inserted + again.counts.updated == 0);
    CHECK(fx.scalar("SELECT version FROM data_versions WHERE table_name = 'premises'") == versions);

    fx.check_import_clears_generated("premises", path, ingest::entity_kind::premises, 3,
                                     [](auto &o) { o.accept_partial = true; });

    // the courtyard is let: only the status changes, and the stored owner stays
    const std::string change = test::temp_dir("premises") + "/change.csv";
    test::write_text(change, "场所编号,场所类型,使用状态\nP-002,闲置院落,出租中\n");
    const auto changed = fx.import(change, ingest::entity_kind::premises);
    CHECK(changed.counts.updated == 1);
    CHECK(fx.text("SELECT status || ' ' || owner_name FROM premises WHERE code = 'P-002'") ==
          "in_use 李四");
}
