// Regional zoning: parse the zoning model, then colour one zone by the worst member or by the
// weighted density index RI = H·g (enterprise-risk-grading.md §5).
#include <riskatlas/risk/zoning.hpp>

#include "scoring.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace riskatlas::risk {
namespace {

using json = nlohmann::json;
using detail::model_error;
using detail::model_member;
using detail::short_number;

constexpr std::array<four_colour, 4> worst_first{four_colour::red, four_colour::orange,
                                                 four_colour::yellow, four_colour::blue};
constexpr std::array<const char*, 5> level_keys{"1", "2", "3", "4", "none"};

std::size_t rank(four_colour c) { return static_cast<std::size_t>(c); } // 0 = red (worst)

// Read in the order given, each at most the one before: a worse colour or a worse major hazard
// level must never weigh less, or "more hazard" could make a zone look better.
template <std::size_t N>
std::array<double, N> descending_weights(const json& obj, const std::string& path,
                                         const std::array<const char*, N>& keys) {
    if (!obj.is_object())
        model_error(path.substr(0, path.size() - 1), "must be an object");
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        const std::string field = path + keys[i];
        out[i] = detail::model_number(model_member(obj, path, keys[i]), field);
        if (!(out[i] > 0))
            model_error(field, "must be positive");
        if (i > 0 && out[i] > out[i - 1])
            model_error(field, std::string("must not exceed ") + keys[i - 1]);
    }
    if (obj.size() != N)
        model_error(path.substr(0, path.size() - 1), "has keys other than the expected ones");
    return out;
}

double non_negative(const json& obj, const std::string& path, const char* key) {
    const double v = detail::model_number(model_member(obj, path, key), path + key);
    if (v < 0)
        model_error(path + key, "must not be negative");
    return v;
}

control_terms parse_control(const json& obj, const std::string& p) {
    control_terms c;
    c.per_open_major = non_negative(obj, p, "per_open_major");
    c.per_overdue = non_negative(obj, p, "per_overdue");
    c.per_open_general = non_negative(obj, p, "per_open_general");
    c.cap = non_negative(obj, p, "cap");
    // g < 1 would let a zone look safer than its enterprises alone.
    if (c.cap < 1)
        model_error(p + "cap", "must be at least 1");
    c.source = detail::model_text(obj, p, "source");
    c.certainty = detail::model_certainty(obj, p);
    return c;
}

zone_kind_settings parse_kind(const json& obj, const std::string& p) {
    zone_kind_settings k;
    const std::string method = detail::model_text(obj, p, "method");
    if (method == "max")
        k.method = zoning_method::max;
    else if (method == "weighted_density")
        k.method = zoning_method::weighted_density;
    else
        model_error(p + "method", "must be max or weighted_density");
    k.method_source = detail::model_text(obj, p, "source");
    k.method_certainty = detail::model_certainty(obj, p);
    k.control = parse_control(model_member(obj, p, "control"), p + "control.");
    k.bands = detail::parse_threshold_bands(model_member(obj, p, "bands"), p + "bands.");
    if (obj.contains("cell_size_m")) {
        k.cell_size_m = detail::model_number(obj["cell_size_m"], p + "cell_size_m");
        if (*k.cell_size_m < 10 || *k.cell_size_m > 100000)
            model_error(p + "cell_size_m", "must be within 10..100000");
    }
    return k;
}

std::size_t parse_top_n(const json& doc) {
    const json& v = model_member(doc, "", "top_contributors");
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 100)
        model_error("top_contributors", "must be an integer 1..100");
    return static_cast<std::size_t>(v.get<long long>());
}

[[noreturn]] void reject(const std::string& code, const std::string& why) {
    throw invalid_argument(code, "zone: " + why);
}

void check(const zone_input& z) {
    if (!std::isfinite(z.area_km2) || z.area_km2 <= 0)
        reject("invalid_zone_area", "area_km2 must be a finite number > 0");
    if (z.open_hazards < 0 || z.open_major_hazards < 0 || z.overdue_hazards < 0)
        reject("invalid_hazard_count", "hazard counts must not be negative");
    // Major and overdue hazards are subsets of the open ones (hazards-ledger.md §4).
    if (z.open_major_hazards > z.open_hazards || z.overdue_hazards > z.open_hazards)
        reject("invalid_hazard_count",
               "open_major_hazards and overdue_hazards must not exceed open_hazards");
    std::set<std::int64_t> ids;
    for (const auto& e : z.enterprises)
        if (!ids.insert(e.id).second)
            reject("duplicate_enterprise_id", "enterprise " + std::to_string(e.id) + " twice");
}

