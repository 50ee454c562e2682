// Hidden-danger kernel density: parse the density model, hash the points into cells one support
// radius wide, and sum the kernel over the 3×3 cells around each centre.
#include <riskatlas/risk/density.hpp>

#include "scoring.hpp"

#include <riskatlas/error.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <unordered_map>

namespace riskatlas::risk {
namespace {

using json = nlohmann::json;
using detail::model_error;
using detail::model_member;

constexpr double m2_per_km2 = 1e6;
constexpr double gaussian_cutoff_r = 3; // bandwidths
// Far beyond any projected CRS (EPSG:3857 spans ±2.0e7 m); keeps cell indices exact.
constexpr double max_coordinate_m = 1e9;

kernel_shape parse_shape(const json& obj, const std::string& p) {
    const std::string s = detail::model_text(obj, p, "shape");
    for (const auto k : {kernel_shape::quartic, kernel_shape::gaussian, kernel_shape::triangular,
                         kernel_shape::uniform})
        if (to_string(k) == s)
            return k;
    model_error(p + "shape", "must be quartic, gaussian, triangular or uniform");
}

double bounded(const json& obj, const std::string& p, const char* key, double lo, double hi) {
    const double v = detail::model_number(model_member(obj, p, key), p + key);
    if (v < lo || v > hi)
        model_error(p + key,
                    "must be within " + detail::short_number(lo) + ".." + detail::short_number(hi));
    return v;
}

// One weight per expected key, in the order given; any other key is a typo worth naming.
template <std::size_t N>
std::array<double, N> weights_by_key(const json& obj, const std::string& p,
                                     const std::array<std::string_view, N>& keys) {
    if (!obj.is_object())
        model_error(p.substr(0, p.size() - 1), "must be an object");
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i)
        out[i] = bounded(obj, p, std::string(keys[i]).c_str(), 0, 1000);
    for (const auto& [key, value] : obj.items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            model_error(p + key, "unknown key");
    return out;
}

template <std::size_t N>
std::size_t index_of(const std::array<std::string_view, N>& keys, std::string_view key,
                     const char* code) {
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end())
        throw invalid_argument(code, "hazard weight: '" + std::string(key) + "' is not one of " +
                                         std::to_string(N) + " known values");
    return static_cast<std::size_t>(it - keys.begin());
}

// Normalised so each kernel integrates to 1 over the plane (see density.hpp).
double kernel_norm_per_km2(kernel_shape k, double h) {
    const double area = std::numbers::pi * h * h;
    switch (k) {
    case kernel_shape::quartic:
    case kernel_shape::triangular:
        return 3 * m2_per_km2 / area;
    case kernel_shape::gaussian:
        // The truncated tail outside 3h holds e^-4.5 = 1.1% of the mass; rescale to keep it.
        return m2_per_km2 / (2 * area * (1 - std::exp(-gaussian_cutoff_r * gaussian_cutoff_r / 2)));
    case kernel_shape::uniform:
        break;
    }
    return m2_per_km2 / area;
}

// The kernel's shape at r² = (d/h)², within the support.
template <kernel_shape K> double profile(double r2) {
    if constexpr (K == kernel_shape::quartic)
        return (1 - r2) * (1 - r2);
    else if constexpr (K == kernel_shape::gaussian)
        return std::exp(-r2 / 2);
    else if constexpr (K == kernel_shape::triangular)
        return 1 - std::sqrt(r2);
    else
        return 1;
}

void check_point(const density_point& p, const char* what, std::size_t i, bool weighted) {
    const auto where = [&] { return std::string(what) + "[" + std::to_string(i) + "]"; };
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > max_coordinate_m ||
        std::abs(p.y) > max_coordinate_m)
        throw invalid_argument("invalid_density_point",
                               where() + ": coordinates must be finite and within ±1e9 m");
    if (weighted && (!std::isfinite(p.weight) || p.weight < 0))
        throw invalid_argument("invalid_density_point",
                               where() + ".weight must be finite and not negative");
}

