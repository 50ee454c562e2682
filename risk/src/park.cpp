// Park assessment: turn park_facts into the model's inputs, then score the deduction sheet.
#include <riskatlas/risk/park.hpp>

#include "scoring.hpp"

#include <riskatlas/error.hpp>

#include <array>
#include <utility>

namespace riskatlas::risk {
namespace {

using detail::input_spec;
using detail::input_type;

constexpr std::array<input_spec, 23> specs{{
    {"recognised", input_type::boolean},
    {"years_since_overall_assessment", input_type::optional_number},
    {"risk_acceptable", input_type::boolean},
    {"control_line", input_type::boolean},
    {"sensitive_target_distance_m", input_type::optional_number},
    {"residents_inside", input_type::boolean},
    {"red_enterprises", input_type::number},
    {"orange_enterprises", input_type::number},
    {"yellow_enterprises", input_type::number},
    {"blue_enterprises", input_type::number},
    {"max_reaction_hazard_level", input_type::optional_number},
    {"open_major_hazards", input_type::number},
    {"overdue_hazards", input_type::number},
    {"closed_management", input_type::boolean},
    {"hazmat_parking", input_type::boolean},
    {"fire_station", input_type::boolean},
    {"supervision_body", input_type::boolean},
    {"smart_platform", input_type::boolean},
    {"emergency_plan_drilled", input_type::boolean},
    {"emergency_rescue_team", input_type::boolean},
    {"emergency_materials", input_type::boolean},
    {"years_since_major_accident", input_type::optional_number},
    {"enterprises", input_type::number}, // all graded enterprises, for share-based rows
}};

// park-risk-grading.md §2: A is the highest risk, so it is listed first like red.
constexpr std::array<std::string_view, 4> grades{"A", "B", "C", "D"};

detail::input_value optional_number(std::optional<double> v) {
    return v ? detail::number_input(*v) : detail::input_value{"none", std::nullopt};
}

void check(const park_facts& f) {
    constexpr std::string_view what = "park_facts";
    const std::array<std::pair<std::string_view, int>, 6> counts{
        {{"red_enterprises", f.red_enterprises},
         {"orange_enterprises", f.orange_enterprises},
         {"yellow_enterprises", f.yellow_enterprises},
         {"blue_enterprises", f.blue_enterprises},
         {"open_major_hazards", f.open_major_hazards},
         {"overdue_hazards", f.overdue_hazards}}};
    for (const auto& [name, n] : counts)
        detail::require_range(what, name, n, 0, 1000000);
    if (f.max_reaction_hazard_level)
        detail::require_range(what, "max_reaction_hazard_level", *f.max_reaction_hazard_level, 1,
                              5);
    if ((f.sensitive_target_distance_m && !(*f.sensitive_target_distance_m >= 0)) ||
        (f.years_since_major_accident && !(*f.years_since_major_accident >= 0)) ||
        (f.years_since_overall_assessment && !(*f.years_since_overall_assessment >= 0)))
        throw invalid_argument("invalid_park_facts",
                               "park_facts distances and years must be non-negative numbers");
}

} // namespace

std::string_view to_string(park_grade g) noexcept { return grades[static_cast<std::size_t>(g)]; }

std::optional<park_grade> parse_park_grade(std::string_view text) noexcept {
    for (std::size_t i = 0; i < grades.size(); ++i)
        if (grades[i] == text)
            return static_cast<park_grade>(i);
    return std::nullopt;
}

std::vector<std::string> park_model_inputs() { return detail::input_names(specs); }

park_model park_model::parse(const nlohmann::json& doc) {
    return park_model(detail::parse_scoring_model(doc, specs, grades));
}

park_result assess_park(const park_facts& f, const park_model& model,
                        explanation_detail detail) {
    using namespace detail;
    check(f);
    const int enterprises =
        f.red_enterprises + f.orange_enterprises + f.yellow_enterprises + f.blue_enterprises;
    const std::array<input_value, specs.size()> values{
        bool_input(f.recognised),
        optional_number(f.years_since_overall_assessment),
        bool_input(f.risk_acceptable),
        bool_input(f.control_line),
        optional_number(f.sensitive_target_distance_m),
        bool_input(f.residents_inside),
        number_input(f.red_enterprises),
        number_input(f.orange_enterprises),
        number_input(f.yellow_enterprises),
        number_input(f.blue_enterprises),
        optional_input(f.max_reaction_hazard_level),
        number_input(f.open_major_hazards),
        number_input(f.overdue_hazards),
        bool_input(f.closed_management),
        bool_input(f.hazmat_parking),
        bool_input(f.fire_station),
        bool_input(f.supervision_body),
        bool_input(f.smart_platform),
        bool_input(f.emergency_plan_drilled),
        bool_input(f.emergency_rescue_team),
        bool_input(f.emergency_materials),
        optional_number(f.years_since_major_accident),
        number_input(enterprises),
    };
    auto s = evaluate(model.model(), values, detail);
    park_result r;
    r.score = s.score;
    r.grade = *parse_park_grade(s.explanation.grade);
    r.score_grade = *parse_park_grade(s.explanation.score_grade);
    r.explanation = std::move(s.explanation);
    return r;
}

} // namespace riskatlas::risk
