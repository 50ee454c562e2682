// Grading inputs as stored with each result (enterprise_risk.inputs, park_risk.inputs): the
// explanation of any version is re-derived from exactly what was graded.
#pragma once

#include <nlohmann/json.hpp>

#include <riskatlas/risk/enterprise.hpp>
#include <riskatlas/risk/park.hpp>

namespace riskatlas::analysis {

nlohmann::json to_json(const risk::enterprise_facts& f);
/// Throws riskatlas::invalid_argument when a field is missing or of the wrong type.
risk::enterprise_facts enterprise_facts_from_json(const nlohmann::json& j);

nlohmann::json to_json(const risk::park_facts& f);
risk::park_facts park_facts_from_json(const nlohmann::json& j);

} // namespace riskatlas::analysis
