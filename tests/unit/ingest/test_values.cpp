// Import value conversion: what a clerk types into a ledger, and what we store or why we refuse.
#include <catch2/catch.hpp>

#include "values.hpp"
#include "source_crs.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/ingest/kinds.hpp>

using namespace riskatlas::ingest;
using namespace riskatlas::ingest::detail;

namespace {

const field_info &field(entity_kind kind, const std::string &name) {
    for (const auto &f : model_fields(kind))
        if (f.name == name)
            return f;
    FAIL("no field " << name);
    throw;
}

std::optional<std::string> ok(entity_kind kind, const std::string &name, const std::string &text) {
    const auto c = convert_value(field(kind, name), text);
    const auto *v = std::get_if<std::optional<std::string>>(&c);
    INFO(text << ": " << (v ? "" : std::get<value_error>(c).reason));
    REQUIRE(v);
    return *v;
}

std::string refused(entity_kind kind, const std::string &name, const std::string &text) {
    const auto c = convert_value(field(kind, name), text);
    const auto *e = std::get_if<value_error>(&c);
    INFO(text);
    REQUIRE(e);
    return e->reason;
}

} // namespace

TEST_CASE("dates in the spellings ledgers use", "[unit][ingest]") {
    CHECK(parse_date("2024-03-05") == "2024-03-05");
    CHECK(parse_date("2024/3/5") == "2024-03-05");
    CHECK(parse_date("2024.3.5") == "2024-03-05");
    CHECK(parse_date("2024年3月5日") == "2024-03-05");
    CHECK(parse_date("20240305") == "2024-03-05");
    CHECK(parse_date("2024-03-05T08:00:00") == "2024-03-05");
    CHECK(parse_date("2024-03-05 08:00:00") == "2024-03-05");
    CHECK(parse_date("2024-02-29") == "2024-02-29");
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2024-13-01"));
    CHECK_FALSE(parse_date("next week"));
    CHECK_FALSE(parse_date("2024-03-05x"));
}

TEST_CASE("values are normalised or refused with a reason", "[unit][ingest]") {
    const auto e = entity_kind::enterprises;
    CHECK(ok(e, "supervision_category", "危化品") == "hazardous_chemicals");
    CHECK(ok(e, "supervision_category", " Industry_Trade ") == "industry_trade");
    CHECK(refused(e, "supervision_category", "餐饮").find("not one of") != std::string::npos);
    CHECK(ok(e, "workers", "120") == "120");
    CHECK(ok(e, "workers", "100000") == "100000"); // never "1e+05", which PostgreSQL refuses
    CHECK(ok(e, "name", std::string(200, 'a')));
    CHECK(refused(e, "name", std::string(201, 'a')).find("200") != std::string::npos);
    CHECK(refused(e, "name", "\xED\xA0\x80").find("UTF-8") != std::string::npos); // a surrogate
    CHECK(ok(entity_kind::road_risk_segments, "type", "lsly") == "LSLY");
    CHECK(ok(entity_kind::road_risk_segments, "from_stake", "K12+300") == "12300");
    CHECK(ok(entity_kind::road_risk_segments, "from_stake", "250.5") == "250.5");
    CHECK(refused(entity_kind::road_risk_segments, "from_stake", "K12+3").size() > 0);
    CHECK(ok(entity_kind::bridges, "condition_class", "四类") == "4");
    CHECK(ok(e, "workers", "120.0") == "120");
    CHECK(refused(e, "workers", "12.5").find("whole number") != std::string::npos);
    CHECK(refused(e, "workers", "-1").find("outside") != std::string::npos);
    CHECK(ok(e, "major_hazard_level", "二级") == "2");
    CHECK(refused(e, "major_hazard_level", "5").find("outside") != std::string::npos);
    CHECK(ok(e, "monitoring_connected", "是") == "true");
    CHECK(ok(e, "monitoring_connected", "0") == "false");
    CHECK(ok(e, "hazardous_processes", "硝化工艺、氯化工艺") == R"({"硝化工艺","氯化工艺"})");
    CHECK(ok(e, "hazardous_processes", R"(["a\"b"])") == R"({"a\"b"})");
    CHECK(ok(e, "name", "\xE3\x80\x80 某公司 ") == "某公司"); // ideographic space trimmed
    CHECK_FALSE(ok(e, "name", "   "));
    CHECK(refused(e, "name", "\xB0\xB2").find("UTF-8") != std::string::npos); // GBK bytes
    CHECK(ok(e, "industry_code", "c2614") == "C2614");
    CHECK(refused(e, "industry_code", "Z99").find("GB/T 4754") != std::string::npos);
    CHECK(ok(e, "township_code", "370812001") == "370812001");
    CHECK(refused(e, "township_code", "37-08").find("region code") != std::string::npos);
    CHECK(ok(e, "credit_code", "91350100m000100y43") == "91350100M000100Y43");
    CHECK(refused(e, "credit_code", "91350100M000100Y44").find("'3'") != std::string::npos);
    CHECK(refused(e, "credit_code", "9135").find("18") != std::string::npos);
    CHECK(ok(entity_kind::hazards, "level", "重大") == "major");
    CHECK(ok(entity_kind::hazards, "channel", "群众举报") == "public_tip");
    CHECK(ok(entity_kind::hazards, "status", "整改中") == "rectifying");
}

