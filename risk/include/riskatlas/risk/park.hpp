// Chemical-park overall safety-risk grade A (high) .. D (low) under 化工园区安全风险排查治理导则
// (应急〔2023〕123号): a 100-point deduction sheet, bands A < 60, B < 70, C < 85, D, and veto items
// that grade a park A directly. Sheet rows and vetoes are data (risk/models/park-a-d.json).
#pragma once

#include <riskatlas/risk/scoring_model.hpp>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskatlas::risk {

/// A = 高安全风险 ... D = 较低安全风险. Note the letters run the other way from enterprise codes.
enum class park_grade { A, B, C, D };
std::string_view to_string(park_grade g) noexcept;
std::optional<park_grade> parse_park_grade(std::string_view text) noexcept;

/// Park facts the import can carry. Booleans default to false: with no evidence a sheet row
/// deducts (the sheet scores what is shown, not what is claimed).
struct park_facts {
    // 园区设立与规划 (establishment and planning)
    bool recognised = false; ///< 认定 by the province (工信部联原〔2021〕220号)
    /// Years since the last 整体性安全风险评价 (overall risk assessment); none if never done.
    std::optional<double> years_since_overall_assessment;
    bool risk_acceptable = false; ///< its individual/societal risk meets GB 36894-2018
    bool control_line = false;    ///< 周边土地规划安全控制线 drawn and respected
    // 园区内布局 (layout)
    std::optional<double> sensitive_target_distance_m; ///< planned distance to nearest 敏感目标
    bool residents_inside = false; ///< residential / 人员密集场所 inside the park or control line
    // enterprises in the park (their four-colour grades) and their hidden dangers
    int red_enterprises = 0, orange_enterprises = 0, yellow_enterprises = 0, blue_enterprises = 0;
    /// Highest 反应安全风险 criticality class (1..5) among the park's enterprises, if assessed.
    std::optional<int> max_reaction_hazard_level;
    int open_major_hazards = 0;
    int overdue_hazards = 0;
    // 配套功能设施 (shared facilities)
    bool closed_management = false; ///< 封闭化管理 with gates
    bool hazmat_parking = false;    ///< 危化品车辆专用停车场
    bool fire_station = false;      ///< 特勤消防站
    // 一体化安全管理 (integrated management)
    bool supervision_body = false; ///< 安全生产监管机构 for the park
    bool smart_platform = false;   ///< 安全风险智能化管控平台
    // 应急管理 (emergency)
    bool emergency_plan_drilled = false;
    bool emergency_rescue_team = false;
    bool emergency_materials = false;
    /// Years since the last 重大 (or worse) accident in the park; none if there was none.
    std::optional<double> years_since_major_accident;
};

class park_model {
  public:
    /// Validates against the park inputs; throws riskatlas::invalid_argument naming the field.
    static park_model parse(const nlohmann::json& doc);
    const scoring_model& model() const noexcept { return m_model; }

  private:
    explicit park_model(scoring_model m) : m_model(std::move(m)) {}
    scoring_model m_model;
};

std::vector<std::string> park_model_inputs();

struct park_result {
    park_grade grade = park_grade::D; ///< after vetoes
    park_grade score_grade = park_grade::D;
    double score = 0;
    grade_explanation explanation;
};

/// Deterministic; throws riskatlas::invalid_argument for negative counts, years or distances,
/// or a reaction class outside 1..5.
park_result assess_park(const park_facts& facts, const park_model& model,
                        explanation_detail detail = explanation_detail::full);

} // namespace riskatlas::risk
