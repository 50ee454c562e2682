// Regional zoning: hand-computed zones against risk/models/zoning.json, both methods, seeded
// property tests (order never matters, more red or more open major hazards never help) and
// broken models naming their field.
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/prng.hpp>
#include <riskatlas/risk/zoning.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>

using namespace riskatlas::risk;
using json = nlohmann::json;

namespace {

json load_doc() {
    std::ifstream in(RISKATLAS_SOURCE_DIR "/risk/models/zoning.json");
    return json::parse(in);
}

const zoning_model& model() {
    static const zoning_model m = zoning_model::parse(load_doc());
    return m;
}

// The shipped model with every kind switched to the max rule.
const zoning_model& max_model() {
    static const zoning_model m = [] {
        auto doc = load_doc();
        for (auto& [name, kind] : doc["zone_kinds"].items())
            kind["method"] = "max";
        return zoning_model::parse(doc);
    }();
    return m;
}

int rank(four_colour c) { return static_cast<int>(c); } // 0 = red (worst) .. 3 = blue

zone_member member(std::int64_t id, four_colour c, std::optional<int> level = std::nullopt) {
    return {id, "enterprise " + std::to_string(id), c, level};
}

zone_input zone(std::string kind, double area_km2, std::vector<zone_member> members = {}) {
    zone_input z;
    z.zone_kind = std::move(kind);
    z.area_km2 = area_km2;
    z.enterprises = std::move(members);
    return z;
}

void expect_code(const zone_input& z, const std::string& code) {
    INFO(code);
    try {
        (void)grade_zone(z, model());
        FAIL("no error");
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == code);
    }
}

// Applies `edit` to the shipped model and expects a parse error naming `field`.
void expect_model_error(const std::function<void(json&)>& edit, const std::string& field) {
    auto doc = load_doc();
    edit(doc);
    INFO(field);
    try {
        (void)zoning_model::parse(doc);
        FAIL("no error");
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == "invalid_risk_model");
        CHECK_THAT(e.what(), Catch::Contains("'" + field + "'"));
    }
}

// A county-like mix: the share of risky enterprises varies from zone to zone.
four_colour random_colour(riskatlas::prng& rng, double risky) {
    const double u = rng.unit();
    if (u < 0.08 * risky)
        return four_colour::red;
    if (u < 0.35 * risky)
        return four_colour::orange;
    return u < 0.35 * risky + 0.3 ? four_colour::yellow : four_colour::blue;
}

zone_input random_zone(riskatlas::prng& rng, const std::string& kind, int members) {
    const bool township = kind == "township";
    auto z = zone(kind, township ? 65.0 : 1.0);
    const double risky = rng.unit();
    for (int i = 0; i < members; ++i)
        z.enterprises.push_back(
            member(1000 + i, random_colour(rng, risky),
                   rng.chance(0.15) ? std::optional(rng.between(1, 4)) : std::nullopt));
    z.open_major_hazards = rng.chance(0.5) ? rng.between(0, 3) : 0;
    z.open_hazards = z.open_major_hazards + rng.between(0, township ? 30 : 4);
    z.overdue_hazards = rng.between(0, std::min(z.open_hazards, township ? 10 : 2));
    return z;
}

zone_input random_zone(riskatlas::prng& rng) {
    const bool township = rng.chance(0.5);
    return random_zone(rng, township ? "township" : "grid",
                       township ? rng.between(0, 40) : rng.between(0, 5));
}

} // namespace

TEST_CASE("the shipped zoning model parses and marks its numbers uncertain", "[unit][risk]") {
    const auto& m = model();
    CHECK(m.id() == "zoning");
    CHECK(m.version() == "riskatlas-1");
    CHECK(m.zone_kinds() == std::vector<std::string>{"grid", "township"});
    CHECK(m.top_contributors() == 5);
    CHECK(m.colour_weight(four_colour::red) == 10.0);
    CHECK(m.colour_weight(four_colour::blue) == 1.0);
    CHECK(m.major_hazard_multiplier(1) == 2.0);
    CHECK(m.major_hazard_multiplier(std::nullopt) == 1.0);
    CHECK(m.weights_certainty() == certainty_mark::uncertain);
    for (const auto& kind : m.zone_kinds()) {
        const auto& s = m.settings(kind);
        CHECK(s.method == zoning_method::weighted_density);
        CHECK(s.method_certainty == certainty_mark::uncertain);
        CHECK(s.control.certainty == certainty_mark::uncertain);
        CHECK(s.bands.certainty == certainty_mark::uncertain);
    }
    CHECK(m.settings("township").bands.at_least == std::array{2.2, 1.5, 0.75});
    CHECK(m.settings("grid").bands.at_least == std::array{10.0, 5.0, 2.0});
    CHECK(m.grid_cell_size_m() == 1000.0);
    CHECK_FALSE(m.settings("township").cell_size_m.has_value());
}

