// Explanations of served risk features, for GET /api/explain/{layer}/{id}: enterprise and park
// grades are re-derived from their stored inputs with the model version that graded them (read
// from the database, so old versions explain themselves after the model file moved on); zone and
// density cells return the explanation stored when they were computed.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <riskatlas/data/database.hpp>
#include <riskatlas/risk/enterprise.hpp>
#include <riskatlas/risk/park.hpp>

namespace riskatlas::analysis {

class explainer {
public:
    explicit explainer(data::database& db) : m_db(db) {}

    /// True for the layers this can explain.
    static bool explains(const std::string& layer);

    /// The explanation of feature `fid` of `layer` as of the context's run; nullopt when the
    /// layer has no such feature at that version. Throws riskatlas::not_found for a layer it
    /// does not explain.
    std::optional<nlohmann::json> explain(const data::request_context& ctx,
                                          const std::string& layer, std::int64_t fid);

private:
    const risk::enterprise_model& enterprise_model(const data::request_context& ctx,
                                                   const std::string& version);
    const risk::park_model& park_model(const data::request_context& ctx,
                                       const std::string& version);
    nlohmann::json stored_model_body(const data::request_context& ctx, const std::string& id,
                                     const std::string& version);

    data::database& m_db;
    std::mutex m_mutex; ///< guards the caches (requests run on several threads)
    std::map<std::string, risk::enterprise_model> m_enterprise_models;
    std::map<std::string, risk::park_model> m_park_models;
};

} // namespace riskatlas::analysis
