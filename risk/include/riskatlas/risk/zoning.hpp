// Regional four-colour zoning (区域安全风险等级) of a township or grid cell from the enterprises in
// it and its open hidden dangers. There is no national formula (enterprise-risk-grading.md §5), so
// the method and every number come from a versioned model (risk/models/zoning.json).
#pragma once

#include <riskatlas/risk/four_colour.hpp>
#include <riskatlas/risk/scoring_model.hpp>

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskatlas::risk {

/// One enterprise inside the zone.
struct zone_member {
    std::int64_t id = 0; ///< unique within a zone
    std::string name;
    four_colour colour = four_colour::blue; ///< its graded colour (enterprise.hpp)
    std::optional<int> major_hazard_level;  ///< GB 18218 一级..四级 = 1..4 (1 worst), none
};

struct zone_input {
    std::string zone_kind; ///< "township" | "grid" (a key of the model's zone_kinds)
    double area_km2 = 0;   ///< > 0
    std::vector<zone_member> enterprises;
    int open_hazards = 0;       ///< every open hidden danger, general and major
    int open_major_hazards = 0; ///< part of open_hazards
    int overdue_hazards = 0;    ///< open and past deadline; part of open_hazards
};

enum class zoning_method {
    max, ///< the worst member colour ("区域内有重大风险即标红"); empty zone: blue
    weighted_density ///< RI = H·g against the kind's threshold bands
};
std::string_view to_string(zoning_method m) noexcept;

/// g = min(cap, 1 + per_open_major·open_major + per_overdue·overdue +
/// per_open_general·open_general)
struct control_terms {
    double per_open_major = 0, per_overdue = 0, per_open_general = 0, cap = 1;
    std::string source;
    certainty_mark certainty = certainty_mark::uncertain;
};

/// What the model says for one zone kind: hazard counts and areas differ by orders of magnitude
/// between a township and a 1 km2 cell, so each kind has its own control terms and bands.
struct zone_kind_settings {
    zoning_method method = zoning_method::max;
    std::string method_source;
    certainty_mark method_certainty = certainty_mark::uncertain;
    control_terms control;
    threshold_bands bands; ///< on RI; parsed for every kind so a kind can switch method alone
    /// Side of the square cells for kinds drawn as a grid (required for "grid"): the bands are
    /// calibrated per cell area, so the size belongs to the model.
    std::optional<double> cell_size_m;
};

class zoning_model {
  public:
    /// Throws riskatlas::invalid_argument("invalid_risk_model") naming the offending field.
    static zoning_model parse(const nlohmann::json& doc);

    const std::string& id() const noexcept { return m_id; }
    const std::string& version() const noexcept { return m_version; }
    const std::string& description() const noexcept { return m_description; }
    const std::vector<std::string>& sources() const noexcept { return m_sources; }

    /// w(colour): the hazard weight of one enterprise of that colour.
    double colour_weight(four_colour c) const noexcept;
    /// m(level): 1..4 or none; throws invalid_argument("invalid_major_hazard_level") otherwise.
    double major_hazard_multiplier(std::optional<int> level) const;
    const std::string& weights_source() const noexcept { return m_weights_source; }
    certainty_mark weights_certainty() const noexcept { return m_weights_certainty; }

    /// Throws invalid_argument("unknown_zone_kind") for a kind the model has no settings for.
    const zone_kind_settings& settings(std::string_view zone_kind) const;
    std::vector<std::string> zone_kinds() const;
    /// settings("grid").cell_size_m.
    double grid_cell_size_m() const;
    /// How many enterprises an explanation lists as the top contributors.
    std::size_t top_contributors() const noexcept { return m_top_contributors; }

  private:
    zoning_model() = default;
    std::string m_id, m_version, m_description;
    std::vector<std::string> m_sources;
    std::array<double, 4> m_colour_weights{};    ///< red..blue
    std::array<double, 5> m_level_multipliers{}; ///< level 1..4, then none
    std::string m_weights_source;
    certainty_mark m_weights_certainty = certainty_mark::uncertain;
    std::map<std::string, zone_kind_settings, std::less<>> m_kinds;
    std::size_t m_top_contributors = 0;
};

struct zone_contributor {
    std::int64_t id = 0;
    std::string name;
    four_colour colour = four_colour::blue;
    double contribution = 0; ///< its share of H: w(colour)·m(level) / area_km2
};

/// Why a zone got its colour.
struct zone_explanation {
    std::string model_id, model_version, zone_kind, method;
    double hazard_index = 0;                        ///< H, weight per km2
    double control_multiplier = 1;                  ///< g
    double risk_index = 0;                          ///< RI = H·g
    std::array<int, 4> enterprises_by_colour{};     ///< red, orange, yellow, blue
    std::vector<zone_contributor> top_contributors; ///< by contribution, ties by id
    std::string band_rule;                          ///< "RI 3.2 >= 2.2: red"
    std::string bands_source;
    certainty_mark bands_certainty = certainty_mark::uncertain;
    std::vector<std::string> notes; ///< the arithmetic of H and g, and what is uncertain
};

struct zone_result {
    four_colour colour = four_colour::blue;
    double risk_index = 0;
    zone_explanation explanation;
};

/// Deterministic and independent of member order. Throws riskatlas::invalid_argument with code
/// invalid_zone_area, invalid_hazard_count, invalid_major_hazard_level, duplicate_enterprise_id
/// or unknown_zone_kind.
zone_result grade_zone(const zone_input& zone, const zoning_model& model);

/// The explanation as served (field names as in the struct; enterprises_by_colour keyed by colour).
nlohmann::json to_json(const zone_explanation& e);

} // namespace riskatlas::risk
