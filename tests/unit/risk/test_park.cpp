// Park assessment A-D: hand-computed cases against risk/models/park-a-d.json (2023 bands
// A < 60, B < 70, C < 85, D >= 85) and seeded properties (a veto makes a park A whatever else).
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/prng.hpp>
#include <riskatlas/risk/park.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <functional>
#include <numeric>

using namespace riskatlas::risk;

namespace {

const park_model& model() {
    static const park_model m = [] {
        std::ifstream in(RISKATLAS_SOURCE_DIR "/risk/models/park-a-d.json");
        return park_model::parse(nlohmann::json::parse(in));
    }();
    return m;
}

// Every sheet row satisfied (overall assessment a year old), sensitive targets 2 km away, no
// enterprises, no hidden dangers.
park_facts model_park() {
    park_facts f;
    f.recognised = f.risk_acceptable = f.control_line = true;
    f.years_since_overall_assessment = 1;
    f.sensitive_target_distance_m = 2000;
    f.closed_management = f.hazmat_parking = f.fire_station = true;
    f.supervision_body = f.smart_platform = true;
    f.emergency_plan_drilled = f.emergency_rescue_team = f.emergency_materials = true;
    return f;
}

double points_of(const park_result& r) {
    return std::accumulate(r.explanation.factors.begin(), r.explanation.factors.end(), 0.0,
                           [](double s, const factor_entry& e) { return s + e.points; });
}

int rank(park_grade g) { return static_cast<int>(g); } // 0 = A (highest risk) .. 3 = D

park_facts random_park(riskatlas::prng& rng) {
    park_facts f;
    // Mostly compliant, so that vetoes are the exception and all four grades occur.
    for (bool* b : {&f.recognised, &f.risk_acceptable, &f.control_line, &f.closed_management,
                    &f.hazmat_parking, &f.fire_station, &f.supervision_body, &f.smart_platform,
                    &f.emergency_plan_drilled, &f.emergency_rescue_team, &f.emergency_materials})
        *b = rng.chance(0.9);
    f.residents_inside = rng.chance(0.05);
    if (rng.chance(0.9))
        f.years_since_overall_assessment = rng.between(0, 8);
    if (rng.chance(0.5))
        f.max_reaction_hazard_level = rng.between(1, 5);
    if (rng.chance(0.8))
        f.sensitive_target_distance_m = rng.between(0, 3000);
    f.red_enterprises = rng.between(0, 4);
    f.orange_enterprises = rng.between(0, 6);
    f.yellow_enterprises = rng.between(0, 10);
    f.blue_enterprises = rng.between(0, 20);
    f.open_major_hazards = rng.between(0, 4);
    f.overdue_hazards = rng.between(0, 6);
    if (rng.chance(0.2))
        f.years_since_major_accident = rng.between(0, 10);
    return f;
}

} // namespace

TEST_CASE("a compliant park with a few orange enterprises is D", "[unit][risk]") {
    // 2 orange x 1 + 1 overdue hidden danger x 1 = 3 points -> 97 >= 85: D, no veto.
    auto f = model_park();
    f.orange_enterprises = 2;
    f.yellow_enterprises = 5;
    f.blue_enterprises = 3;
    f.overdue_hazards = 1;
    const auto r = assess_park(f, model());
    CHECK(r.score == Approx(97));
    CHECK(r.grade == park_grade::D);
    CHECK(r.explanation.model_id == "park-a-d");
    CHECK(r.explanation.hard_rules.empty());
}

TEST_CASE("park band edges follow the 2023 导则", "[unit][risk]") {
    // No closed management 8 + no material stores 3 + 4 overdue x 1 = 15 -> 85: D (85 and up).
    auto f = model_park();
    f.closed_management = false;
    f.emergency_materials = false;
    f.overdue_hazards = 4;
    CHECK(assess_park(f, model()).score == Approx(85));
    CHECK(assess_park(f, model()).grade == park_grade::D);
    f.orange_enterprises = 1; // + 1 = 16 -> 84: C (70 to < 85)
    CHECK(assess_park(f, model()).grade == park_grade::C);

    // Missing shared facilities and emergency capacity: 8 + 4 + 6 + 4 + 4 + 4 + 3 = 33, plus two
    // orange enterprises 2 = 35 -> 65: B (60 to < 70).
    auto g = model_park();
    g.closed_management = g.hazmat_parking = g.fire_station = g.smart_platform = false;
    g.emergency_plan_drilled = g.emergency_rescue_team = g.emergency_materials = false;
    g.orange_enterprises = 2;
    auto r = assess_park(g, model());
    CHECK(r.score == Approx(65));
    CHECK(r.grade == park_grade::B);
    g.red_enterprises = 2; // + 6 = 41 -> 59: A (< 60) by score alone
    r = assess_park(g, model());
    CHECK(r.score == Approx(59));
    CHECK(r.grade == park_grade::A);
    CHECK(r.explanation.hard_rules.empty());
}

TEST_CASE("a veto grades a park A whatever its score", "[unit][risk]") {
    // Residents inside: row residents_inside deducts 5 -> 95 (D by score), veto forces A.
    auto f = model_park();
    f.residents_inside = true;
    auto r = assess_park(f, model());
    CHECK(r.score == Approx(95));
    CHECK(r.score_grade == park_grade::D);
    CHECK(r.grade == park_grade::A);
    REQUIRE(r.explanation.hard_rules.size() == 1);
    CHECK(r.explanation.hard_rules[0].rule_id == "veto_residents_inside");

    // A 重大 accident 2 years ago is inside the (placeholder) 3-year look-back; 5 years is not.
    f = model_park();
    f.years_since_major_accident = 2;
    CHECK(assess_park(f, model()).grade == park_grade::A);
    f.years_since_major_accident = 5;
    CHECK(assess_park(f, model()).grade == park_grade::D);
}