TEST_CASE("a township by weighted density, computed by hand", "[unit][risk]") {
    // Units: red with a level-1 source 10*2.0 = 20, orange level 3 5*1.3 = 6.5, orange 5,
    // 3 yellow 6, 4 blue 4: 41.5. H = 41.5 / 65 = 0.638462.
    // g = 1 + 0.15*2 open major + 0.02*5 overdue + 0.005*10 open general = 1.45.
    // RI = 0.638462 * 1.45 = 0.925769: at least 0.75, below 1.5, so yellow.
    auto z = zone("township", 65,
                  {member(7, four_colour::blue), member(3, four_colour::orange, 3),
                   member(9, four_colour::yellow), member(1, four_colour::red, 1),
                   member(4, four_colour::orange), member(8, four_colour::yellow),
                   member(2, four_colour::yellow), member(6, four_colour::blue),
                   member(5, four_colour::blue), member(10, four_colour::blue)});
    z.open_hazards = 12;
    z.open_major_hazards = 2;
    z.overdue_hazards = 5;
    const auto r = grade_zone(z, model());
    const auto& e = r.explanation;
    CHECK(r.colour == four_colour::yellow);
    CHECK(e.hazard_index == Approx(41.5 / 65));
    CHECK(e.control_multiplier == Approx(1.45));
    CHECK(r.risk_index == Approx(0.925769).epsilon(1e-6));
    CHECK(e.risk_index == r.risk_index);
    CHECK(e.enterprises_by_colour == std::array{1, 2, 3, 4});
    CHECK(e.band_rule == "RI 0.9258 >= 0.75: yellow");
    CHECK(e.method == "weighted_density");
    CHECK(e.bands_certainty == certainty_mark::uncertain);
    // Top 5: 20, 6.5, 5, then the yellows (2 each) by id: 2, 8.
    REQUIRE(e.top_contributors.size() == 5);
    const std::array<std::int64_t, 5> ids{1, 3, 4, 2, 8};
    for (std::size_t i = 0; i < ids.size(); ++i)
        CHECK(e.top_contributors[i].id == ids[i]);
    CHECK(e.top_contributors[0].contribution == Approx(20.0 / 65));
    CHECK(e.notes[0] == "H = 41.5 weight units / 65 km2 = 0.6385");
    CHECK_THAT(e.notes[1], Catch::EndsWith("= 1.45"));
}

TEST_CASE("a grid cell takes its lone enterprise's colour until hazards raise it", "[unit][risk]") {
    // One orange enterprise in 1 km2: RI = 5 * 1.0 / 1 * g 1 = 5, exactly the orange bound.
    auto z = zone("grid", 1, {member(42, four_colour::orange)});
    auto r = grade_zone(z, model());
    CHECK(r.colour == four_colour::orange);
    CHECK(r.explanation.band_rule == "RI 5 >= 5: orange");
    // Two open major hazards: g = 1 + 0.5*2 = 2, RI = 10: red.
    z.open_hazards = z.open_major_hazards = 2;
    r = grade_zone(z, model());
    CHECK(r.explanation.control_multiplier == 2.0);
    CHECK(r.colour == four_colour::red);
    // Five: 1 + 0.5*5 = 3.5, capped at 2, RI still 10.
    z.open_hazards = z.open_major_hazards = 5;
    r = grade_zone(z, model());
    CHECK(r.risk_index == 10.0);
    CHECK_THAT(r.explanation.notes[1], Catch::EndsWith("= 2 (capped)"));
    // A blue enterprise with a level-1 source in 2 km2: 1*2.0/2 = 1, below 2: blue.
    r = grade_zone(zone("grid", 2, {member(1, four_colour::blue, 1)}), model());
    CHECK(r.colour == four_colour::blue);
    CHECK(r.explanation.band_rule == "RI 1 < 2: blue");
}

