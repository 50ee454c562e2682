// The engine shared by every entity kind: parse a deduction model against the kind's input list,
// then score one entity's input values. Each kind (enterprise, park) only supplies its inputs.
#pragma once

#include <riskatlas/risk/four_colour.hpp>
#include <riskatlas/risk/scoring_model.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace riskatlas::risk::detail {

/// What an input holds, which decides the factor kinds and conditions that may read it.
enum class input_type { text, number, optional_number, boolean };

struct input_spec {
    std::string_view name;
    input_type type;
};

/// One input of one entity: its text (shown in explanations, keys tables) and its number, if any.
struct input_value {
    std::string text;
    std::optional<double> number;
};

input_value text_input(std::string text);
input_value number_input(double value);
input_value optional_input(std::optional<int> value);
input_value bool_input(bool value);

/// The names of an entity kind's inputs, in order (what its models' factors may read).
std::vector<std::string> input_names(std::span<const input_spec> inputs);

/// Parses and validates; throws riskatlas::invalid_argument naming the offending field.
scoring_model parse_scoring_model(const nlohmann::json& doc, std::span<const input_spec> inputs,
                                  std::span<const std::string_view> grade_labels);

struct scored {
    double score = 0;
    std::size_t band = 0; ///< index into model.bands after hard rules (0 = worst)
    grade_explanation explanation;
};

/// `values` are in the order of the kind's input list. Factors and rules are visited in model
/// order, so the result depends only on the values, never on how the caller gathered them.
scored evaluate(const scoring_model& model, std::span<const input_value> values,
               explanation_detail detail = explanation_detail::full);

/// Throws invalid_argument("invalid_<what>", ...) for a fact outside its documented range.
void require_range(std::string_view what, std::string_view field, long value, long lo, long hi);

// Readers for the other JSON models (zoning, density). Each failure throws
// invalid_argument("invalid_risk_model") naming the field, as parse_scoring_model does.
[[noreturn]] void model_error(const std::string& field, const std::string& why);
const nlohmann::json& model_member(const nlohmann::json& obj, const std::string& path,
                                   const char* key);
std::string model_text(const nlohmann::json& obj, const std::string& path, const char* key);
double model_number(const nlohmann::json& v, const std::string& field);
certainty_mark model_certainty(const nlohmann::json& obj, const std::string& path);
/// The root's "sources": a non-empty array of strings.
std::vector<std::string> model_sources(const nlohmann::json& doc);
/// {"source", "certainty", "grades": [{"grade": "red", "at_least": x}, ..., {"grade": "blue"}]}.
threshold_bands parse_threshold_bands(const nlohmann::json& obj, const std::string& path);

/// The colour of `value` (finite, >= 0) and the rule that chose it, e.g. "RI 3.2 >= 2.2: red".
std::pair<four_colour, std::string> colour_by_thresholds(const threshold_bands& bands, double value,
                                                         std::string_view value_name);
/// Up to 4 significant digits: explanations show the value, not its binary noise.
std::string short_number(double v);

} // namespace riskatlas::risk::detail
