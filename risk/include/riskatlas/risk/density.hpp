// Hidden-danger (隐患) kernel density: weighted hazard points smoothed into weight per km2 at
// given centres, and a four-colour class for a density. Kernel, bandwidth, hazard weights and
// bands come from a versioned model (risk/models/hazard-density.json).
#pragma once

#include <riskatlas/risk/four_colour.hpp>
#include <riskatlas/risk/scoring_model.hpp>

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace riskatlas::risk {

/// A point in projected metres (x first); `weight` is ignored for centres.
struct density_point {
    double x = 0, y = 0;
    double weight = 1;
};

/// Every kernel integrates to 1 over the plane, so density × area sums back to the total weight.
enum class kernel_shape {
    quartic,  ///< 3/(πh²)·(1 − r²)², r = d/h ≤ 1 (Silverman's biweight)
    gaussian, ///< 1/(2πh²)·exp(−r²/2), truncated at r = 3 and rescaled by 1/(1 − e^−4.5)
    triangular, ///< 3/(πh²)·(1 − r), r ≤ 1 (cone)
    uniform     ///< 1/(πh²), r ≤ 1 (disc)
};
std::string_view to_string(kernel_shape k) noexcept;

class density_model {
  public:
    /// Throws riskatlas::invalid_argument("invalid_risk_model") naming the offending field.
    static density_model parse(const nlohmann::json& doc);

    const std::string& id() const noexcept { return m_id; }
    const std::string& version() const noexcept { return m_version; }
    const std::string& description() const noexcept { return m_description; }
    const std::vector<std::string>& sources() const noexcept { return m_sources; }

    kernel_shape kernel() const noexcept { return m_kernel; }
    double bandwidth_m() const noexcept { return m_bandwidth_m; }
    /// The spacing of the density surface's centres (the layer's grid), at most the bandwidth.
    double cell_size_m() const noexcept { return m_cell_size_m; }
    /// Points farther than this from a centre add nothing (3 bandwidths for the gaussian).
    double support_radius_m() const noexcept;
    /// How the kernel is applied, for explanations ("gaussian, bandwidth 800 m, truncated ...").
    std::string kernel_rule() const;
    const std::string& kernel_source() const noexcept { return m_kernel_source; }
    certainty_mark kernel_certainty() const noexcept { return m_kernel_certainty; }

    /// level weight × status weight × (overdue ? overdue multiplier : 1). Throws
    /// invalid_argument("unknown_hazard_level" | "unknown_hazard_status").
    double hazard_weight(std::string_view level, std::string_view status, bool overdue) const;
    const std::string& weights_source() const noexcept { return m_weights_source; }
    certainty_mark weights_certainty() const noexcept { return m_weights_certainty; }

    /// On weight per km2.
    const threshold_bands& bands() const noexcept { return m_bands; }

    /// The hidden-danger statuses of data/migrations/0001_core.sql, in workflow order.
    static constexpr std::array<std::string_view, 6> statuses{
        "reported", "verified", "rectifying", "awaiting_acceptance", "closed", "rejected"};
    static constexpr std::array<std::string_view, 2> levels{"major", "general"};

  private:
    density_model() = default;
    std::string m_id, m_version, m_description;
    std::vector<std::string> m_sources;
    kernel_shape m_kernel = kernel_shape::quartic;
    double m_bandwidth_m = 0, m_cell_size_m = 0;
    std::string m_kernel_source;
    certainty_mark m_kernel_certainty = certainty_mark::uncertain;
    std::array<double, levels.size()> m_level_weights{};
    std::array<double, statuses.size()> m_status_weights{};
    double m_overdue_multiplier = 1;
    std::string m_weights_source;
    certainty_mark m_weights_certainty = certainty_mark::uncertain;
    threshold_bands m_bands;
};

/// Density at each centre in weight per km2, from every point within the kernel's support. A
/// spatial hash of the points keeps the cost near O(points + centres × neighbours). The result is
/// in centre order and deterministic. Throws invalid_argument("invalid_density_point") for a
/// non-finite coordinate, a coordinate beyond ±1e9 m or a negative or non-finite weight.
std::vector<double> kernel_density(std::span<const density_point> points,
                                   std::span<const density_point> centres,
                                   const density_model& model);

struct density_class {
    four_colour colour = four_colour::blue;
    std::string band_rule; ///< "density /km2 4.1 >= 3: orange"
    std::string bands_source;
    certainty_mark bands_certainty = certainty_mark::uncertain;
};

/// Thresholds from the model, worst first; 0 is blue. Throws invalid_argument("invalid_density")
/// for a negative or non-finite density.
density_class classify_density(double per_km2, const density_model& model);

} // namespace riskatlas::risk
