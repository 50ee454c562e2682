// Parsing of deduction models from JSON. Every failure names the field ("factors[3].points_each")
// so whoever edits a model file sees what to fix.
#include "scoring.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <cmath>
#include <charconv>
#include <set>

namespace riskatlas::risk::detail {
namespace {

using json = nlohmann::json;

[[noreturn]] void fail(const std::string& field, const std::string& why) {
    throw invalid_argument("invalid_risk_model", "risk model field '" + field + "': " + why);
}

const json& member(const json& obj, const std::string& path, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end())
        fail(path + key, "missing");
    return *it;
}

std::string text(const json& obj, const std::string& path, const char* key, bool required = true) {
    const auto it = obj.find(key);
    if (it == obj.end() && !required)
        return {};
    const json& v = member(obj, path, key);
    if (!v.is_string() || (required && v.get_ref<const std::string&>().empty()))
        fail(path + key, "must be a non-empty string");
    return v.get<std::string>();
}

double number(const json& v, const std::string& field) {
    if (!v.is_number() || !std::isfinite(v.get<double>()))
        fail(field, "must be a finite number");
    return v.get<double>();
}

double points(const json& v, const std::string& field) {
    const double p = number(v, field);
    // Deductions only: a factor that can add points would break "more hazards, never better".
    if (p < 0)
        fail(field, "must not be negative (points are deductions)");
    return p;
}

std::optional<double> opt_number(const json& obj, const std::string& path, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end())
        return std::nullopt;
    return number(*it, path + key);
}

certainty_mark parse_certainty(const json& obj, const std::string& path) {
    const std::string c = text(obj, path, "certainty");
    for (const auto mark :
         {certainty_mark::sourced, certainty_mark::known, certainty_mark::uncertain})
        if (to_string(mark) == c)
            return mark;
    fail(path + "certainty", "must be sourced, known or uncertain");
}

std::size_t find_input(const json& obj, const std::string& path,
                       std::span<const input_spec> inputs) {
    const std::string name = text(obj, path, "input");
    for (std::size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].name == name)
            return i;
    fail(path + "input", "unknown input '" + name + "'");
}

bool numeric(input_type t) { return t == input_type::number || t == input_type::optional_number; }

std::size_t find_grade(const json& v, const std::string& field,
                       std::span<const std::string_view> labels) {
    if (v.is_string())
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == v.get_ref<const std::string&>())
                return i;
    fail(field, "must be one of the model's grades");
}

void parse_kind(factor& f, const json& obj, const std::string& p, input_type type) {
    const std::string kind = text(obj, p, "kind");
    if (kind == "table" || kind == "prefix_table") {
        f.kind = kind == "table" ? factor_kind::table : factor_kind::prefix_table;
        const json& t = member(obj, p, "points");
        if (!t.is_object() || t.empty())
            fail(p + "points", "must be a non-empty object of input text -> points");
        for (const auto& [key, value] : t.items())
            f.table.emplace(key, points(value, p + "points." + key));
        if (obj.contains("default"))
            f.fallback = points(obj["default"], p + "default");
    } else if (kind == "count" || kind == "bands") {
        if (!numeric(type))
            fail(p + "kind", "'" + kind + "' needs a numeric input");
        if (kind == "count") {
            f.kind = factor_kind::count;
            f.points_each = points(member(obj, p, "points_each"), p + "points_each");
            f.max_points = points(member(obj, p, "max_points"), p + "max_points");
            return;
        }
        f.kind = factor_kind::bands;
        const json& bs = member(obj, p, "bands");
        if (!bs.is_array() || bs.empty())
            fail(p + "bands", "must be a non-empty array");
        for (std::size_t i = 0; i < bs.size(); ++i) {
            const std::string bp = p + "bands[" + std::to_string(i) + "].";
            value_band b{opt_number(bs[i], bp, "at_least"), opt_number(bs[i], bp, "below"),
                         points(member(bs[i], bp, "points"), bp + "points")};
            if (b.at_least.has_value() == b.below.has_value())
                fail(bp + "at_least", "exactly one of at_least / below is required");
            f.bands.push_back(b);
        }
        if (obj.contains("absent_points"))
            f.absent_points = points(obj["absent_points"], p + "absent_points");
    } else {
        fail(p + "kind", "must be table, prefix_table, count or bands");
    }
}

double max_deduction(const factor& f) {
    double m = std::max(f.fallback, f.absent_points);
    for (const auto& [key, p] : f.table)
        m = std::max(m, p);
    for (const auto& b : f.bands)
        m = std::max(m, b.points);
    return f.kind == factor_kind::count ? f.max_points : m;
}

