// `riskatlas setup`: migrations, then the demo region on first start.
#include "commands.hpp"

#include "app.hpp"

#include <riskatlas/analysis/recompute.hpp>
#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/data/migrations.hpp>
#include <riskatlas/data/roads_store.hpp>
#include <riskatlas/demo/demo.hpp>

#include <spdlog/spdlog.h>

namespace riskatlas::server {

int command_setup(const server_config& cfg, const std::string& demo_dir, bool force_demo,
                  const demo::yanzhou_params& demo_params) {
    data::database db(cfg.db);
    const auto report = data::migrate(db);
    spdlog::info("migrations: {} applied now, {} already applied", report.applied.size(),
                 report.already_applied);
    // Loaded before the demo so that a broken model fails before anything is written.
    const auto models = analysis::model_set::load(cfg.models_dir);
    if (!force_demo && data::has_region_data(db)) {
        spdlog::info("regions present; the demo region is not loaded again (use --force-demo)");
        analysis::recompute_options options;
        options.reason = "setup";
        log_recompute(analysis::recompute(db, models, options));
        return 0;
    }
    spdlog::info("loading the demo region (兖州区) from {}", demo_dir);
    auto params = demo_params;
    if (params.road_settings_file.empty())
        params.road_settings_file = RISKATLAS_SOURCE_DIR "/roads/settings/derivation.json";
    const auto c = demo::load(db, demo_dir, params);
    spdlog::info("demo region loaded: {} county, {} townships (approximate), {} villages, {} parks "
                 "(generated), {} enterprises, {} hazards (generated), {} railway lines",
                 c.counties, c.townships, c.villages, c.parks, c.enterprises, c.hazards, c.railways);
    const auto r = data::count_roads(db);
    spdlog::info("rural roads (generated): {} routes in {} pieces, {:.0f} km, {} waterways, {} bridges "
                 "({} danger), {} risky segments ({} derived), {} safety works",
                 r.routes, r.pieces, r.route_km, r.waterways, r.bridges, r.danger_bridges,
                 r.segments, r.derived_segments, r.works);
    analysis::recompute_options options;
    options.full = true;
    options.reason = "setup";
    log_recompute(analysis::recompute(db, models, options));
    return 0;
}

} // namespace riskatlas::server