struct cell_key {
    std::int64_t ix = 0, iy = 0;
    bool operator==(const cell_key&) const = default;
    auto operator<=>(const cell_key&) const = default;
};

struct cell_hash {
    std::size_t operator()(const cell_key& k) const noexcept {
        const auto ux = static_cast<std::uint64_t>(k.ix), uy = static_cast<std::uint64_t>(k.iy);
        return static_cast<std::size_t>((ux * 0x9E3779B97F4A7C15ULL) ^
                                        (uy + 0x632BE59BD9B4E019ULL));
    }
};

// Points bucketed by square cells one support radius wide, so every point that can reach a
// centre lies in the 3×3 cells around the centre's cell.
class point_hash {
  public:
    point_hash(std::span<const density_point> points, double cell_m) : m_cell_m(cell_m) {
        std::vector<std::pair<cell_key, std::size_t>> keyed;
        keyed.reserve(points.size());
        for (std::size_t i = 0; i < points.size(); ++i)
            if (points[i].weight > 0) // closed and rejected hazards add nothing
                keyed.emplace_back(key(points[i].x, points[i].y), i);
        std::sort(keyed.begin(), keyed.end()); // by cell, then input order: deterministic sums
        m_points.reserve(keyed.size());
        for (const auto& [k, i] : keyed) {
            const auto it = m_cells.try_emplace(k, m_points.size(), m_points.size()).first;
            ++it->second.second;
            m_points.push_back(points[i]);
        }
    }

    template <typename TVisit> void for_neighbours(double x, double y, TVisit&& visit) const {
        const cell_key c = key(x, y);
        for (std::int64_t dy = -1; dy <= 1; ++dy)
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                const auto it = m_cells.find({c.ix + dx, c.iy + dy});
                if (it == m_cells.end())
                    continue;
                for (std::size_t i = it->second.first; i < it->second.second; ++i)
                    visit(m_points[i]);
            }
    }

  private:
    cell_key key(double x, double y) const {
        return {static_cast<std::int64_t>(std::floor(x / m_cell_m)),
                static_cast<std::int64_t>(std::floor(y / m_cell_m))};
    }
    double m_cell_m;
    std::vector<density_point> m_points;
    std::unordered_map<cell_key, std::pair<std::size_t, std::size_t>, cell_hash> m_cells;
};

template <kernel_shape K>
void accumulate(const point_hash& grid, std::span<const density_point> centres,
                const density_model& m, std::vector<double>& out) {
    const double inv_h2 = 1 / (m.bandwidth_m() * m.bandwidth_m());
    const double support = m.support_radius_m() / m.bandwidth_m();
    const double max_r2 = support * support;
    const double norm = kernel_norm_per_km2(K, m.bandwidth_m());
    for (std::size_t c = 0; c < centres.size(); ++c) {
        const double cx = centres[c].x, cy = centres[c].y;
        double sum = 0;
        grid.for_neighbours(cx, cy, [&](const density_point& p) {
            const double r2 = ((p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy)) * inv_h2;
            if (r2 <= max_r2)
                sum += p.weight * profile<K>(r2);
        });
        out[c] = sum * norm;
    }
}

} // namespace

std::string_view to_string(kernel_shape k) noexcept {
    switch (k) {
    case kernel_shape::quartic:
        return "quartic";
    case kernel_shape::gaussian:
        return "gaussian";
    case kernel_shape::triangular:
        return "triangular";
    case kernel_shape::uniform:
        break;
    }
    return "uniform";
}

