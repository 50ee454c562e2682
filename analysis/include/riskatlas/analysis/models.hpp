// The risk models in force: read from a directory at start-up (so an authority can change weights
// without a rebuild), each kept with its exact text so a run can store the body it graded with.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <riskatlas/risk/density.hpp>
#include <riskatlas/risk/enterprise.hpp>
#include <riskatlas/risk/park.hpp>
#include <riskatlas/risk/zoning.hpp>

namespace riskatlas::analysis {

/// File names inside the models directory.
inline constexpr const char* enterprise_model_file = "enterprise-four-colour.json";
inline constexpr const char* park_model_file = "park-a-d.json";
inline constexpr const char* zoning_model_file = "zoning.json";
inline constexpr const char* density_model_file = "hazard-density.json";

struct model_text {
    std::string id, version;
    std::string body_json; ///< canonical (parsed and re-serialised) text
};

struct model_set {
    risk::enterprise_model enterprise;
    risk::park_model park;
    risk::zoning_model zoning;
    risk::density_model density;
    std::map<std::string, model_text> texts; ///< by model id

    /// Reads and validates all four models; throws riskatlas::invalid_argument naming the file
    /// and the field.
    static model_set load(const std::filesystem::path& dir);
    /// {"model id": "version", ...} as JSON text, what a run records.
    std::string versions_json() const;
};

} // namespace riskatlas::analysis