factor parse_factor(const json& obj, const std::string& p, std::span<const input_spec> inputs) {
    if (!obj.is_object())
        fail(p.substr(0, p.size() - 1), "must be an object");
    factor f;
    f.id = text(obj, p, "id");
    f.title_zh = text(obj, p, "title_zh");
    f.title_en = text(obj, p, "title_en");
    f.section = text(obj, p, "section", false);
    f.rule = text(obj, p, "rule");
    f.source = text(obj, p, "source");
    f.certainty = parse_certainty(obj, p);
    f.input = find_input(obj, p, inputs);
    f.input_name = inputs[f.input].name;
    parse_kind(f, obj, p, inputs[f.input].type);
    return f;
}

condition parse_condition(const json& obj, const std::string& p,
                          std::span<const input_spec> inputs) {
    if (!obj.is_object())
        fail(p.substr(0, p.size() - 1), "must be an object");
    condition c;
    c.input = find_input(obj, p, inputs);
    c.input_name = inputs[c.input].name;
    c.at_least = opt_number(obj, p, "at_least");
    c.at_most = opt_number(obj, p, "at_most");
    if (obj.contains("equals"))
        c.equals = text(obj, p, "equals");
    if (c.equals && (c.at_least || c.at_most))
        fail(p + "equals", "cannot be combined with at_least / at_most");
    if (!c.equals && !c.at_least && !c.at_most)
        fail(p + "at_least", "one of at_least, at_most or equals is required");
    if (!c.equals && !numeric(inputs[c.input].type))
        fail(p + "input", "numeric bounds need a numeric input");
    return c;
}

hard_rule parse_rule(const json& obj, const std::string& p, std::span<const input_spec> inputs,
                     std::span<const std::string_view> labels) {
    if (!obj.is_object())
        fail(p.substr(0, p.size() - 1), "must be an object");
    hard_rule r;
    r.id = text(obj, p, "id");
    r.title_zh = text(obj, p, "title_zh");
    r.title_en = text(obj, p, "title_en");
    r.source = text(obj, p, "source");
    r.certainty = parse_certainty(obj, p);
    r.when = parse_condition(member(obj, p, "when"), p + "when.", inputs);
    r.forces_at_least =
        find_grade(member(obj, p, "forces_at_least"), p + "forces_at_least", labels);
    return r;
}

void parse_bands(scoring_model& m, const json& obj, std::span<const std::string_view> labels) {
    const std::string p = "bands.";
    if (!obj.is_object())
        fail("bands", "must be an object");
    m.bands_source = text(obj, p, "source");
    m.bands_certainty = parse_certainty(obj, p);
    const json& grades = member(obj, p, "grades");
    if (!grades.is_array() || grades.size() != labels.size())
        fail(p + "grades", "must list " + std::to_string(labels.size()) + " grades, worst first");
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string gp = p + "grades[" + std::to_string(i) + "].";
        if (find_grade(member(grades[i], gp, "grade"), gp + "grade", labels) != i)
            fail(gp + "grade", "grades must be listed worst first");
        grade_band b{std::string(labels[i]), opt_number(grades[i], gp, "below")};
        const bool last = i + 1 == labels.size();
        if (b.below.has_value() == last)
            fail(gp + "below", last ? "the last grade has no upper bound" : "missing");
        if (i > 0 && b.below && !(*b.below > *m.bands[i - 1].below))
            fail(gp + "below", "bounds must increase");
        m.bands.push_back(std::move(b));
    }
}

} // namespace

