// A 100-point deduction model as data: factors, hard rules and grade bands, each with its source
// and how certain that source is (shared/domain/README.md: every rule lives in a versioned
// ruleset).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskatlas::risk {

/// The domain notes' confidence marks: [S] sourced, [K] known, [U] uncertain (check before
/// presenting the value as "the rule").
enum class certainty_mark { sourced, known, uncertain };
std::string_view to_string(certainty_mark c) noexcept;

/// How a factor turns its input into deducted points.
enum class factor_kind {
    table,        ///< points by the input's text ("none", "true", "2", ...), else `fallback`
    prefix_table, ///< points by the longest key that prefixes the input text, else `fallback`
    count,        ///< `points_each` per unit, capped at `max_points`
    bands         ///< the first band whose bound holds (else 0); no value: `absent_points`
};

struct value_band {
    std::optional<double> at_least; ///< exactly one of at_least / below is set
    std::optional<double> below;
    double points = 0;
};

struct factor {
    std::string id, title_zh, title_en, section, rule, source;
    certainty_mark certainty = certainty_mark::uncertain;
    std::size_t input = 0; ///< index into the entity kind's input list
    std::string input_name;
    factor_kind kind = factor_kind::table;
    std::map<std::string, double, std::less<>> table;
    double fallback = 0;
    double points_each = 0, max_points = 0;
    std::vector<value_band> bands;
    double absent_points = 0;
};

/// A condition on one input: numeric bounds (an absent value never matches) or a text match.
struct condition {
    std::size_t input = 0;
    std::string input_name;
    std::optional<double> at_least, at_most;
    std::optional<std::string> equals;
};

/// "Forces at least <grade>": the result is never better than `forces_at_least`, whatever the
/// score (MEM 2018 guide's direct-red situations; the park 导则's veto items).
struct hard_rule {
    std::string id, title_zh, title_en, source;
    certainty_mark certainty = certainty_mark::uncertain;
    condition when;
    std::size_t forces_at_least = 0; ///< index into `bands` (0 = worst)
};

struct grade_band {
    std::string label;           ///< "red" ... "blue", or "A" ... "D"
    std::optional<double> below; ///< score upper bound (exclusive); absent for the last band
};

/// Colour bands on an index where more is worse (a zone's risk index, hazard density per km2): the
/// first of red, orange, yellow whose `at_least` the value reaches, else blue. The bounds strictly
/// decrease and are positive, so 0 is always blue.
struct threshold_bands {
    std::array<double, 3> at_least{}; ///< red, orange, yellow
    std::string source;
    certainty_mark certainty = certainty_mark::uncertain;
};

struct scoring_model {
    std::string id, version, description;
    std::vector<std::string> sources;
    double base_score = 100;
    std::vector<grade_band> bands; ///< worst first
    std::string bands_source;
    certainty_mark bands_certainty = certainty_mark::uncertain;
    std::vector<factor> factors;
    std::vector<hard_rule> hard_rules;
};

/// One scored factor in an explanation.
struct factor_entry {
    std::string factor_id, title_zh, title_en, section, input, rule, source;
    certainty_mark certainty = certainty_mark::uncertain;
    double points = 0;
};

/// One hard rule that fired.
struct rule_entry {
    std::string rule_id, title_zh, title_en, input, effect, source;
    certainty_mark certainty = certainty_mark::uncertain;
};

/// Why an entity got its grade: every factor (also those deducting 0), the rules that fired.
struct grade_explanation {
    std::string model_id, model_version;
    double base_score = 100;
    double score = 0;        ///< base_score minus the factors' points
    std::string score_grade; ///< the band of the score alone
    std::string grade;       ///< after hard rules
    std::vector<factor_entry> factors;
    std::vector<rule_entry> hard_rules;
};

/// How much of the explanation a grading fills in. A batch recompute stores the inputs and
/// re-derives the full explanation on demand, so it needs only the grade and the fired rules'
/// ids: `summary` leaves `factors` empty and each fired rule's `rule_id` as its only text,
/// which saves the per-factor strings (most of the grading time for 30k enterprises).
enum class explanation_detail { full, summary };

/// The explanation as served by `GET /api/explain/...` (field names as in the structs).
nlohmann::json to_json(const grade_explanation& e);

} // namespace riskatlas::risk
