// Enterprise four-colour grade (红橙黄蓝): a 100-point deduction in the manner of MEM's 2018
// 危险化学品生产储存企业安全风险评估诊断分级指南 (red < 60, orange < 75, yellow < 90, blue),
// with factors, weights and direct-red rules read from a versioned model (risk/models/).
#pragma once

#include <riskatlas/risk/four_colour.hpp>
#include <riskatlas/risk/scoring_model.hpp>

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace riskatlas::risk {

/// What we know of one enterprise; the fields mirror `enterprises` in 0001_core.sql plus the
/// hidden-danger (隐患) counts from `hazards`.
struct enterprise_facts {
    std::string supervision_category;      ///< hazardous_chemicals, coal_mine, ... (0001_core.sql)
    std::string industry_code;             ///< GB/T 4754 ("C2614"), may be empty
    std::optional<int> major_hazard_level; ///< GB 18218 一级..四级 = 1..4 (1 worst)
    std::vector<std::string> hazardous_processes; ///< of the 18 危险化工工艺; order irrelevant
    std::optional<int> reaction_hazard_level;     ///< process criticality class 1..5
    int workers = 0;
    int open_general_hazards = 0;
    int open_major_hazards = 0;
    int overdue_general_hazards = 0; ///< open and past deadline; part of open_general_hazards
    int overdue_major_hazards = 0;   ///< open and past deadline; part of open_major_hazards
    int accidents_3y = 0;
    std::optional<int> standardisation_level; ///< 安全生产标准化 一级..三级 = 1..3
    bool monitoring_connected = false;
};

class enterprise_model {
  public:
    /// Validates against the enterprise inputs; throws riskatlas::invalid_argument naming the
    /// field on any error.
    static enterprise_model parse(const nlohmann::json& doc);
    const scoring_model& model() const noexcept { return m_model; }

  private:
    explicit enterprise_model(scoring_model m) : m_model(std::move(m)) {}
    scoring_model m_model;
};

/// The input names a model's factors and rules may read.
std::vector<std::string> enterprise_model_inputs();

struct grade_result {
    four_colour colour = four_colour::blue; ///< after hard rules
    four_colour score_colour = four_colour::blue;
    double score = 0; ///< 0..100, higher is safer
    grade_explanation explanation;
};

/// Deterministic; throws riskatlas::invalid_argument for facts outside their ranges (unknown
/// category, negative counts, overdue > open, levels out of range).
grade_result grade_enterprise(const enterprise_facts& facts, const enterprise_model& model,
                              explanation_detail detail = explanation_detail::full);

} // namespace riskatlas::risk