TEST_CASE("an empty zone is blue under both methods", "[unit][risk]") {
    for (const auto* m : {&model(), &max_model()}) {
        auto z = zone("township", 65);
        z.open_hazards = z.open_major_hazards = 3; // g rises, but H = 0
        const auto r = grade_zone(z, *m);
        CHECK(r.colour == four_colour::blue);
        CHECK(r.risk_index == 0.0);
        CHECK(r.explanation.top_contributors.empty());
    }
    CHECK(grade_zone(zone("grid", 1), max_model()).explanation.band_rule == "no enterprises: blue");
}

TEST_CASE("the max method takes the worst member colour", "[unit][risk]") {
    // Weighted density: RI = (1 + 5 + 2) / 65 = 0.123, blue. Max: the orange member.
    const auto z = zone("township", 65,
                        {member(1, four_colour::blue), member(2, four_colour::orange),
                         member(3, four_colour::yellow)});
    const auto r = grade_zone(z, max_model());
    CHECK(r.colour == four_colour::orange);
    CHECK(grade_zone(z, model()).colour == four_colour::blue);
    CHECK(r.explanation.method == "max");
    CHECK(r.explanation.band_rule == "worst member colour: orange (1 enterprise(s))");
    CHECK(r.risk_index == Approx(8.0 / 65));
    CHECK_THAT(r.explanation.notes[2], Catch::StartsWith("method max"));
}

TEST_CASE("zone inputs out of range are rejected with a code naming the problem", "[unit][risk]") {
    for (const double area : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(),
                              std::numeric_limits<double>::infinity()})
        expect_code(zone("grid", area), "invalid_zone_area");
    auto z = zone("grid", 1);
    z.open_hazards = -1;
    expect_code(z, "invalid_hazard_count");
    z = zone("grid", 1);
    z.open_hazards = 1;
    z.overdue_hazards = -2;
    expect_code(z, "invalid_hazard_count");
    z.overdue_hazards = 2; // more overdue than open
    expect_code(z, "invalid_hazard_count");
    z.overdue_hazards = 0;
    z.open_major_hazards = 2; // more major than open
    expect_code(z, "invalid_hazard_count");
    expect_code(zone("county", 1), "unknown_zone_kind");
    expect_code(zone("grid", 1, {member(1, four_colour::red, 5)}), "invalid_major_hazard_level");
    expect_code(zone("grid", 1, {member(1, four_colour::red, 0)}), "invalid_major_hazard_level");
    expect_code(zone("grid", 1, {member(1, four_colour::red), member(1, four_colour::blue)}),
                "duplicate_enterprise_id");
}

TEST_CASE("member order never changes a zone's result", "[unit][risk]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 201)));
    riskatlas::prng rng(seed, "zoning-order");
    const auto z = random_zone(rng);
    auto shuffled = z;
    rng.shuffle(shuffled.enterprises);
    for (const auto* m : {&model(), &max_model()}) {
        const auto a = grade_zone(z, *m), b = grade_zone(shuffled, *m);
        CHECK(a.colour == b.colour);
        CHECK(a.risk_index == b.risk_index); // bit for bit, not approximately
        CHECK(to_json(a.explanation) == to_json(b.explanation));
    }
}

TEST_CASE("adding a red enterprise or an open major hazard never lowers a zone's colour",
          "[unit][risk]") {
    int raised_by_red = 0, raised_by_major = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        riskatlas::prng rng(seed, "zoning-monotone");
        const auto z = random_zone(rng);
        for (const auto* m : {&model(), &max_model()}) {
            const auto before = grade_zone(z, *m);
            auto more_red = z;
            more_red.enterprises.push_back(member(1, four_colour::red, rng.chance(0.3) ? 1 : 4));
            const auto red = grade_zone(more_red, *m);
            auto more_major = z;
            ++more_major.open_hazards;
            ++more_major.open_major_hazards;
            const auto major = grade_zone(more_major, *m);
            INFO("seed " << seed << " " << to_json(before.explanation).dump());
            CHECK(rank(red.colour) <= rank(before.colour));
            CHECK(rank(major.colour) <= rank(before.colour));
            CHECK(red.risk_index > before.risk_index);
            CHECK(major.risk_index >= before.risk_index);
            raised_by_red += red.colour != before.colour;
            raised_by_major += major.colour != before.colour;
        }
    }
    // The properties above must have been tested on zones whose colour could move.
    CHECK(raised_by_red > 30);
    CHECK(raised_by_major > 10);
}

