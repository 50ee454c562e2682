// Pre-seeding an MBTiles archive: plan the tiles that can hold features, build them on a few
// threads through tile_service (so the bytes equal what GET /tiles/... serves), write them.
#include <riskatlas/tiles/seed.hpp>

#include "seed_plan.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/tiles/compression.hpp>
#include <riskatlas/tiles/mbtiles.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <exception>
#include <mutex>
#include <thread>

namespace riskatlas::tiles {
namespace {

// One planned tile's MVT: the layers' single-layer tiles appended (MVT 2.1 §4.1: a tile is a
// sequence of `layers` fields, so concatenated tiles are one tile holding every layer), then
// gzipped as the server gzips a tile. Empty when no layer has a feature there.
std::string build_tile(const tile_service& service, const std::vector<seed_layer>& layers,
                       const planned_tile& planned) {
    std::string mvt;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (!planned.layers[i])
            continue;
        const tile_request request{layers[i].decl->id, planned.tile, std::nullopt, false,
                                   layers[i].decl->fingerprint};
        auto response = service.tile(layers[i].context, request);
        if (response.outcome == tile_response::kind::tile)
            mvt += response.body;
    }
    return mvt.empty() ? mvt : gzip(mvt);
}

std::string format_bounds(const geo::bbox& b) {
    return fmt_number(b.min_x) + "," + fmt_number(b.min_y) + "," + fmt_number(b.max_x) + "," +
           fmt_number(b.max_y);
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// MBTiles 1.3 §"Metadata": the rows a vector tileset must have, plus where it came from.
void write_metadata(mbtiles_writer& out, const tile_service& service, data::database& db,
                    const seed_options& options, const std::vector<seed_layer>& layers,
                    const std::optional<geo::bbox>& bounds) {
    const auto b = bounds.value_or(geo::bbox{-180, -85.0511, 180, 85.0511});
    const int center_zoom = std::clamp(10, options.zooms.min, options.zooms.max);
    std::string names;
    for (const auto& l : layers)
        names += (names.empty() ? "" : ",") + l.decl->id;
    const auto versions = service.store().versions(db, merged_context(layers));
    nlohmann::json vector_layers = nlohmann::json::array();
    nlohmann::json layer_versions = nlohmann::json::object();
    for (const auto& l : layers) {
        vector_layers.push_back({{"id", l.decl->id},
                                 {"description", l.decl->title.en},
                                 {"fields", vector_layer_fields(*l.decl)},
                                 {"minzoom", std::max(l.decl->minzoom, options.zooms.min)},
                                 {"maxzoom", std::min(l.decl->maxzoom, options.zooms.max)}});
        layer_versions[l.decl->id] = versions.at(l.decl->id).version;
    }
    out.put_metadata("name", "riskatlas " + names);
    out.put_metadata("format", "pbf");
    out.put_metadata("type", "overlay");
    out.put_metadata("version", "1");
    out.put_metadata("description", "Pre-seeded riskatlas vector tiles: " + names);
    out.put_metadata("attribution", "riskatlas");
    out.put_metadata("bounds", format_bounds(b));
    out.put_metadata("center", fmt_number((b.min_x + b.max_x) / 2) + "," +
                                   fmt_number((b.min_y + b.max_y) / 2) + "," +
                                   std::to_string(center_zoom));
    out.put_metadata("minzoom", std::to_string(options.zooms.min));
    out.put_metadata("maxzoom", std::to_string(options.zooms.max));
    // Not in the spec: when and from which layer versions, so two seeds never share an ETag.
    out.put_metadata(
        "json", nlohmann::json{{"vector_layers", vector_layers},
                               {"riskatlas",
                                {{"generated_at", utc_now()}, {"layer_versions", layer_versions}}}}
                    .dump());
}

// Visits `plan` on `threads` threads; the writer and the report are touched under one mutex.
void build_all(const tile_service& service, const std::vector<seed_layer>& layers,
               const std::vector<planned_tile>& plan, std::size_t threads, mbtiles_writer& out,
               seed_report& report, const std::function<void(const seed_progress&)>& progress) {
    std::map<int, std::size_t> per_zoom_total, per_zoom_done;
    for (const auto& p : plan)
        ++per_zoom_total[p.tile.z];
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    std::exception_ptr first_error;
    auto worker = [&] {
        try {
            for (std::size_t i = next++; i < plan.size() && !failed; i = next++) {
                const auto gzipped = build_tile(service, layers, plan[i]);
                std::lock_guard lock(mutex);
                const auto& t = plan[i].tile;
                if (!gzipped.empty()) {
                    out.put_tile(t, gzipped);
                    ++report.written;
                    report.bytes += gzipped.size();
                    if (gzipped.size() > report.largest_bytes) {
                        report.largest_bytes = gzipped.size();
                        report.largest = t;
                    }
                }
                ++report.visited;
                const auto zoom_done = ++per_zoom_done[t.z];
                if (progress)
                    progress({t.z, zoom_done, per_zoom_total[t.z], report.visited, plan.size(),
                              report.written, zoom_done == per_zoom_total[t.z]});
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!first_error)
                first_error = std::current_exception();
            failed = true;
        }
    };
    std::vector<std::jthread> pool;
    for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i)
        pool.emplace_back(worker);
    pool.clear(); // joins
    if (first_error)
        std::rethrow_exception(first_error);
}

} // namespace

seed_report seed_archive(const tile_service& service, data::database& db,
                         const seed_options& options, const std::string& archive_path,
                         const std::function<void(const seed_progress&)>& progress) {
    const auto started = std::chrono::steady_clock::now();
    auto layers = resolve_layers(service, db, options.layers);
    seed_report report;
    report.bounds = seed_bounds(layers, options.bbox_lonlat);
    const auto plan = plan_tiles(layers, options, report.bounds);
    mbtiles_writer out(archive_path);
    write_metadata(out, service, db, options, layers, report.bounds);
    build_all(service, layers, plan, options.threads, out, report, progress);
    out.commit();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace riskatlas::tiles
