// Service wiring and the full route list.
#include "app.hpp"

#include <riskatlas/analysis/recompute.hpp>
#include <riskatlas/data/risk_store.hpp>

#include <spdlog/spdlog.h>

namespace riskatlas::server {

nlohmann::json to_json(const analysis::recompute_report& r) {
    nlohmann::json out{{"kind", r.kind}, {"changed", r.changed}, {"seconds", r.seconds}};
    out["run"] = r.run ? nlohmann::json(*r.run) : nlohmann::json(nullptr);
    return out;
}

void log_recompute(const analysis::recompute_report& r) {
    std::string changed;
    for (const auto& [layer, n] : r.changed)
        changed += (changed.empty() ? "" : ",") + layer + ":" + std::to_string(n);
    spdlog::info("recompute kind={} run={} changed={} seconds={:.3f}", r.kind,
                 r.run ? std::to_string(*r.run) : "none", changed.empty() ? "-" : changed, r.seconds);
}

services::services(server_config cfg)
    : config(std::move(cfg)), db(config.db), versions(config.db), layers(tiles::registry::builtin()),
      tile_service(layers, db, config.tile_cache_mb << 20, &versions), models(analysis::model_set::load(config.models_dir)),
      explainer(db), runs(db) {}

bool run_index::finished(const data::request_context& ctx, std::int64_t run) {
    {
        std::lock_guard lock(m_mutex);
        if (m_known.contains(run))
            return true;
    }
    if (!data::risk_reader(m_db).run_finished(ctx, run))
        return false;
    std::lock_guard lock(m_mutex);
    m_known.insert(run);
    return true;
}

std::string services::submit_recompute(bool full, const std::string& reason) {
    return jobs.submit("recompute", [this, full, reason](const job_runner::progress_fn& progress) {
        analysis::recompute_options options;
        options.full = full;
        options.reason = reason;
        options.progress = progress;
        const auto report = analysis::recompute(db, models, options);
        versions.refresh(db); // our next tile request sees the new layer versions at once
        log_recompute(report);
        return to_json(report);
    });
}

data::request_context read_context(const http_request&) { return {}; }

std::vector<route> all_routes(services& s) {
    std::vector<route> out;
    for (auto part : {tile_routes(s), ogc_routes(s), api_routes(s), risk_routes(s), roads_routes(s),
                      imports_routes(s), archive_routes(s), static_routes(s)})
        for (auto& r : part)
            out.push_back(std::move(r));
    return out;
}

} // namespace riskatlas::server
