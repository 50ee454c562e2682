// CSV ledgers as Excel on Chinese Windows saves them: GBK bytes, headers included. The encoding is
// detected (valid UTF-8 is UTF-8, anything else GB18030), can be forced with --encoding, and an
// encoding nobody knows stops the import before it reads anything.
#include <catch2/catch.hpp>

#include "import_fixture.hpp"
#include "vector_files.hpp"

#include <cpl_string.h>

#include <memory>

using namespace riskatlas;

namespace {

// The UTF-8 text in GBK (CP936), by GDAL's own recoder (iconv), as a desktop program writes it.
std::string gbk(const std::string &utf8) {
    const std::unique_ptr<char, decltype(&CPLFree)> out(CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP936"),
                                                        &CPLFree);
    REQUIRE(out);
    return out.get();
}

std::string ledger() {
    return "统一社会信用代码,企业名称,监管类别,地址,经度,纬度\n" + test::credit_code(301) +
           ",兖州煤业化工有限公司,危化品,新兖镇工业园,116.79,35.55\n" + test::credit_code(302) +
           ",济宁鲁抗制药厂,工贸,兖州区建设东路,116.85,35.55\n";
}

std::string write(const std::string &name, const std::string &bytes) {
    static const std::string dir = test::temp_dir("encodings");
    test::write_text(dir + "/" + name, bytes);
    return dir + "/" + name;
}

} // namespace

TEST_CASE("a GBK CSV is detected and keeps its Chinese headers and names", "[pg][import]") {
    static test::import_fixture fx;
    fx.reset();
    const auto bytes = gbk(ledger());
    REQUIRE(bytes != ledger()); // really recoded
    const auto path = write("gbk.csv", bytes);

    const auto report = fx.import(path, ingest::entity_kind::enterprises);
    INFO(ingest::to_json(report).dump(1));
    CHECK(report.encoding == "GB18030 (detected)");
    CHECK(report.columns.at(1) == "企业名称");
    CHECK(report.mapping.at("name") == "企业名称");
    CHECK(report.counts.inserted == 2);
    CHECK(fx.text("SELECT string_agg(name || ' ' || address || ' ' || supervision_category, ', ' "
                  "ORDER BY credit_code) FROM enterprises") ==
          "兖州煤业化工有限公司 新兖镇工业园 hazardous_chemicals, "
          "济宁鲁抗制药厂 兖州区建设东路 industry_trade");

    // the same file named by its encoding; the dry run shows which one was used
    const auto forced = fx.import(path, ingest::entity_kind::enterprises, [](auto &o) {
        o.encoding = "GBK";
        o.dry_run = true;
    });
    CHECK(forced.encoding == "GBK (option)");
    CHECK(forced.counts.unchanged == 2);

    const auto utf8 = fx.import(write("utf8.csv", ledger()), ingest::entity_kind::enterprises,
                                [](auto &o) { o.dry_run = true; });
    CHECK(utf8.encoding == "UTF-8 (detected)");
    CHECK(utf8.counts.unchanged == 2);

    CHECK_THROWS_WITH(fx.import(path, ingest::entity_kind::enterprises,
                                [](auto &o) { o.encoding = "NO-SUCH-CHARSET"; }),
                      Catch::Contains("unknown text encoding 'NO-SUCH-CHARSET'"));
}
