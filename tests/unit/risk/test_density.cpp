// Hidden-danger kernel density: hand-computed kernel values, mass conservation on a fine grid,
// agreement with a brute-force sum, monotone weights, the speed of the spatial hash, bands and
// broken models naming their field (risk/models/hazard-density.json).
#include <catch2/catch.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/prng.hpp>
#include <riskatlas/risk/density.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <numbers>
#include <numeric>

using namespace riskatlas::risk;
using json = nlohmann::json;

namespace {

json load_doc() {
    std::ifstream in(RISKATLAS_SOURCE_DIR "/risk/models/hazard-density.json");
    return json::parse(in);
}

const density_model& model() {
    static const density_model m = density_model::parse(load_doc());
    return m;
}

density_model with_kernel(const std::string& shape, double bandwidth_m = 1000) {
    auto doc = load_doc();
    doc["kernel"]["shape"] = shape;
    doc["kernel"]["bandwidth_m"] = bandwidth_m;
    doc["kernel"]["cell_size_m"] = bandwidth_m / 4;
    return density_model::parse(doc);
}

double density_at(const std::vector<density_point>& points, double x, double y,
                  const density_model& m) {
    const std::vector<density_point> centre{{x, y, 0}};
    return kernel_density(points, centre, m)[0];
}

// The kernels written out independently of density.cpp, per km2.
double brute_force(const std::vector<density_point>& points, const density_point& c,
                   const density_model& m) {
    const double h = m.bandwidth_m(), pi_h2 = std::numbers::pi * h * h;
    double sum = 0;
    for (const auto& p : points) {
        const double r = std::hypot(p.x - c.x, p.y - c.y) / h;
        switch (m.kernel()) {
        case kernel_shape::quartic:
            sum += r <= 1 ? p.weight * 3 / pi_h2 * std::pow(1 - r * r, 2) : 0;
            break;
        case kernel_shape::gaussian:
            sum +=
                r <= 3 ? p.weight * std::exp(-r * r / 2) / (2 * pi_h2 * (1 - std::exp(-4.5))) : 0;
            break;
        case kernel_shape::triangular:
            sum += r <= 1 ? p.weight * 3 / pi_h2 * (1 - r) : 0;
            break;
        case kernel_shape::uniform:
            sum += r <= 1 ? p.weight / pi_h2 : 0;
            break;
        }
    }
    return sum * 1e6;
}

std::vector<density_point> random_points(riskatlas::prng& rng, std::size_t n, double extent_m,
                                         double origin_m = 0) {
    std::vector<density_point> out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(
            {origin_m + rng.unit() * extent_m, origin_m + rng.unit() * extent_m, rng.unit() * 5});
    return out;
}

// Applies `edit` to the shipped model and expects a parse error naming `field`.
void expect_model_error(const std::function<void(json&)>& edit, const std::string& field) {
    auto doc = load_doc();
    edit(doc);
    INFO(field);
    try {
        (void)density_model::parse(doc);
        FAIL("no error");
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == "invalid_risk_model");
        CHECK_THAT(e.what(), Catch::Contains("'" + field + "'"));
    }
}

template <typename TCall> void expect_code(TCall&& call, const std::string& code) {
    INFO(code);
    try {
        call();
        FAIL("no error");
    } catch (const riskatlas::invalid_argument& e) {
        CHECK(e.code() == code);
    }
}

} // namespace

TEST_CASE("the shipped density model parses and marks its numbers uncertain", "[unit][risk]") {
    const auto& m = model();
    CHECK(m.id() == "hazard-density");
    CHECK(m.version() == "riskatlas-1");
    CHECK(m.kernel() == kernel_shape::quartic);
    CHECK(m.bandwidth_m() == 1000.0);
    CHECK(m.cell_size_m() == 250.0);
    CHECK(m.support_radius_m() == 1000.0);
    CHECK(m.kernel_certainty() == certainty_mark::uncertain);
    CHECK(m.weights_certainty() == certainty_mark::uncertain);
    CHECK(m.bands().certainty == certainty_mark::uncertain);
    CHECK(m.bands().at_least == std::array{8.0, 3.0, 0.5});
    CHECK(m.kernel_rule() == "quartic kernel, bandwidth 1000 m; weight per km2");
}

TEST_CASE("hazard weights by level, status and overdue", "[unit][risk]") {
    const auto& m = model();
    CHECK(m.hazard_weight("major", "verified", false) == 8.0);
    CHECK(m.hazard_weight("major", "rectifying", true) == 16.0);           // 8 * 1 * 2
    CHECK(m.hazard_weight("general", "reported", false) == 0.5);           // 1 * 0.5
    CHECK(m.hazard_weight("general", "awaiting_acceptance", true) == 1.0); // 1 * 0.5 * 2
    for (const auto status : {"closed", "rejected"})
        CHECK(m.hazard_weight("major", status, true) == 0.0);
    expect_code([&] { (void)m.hazard_weight("minor", "verified", false); }, "unknown_hazard_level");
    expect_code([&] { (void)m.hazard_weight("major", "accepted", false); },
                "unknown_hazard_status");
}