std::size_t level_slot(std::optional<int> level) {
    if (!level)
        return 4;
    if (*level < 1 || *level > 4)
        throw invalid_argument("invalid_major_hazard_level",
                               "major_hazard_level " + std::to_string(*level) + " is not 1..4");
    return static_cast<std::size_t>(*level - 1);
}

// Summing per (colour, level) class in a fixed order, from integer counts, makes H bit-identical
// whatever the order of the members.
double weight_units(const zone_input& z, const zoning_model& m, std::array<int, 4>& by_colour) {
    std::array<std::array<int, 5>, 4> counts{};
    for (const auto& e : z.enterprises) {
        ++counts[rank(e.colour)][level_slot(e.major_hazard_level)];
        ++by_colour[rank(e.colour)];
    }
    double units = 0;
    for (std::size_t c = 0; c < 4; ++c)
        for (std::size_t l = 0; l < 5; ++l)
            units += counts[c][l] * m.colour_weight(worst_first[c]) *
                     m.major_hazard_multiplier(
                         l == 4 ? std::nullopt : std::optional<int>(static_cast<int>(l) + 1));
    return units;
}

std::vector<zone_contributor> top_contributors(const zone_input& z, const zoning_model& m) {
    std::vector<zone_contributor> all;
    for (const auto& e : z.enterprises)
        all.push_back({e.id, e.name, e.colour,
                       m.colour_weight(e.colour) * m.major_hazard_multiplier(e.major_hazard_level) /
                           z.area_km2});
    const auto n = std::min(all.size(), m.top_contributors());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                      [](const zone_contributor& a, const zone_contributor& b) {
                          return a.contribution != b.contribution ? a.contribution > b.contribution
                                                                  : a.id < b.id;
                      });
    all.resize(n);
    return all;
}

double control_multiplier(const zone_input& z, const control_terms& c, std::string& note) {
    const int open_general = z.open_hazards - z.open_major_hazards;
    const double raw = 1 + c.per_open_major * z.open_major_hazards +
                       c.per_overdue * z.overdue_hazards + c.per_open_general * open_general;
    const double g = std::min(c.cap, raw);
    note = "g = min(" + short_number(c.cap) + ", 1 + " + short_number(c.per_open_major) + "*" +
           std::to_string(z.open_major_hazards) + " open major + " + short_number(c.per_overdue) +
           "*" + std::to_string(z.overdue_hazards) + " overdue + " +
           short_number(c.per_open_general) + "*" + std::to_string(open_general) +
           " open general) = " + short_number(g) + (raw > c.cap ? " (capped)" : "");
    return g;
}

std::string max_rule(const std::array<int, 4>& by_colour, four_colour& colour) {
    for (const auto c : worst_first)
        if (by_colour[rank(c)] > 0) {
            colour = c;
            return "worst member colour: " + std::string(to_string(c)) + " (" +
                   std::to_string(by_colour[rank(c)]) + " enterprise(s))";
        }
    colour = four_colour::blue;
    return "no enterprises: blue";
}

std::string uncertainty_note(const zoning_model& m, const zone_kind_settings& k) {
    std::string uncertain;
    const auto add = [&](certainty_mark c, const char* what) {
        if (c == certainty_mark::uncertain)
            uncertain += uncertain.empty() ? what : std::string(", ") + what;
    };
    add(k.method_certainty, "method");
    add(m.weights_certainty(), "weights");
    add(k.control.certainty, "control terms");
    add(k.bands.certainty, "bands");
    return uncertain.empty()
               ? std::string()
               : "uncertain (riskatlas placeholders, no national formula): " + uncertain;
}

} // namespace

std::string_view to_string(zoning_method m) noexcept {
    return m == zoning_method::max ? "max" : "weighted_density";
}

