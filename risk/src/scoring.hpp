// The engine shared by every entity kind: parse a deduction model against the kind's input list,
// then score one entity's input values. Each kind (enterprise, park) only supplies its inputs.
#pragma once

#include <riskatlas/risk/scoring_model.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

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
scored evaluate(const scoring_model& model, std::span<const input_value> values);

/// Throws invalid_argument("invalid_<what>", ...) for a fact outside its documented range.
void require_range(std::string_view what, std::string_view field, long value, long lo, long hi);

} // namespace riskatlas::risk::detail
