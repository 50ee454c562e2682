// Enterprise four-colour grade: hand-computed cases against risk/models/enterprise-four-colour.json
// and seeded property tests (more hidden dangers never help; points add up to the deduction).
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/prng.hpp>
#include <riskatlas/risk/enterprise.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <fstream>
#include <numeric>

using namespace riskatlas::risk;

namespace {

const enterprise_model& model() {
    static const enterprise_model m = [] {
        std::ifstream in(RISKATLAS_SOURCE_DIR "/risk/models/enterprise-four-colour.json");
        return enterprise_model::parse(nlohmann::json::parse(in));
    }();
    return m;
}

// A small machinery works (industry_trade, C34): nothing hazardous, standardisation level 2.
enterprise_facts quiet_works() {
    enterprise_facts f;
    f.supervision_category = "industry_trade";
    f.industry_code = "C34";
    f.workers = 50;
    f.standardisation_level = 2;
    f.monitoring_connected = true;
    return f;
}

double points_of(const grade_result& r) {
    return std::accumulate(r.explanation.factors.begin(), r.explanation.factors.end(), 0.0,
                           [](double s, const factor_entry& e) { return s + e.points; });
}

std::vector<std::string> fired(const grade_result& r) {
    std::vector<std::string> ids;
    for (const auto& h : r.explanation.hard_rules)
        ids.push_back(h.rule_id);
    return ids;
}

int rank(four_colour c) { return static_cast<int>(c); } // 0 = red (worst) .. 3 = blue

enterprise_facts random_facts(riskatlas::prng& rng) {
    static const std::vector<std::string> cats{
        "hazardous_chemicals", "coal_mine", "non_coal_mine", "industry_trade", "fireworks",
        "construction",        "gas",       "transport",     "oil_depot"};
    static const std::vector<std::string> codes{"", "B06", "C2614", "C2671", "C34", "D4500"};
    static const std::vector<std::string> procs{"chlorination", "nitration", "hydrogenation",
                                                "oxidation", "polymerisation"};
    // A mix like a county's: most enterprises are small and quiet, so all colours occur.
    enterprise_facts f;
    f.supervision_category = rng.pick(cats);
    f.industry_code = rng.pick(codes);
    const bool chemical = f.supervision_category == "hazardous_chemicals";
    if (rng.chance(0.3))
        f.major_hazard_level = rng.between(1, 4);
    for (int i = chemical ? rng.between(0, 4) : 0; i > 0; --i)
        f.hazardous_processes.push_back(rng.pick(procs));
    if (chemical && rng.chance(0.5))
        f.reaction_hazard_level = rng.between(1, 5);
    f.workers = rng.between(0, 1500);
    f.open_general_hazards = rng.between(0, 4);
    f.open_major_hazards = rng.chance(0.15) ? rng.between(1, 2) : 0;
    f.overdue_general_hazards = rng.between(0, f.open_general_hazards);
    f.overdue_major_hazards = rng.chance(0.5) ? rng.between(0, f.open_major_hazards) : 0;
    f.accidents_3y = rng.chance(0.15) ? rng.between(1, 2) : 0;
    if (rng.chance(0.7))
        f.standardisation_level = rng.between(1, 3);
    f.monitoring_connected = rng.chance(0.5);
    return f;
}

} // namespace

TEST_CASE("a quiet machinery works is blue", "[unit][risk]") {
    // industry_trade 3 + C34 (no industry row) 0 + standardisation 二级 1 = 4 points -> 96 >= 90.
    const auto r = grade_enterprise(quiet_works(), model());
    CHECK(r.score == Approx(96));
    CHECK(r.colour == four_colour::blue);
    CHECK(r.explanation.model_id == "enterprise-four-colour");
    CHECK(r.explanation.factors.size() == model().model().factors.size());
    CHECK(r.explanation.hard_rules.empty());
}

TEST_CASE("a large chlorination plant with a level-1 major hazard source is red by score",
          "[unit][risk]") {
    // hazardous_chemicals 7 + C26 4 + 一级 14 + 3 processes x 2 = 6 + reaction class 3 4
    // + 450 workers (>= 300) 4 + 2 open general 2 + 1 accident 5 + no standardisation 4
    // + monitoring off 3 = 53 -> 47 < 60: red. No hard rule (1 accident, class 3).
    enterprise_facts f;
    f.supervision_category = "hazardous_chemicals";
    f.industry_code = "C2614";
    f.major_hazard_level = 1;
    f.hazardous_processes = {"chlorination", "nitration", "hydrogenation"};
    f.reaction_hazard_level = 3;
    f.workers = 450;
    f.open_general_hazards = 2;
    f.accidents_3y = 1;
    const auto r = grade_enterprise(f, model());
    CHECK(r.score == Approx(47));
    CHECK(r.colour == four_colour::red);
    CHECK(r.score_colour == four_colour::red);
    CHECK(fired(r).empty());
    CHECK(r.explanation.factors[3].input == "3 (chlorination, hydrogenation, nitration)");
}

TEST_CASE("an open major hidden danger forces at least orange", "[unit][risk]") {
    // industry_trade 3 + 120 workers (>= 100) 2 + 1 open major 8 + standardisation 三级 2 = 15
    // -> 85: yellow by score; hard rule open_major_hazard forces orange.
    auto f = quiet_works();
    f.workers = 120;
    f.standardisation_level = 3;
    f.open_major_hazards = 1;
    const auto r = grade_enterprise(f, model());
    CHECK(r.score == Approx(85));
    CHECK(r.score_colour == four_colour::yellow);
    CHECK(r.colour == four_colour::orange);
    CHECK(fired(r) == std::vector<std::string>{"open_major_hazard"});

    SECTION("and an overdue one forces red") {
        // + 5 for the overdue major = 20 -> 80, still yellow by score; overdue_major_hazard: red.
        f.overdue_major_hazards = 1;
        const auto r2 = grade_enterprise(f, model());
        CHECK(r2.score == Approx(80));
        CHECK(r2.colour == four_colour::red);
        CHECK(fired(r2) == std::vector<std::string>{"overdue_major_hazard", "open_major_hazard"});
    }
}

