// Command line (CLI11): options may also come from a config file (--config, INI/TOML) and from
// RISKATLAS_* environment variables; precedence is command line > environment > file > default.
#include "cli.hpp"

#include "commands.hpp"

#include <riskatlas/demo/yanzhou.hpp>

#include <riskatlas/error.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <thread>

namespace riskatlas::server {
namespace {

struct cli_values {
    server_config cfg;
    int statement_timeout_ms = 5000;
    std::string log_level = "info";
    std::string demo_dir = RISKATLAS_SOURCE_DIR "/demo/data/yanzhou";
    bool force_demo = false;
    bool layers_json = false;
    std::string layer;
    bool full_recompute = false;
    int demo_enterprises = 0, demo_hazards = 0, demo_parks = 0;
    import_command import;
    std::string import_kind;
    bool import_kinds = false;
    seed_command seed;
};

void add_import_options(CLI::App& cmd, cli_values& v) {
    auto& o = v.import.options;
    cmd.add_option("file", o.path,
                   "GeoPackage, zipped Shapefile, GeoJSON, CSV/XLSX with lon/lat or WKT columns, "
                   "KML/KMZ or FlatGeobuf")
        ->check(CLI::ExistingFile);
    cmd.add_option("--as", v.import_kind,
                   "What the file holds: enterprises, parks, regions, hazards, bridges, "
                   "road-risk-segments, safety-works, roads, premises");
    cmd.add_flag("--kinds", v.import_kinds, "List the kinds, their fields and header aliases as JSON");
    cmd.add_option("--mapping", v.import.mapping_file,
                   "JSON mapping: {\"fields\": {\"name\": \"企业名称\"}, \"defaults\": {...}}")
        ->check(CLI::ExistingFile);
    cmd.add_option("--crs", o.crs,
                   "Source CRS, overriding the file's: EPSG code, WKT, PROJ string, CGCS2000, or "
                   "gk3-zone:39 / gk3-cm:117 / gk6-zone:20 / gk6-cm:117");
    cmd.add_flag("--gcj02", o.gcj02, "Coordinates were digitised on a Chinese web map (GCJ-02)");
    cmd.add_flag("--accept-partial", o.accept_partial,
                 "Load the valid rows and report the rest (default: one bad row loads nothing)");
    cmd.add_flag("--dry-run", o.dry_run, "Validate and report, write nothing");
    cmd.add_option("--layer", o.layer, "Layer to read from a multi-layer file (default: the first)");
    cmd.add_option("--encoding", o.encoding,
                   "Text encoding of a CSV or of a Shapefile without .cpg, e.g. GBK (default: "
                   "detect UTF-8 or GB18030)");
    cmd.add_option("--region-margin-km", o.region_margin_km,
                   "Reject features farther than this outside the loaded region")
        ->check(CLI::Range(0.0, 5000.0));
    cmd.add_flag("--json", v.import.json, "Print the whole report as JSON");
    cmd.add_option("--report", v.import.report_file, "Also write the JSON report to this file");
    cmd.add_option("--rejects", v.import.rejects_file, "Also write the rejected rows as CSV to this file");
}

void add_model_option(CLI::App& app, cli_values& v) {
    app.add_option("--models", v.cfg.models_dir,
                   "Directory of the risk models (enterprise-four-colour.json, park-a-d.json, "
                   "zoning.json, hazard-density.json), read at start-up")
        ->envname("RISKATLAS_MODELS")->check(CLI::ExistingDirectory);
}

void add_database_options(CLI::App& app, cli_values& v) {
    app.add_option("--db", v.cfg.db.dsn,
                   "PostgreSQL connection string or URI (default: libpq's PG* environment)")
        ->envname("RISKATLAS_DB");
    app.add_option("--db-pool", v.cfg.db.pool_size,
                   "Database connections in the pool (0: one per HTTP worker thread, since a "
                   "handler holds a connection while it runs)")
        ->envname("RISKATLAS_DB_POOL")->check(CLI::Range(0, 256));
    app.add_option("--statement-timeout-ms", v.statement_timeout_ms,
                   "Per-statement time limit; a slower request answers 503 with Retry-After")
        ->envname("RISKATLAS_STATEMENT_TIMEOUT_MS")->check(CLI::Range(10, 3600000));
}

void add_seed_options(CLI::App& cmd, cli_values& v) {
    auto& s = v.seed;
    cmd.add_option("--layers", s.layers, "Layers to seed, comma-separated (default: all)");
    cmd.add_option("--zooms", s.zooms, "Zoom range, e.g. 0-12, or one zoom");
    cmd.add_option("--bbox", s.bbox, "Only tiles meeting minLon,minLat,maxLon,maxLat (default: "
                                     "the layers' extent)");
    cmd.add_option("--out", s.out, "The archive to write, FILE.mbtiles")->required();
    cmd.add_option("--threads", s.threads, "Tiles built at once (one database connection each)")
        ->check(CLI::Range(1, 64));
    cmd.add_flag("--force", s.force, "Replace FILE if it exists");
}

void add_serve_options(CLI::App& serve, cli_values& v) {
    auto& c = v.cfg;
    serve.add_option("--host", c.host, "Address to listen on")->envname("RISKATLAS_HOST");
    serve.add_option("-p,--port", c.port, "TCP port to listen on")->envname("RISKATLAS_PORT");
    serve.add_option("--threads", c.threads, "HTTP worker threads (0: twice the cores, at least 4)")
        ->envname("RISKATLAS_THREADS")->check(CLI::Range(0, 512));
    serve.add_option("--public-url", c.public_url,
                     "Origin used in links, e.g. https://risk.example.gov.cn (default: from Host)")
        ->envname("RISKATLAS_PUBLIC_URL");
    serve.add_option("--web-root", c.web_root, "Directory of the web client")
        ->envname("RISKATLAS_WEB_ROOT")->check(CLI::ExistingDirectory);
    serve.add_option("--styles-root", c.styles_root, "Directory of MapLibre styles")
        ->envname("RISKATLAS_STYLES_ROOT")->check(CLI::ExistingDirectory);
    serve.add_option("--vendor-root", c.vendor_root, "node_modules holding maplibre-gl")
        ->envname("RISKATLAS_VENDOR_ROOT");
    serve.add_option("--max-request-bytes", c.max_request_bytes, "Largest request accepted (413 above)")
        ->envname("RISKATLAS_MAX_REQUEST_BYTES")->check(CLI::Range(4096, 1 << 30));
    serve.add_option("--works-snap-m", c.works_snap_m,
                     "How far a drawn safety-works line's ends may lie from a route (metres)")
        ->envname("RISKATLAS_WORKS_SNAP_M")->check(CLI::Range(1.0, 1000.0));
    serve.add_option("--tile-cache-mb", c.tile_cache_mb,
                     "Memory for cached tiles, in MiB (least recently used go first; 0: no cache)")
        ->envname("RISKATLAS_TILE_CACHE_MB")->check(CLI::Range(0, 1 << 20));
    serve.add_option("--basemap-url", c.basemap.tiles_url,
                     "Raster base map XYZ URL template, e.g. a Tianditu WMTS URL with your key "
                     "(default: none; the map draws our own outlines)")
        ->envname("RISKATLAS_BASEMAP_URL");
    add_model_option(serve, v);
    serve.add_option("--recompute-interval", c.recompute_interval_s,
                     "Seconds between checks for changed inputs, which trigger an incremental "
                     "recompute of the risk layers (0: only on POST /api/recompute)")
        ->envname("RISKATLAS_RECOMPUTE_INTERVAL")->check(CLI::Range(0.0, 86400.0));
    serve.add_option("--basemap-attribution", c.basemap.attribution, "Attribution for the base map")
        ->envname("RISKATLAS_BASEMAP_ATTRIBUTION");
    serve.add_option("--db-read-dsn", c.db.read_dsn,
                     "Connection string of a read replica (streaming standby): read-only "
                     "requests (tiles, features) go there, writes, jobs and migrations to --db; "
                     "layer versions are then read from the replica with each tile, not "
                     "watched on the primary (default: everything on --db)")
        ->envname("RISKATLAS_DB_READ_DSN");
    serve.add_option("--tile-archive", c.tile_archive,
                     "MBTiles archive (from `riskatlas seed`) to serve read-only at /archive/tiles/"
                     "{z}/{x}/{y}.mvt and /archive/tiles.json")
        ->envname("RISKATLAS_TILE_ARCHIVE")->check(CLI::ExistingFile);
}

void configure_logging(const std::string& level) {
    spdlog::set_level(spdlog::level::from_str(level));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
}

} // namespace

int run_cli(int argc, char** argv) {
    cli_values v;
    v.cfg.web_root = RISKATLAS_SOURCE_DIR "/web";
    v.cfg.styles_root = RISKATLAS_SOURCE_DIR "/styles";
    v.cfg.vendor_root = RISKATLAS_SOURCE_DIR "/node_modules";
    v.cfg.models_dir = RISKATLAS_SOURCE_DIR "/risk/models";

    CLI::App app{"riskatlas " RISKATLAS_VERSION
                 ": work-safety risk maps. Serves vector tiles, OGC API - Features and a web map "
                 "from PostgreSQL/PostGIS.\nWith no subcommand, `serve` runs."};
    app.option_defaults()->always_capture_default();
    app.fallthrough(); // global options may follow the subcommand: `riskatlas setup --log-level warn`
    app.set_config("--config", "", "Read options from an INI/TOML file");
    app.set_version_flag("--version", RISKATLAS_VERSION);
    app.add_option("--log-level", v.log_level, "trace, debug, info, warn, error")
        ->envname("RISKATLAS_LOG_LEVEL")->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
    add_database_options(app, v);
    app.require_subcommand(0, 1);

    auto* serve = app.add_subcommand("serve", "Serve HTTP (default)");
    add_serve_options(*serve, v);
    auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations and exit");
    auto* setup = app.add_subcommand(
        "setup", "Migrate, and load the demo region (Yanzhou) if the database has no regions yet");
    setup->add_option("--demo-data", v.demo_dir, "Directory of the demo region's real input files")
        ->envname("RISKATLAS_DEMO_DATA")->check(CLI::ExistingDirectory);
    setup->add_flag("--force-demo", v.force_demo, "Replace the demo content even if regions exist");
    add_model_option(*setup, v);
    setup->add_option("--demo-enterprises", v.demo_enterprises,
                      "Generate about this many enterprises (benchmarks; 0: the demo's 310)")
        ->check(CLI::Range(0, 1000000));
    setup->add_option("--demo-hazards", v.demo_hazards, "Generate this many hazards (0: 800)")
        ->check(CLI::Range(0, 1000000));
    setup->add_option("--demo-parks", v.demo_parks, "Parks in the demo, at most 27 (0: 3)")
        ->check(CLI::Range(0, 27));
    auto* recompute = app.add_subcommand(
        "recompute", "Recompute the risk layers now (incremental unless --full) and exit");
    recompute->add_flag("--full", v.full_recompute,
                        "Regrade everything, not only what changed since the last run");
    add_model_option(*recompute, v);
    auto* import = app.add_subcommand(
        "import", "Import a GIS file or ledger: validate, reproject and merge it in one transaction");
    add_import_options(*import, v);
    auto* layers = app.add_subcommand("layers", "List the published layers (the layer registry)");
    layers->add_flag("--json", v.layers_json, "Print as JSON");
    auto* seed = app.add_subcommand(
        "seed", "Pre-build tiles of some layers into an MBTiles archive (offline use, a CDN)");
    add_seed_options(*seed, v);
    auto* tile_sql = app.add_subcommand("tile-sql", "Print a layer's tile SQL ($1=z, $2=x, $3=y)");
    tile_sql->add_option("layer", v.layer, "Layer id")->required();

    CLI11_PARSE(app, argc, argv);
    configure_logging(v.log_level);
    v.cfg.db.statement_timeout = std::chrono::milliseconds(v.statement_timeout_ms);
    if (v.cfg.threads == 0)
        v.cfg.threads = std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
    if (v.cfg.db.pool_size == 0)
        v.cfg.db.pool_size = v.cfg.threads;
    try {
        if (*migrate)
            return command_migrate(v.cfg);
        if (*setup)
            return command_setup(v.cfg, v.demo_dir, v.force_demo,
                                 demo::scaled_params(v.demo_enterprises, v.demo_hazards, v.demo_parks));
        if (*recompute)
            return command_recompute(v.cfg, v.full_recompute);
        if (*import) {
            if (v.import_kinds)
                return command_import_kinds();
            if (v.import.options.path.empty() || v.import_kind.empty())
                throw invalid_argument("missing_argument", "import needs a file and --as KIND (see --help)");
            v.import.options.kind = ingest::parse_kind(v.import_kind);
            return command_import(v.cfg, v.import);
        }
        if (*layers)
            return command_layers(v.layers_json);
        if (*seed)
            return command_seed(v.cfg, v.seed);
        if (*tile_sql)
            return command_tile_sql(v.layer);
        return command_serve(v.cfg);
    } catch (const error& e) {
        spdlog::error("{}: {}", e.code(), e.what());
    } catch (const std::exception& e) {
        spdlog::error("{}", e.what());
    }
    return 1;
}

} // namespace riskatlas::server