density_model density_model::parse(const json& doc) {
    if (!doc.is_object())
        model_error("(root)", "must be an object");
    density_model m;
    m.m_id = detail::model_text(doc, "", "id");
    m.m_version = detail::model_text(doc, "", "version");
    m.m_description = detail::model_text(doc, "", "description");
    m.m_sources = detail::model_sources(doc);

    const json& k = model_member(doc, "", "kernel");
    m.m_kernel = parse_shape(k, "kernel.");
    m.m_bandwidth_m = bounded(k, "kernel.", "bandwidth_m", 1, 100000);
    // Centres farther apart than the bandwidth would step over hot spots.
    m.m_cell_size_m = bounded(k, "kernel.", "cell_size_m", 1, m.m_bandwidth_m);
    m.m_kernel_source = detail::model_text(k, "kernel.", "source");
    m.m_kernel_certainty = detail::model_certainty(k, "kernel.");

    const std::string wp = "hazard_weights.";
    const json& w = model_member(doc, "", "hazard_weights");
    m.m_level_weights = weights_by_key(model_member(w, wp, "level"), wp + "level.", levels);
    if (m.m_level_weights[0] < m.m_level_weights[1])
        model_error(wp + "level.major", "must not weigh less than general");
    m.m_status_weights = weights_by_key(model_member(w, wp, "status"), wp + "status.", statuses);
    // Overdue never makes a hidden danger count less.
    m.m_overdue_multiplier = bounded(w, wp, "overdue_multiplier", 1, 100);
    m.m_weights_source = detail::model_text(w, wp, "source");
    m.m_weights_certainty = detail::model_certainty(w, wp);

    m.m_bands = detail::parse_threshold_bands(model_member(doc, "", "bands"), "bands.");
    return m;
}

double density_model::support_radius_m() const noexcept {
    return m_kernel == kernel_shape::gaussian ? gaussian_cutoff_r * m_bandwidth_m : m_bandwidth_m;
}

std::string density_model::kernel_rule() const {
    std::string rule = std::string(to_string(m_kernel)) + " kernel, bandwidth " +
                       detail::short_number(m_bandwidth_m) + " m";
    if (m_kernel == kernel_shape::gaussian)
        rule += ", truncated at 3 bandwidths (" + detail::short_number(support_radius_m()) +
                " m) and rescaled so it still integrates to 1";
    return rule + "; weight per km2";
}

double density_model::hazard_weight(std::string_view level, std::string_view status,
                                    bool overdue) const {
    const double w = m_level_weights[index_of(levels, level, "unknown_hazard_level")] *
                     m_status_weights[index_of(statuses, status, "unknown_hazard_status")];
    return overdue ? w * m_overdue_multiplier : w;
}

std::vector<double> kernel_density(std::span<const density_point> points,
                                   std::span<const density_point> centres,
                                   const density_model& model) {
    for (std::size_t i = 0; i < points.size(); ++i)
        check_point(points[i], "points", i, true);
    for (std::size_t i = 0; i < centres.size(); ++i)
        check_point(centres[i], "centres", i, false);
    const point_hash grid(points, model.support_radius_m());
    std::vector<double> out(centres.size(), 0.0);
    switch (model.kernel()) {
    case kernel_shape::quartic:
        accumulate<kernel_shape::quartic>(grid, centres, model, out);
        break;
    case kernel_shape::gaussian:
        accumulate<kernel_shape::gaussian>(grid, centres, model, out);
        break;
    case kernel_shape::triangular:
        accumulate<kernel_shape::triangular>(grid, centres, model, out);
        break;
    case kernel_shape::uniform:
        accumulate<kernel_shape::uniform>(grid, centres, model, out);
        break;
    }
    return out;
}

density_class classify_density(double per_km2, const density_model& model) {
    if (!std::isfinite(per_km2) || per_km2 < 0)
        throw invalid_argument("invalid_density", "density must be finite and not negative");
    density_class out;
    std::tie(out.colour, out.band_rule) =
        detail::colour_by_thresholds(model.bands(), per_km2, "density /km2");
    out.bands_source = model.bands().source;
    out.bands_certainty = model.bands().certainty;
    return out;
}

} // namespace riskatlas::risk
