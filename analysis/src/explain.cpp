// Explanations: regrade stored inputs with the stored model version, and check the result is
// the grade that was served (a mismatch means the engine changed under a model version: report
// it instead of explaining a grade nobody was given).
#include <riskatlas/analysis/explain.hpp>
#include <riskatlas/analysis/facts_json.hpp>
#include <riskatlas/analysis/recompute.hpp>

#include <riskatlas/data/risk_store.hpp>
#include <riskatlas/error.hpp>

namespace riskatlas::analysis {
namespace {

// The model ids the enterprise and park layers are graded with (risk/models/*.json "id").
constexpr const char* enterprise_model_id = "enterprise-four-colour";
constexpr const char* park_model_id = "park-a-d";

nlohmann::json with_run(nlohmann::json explanation, const std::string& layer, std::int64_t fid,
                        std::int64_t run) {
    return {{"layer", layer}, {"id", fid}, {"version", run}, {"explanation", std::move(explanation)}};
}

void check_consistent(const std::string& served, const std::string& regraded) {
    if (served != regraded)
        throw error("explanation_mismatch", "the stored grade is " + served +
                                                " but its inputs now grade " + regraded +
                                                " under the same model version");
}

} // namespace

bool explainer::explains(const std::string& layer) {
    return layer == enterprise_layer || layer == park_layer || layer == township_layer ||
           layer == grid_layer || layer == density_layer;
}

nlohmann::json explainer::stored_model_body(const data::request_context& ctx,
                                            const std::string& id, const std::string& version) {
    data::risk_reader reader(m_db);
    const auto body = reader.model_body(ctx, id, version);
    if (!body)
        throw error("model_missing", "model '" + id + "' version '" + version +
                                         "' graded a stored row but is not stored");
    return nlohmann::json::parse(*body);
}

const risk::enterprise_model& explainer::enterprise_model(const data::request_context& ctx,
                                                          const std::string& version) {
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_enterprise_models.find(version); it != m_enterprise_models.end())
            return it->second;
    }
    auto model = risk::enterprise_model::parse(stored_model_body(ctx, enterprise_model_id, version));
    std::lock_guard lock(m_mutex);
    return m_enterprise_models.try_emplace(version, std::move(model)).first->second;
}

const risk::park_model& explainer::park_model(const data::request_context& ctx,
                                              const std::string& version) {
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_park_models.find(version); it != m_park_models.end())
            return it->second;
    }
    auto model = risk::park_model::parse(stored_model_body(ctx, park_model_id, version));
    std::lock_guard lock(m_mutex);
    return m_park_models.try_emplace(version, std::move(model)).first->second;
}

std::optional<nlohmann::json> explainer::explain(const data::request_context& ctx,
                                                 const std::string& layer, std::int64_t fid) {
    data::risk_reader reader(m_db);
    if (layer == enterprise_layer) {
        const auto stored = reader.enterprise_grade(ctx, fid);
        if (!stored)
            return std::nullopt;
        const auto facts = enterprise_facts_from_json(nlohmann::json::parse(stored->inputs_json));
        const auto result = risk::grade_enterprise(facts, enterprise_model(ctx, stored->model_version));
        check_consistent(stored->grade, std::string(risk::to_string(result.colour)));
        return with_run(risk::to_json(result.explanation), layer, fid, stored->run);
    }
    if (layer == park_layer) {
        const auto stored = reader.park_grade(ctx, fid);
        if (!stored)
            return std::nullopt;
        const auto facts = park_facts_from_json(nlohmann::json::parse(stored->inputs_json));
        const auto result = risk::assess_park(facts, park_model(ctx, stored->model_version));
        check_consistent(stored->grade, std::string(risk::to_string(result.grade)));
        return with_run(risk::to_json(result.explanation), layer, fid, stored->run);
    }
    if (layer == township_layer || layer == grid_layer || layer == density_layer) {
        const auto stored =
            reader.stored_explanation(ctx, layer == density_layer ? "density" : "zone", fid);
        if (!stored)
            return std::nullopt;
        return with_run(nlohmann::json::parse(stored->first), layer, fid, stored->second);
    }
    throw not_found("unexplained_layer", "layer '" + layer + "' has no explanations; these do: " +
                                             enterprise_layer + ", " + park_layer + ", " +
                                             township_layer + ", " + grid_layer + ", " +
                                             density_layer);
}

} // namespace riskatlas::analysis
