// `riskatlas setup`: migrations, then the demo region on first start.
#include "commands.hpp"

#include "app.hpp"

#include <riskatlas/analysis/recompute.hpp>
#include <riskatlas/data/demo_store.hpp>
#include <riskatlas/data/migrations.hpp>
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
    const auto c = demo::load(db, demo_dir, demo_params);
    spdlog::info("demo region loaded: {} county, {} townships (approximate), {} villages, {} parks "
                 "(generated), {} enterprises, {} hazards (generated), {} railway lines",
                 c.counties, c.townships, c.villages, c.parks, c.enterprises, c.hazards, c.railways);
    analysis::recompute_options options;
    options.full = true;
    options.reason = "setup";
    log_recompute(analysis::recompute(db, models, options));
    return 0;
}

} // namespace riskatlas::server
