// Enterprise grading: turn enterprise_facts into the model's inputs, then score.
#include <riskatlas/risk/enterprise.hpp>

#include "scoring.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace riskatlas::risk {
namespace {

using detail::input_spec;
using detail::input_type;

// The order here is the order of `inputs()` below; models refer to inputs by name.
constexpr std::array<input_spec, 13> specs{{
    {"supervision_category", input_type::text},
    {"industry_code", input_type::text},
    {"major_hazard_level", input_type::optional_number},
    {"hazardous_processes", input_type::number}, // distinct processes, listed in the text
    {"reaction_hazard_level", input_type::optional_number},
    {"workers", input_type::number},
    {"open_general_hazards", input_type::number},
    {"open_major_hazards", input_type::number},
    {"overdue_general_hazards", input_type::number},
    {"overdue_major_hazards", input_type::number},
    {"accidents_3y", input_type::number},
    {"standardisation_level", input_type::optional_number},
    {"monitoring_connected", input_type::boolean},
}};

// Worst first, as the bands are listed (安委办〔2016〕11号 order).
constexpr std::array<std::string_view, 4> colours{"red", "orange", "yellow", "blue"};

// data/migrations/0001_core.sql, enterprises.supervision_category.
constexpr std::array<std::string_view, 9> categories{
    "hazardous_chemicals", "coal_mine", "non_coal_mine", "industry_trade", "fireworks",
    "construction",        "gas",       "transport",     "oil_depot"};

void check(const enterprise_facts& f) {
    constexpr std::string_view what = "enterprise_facts";
    if (std::find(categories.begin(), categories.end(), f.supervision_category) == categories.end())
        throw invalid_argument("invalid_enterprise_facts",
                               "unknown supervision_category '" + f.supervision_category + "'");
    if (f.major_hazard_level)
        detail::require_range(what, "major_hazard_level", *f.major_hazard_level, 1, 4);
    if (f.reaction_hazard_level)
        detail::require_range(what, "reaction_hazard_level", *f.reaction_hazard_level, 1, 5);
    if (f.standardisation_level)
        detail::require_range(what, "standardisation_level", *f.standardisation_level, 1, 3);
    detail::require_range(what, "workers", f.workers, 0, 1000000);
    detail::require_range(what, "accidents_3y", f.accidents_3y, 0, 1000000);
    detail::require_range(what, "open_general_hazards", f.open_general_hazards, 0, 1000000);
    detail::require_range(what, "open_major_hazards", f.open_major_hazards, 0, 1000000);
    // Overdue hazards are a subset of the open ones (hazards-ledger.md: overdue = open past
    // deadline).
    detail::require_range(what, "overdue_general_hazards", f.overdue_general_hazards, 0,
                          f.open_general_hazards);
    detail::require_range(what, "overdue_major_hazards", f.overdue_major_hazards, 0,
                          f.open_major_hazards);
}

detail::input_value processes(const std::vector<std::string>& list) {
    // A set makes the value independent of the order and of duplicates in the list.
    const std::set<std::string> distinct(list.begin(), list.end());
    std::string text = std::to_string(distinct.size());
    const char* sep = " (";
    for (const auto& p : distinct) {
        text += sep + p;
        sep = ", ";
    }
    if (!distinct.empty())
        text += ")";
    return {text, static_cast<double>(distinct.size())};
}

} // namespace

std::vector<std::string> enterprise_model_inputs() { return detail::input_names(specs); }

enterprise_model enterprise_model::parse(const nlohmann::json& doc) {
    return enterprise_model(detail::parse_scoring_model(doc, specs, colours));
}

grade_result grade_enterprise(const enterprise_facts& f, const enterprise_model& model,
                              explanation_detail detail) {
    using namespace detail;
    check(f);
    const std::array<input_value, specs.size()> values{
        text_input(f.supervision_category),
        text_input(f.industry_code.empty() ? "none" : f.industry_code),
        optional_input(f.major_hazard_level),
        processes(f.hazardous_processes),
        optional_input(f.reaction_hazard_level),
        number_input(f.workers),
        number_input(f.open_general_hazards),
        number_input(f.open_major_hazards),
        number_input(f.overdue_general_hazards),
        number_input(f.overdue_major_hazards),
        number_input(f.accidents_3y),
        optional_input(f.standardisation_level),
        bool_input(f.monitoring_connected),
    };
    auto s = evaluate(model.model(), values, detail);
    grade_result r;
    r.score = s.score;
    r.colour = *parse_four_colour(s.explanation.grade);
    r.score_colour = *parse_four_colour(s.explanation.score_grade);
    r.explanation = std::move(s.explanation);
    return r;
}

} // namespace riskatlas::risk