TEST_CASE("reaction class 4+ and repeated accidents are hard rules", "[unit][risk]") {
    auto f = quiet_works();
    f.standardisation_level = 1;
    f.reaction_hazard_level = 5; // 3 + 8 = 11 -> 89 yellow, class 5 forces orange
    auto r = grade_enterprise(f, model());
    CHECK(r.score == Approx(89));
    CHECK(r.colour == four_colour::orange);
    f.reaction_hazard_level.reset();
    f.accidents_3y = 2; // 3 + 10 = 13 -> 87 yellow, two accidents in 3 years: red directly
    r = grade_enterprise(f, model());
    CHECK(r.score == Approx(87));
    CHECK(r.colour == four_colour::red);
    CHECK(fired(r) == std::vector<std::string>{"direct_red_accidents"});
}

TEST_CASE("band edges follow the MEM 2018 guide (lower bound inclusive)", "[unit][risk]") {
    enterprise_facts f;
    f.supervision_category = "hazardous_chemicals";
    f.standardisation_level = 1;
    f.monitoring_connected = false; // 7 + 3 = 10 -> 90: blue (>= 90)
    CHECK(grade_enterprise(f, model()).colour == four_colour::blue);
    f.industry_code = "C2661";
    f.major_hazard_level = 2; // + 4 + 11 = 25 -> 75: yellow (75 to < 90)
    CHECK(grade_enterprise(f, model()).colour == four_colour::yellow);
    f.major_hazard_level = 1;
    f.hazardous_processes = {"a", "b", "c", "d"};
    f.reaction_hazard_level = 3; // 7 + 4 + 14 + 8 + 4 + 3 = 40 -> 60: orange (60 to < 75)
    const auto r = grade_enterprise(f, model());
    CHECK(r.score == Approx(60));
    CHECK(r.colour == four_colour::orange);
}

TEST_CASE("facts outside their ranges are rejected", "[unit][risk]") {
    auto f = quiet_works();
    f.supervision_category = "bakery";
    CHECK_THROWS_AS(grade_enterprise(f, model()), riskatlas::invalid_argument);
    f = quiet_works();
    f.overdue_major_hazards = 1; // more overdue than open
    CHECK_THROWS_WITH(grade_enterprise(f, model()), Catch::Contains("overdue_major_hazards"));
    f = quiet_works();
    f.reaction_hazard_level = 6;
    CHECK_THROWS_WITH(grade_enterprise(f, model()), Catch::Contains("reaction_hazard_level"));
}

TEST_CASE("enterprise grade properties over seeded random facts", "[unit][risk]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 301)));
    riskatlas::prng rng(seed, "risk-enterprise");
    const auto f = random_facts(rng);
    const auto r = grade_enterprise(f, model());
    INFO("seed " << seed << " score " << r.score);

    // The explanation shows all of the working: points add up to 100 - score.
    CHECK(points_of(r) == Approx(r.explanation.base_score - r.score));

    auto more = f; // adding an open major hidden danger never lowers the grade
    ++more.open_major_hazards;
    const auto r_more = grade_enterprise(more, model());
    CHECK(rank(r_more.colour) <= rank(r.colour));
    CHECK(r_more.score <= r.score);

    auto none = f; // removing every hidden danger never raises it
    none.open_general_hazards = none.open_major_hazards = 0;
    none.overdue_general_hazards = none.overdue_major_hazards = 0;
    CHECK(rank(grade_enterprise(none, model()).colour) >= rank(r.colour));

    auto shuffled = f; // the order (and repeats) of listed processes do not matter
    rng.shuffle(shuffled.hazardous_processes);
    if (!shuffled.hazardous_processes.empty())
        shuffled.hazardous_processes.push_back(shuffled.hazardous_processes.front());
    const auto r_shuffled = grade_enterprise(shuffled, model());
    CHECK(r_shuffled.score == r.score);
    CHECK(nlohmann::json(to_json(r_shuffled.explanation)) == to_json(r.explanation));
}

TEST_CASE("a summary grading (batch recompute) agrees with the full one", "[unit][risk]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 101)));
    riskatlas::prng rng(seed, "risk-enterprise");
    const auto f = random_facts(rng);
    const auto full = grade_enterprise(f, model());
    const auto summary = grade_enterprise(f, model(), explanation_detail::summary);
    INFO("seed " << seed);
    CHECK(summary.colour == full.colour);
    CHECK(summary.score_colour == full.score_colour);
    CHECK(summary.score == full.score);
    CHECK(summary.explanation.factors.empty());
    REQUIRE(summary.explanation.hard_rules.size() == full.explanation.hard_rules.size());
    for (std::size_t i = 0; i < full.explanation.hard_rules.size(); ++i)
        CHECK(summary.explanation.hard_rules[i].rule_id == full.explanation.hard_rules[i].rule_id);
}

TEST_CASE("the seeded facts reach every colour, so the properties are not vacuous",
          "[unit][risk]") {
    std::array<int, 4> seen{};
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        riskatlas::prng rng(seed, "risk-enterprise");
        ++seen[static_cast<std::size_t>(rank(grade_enterprise(random_facts(rng), model()).colour))];
    }
    INFO("red " << seen[0] << " orange " << seen[1] << " yellow " << seen[2] << " blue "
                << seen[3]);
    for (const int n : seen)
        CHECK(n > 0);
}