TEST_CASE("a park with no evidence at all is A by score and by vetoes", "[unit][risk]") {
    // Every boolean false: 6 + 6 + 4 + 4 (planning) + 8 + 4 + 6 (facilities) + 6 + 4
    // (management) + 4 + 4 + 3 (emergency) = 59 -> 41; unknown distance deducts nothing.
    const auto r = assess_park(park_facts{}, model());
    CHECK(r.score == Approx(41));
    CHECK(r.grade == park_grade::A);
    CHECK(r.explanation.hard_rules.size() == 4); // not recognised, no assessment, risk, no body
}

TEST_CASE("a stale overall assessment deducts, a missing one is a veto", "[unit][risk]") {
    // Assessed 6 years ago: >= 5 years deducts 6 -> 94, D, no veto (the veto is "never done").
    auto f = model_park();
    f.years_since_overall_assessment = 6;
    auto r = assess_park(f, model());
    CHECK(r.score == Approx(94));
    CHECK(r.grade == park_grade::D);
    // Never assessed: absent_points 6 -> 94 by score, veto_no_overall_assessment forces A.
    f.years_since_overall_assessment.reset();
    r = assess_park(f, model());
    CHECK(r.score == Approx(94));
    CHECK(r.grade == park_grade::A);
    CHECK(r.explanation.hard_rules.at(0).rule_id == "veto_no_overall_assessment");
}

TEST_CASE("an enterprise at reaction class 4 deducts on the entry row", "[unit][risk]") {
    auto f = model_park();
    f.max_reaction_hazard_level = 4; // class >= 4 barred by local entry rules: 2 -> 98
    CHECK(assess_park(f, model()).score == Approx(98));
    f.max_reaction_hazard_level = 6;
    CHECK_THROWS_AS(assess_park(f, model()), riskatlas::invalid_argument);
}

TEST_CASE("planned distance to sensitive targets is banded", "[unit][risk]") {
    auto f = model_park();
    f.sensitive_target_distance_m = 400; // < 500 m: 8
    CHECK(assess_park(f, model()).score == Approx(92));
    f.sensitive_target_distance_m = 500; // 500 to < 1000 m: 4
    CHECK(assess_park(f, model()).score == Approx(96));
    f.sensitive_target_distance_m = -1;
    CHECK_THROWS_AS(assess_park(f, model()), riskatlas::invalid_argument);
}

TEST_CASE("a summary park assessment (batch recompute) agrees with the full one",
          "[unit][risk]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 101)));
    riskatlas::prng rng(seed, "risk-park");
    const auto f = random_park(rng);
    const auto full = assess_park(f, model());
    const auto summary = assess_park(f, model(), explanation_detail::summary);
    INFO("seed " << seed);
    CHECK(summary.grade == full.grade);
    CHECK(summary.score_grade == full.score_grade);
    CHECK(summary.score == full.score);
    CHECK(summary.explanation.factors.empty());
    REQUIRE(summary.explanation.hard_rules.size() == full.explanation.hard_rules.size());
    for (std::size_t i = 0; i < full.explanation.hard_rules.size(); ++i)
        CHECK(summary.explanation.hard_rules[i].rule_id == full.explanation.hard_rules[i].rule_id);
}

TEST_CASE("park grade properties over seeded random facts", "[unit][risk]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 301)));
    riskatlas::prng rng(seed, "risk-park");
    const auto f = random_park(rng);
    const auto r = assess_park(f, model());
    INFO("seed " << seed << " score " << r.score);

    CHECK(points_of(r) == Approx(r.explanation.base_score - r.score));

    auto more = f; // adding an open major hidden danger never lowers the grade
    ++more.open_major_hazards;
    CHECK(rank(assess_park(more, model()).grade) <= rank(r.grade));

    auto none = f; // removing all hidden dangers never raises it
    none.open_major_hazards = none.overdue_hazards = 0;
    CHECK(rank(assess_park(none, model()).grade) >= rank(r.grade));

    const std::vector<std::function<void(park_facts&)>> vetoes{
        [](park_facts& p) { p.recognised = false; },
        [](park_facts& p) { p.years_since_overall_assessment.reset(); },
        [](park_facts& p) { p.risk_acceptable = false; },
        [](park_facts& p) { p.residents_inside = true; },
        [](park_facts& p) { p.years_since_major_accident = 1; },
        [](park_facts& p) { p.supervision_body = false; },
    };
    auto vetoed = f; // any veto makes the park A, whatever else
    vetoes[rng.index(vetoes.size())](vetoed);
    const auto rv = assess_park(vetoed, model());
    CHECK(rv.grade == park_grade::A);
    CHECK_FALSE(rv.explanation.hard_rules.empty());
}

TEST_CASE("the seeded parks reach every grade, so the properties are not vacuous", "[unit][risk]") {
    std::array<int, 4> seen{};
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        riskatlas::prng rng(seed, "risk-park");
        ++seen[static_cast<std::size_t>(rank(assess_park(random_park(rng), model()).grade))];
    }
    INFO("A " << seen[0] << " B " << seen[1] << " C " << seen[2] << " D " << seen[3]);
    for (const int n : seen)
        CHECK(n > 0);
}