TEST_CASE("kinds parse in both spellings and unknown ones are named", "[unit][ingest]") {
    CHECK(parse_kind("road-risk-segments") == entity_kind::road_risk_segments);
    CHECK(parse_kind("road_risk_segments") == entity_kind::road_risk_segments);
    CHECK(kind_name(entity_kind::safety_works) == "safety-works");
    try {
        parse_kind("factories");
        FAIL("an unknown kind was accepted");
    } catch (const riskatlas::invalid_argument &e) {
        CHECK(e.code() == "unknown_kind");
        CHECK(std::string(e.what()).find("enterprises") != std::string::npos);
    }
    const auto json = kinds_json();
    CHECK(json.size() == all_kinds().size());
    CHECK(json[0]["fields"][0]["name"] == "credit_code");
}

TEST_CASE("CRS options and detection", "[unit][ingest]") {
    CHECK(expand_crs_option("4549") == "EPSG:4549");
    CHECK(expand_crs_option("CGCS2000") == "EPSG:4490");
    CHECK(expand_crs_option("gk3-zone:39") == "EPSG:4527");
    CHECK(expand_crs_option("GK3-CM:117") == "EPSG:4548");
    CHECK(expand_crs_option("gk6-zone:20") == "EPSG:4498");
    CHECK(expand_crs_option("gk6-cm:117e") == "EPSG:4509");
    CHECK(expand_crs_option("EPSG:3857") == "EPSG:3857");
    CHECK_THROWS_AS(expand_crs_option("gk3-cm:118"), riskatlas::invalid_argument);
    CHECK(detect_crs({{116.8, 35.5}}).from == "assumed");
    const auto gk = detect_crs({{39'481'000, 3'935'000}});
    CHECK(gk.definition == "EPSG:4527");
    CHECK(gk.from == "detected");
    CHECK_THROWS_AS(detect_crs({{481'000, 3'935'000}}), riskatlas::invalid_argument);
    CHECK_THROWS_AS(detect_crs({}), riskatlas::invalid_argument);
}

TEST_CASE("most of the sampled positions decide a CRS-less file's CRS", "[unit][ingest]") {
    // swapped axes in the first row, then lon/lat
    const auto lonlat = detect_crs({{35.6, 116.7}, {116.7, 35.6}, {116.8, 35.6}});
    CHECK(lonlat.definition == "EPSG:4326");
    CHECK(lonlat.from == "assumed");
    // a point typed in degrees among zone-prefixed eastings
    CHECK(detect_crs({{116.7, 35.6}, {39'481'000, 3'935'000}, {39'482'000, 3'936'000}}).definition ==
          "EPSG:4527");
    // a tie goes to the first seen
    CHECK(detect_crs({{116.7, 35.6}, {39'481'000, 3'935'000}}).definition == "EPSG:4326");
    // mostly metres without a zone prefix: the file needs --crs, and the message shows one
    try {
        detect_crs({{481'000, 3'935'000}, {482'000, 3'935'000}, {116.7, 35.6}});
        FAIL("metres without a zone were taken for a CRS");
    } catch (const riskatlas::invalid_argument &e) {
        CHECK(e.code() == "unknown_crs");
        CHECK_THAT(e.what(), Catch::Contains("481000") && Catch::Contains("--crs"));
    }
}