zoning_model zoning_model::parse(const json& doc) {
    if (!doc.is_object())
        model_error("(root)", "must be an object");
    zoning_model m;
    m.m_id = detail::model_text(doc, "", "id");
    m.m_version = detail::model_text(doc, "", "version");
    m.m_description = detail::model_text(doc, "", "description");
    m.m_sources = detail::model_sources(doc);
    const json& w = model_member(doc, "", "weights");
    m.m_colour_weights =
        descending_weights(model_member(w, "weights.", "colour"), "weights.colour.",
                           std::array<const char*, 4>{"red", "orange", "yellow", "blue"});
    m.m_level_multipliers = descending_weights(model_member(w, "weights.", "major_hazard_level"),
                                               "weights.major_hazard_level.", level_keys);
    m.m_weights_source = detail::model_text(w, "weights.", "source");
    m.m_weights_certainty = detail::model_certainty(w, "weights.");
    m.m_top_contributors = parse_top_n(doc);
    const json& kinds = model_member(doc, "", "zone_kinds");
    if (!kinds.is_object() || kinds.empty())
        model_error("zone_kinds", "must be a non-empty object of kind -> settings");
    for (const auto& [name, settings] : kinds.items())
        m.m_kinds.emplace(name, parse_kind(settings, "zone_kinds." + name + "."));
    if (const auto grid = m.m_kinds.find("grid");
        grid != m.m_kinds.end() && !grid->second.cell_size_m)
        model_error("zone_kinds.grid.cell_size_m", "missing (a grid needs its cell size)");
    return m;
}

double zoning_model::colour_weight(four_colour c) const noexcept {
    return m_colour_weights[rank(c)];
}

double zoning_model::major_hazard_multiplier(std::optional<int> level) const {
    return m_level_multipliers[level_slot(level)];
}

const zone_kind_settings& zoning_model::settings(std::string_view zone_kind) const {
    const auto it = m_kinds.find(zone_kind);
    if (it == m_kinds.end())
        throw invalid_argument("unknown_zone_kind", "zone kind '" + std::string(zone_kind) +
                                                        "' is not in model " + m_id);
    return it->second;
}

std::vector<std::string> zoning_model::zone_kinds() const {
    std::vector<std::string> out;
    for (const auto& [name, s] : m_kinds)
        out.push_back(name);
    return out;
}

double zoning_model::grid_cell_size_m() const { return *settings("grid").cell_size_m; }

zone_result grade_zone(const zone_input& z, const zoning_model& m) {
    check(z);
    const zone_kind_settings& kind = m.settings(z.zone_kind);
    zone_result r;
    auto& e = r.explanation;
    e.model_id = m.id();
    e.model_version = m.version();
    e.zone_kind = z.zone_kind;
    e.method = to_string(kind.method);
    const double units = weight_units(z, m, e.enterprises_by_colour);
    e.hazard_index = units / z.area_km2;
    e.notes.push_back("H = " + short_number(units) + " weight units / " + short_number(z.area_km2) +
                      " km2 = " + short_number(e.hazard_index));
    e.notes.emplace_back();
    e.control_multiplier = control_multiplier(z, kind.control, e.notes.back());
    e.risk_index = e.hazard_index * e.control_multiplier;
    r.risk_index = e.risk_index;
    e.top_contributors = top_contributors(z, m);
    if (kind.method == zoning_method::max) {
        e.band_rule = max_rule(e.enterprises_by_colour, r.colour);
        e.bands_source = kind.method_source;
        e.bands_certainty = kind.method_certainty;
        e.notes.push_back(
            "method max: RI is shown for comparison, the colour is the worst member's");
    } else {
        std::tie(r.colour, e.band_rule) =
            detail::colour_by_thresholds(kind.bands, r.risk_index, "RI");
        e.bands_source = kind.bands.source;
        e.bands_certainty = kind.bands.certainty;
    }
    if (auto note = uncertainty_note(m, kind); !note.empty())
        e.notes.push_back(std::move(note));
    return r;
}

json to_json(const zone_explanation& e) {
    auto contributors = json::array();
    for (const auto& c : e.top_contributors)
        contributors.push_back({{"id", c.id},
                                {"name", c.name},
                                {"colour", to_string(c.colour)},
                                {"contribution", c.contribution}});
    json by_colour = json::object();
    for (const auto c : worst_first)
        by_colour[std::string(to_string(c))] = e.enterprises_by_colour[rank(c)];
    return {{"model_id", e.model_id},
            {"model_version", e.model_version},
            {"zone_kind", e.zone_kind},
            {"method", e.method},
            {"hazard_index", e.hazard_index},
            {"control_multiplier", e.control_multiplier},
            {"risk_index", e.risk_index},
            {"enterprises_by_colour", by_colour},
            {"top_contributors", contributors},
            {"band_rule", e.band_rule},
            {"bands_source", e.bands_source},
            {"bands_certainty", to_string(e.bands_certainty)},
            {"notes", e.notes}};
}

} // namespace riskatlas::risk
