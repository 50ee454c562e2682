// Recomputing the risk layers: gather inputs (data), grade (risk), write the results as a new
// layer version (data), all in one transaction. Incremental by default: only the enterprises,
// parks, zones and density cells that the changes since the last run can reach.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <riskatlas/analysis/models.hpp>
#include <riskatlas/data/database.hpp>

namespace riskatlas::analysis {

/// The layer ids a run reports changes for (tiles/layers/<id>.json).
inline constexpr const char* enterprise_layer = "enterprise_risk";
inline constexpr const char* park_layer = "park_risk";
inline constexpr const char* township_layer = "township_risk";
inline constexpr const char* grid_layer = "grid_risk";
inline constexpr const char* density_layer = "hazard_density";

struct recompute_options {
    bool full = false;           ///< regrade everything even when nothing changed
    std::string reason = "manual"; ///< recorded with the run: setup, api, watcher, cli, bench
    /// Called between stages with the stage name and the fraction of the run done (0..1).
    std::function<void(std::string_view stage, double done)> progress;
};

struct recompute_report {
    std::optional<std::int64_t> run; ///< none: nothing had changed, no run was recorded
    std::string kind;                ///< full | incremental | skipped
    std::map<std::string, std::int64_t> changed; ///< rows closed + written, by layer
    double seconds = 0;
};

/// Runs one recompute. A full run happens when asked, when the models' versions differ from the
/// last run's, when a region changed, or when there was no run yet. Throws data:: errors (and
/// rolls back: the previous version stays current) on failure.
recompute_report recompute(data::database& db, const model_set& models,
                           const recompute_options& options);

/// True when inputs changed since the last run (or there was none): a cheap poll.
bool recompute_pending(data::database& db);

} // namespace riskatlas::analysis
