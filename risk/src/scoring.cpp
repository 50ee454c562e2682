// Scoring one entity against a deduction model: score = base - sum of factor deductions, grade by
// band, then hard rules can only make the grade worse ("forces at least").
#include "scoring.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <charconv>

namespace riskatlas::risk {

std::string_view to_string(certainty_mark c) noexcept {
    switch (c) {
    case certainty_mark::sourced:
        return "sourced";
    case certainty_mark::known:
        return "known";
    case certainty_mark::uncertain:
        break;
    }
    return "uncertain";
}

nlohmann::json to_json(const grade_explanation& e) {
    auto factors = nlohmann::json::array();
    for (const auto& f : e.factors)
        factors.push_back({{"factor_id", f.factor_id},
                           {"title_zh", f.title_zh},
                           {"title_en", f.title_en},
                           {"section", f.section},
                           {"input", f.input},
                           {"points", f.points},
                           {"rule", f.rule},
                           {"source", f.source},
                           {"certainty", to_string(f.certainty)}});
    auto rules = nlohmann::json::array();
    for (const auto& r : e.hard_rules)
        rules.push_back({{"rule_id", r.rule_id},
                         {"title_zh", r.title_zh},
                         {"title_en", r.title_en},
                         {"input", r.input},
                         {"effect", r.effect},
                         {"source", r.source},
                         {"certainty", to_string(r.certainty)}});
    return {{"model_id", e.model_id},       {"model_version", e.model_version},
            {"base_score", e.base_score},   {"score", e.score},
            {"score_grade", e.score_grade}, {"grade", e.grade},
            {"factors", factors},           {"hard_rules", rules}};
}

namespace detail {
namespace {

std::string format(double v) {
    // as printf's %.10g (integers up to 10 digits print exactly), without its cost: a full
    // recompute formats ~200k numbers for its explanations
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 10).ptr;
    return std::string(buf, end);
}

// Returns the deduction; with `note`, also a short note on how it was reached, shown after the
// rule text (left out of batch gradings, which do not keep explanations).
double deduct(const factor& f, const input_value& v, std::string* note) {
    const auto noted = [note](double points, auto&& make_note) {
        if (note)
            *note = make_note();
        return points;
    };
    switch (f.kind) {
    case factor_kind::table: {
        const auto it = f.table.find(v.text);
        return it != f.table.end()
                   ? noted(it->second, [&] { return "table: " + it->first; })
                   : noted(f.fallback, [] { return std::string("table: default"); });
    }
    case factor_kind::prefix_table: {
        // Longest prefix wins, so "C2661" can be rated apart from the rest of "C26".
        const std::pair<const std::string, double>* best = nullptr;
        for (const auto& entry : f.table)
            if (v.text.starts_with(entry.first) &&
                (!best || entry.first.size() > best->first.size()))
                best = &entry;
        return best ? noted(best->second, [&] { return "prefix: " + best->first; })
                    : noted(f.fallback, [] { return std::string("prefix: default"); });
    }
    case factor_kind::count: {
        const double n = v.number.value_or(0);
        return noted(std::min(n * f.points_each, f.max_points), [&] {
            return format(n) + " x " + format(f.points_each) + ", capped at " +
                   format(f.max_points);
        });
    }
    case factor_kind::bands:
        break;
    }
    if (!v.number)
        return noted(f.absent_points, [] { return std::string("no value"); });
    for (const auto& b : f.bands)
        if ((b.at_least && *v.number >= *b.at_least) || (b.below && *v.number < *b.below))
            return noted(b.points, [&] {
                return b.at_least ? ">= " + format(*b.at_least) : "< " + format(*b.below);
            });
    return noted(0, [] { return std::string("no band applies"); });
}

bool holds(const condition& c, const input_value& v) {
    if (c.equals)
        return v.text == *c.equals;
    if (!v.number) // an unknown value never fires a rule on its own
        return false;
    return (!c.at_least || *v.number >= *c.at_least) && (!c.at_most || *v.number <= *c.at_most);
}

std::string describe(const condition& c) {
    if (c.equals)
        return c.input_name + " = " + *c.equals;
    std::string s = c.input_name;
    if (c.at_least)
        s += " >= " + format(*c.at_least);
    if (c.at_most)
        s += (c.at_least ? " and <= " : " <= ") + format(*c.at_most);
    return s;
}

std::size_t band_of(const scoring_model& m, double score) {
    for (std::size_t i = 0; i + 1 < m.bands.size(); ++i)
        if (score < *m.bands[i].below)
            return i;
    return m.bands.size() - 1;
}

} // namespace

input_value text_input(std::string text) { return {std::move(text), std::nullopt}; }
input_value number_input(double value) { return {format(value), value}; }
input_value optional_input(std::optional<int> value) {
    return value ? number_input(*value) : input_value{"none", std::nullopt};
}
input_value bool_input(bool value) { return {value ? "true" : "false", std::nullopt}; }

void require_range(std::string_view what, std::string_view field, long value, long lo, long hi) {
    if (value < lo || value > hi)
        throw invalid_argument("invalid_" + std::string(what),
                               std::string(what) + " " + std::string(field) + " = " +
                                   std::to_string(value) + " is outside " + std::to_string(lo) +
                                   ".." + std::to_string(hi));
}

scored evaluate(const scoring_model& m, std::span<const input_value> values,
               explanation_detail detail) {
    const bool full = detail == explanation_detail::full;
    scored out;
    auto& e = out.explanation;
    e.model_id = m.id;
    e.model_version = m.version;
    e.base_score = m.base_score;
    double deducted = 0;
    for (const auto& f : m.factors) {
        const input_value& v = values[f.input];
        std::string note;
        const double points = deduct(f, v, full ? &note : nullptr);
        deducted += points;
        if (full)
            e.factors.push_back({f.id, f.title_zh, f.title_en, f.section, v.text,
                                 f.rule + " [" + note + "]", f.source, f.certainty, points});
    }
    out.score = std::max(0.0, m.base_score - deducted);
    e.score = out.score;
    const std::size_t score_band = band_of(m, out.score);
    out.band = score_band;
    for (const auto& r : m.hard_rules) {
        const input_value& v = values[r.when.input];
        if (!holds(r.when, v))
            continue;
        out.band = std::min(out.band, r.forces_at_least);
        if (!full) {
            rule_entry fired;
            fired.rule_id = r.id;
            e.hard_rules.push_back(std::move(fired));
            continue;
        }
        e.hard_rules.push_back(
            {r.id, r.title_zh, r.title_en, v.text,
             describe(r.when) + " forces at least " + m.bands[r.forces_at_least].label, r.source,
             r.certainty});
    }
    e.score_grade = m.bands[score_band].label;
    e.grade = m.bands[out.band].label;
    return out;
}

std::vector<std::string> input_names(std::span<const input_spec> inputs) {
    std::vector<std::string> names;
    for (const auto& s : inputs)
        names.emplace_back(s.name);
    return names;
}

} // namespace detail
} // namespace riskatlas::risk