TEST_CASE("kernel values computed by hand", "[unit][risk]") {
    const std::vector<density_point> point{{0, 0, 2}};
    // Quartic, h = 1 km: 2 * 3/pi = 1.909859 at the point; at 500 m r = 0.5,
    // 2 * 3/pi * (1 - 0.25)^2 = 1.074296; at 1000 m and beyond (600, 800): 0.
    CHECK(density_at(point, 0, 0, model()) == Approx(1.909859));
    CHECK(density_at(point, 500, 0, model()) == Approx(1.074296));
    CHECK(density_at(point, -300, 400, model()) == Approx(1.074296));
    CHECK(density_at(point, 1000, 0, model()) == 0.0);
    CHECK(density_at(point, 600, 801, model()) == 0.0);
    // Gaussian, h = 1 km, at 1 km: 2 * e^-0.5 / (2 pi (1 - e^-4.5)) = 2 * 0.606531 / 6.213391
    // = 0.195232; at 3.1 km it is truncated to 0 (e^-4.805 would be 0.0016).
    const auto gaussian = with_kernel("gaussian");
    CHECK(density_at(point, 1000, 0, gaussian) == Approx(0.195232).epsilon(1e-5));
    CHECK(density_at(point, 3100, 0, gaussian) == 0.0);
    CHECK(density_at(point, 2900, 0, gaussian) > 0.0);
    CHECK_THAT(gaussian.kernel_rule(), Catch::Contains("truncated at 3 bandwidths (3000 m)"));
    // Triangular at 500 m: 2 * 3/pi * 0.5 = 0.954930. Uniform anywhere inside: 2/pi = 0.636620.
    CHECK(density_at(point, 0, 500, with_kernel("triangular")) == Approx(0.954930));
    CHECK(density_at(point, 0, 999, with_kernel("uniform")) == Approx(0.636620));
    CHECK(density_at(point, 0, 1001, with_kernel("uniform")) == 0.0);
}

TEST_CASE("every kernel conserves mass: density times area sums to the total weight",
          "[unit][risk]") {
    const auto shape = GENERATE(as<std::string>{}, "quartic", "gaussian", "triangular", "uniform");
    const auto m = with_kernel(shape, 500);
    // Off-grid positions and unequal weights; total 4.
    const std::vector<density_point> points{
        {130.7, -45.2, 1}, {910.3, 377.9, 2.5}, {-402.1, 611.6, 0.5}};
    const double spacing_m = 10, lo = -2000, hi = 2500;
    std::vector<density_point> centres;
    for (double y = lo + spacing_m / 2; y < hi; y += spacing_m)
        for (double x = lo + spacing_m / 2; x < hi; x += spacing_m)
            centres.push_back({x, y, 0});
    const auto d = kernel_density(points, centres, m);
    const double cell_km2 = spacing_m * spacing_m / 1e6;
    const double mass = std::accumulate(d.begin(), d.end(), 0.0) * cell_km2;
    INFO(shape);
    CHECK(mass == Approx(4.0).epsilon(0.01));
}

TEST_CASE("the spatial hash gives the brute-force sum", "[unit][risk]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 21)));
    riskatlas::prng rng(seed, "density-brute");
    const std::array<std::string, 4> shapes{"quartic", "gaussian", "triangular", "uniform"};
    const auto m = with_kernel(shapes[seed % 4], 200 + rng.unit() * 800);
    // Negative coordinates and two far-apart clusters exercise the cell arithmetic.
    auto points = random_points(rng, 300, 5000, -2500);
    for (auto& p : random_points(rng, 100, 3000, 400000))
        points.push_back(p);
    auto centres = random_points(rng, 200, 6000, -3000);
    for (auto& c : random_points(rng, 50, 3000, 400000))
        centres.push_back(c);
    const auto d = kernel_density(points, centres, m);
    int non_zero = 0;
    for (std::size_t i = 0; i < centres.size(); ++i) {
        CHECK(d[i] == Approx(brute_force(points, centres[i], m)).epsilon(1e-9).margin(1e-12));
        non_zero += d[i] > 0;
    }
    CHECK(non_zero > 100);
}

TEST_CASE("more weight on a point never lowers the density anywhere", "[unit][risk]") {
    const auto seed = static_cast<std::uint64_t>(GENERATE(range(1, 31)));
    riskatlas::prng rng(seed, "density-monotone");
    const auto points = random_points(rng, 200, 8000);
    const auto centres = random_points(rng, 400, 8000);
    auto heavier = points;
    const auto i = rng.index(points.size());
    heavier[i].weight += 0.1 + rng.unit() * 3;
    const auto m = with_kernel(seed % 2 ? "quartic" : "gaussian");
    const auto before = kernel_density(points, centres, m),
               after = kernel_density(heavier, centres, m);
    for (std::size_t c = 0; c < centres.size(); ++c)
        CHECK(after[c] >= before[c]);
    // At the point itself the density must strictly rise.
    const std::vector<density_point> at{{points[i].x, points[i].y, 0}};
    CHECK(kernel_density(heavier, at, m)[0] > kernel_density(points, at, m)[0]);
}