scoring_model parse_scoring_model(const json& doc, std::span<const input_spec> inputs,
                                  std::span<const std::string_view> grade_labels) {
    if (!doc.is_object())
        fail("(root)", "must be an object");
    scoring_model m;
    m.id = text(doc, "", "id");
    m.version = text(doc, "", "version");
    m.description = text(doc, "", "description");
    const json& sources = member(doc, "", "sources");
    if (!sources.is_array() || sources.empty())
        fail("sources", "must be a non-empty array of strings");
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (!sources[i].is_string())
            fail("sources[" + std::to_string(i) + "]", "must be a string");
        m.sources.push_back(sources[i].get<std::string>());
    }
    m.base_score = number(member(doc, "", "base_score"), "base_score");
    if (m.base_score <= 0)
        fail("base_score", "must be positive");
    parse_bands(m, member(doc, "", "bands"), grade_labels);

    const json& factors = member(doc, "", "factors");
    if (!factors.is_array() || factors.empty())
        fail("factors", "must be a non-empty array");
    std::set<std::string> ids;
    double total = 0;
    for (std::size_t i = 0; i < factors.size(); ++i) {
        const std::string p = "factors[" + std::to_string(i) + "].";
        m.factors.push_back(parse_factor(factors[i], p, inputs));
        if (!ids.insert(m.factors.back().id).second)
            fail(p + "id", "duplicate id '" + m.factors.back().id + "'");
        total += max_deduction(m.factors.back());
    }
    // The sheet deducts from base_score and never goes below 0, so the deductions shown in an
    // explanation always add up to base_score - score.
    if (total > m.base_score)
        fail("factors", "maximum deductions add up to " + std::to_string(std::lround(total)) +
                            ", more than base_score " + std::to_string(std::lround(m.base_score)));

    const json& rules = member(doc, "", "hard_rules");
    if (!rules.is_array())
        fail("hard_rules", "must be an array");
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string p = "hard_rules[" + std::to_string(i) + "].";
        m.hard_rules.push_back(parse_rule(rules[i], p, inputs, grade_labels));
        if (!ids.insert(m.hard_rules.back().id).second)
            fail(p + "id", "duplicate id '" + m.hard_rules.back().id + "'");
    }
    return m;
}

// Shared with the zoning and density models, so every model file fails the same way.

void model_error(const std::string& field, const std::string& why) { fail(field, why); }

const json& model_member(const json& obj, const std::string& path, const char* key) {
    if (!obj.is_object())
        fail(path.empty() ? "(root)" : path.substr(0, path.size() - 1), "must be an object");
    return member(obj, path, key);
}

std::string model_text(const json& obj, const std::string& path, const char* key) {
    model_member(obj, path, key);
    return text(obj, path, key);
}

double model_number(const json& v, const std::string& field) { return number(v, field); }

certainty_mark model_certainty(const json& obj, const std::string& path) {
    return parse_certainty(obj, path);
}

std::vector<std::string> model_sources(const json& doc) {
    const json& sources = model_member(doc, "", "sources");
    if (!sources.is_array() || sources.empty())
        fail("sources", "must be a non-empty array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (!sources[i].is_string())
            fail("sources[" + std::to_string(i) + "]", "must be a string");
        out.push_back(sources[i].get<std::string>());
    }
    return out;
}

threshold_bands parse_threshold_bands(const json& obj, const std::string& path) {
    constexpr std::array<std::string_view, 4> labels{"red", "orange", "yellow", "blue"};
    threshold_bands b;
    b.source = model_text(obj, path, "source");
    b.certainty = parse_certainty(obj, path);
    const json& grades = member(obj, path, "grades");
    if (!grades.is_array() || grades.size() != labels.size())
        fail(path + "grades", "must list red, orange, yellow, blue, worst first");
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string gp = path + "grades[" + std::to_string(i) + "].";
        if (find_grade(model_member(grades[i], gp, "grade"), gp + "grade", labels) != i)
            fail(gp + "grade", "grades must be listed worst first");
        const auto bound = opt_number(grades[i], gp, "at_least");
        if (i + 1 == labels.size()) {
            if (bound)
                fail(gp + "at_least", "blue is what is left below yellow: no bound");
            break;
        }
        if (!bound)
            fail(gp + "at_least", "missing");
        // Positive bounds keep an empty zone or a point with no hazards blue.
        if (!(*bound > 0) || (i > 0 && !(*bound < b.at_least[i - 1])))
            fail(gp + "at_least", "bounds must be positive and decrease from red to yellow");
        b.at_least[i] = *bound;
    }
    return b;
}

std::string short_number(double v) {
    char buf[32]; // as printf's %.4g
    const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 4).ptr;
    return std::string(buf, end);
}

std::pair<four_colour, std::string> colour_by_thresholds(const threshold_bands& bands, double value,
                                                         std::string_view value_name) {
    constexpr std::array<four_colour, 4> worst_first{four_colour::red, four_colour::orange,
                                                     four_colour::yellow, four_colour::blue};
    const std::string shown = std::string(value_name) + " " + short_number(value);
    for (std::size_t i = 0; i < bands.at_least.size(); ++i)
        if (value >= bands.at_least[i])
            return {worst_first[i], shown + " >= " + short_number(bands.at_least[i]) + ": " +
                                        std::string(to_string(worst_first[i]))};
    return {four_colour::blue, shown + " < " + short_number(bands.at_least.back()) + ": blue"};
}

} // namespace riskatlas::risk::detail
