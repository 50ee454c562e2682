// GET /archive/tiles/{z}/{x}/{y}.mvt and GET /archive/tiles.json: a seeded MBTiles archive
// (`riskatlas serve --tile-archive FILE`) served read-only, straight from the file.
#include "app.hpp"
#include "params.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/tiles/compression.hpp>
#include <riskatlas/tiles/mbtiles.hpp>

#include <memory>
#include <sstream>

namespace riskatlas::server {
namespace {

constexpr auto mvt_type = "application/vnd.mapbox-vector-tile";

using archive_ptr = std::shared_ptr<const tiles::mbtiles_reader>;

// The archive never changes while it is served; a new seed has new metadata, hence a new tag
// (and TileJSON's URLs carry it as ?v=, so caches may keep tiles for good).
std::string etag_of(const tiles::mbtiles_reader& archive) {
    return "W/\"archive-" + archive.digest() + "\"";
}

bool not_modified(const http_request& req, const std::string& etag) {
    const auto tag = req.header("If-None-Match");
    return tag && (*tag == etag || *tag == "*");
}

bool is_gzip(const std::string& bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
           static_cast<unsigned char>(bytes[1]) == 0x8b;
}

http_response tile(const tiles::mbtiles_reader& archive, const http_request& req) {
    reject_unknown_query(req.query, {"v"});
    const auto t = parse_tile(req.param(":z"), req.param(":x"), req.param(":y"));
    const auto etag = etag_of(archive);
    http_response r;
    if (not_modified(req, etag)) {
        r = http_response::empty(304);
    } else if (auto bytes = archive.tile(t); !bytes || bytes->empty()) {
        r = http_response::empty(204); // the seed skips empty tiles
    } else {
        // MBTiles vector tiles are gzip by convention; pass other bytes through untouched.
        const bool gzipped = is_gzip(*bytes);
        const bool send_gzipped = gzipped && req.accepts_gzip();
        r = http_response::text(
            200, gzipped && !send_gzipped ? tiles::gunzip(*bytes) : std::move(*bytes), mvt_type);
        r.body_gzipped = send_gzipped;
        r.compressible = false;
    }
    r.with_header("ETag", etag)
        .with_header("Cache-Control", "public, max-age=86400, immutable")
        .with_header("Vary", "Accept-Encoding");
    return r;
}

std::vector<double> numbers(const std::string& csv) {
    std::vector<double> out;
    std::stringstream in(csv);
    for (std::string item; std::getline(in, item, ',');)
        out.push_back(std::stod(item));
    return out;
}

// TileJSON 3.0.0 from the MBTiles metadata (the spec's names map one to one).
nlohmann::json tilejson_of(const tiles::mbtiles_reader& archive, const std::string& base_url) {
    const auto& m = archive.metadata();
    const auto get = [&](const char* name, const char* fallback) {
        const auto it = m.find(name);
        return it == m.end() ? std::string(fallback) : it->second;
    };
    const auto json = nlohmann::json::parse(get("json", "{}"), nullptr, false);
    nlohmann::json doc{
        {"tilejson", "3.0.0"},
        {"name", get("name", "archive")},
        {"description", get("description", "")},
        {"version", get("version", "1")},
        {"attribution", get("attribution", "")},
        {"scheme", "xyz"},
        {"tiles", {base_url + "/archive/tiles/{z}/{x}/{y}.mvt?v=" + archive.digest()}},
        {"minzoom", std::stoi(get("minzoom", "0"))},
        {"maxzoom", std::stoi(get("maxzoom", "22"))},
        {"bounds", numbers(get("bounds", "-180,-85.0511,180,85.0511"))},
        {"vector_layers", json.is_object() ? json.value("vector_layers", nlohmann::json::array())
                                           : nlohmann::json::array()},
    };
    if (const auto center = numbers(get("center", "")); center.size() == 3)
        doc["center"] = center;
    return doc;
}

http_response tilejson(const tiles::mbtiles_reader& archive, const http_request& req) {
    reject_unknown_query(req.query, {"f"});
    auto r = http_response::json(200, tilejson_of(archive, req.base_url));
    r.with_header("ETag", etag_of(archive))
        .with_header("Cache-Control", "public, max-age=0, must-revalidate");
    return r;
}

} // namespace

std::vector<route> archive_routes(services& s) {
    if (s.config.tile_archive.empty())
        return {};
    // Opened once at start-up: a file that is not an archive stops the server with a clear error.
    archive_ptr archive = std::make_shared<const tiles::mbtiles_reader>(s.config.tile_archive);
    return {
        {"GET", "/archive/tiles/:z/:x/:y",
         [archive](const http_request& r) { return tile(*archive, r); }},
        {"GET", "/archive/tiles.json",
         [archive](const http_request& r) { return tilejson(*archive, r); }},
    };
}

} // namespace riskatlas::server