TEST_CASE("zero-weight points add nothing", "[unit][risk]") {
    // Closed and rejected hazards weigh 0 in the shipped model.
    const double closed = model().hazard_weight("major", "closed", true);
    const std::vector<density_point> points{{0, 0, closed}, {10, 10, closed}};
    const auto d = kernel_density(points, points, model());
    CHECK(d == std::vector<double>{0.0, 0.0});
    CHECK(classify_density(d[0], model()).colour == four_colour::blue);
}

// Speed is measured in bench/recompute, not asserted here; this checks the large case is right.
TEST_CASE("a county-sized surface has the mean density its points imply", "[unit][risk]") {
    riskatlas::prng rng(7, "density-speed");
    // A 60 km county with 14 hazards per km2, sampled every 190 m.
    const auto points = random_points(rng, 50000, 60000);
    std::vector<density_point> centres;
    for (int j = 0; j < 316; ++j)
        for (int i = 0; i < 317; ++i)
            centres.push_back({i * 190.0, j * 190.0, 0});
    REQUIRE(centres.size() >= 100000);
    const auto d = kernel_density(points, centres, model());
    // The mean density inside the county is about the points' weight per km2 (2.5 * 50000 / 3600).
    const double mean = std::accumulate(d.begin() + 50000, d.begin() + 50100, 0.0) / 100;
    CHECK(mean == Approx(2.5 * 50000 / 3600).epsilon(0.3));
}

TEST_CASE("density classes by the model's bands, worst first", "[unit][risk]") {
    const auto& m = model();
    CHECK(classify_density(0, m).colour == four_colour::blue);
    CHECK(classify_density(0, m).band_rule == "density /km2 0 < 0.5: blue");
    CHECK(classify_density(0.4999, m).colour == four_colour::blue);
    CHECK(classify_density(0.5, m).colour == four_colour::yellow);
    CHECK(classify_density(2.9, m).colour == four_colour::yellow);
    const auto orange = classify_density(3, m);
    CHECK(orange.colour == four_colour::orange);
    CHECK(orange.band_rule == "density /km2 3 >= 3: orange");
    CHECK(orange.bands_certainty == certainty_mark::uncertain);
    CHECK(classify_density(8, m).colour == four_colour::red);
    CHECK(classify_density(1e6, m).colour == four_colour::red);
    // The bands' anchors: one open major hidden danger 600 m away is orange.
    const std::vector<density_point> major{{0, 0, m.hazard_weight("major", "verified", false)}};
    CHECK(classify_density(density_at(major, 600, 0, m), m).colour == four_colour::orange);
    for (const double bad :
         {-0.1, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()})
        expect_code([&] { (void)classify_density(bad, m); }, "invalid_density");
}

TEST_CASE("bad points are rejected naming the index", "[unit][risk]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<density_point> ok{{0, 0, 1}};
    for (const auto& bad : {density_point{nan, 0, 1}, density_point{0, 2e9, 1},
                            density_point{0, 0, -1}, density_point{0, 0, nan}}) {
        const std::vector<density_point> points{{5, 5, 1}, bad};
        CHECK_THROWS_WITH(kernel_density(points, ok, model()), Catch::StartsWith("points[1]"));
    }
    const std::vector<density_point> centres{{0, std::numeric_limits<double>::infinity(), 0}};
    expect_code([&] { (void)kernel_density(ok, centres, model()); }, "invalid_density_point");
}

TEST_CASE("a broken density model names the field", "[unit][risk]") {
    expect_model_error([](json& d) { d.erase("id"); }, "id");
    expect_model_error([](json& d) { d["kernel"]["shape"] = "epanechnikov"; }, "kernel.shape");
    expect_model_error([](json& d) { d["kernel"]["bandwidth_m"] = 0; }, "kernel.bandwidth_m");
    expect_model_error([](json& d) { d["kernel"]["cell_size_m"] = 2000; }, "kernel.cell_size_m");
    expect_model_error([](json& d) { d["kernel"]["certainty"] = "maybe"; }, "kernel.certainty");
    expect_model_error([](json& d) { d["hazard_weights"]["status"].erase("closed"); },
                       "hazard_weights.status.closed");
    expect_model_error([](json& d) { d["hazard_weights"]["status"]["fixed"] = 0; },
                       "hazard_weights.status.fixed");
    expect_model_error([](json& d) { d["hazard_weights"]["status"]["verified"] = -1; },
                       "hazard_weights.status.verified");
    expect_model_error([](json& d) { d["hazard_weights"]["level"]["major"] = 0.5; },
                       "hazard_weights.level.major");
    expect_model_error([](json& d) { d["hazard_weights"]["overdue_multiplier"] = 0.5; },
                       "hazard_weights.overdue_multiplier");
    expect_model_error([](json& d) { d["bands"]["grades"][2]["at_least"] = 0; },
                       "bands.grades[2].at_least");
    expect_model_error([](json& d) { d["bands"]["grades"][0]["grade"] = "blue"; },
                       "bands.grades[0].grade");
    expect_model_error([](json& d) { d["bands"].erase("source"); }, "bands.source");
}
