// Risk models as data: the shipped models parse and mark their uncertain facts; a broken model
// is rejected with riskatlas::invalid_argument naming the field.
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/risk/enterprise.hpp>
#include <riskatlas/risk/park.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <string>

using namespace riskatlas::risk;
using json = nlohmann::json;

namespace {

json load(const char* name) {
    std::ifstream in(std::string(RISKATLAS_SOURCE_DIR "/risk/models/") + name);
    return json::parse(in);
}

// Applies `edit` to the shipped enterprise model and expects a parse error naming `field`.
void expect_error(const std::function<void(json&)>& edit, const std::string& field) {
    auto doc = load("enterprise-four-colour.json");
    edit(doc);
    INFO(field);
    try {
        (void)enterprise_model::parse(doc);
        FAIL("no error");
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == "invalid_risk_model");
        CHECK_THAT(e.what(), Catch::Contains("'" + field + "'"));
    }
}

} // namespace

TEST_CASE("the shipped models parse and say which facts are uncertain", "[unit][risk]") {
    const auto e = enterprise_model::parse(load("enterprise-four-colour.json")).model();
    const auto p = park_model::parse(load("park-a-d.json")).model();
    CHECK(e.version == "2018-mem-guide/riskatlas-1");
    CHECK(p.version == "2023/riskatlas-1");
    // The bands are sourced; the rows and hard rules are [U] in the domain notes.
    CHECK(e.bands_certainty == certainty_mark::sourced);
    CHECK(p.bands_certainty == certainty_mark::sourced);
    for (const auto* m : {&e, &p}) {
        for (const auto& f : m->factors)
            CHECK(f.certainty == certainty_mark::uncertain);
        for (const auto& r : m->hard_rules)
            CHECK(r.certainty == certainty_mark::uncertain);
    }
    CHECK(e.bands[0].below == 60.0);
    CHECK(p.bands[2].below == 85.0);
    CHECK(p.hard_rules.size() == 6);
}

TEST_CASE("the explanation serialises with its model and every factor", "[unit][risk]") {
    const auto m = enterprise_model::parse(load("enterprise-four-colour.json"));
    enterprise_facts f;
    f.supervision_category = "gas";
    f.open_major_hazards = 1;
    const auto j = to_json(grade_enterprise(f, m).explanation);
    CHECK(j["model_id"] == "enterprise-four-colour");
    CHECK(j["factors"].size() == m.model().factors.size());
    CHECK(j["factors"][0]["input"] == "gas");
    CHECK(j["hard_rules"][0]["rule_id"] == "open_major_hazard");
    CHECK(j["grade"] == "orange");
    CHECK(j["score"] == 80.0); // gas 5 + open major 8 + no standardisation 4 + no monitoring 3
}

TEST_CASE("a broken model names the field", "[unit][risk]") {
    expect_error([](json& d) { d.erase("id"); }, "id");
    expect_error([](json& d) { d["version"] = 3; }, "version");
    expect_error([](json& d) { d["sources"] = json::array(); }, "sources");
    expect_error([](json& d) { d["base_score"] = -1; }, "base_score");
    expect_error([](json& d) { d["factors"][0]["input"] = "colour_of_roof"; }, "factors[0].input");
    expect_error([](json& d) { d["factors"][1]["points"]["B"] = -2; }, "factors[1].points.B");
    expect_error([](json& d) { d["factors"][0]["kind"] = "count"; }, "factors[0].kind");
    expect_error([](json& d) { d["factors"][2]["kind"] = "sum"; }, "factors[2].kind");
    expect_error([](json& d) { d["factors"][2]["certainty"] = "probably"; },
                 "factors[2].certainty");
    expect_error([](json& d) { d["factors"][3].erase("max_points"); }, "factors[3].max_points");
    expect_error([](json& d) { d["factors"][5]["bands"][0]["below"] = 5; },
                 "factors[5].bands[0].at_least");
    expect_error([](json& d) { d["factors"][1]["id"] = "supervision_category"; }, "factors[1].id");
    expect_error([](json& d) { d["factors"][0]["points"]["coal_mine"] = 20; }, "factors");
    expect_error([](json& d) { std::swap(d["bands"]["grades"][0], d["bands"]["grades"][1]); },
                 "bands.grades[0].grade");
    expect_error([](json& d) { d["bands"]["grades"][2]["below"] = 70; }, "bands.grades[2].below");
    expect_error([](json& d) { d["bands"]["grades"][3]["below"] = 100; }, "bands.grades[3].below");
    expect_error([](json& d) { d["hard_rules"][0]["forces_at_least"] = "purple"; },
                 "hard_rules[0].forces_at_least");
    expect_error([](json& d) { d["hard_rules"][0]["when"]["equals"] = "2"; },
                 "hard_rules[0].when.equals");
    expect_error(
        [](json& d) {
            d["hard_rules"][0]["when"] = {{"input", "monitoring_connected"}, {"at_least", 1}};
        },
        "hard_rules[0].when.input");
    expect_error([](json& d) { d["hard_rules"][1]["id"] = "workers"; }, "hard_rules[1].id");
    expect_error([](json& d) { d = json::array(); }, "(root)");
}

TEST_CASE("a park model is checked against the park inputs", "[unit][risk]") {
    auto doc = load("park-a-d.json");
    doc["factors"][0]["input"] = "major_hazard_level"; // an enterprise input, not a park one
    CHECK_THROWS_WITH(park_model::parse(doc), Catch::Contains("'factors[0].input'"));
    doc = load("park-a-d.json");
    doc["bands"]["grades"][0]["grade"] = "red";
    CHECK_THROWS_AS(park_model::parse(doc), riskatlas::invalid_argument);
}