TEST_CASE("default bands spread townships of 30 enterprises and 1 km2 cells over all colours",
          "[unit][risk]") {
    std::array<int, 4> townships{}, cells{};
    riskatlas::prng rng(2024, "zoning-spread");
    for (int i = 0; i < 400; ++i) {
        ++townships[static_cast<std::size_t>(
            rank(grade_zone(random_zone(rng, "township", 30), model()).colour))];
        ++cells[static_cast<std::size_t>(
            rank(grade_zone(random_zone(rng, "grid", rng.between(0, 4)), model()).colour))];
    }
    INFO("townships red..blue " << townships[0] << " " << townships[1] << " " << townships[2] << " "
                                << townships[3]);
    INFO("cells red..blue " << cells[0] << " " << cells[1] << " " << cells[2] << " " << cells[3]);
    for (std::size_t c = 0; c < 4; ++c) {
        CHECK(townships[c] >= 8); // at least 2% each
        CHECK(cells[c] >= 8);
    }
}

TEST_CASE("the zone explanation serialises", "[unit][risk]") {
    auto z = zone("grid", 1, {member(5, four_colour::red), member(6, four_colour::blue)});
    const auto j = to_json(grade_zone(z, model()).explanation);
    CHECK(j["model_id"] == "zoning");
    CHECK(j["model_version"] == "riskatlas-1");
    CHECK(j["zone_kind"] == "grid");
    CHECK(j["risk_index"] == 11.0); // (10 + 1) / 1 km2, g = 1
    CHECK(j["enterprises_by_colour"] ==
          json{{"red", 1}, {"orange", 0}, {"yellow", 0}, {"blue", 1}});
    CHECK(j["top_contributors"][0] ==
          json{{"id", 5}, {"name", "enterprise 5"}, {"colour", "red"}, {"contribution", 10.0}});
    CHECK(j["band_rule"] == "RI 11 >= 10: red");
    CHECK(j["bands_certainty"] == "uncertain");
    CHECK_THAT(j["notes"].back().get<std::string>(), Catch::Contains("uncertain"));
}

TEST_CASE("a broken zoning model names the field", "[unit][risk]") {
    expect_model_error([](json& d) { d.erase("version"); }, "version");
    expect_model_error([](json& d) { d["sources"] = json::array(); }, "sources");
    expect_model_error([](json& d) { d["weights"]["colour"]["orange"] = 12; },
                       "weights.colour.orange");
    expect_model_error([](json& d) { d["weights"]["colour"]["blue"] = 0; }, "weights.colour.blue");
    expect_model_error([](json& d) { d["weights"]["major_hazard_level"].erase("none"); },
                       "weights.major_hazard_level.none");
    expect_model_error([](json& d) { d["weights"]["certainty"] = "probably"; },
                       "weights.certainty");
    expect_model_error([](json& d) { d["top_contributors"] = 0; }, "top_contributors");
    expect_model_error([](json& d) { d["zone_kinds"] = json::object(); }, "zone_kinds");
    expect_model_error([](json& d) { d["zone_kinds"]["grid"]["method"] = "mean"; },
                       "zone_kinds.grid.method");
    expect_model_error([](json& d) { d["zone_kinds"]["township"]["control"]["cap"] = 0.5; },
                       "zone_kinds.township.control.cap");
    expect_model_error(
        [](json& d) { d["zone_kinds"]["township"]["control"]["per_overdue"] = -0.1; },
        "zone_kinds.township.control.per_overdue");
    expect_model_error(
        [](json& d) { d["zone_kinds"]["grid"]["bands"]["grades"][1]["at_least"] = 20; },
        "zone_kinds.grid.bands.grades[1].at_least");
    expect_model_error(
        [](json& d) { d["zone_kinds"]["grid"]["bands"]["grades"][3]["at_least"] = 1; },
        "zone_kinds.grid.bands.grades[3].at_least");
    expect_model_error(
        [](json& d) { d["zone_kinds"]["grid"]["bands"]["grades"][0]["grade"] = "orange"; },
        "zone_kinds.grid.bands.grades[0].grade");
    expect_model_error([](json& d) { d["zone_kinds"]["grid"].erase("cell_size_m"); },
                       "zone_kinds.grid.cell_size_m");
    expect_model_error([](json& d) { d["zone_kinds"]["township"]["cell_size_m"] = 0; },
                       "zone_kinds.township.cell_size_m");
    expect_model_error([](json& d) { d = json::array(); }, "(root)");
}
