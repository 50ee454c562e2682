// `riskatlas seed`: pre-builds tiles into an MBTiles archive for offline use or a CDN, with a
// progress bar, writing FILE.part and renaming it so that no half archive is ever left as FILE.
#include "commands.hpp"
#include "progress_bar.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/geo/bbox.hpp>
#include <riskatlas/tiles/registry.hpp>
#include <riskatlas/tiles/seed.hpp>
#include <riskatlas/tiles/tile_service.hpp>

#include <spdlog/spdlog.h>

#include <filesystem>

namespace riskatlas::server {
namespace {

namespace fs = std::filesystem;

// Everything that can be refused without a database, so mistakes fail at once.
tiles::seed_options check_arguments(const tiles::registry& layers, const seed_command& cmd) {
    if (!cmd.out.ends_with(".mbtiles"))
        throw invalid_argument("invalid_out", "--out " + cmd.out +
                                                  ": the archive is MBTiles, name it FILE.mbtiles");
    if (fs::exists(cmd.out) && !cmd.force)
        throw invalid_argument("archive_exists", cmd.out + " exists; --force overwrites it");
    tiles::seed_options options;
    options.zooms = tiles::parse_zoom_range(cmd.zooms);
    options.layers = tiles::parse_layer_list(layers, cmd.layers);
    if (!cmd.bbox.empty())
        options.bbox_lonlat = geo::parse_lonlat_bbox(cmd.bbox);
    options.threads = cmd.threads;
    return options;
}

std::string tile_name(const geo::tile_id& t) {
    return std::to_string(t.z) + "/" + std::to_string(t.x) + "/" + std::to_string(t.y);
}

void log_summary(const tiles::seed_report& r, const std::string& out) {
    spdlog::info("seed: {} tiles written ({} visited, the rest empty) to {}: {:.2f} MiB, largest "
                 "tile {} ({:.1f} KiB gzip), {:.1f} s, {:.0f} tiles/s",
                 r.written, r.visited, out, static_cast<double>(r.bytes) / (1 << 20),
                 r.written ? tile_name(r.largest) : "-",
                 static_cast<double>(r.largest_bytes) / 1024, r.seconds,
                 r.seconds > 0 ? static_cast<double>(r.visited) / r.seconds : 0.0);
}

} // namespace

int command_seed(const server_config& cfg, const seed_command& cmd) {
    const auto layers = tiles::registry::builtin();
    const auto options = check_arguments(layers, cmd);
    auto db_cfg = cfg.db;
    db_cfg.pool_size = options.threads; // one connection per building thread
    data::database db(db_cfg);
    const tiles::tile_service service(layers, db, 0); // no cache: every tile is built once anyway

    const std::string part = cmd.out + ".part";
    fs::remove(part); // left by a seed that was killed
    progress_bar bar("tiles");
    const auto progress = [&](const tiles::seed_progress& p) {
        if (p.zoom_finished)
            bar.note("z" + std::to_string(p.zoom) + ": " + std::to_string(p.zoom_total) +
                     " tiles visited; " + std::to_string(p.written) + " written so far");
        bar.update("z" + std::to_string(p.zoom) + " " + std::to_string(p.zoom_done) + "/" +
                       std::to_string(p.zoom_total) + ", all",
                   p.done, p.total, p.done == p.total);
    };
    try {
        const auto report = tiles::seed_archive(service, db, options, part, progress);
        if (!report.bounds)
            spdlog::warn("seed: the layers have no features{}; the archive holds no tiles",
                         options.bbox_lonlat ? " inside --bbox" : "");
        fs::rename(part, cmd.out); // atomic, and replaces an old archive only now (--force)
        log_summary(report, cmd.out);
    } catch (...) {
        std::error_code ignored;
        fs::remove(part, ignored);
        throw;
    }
    return 0;
}

} // namespace riskatlas::server
