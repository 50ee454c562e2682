// OGC API - Features Part 1: landing page, conformance, collections, items (keyset-paged
// GeoJSON) and single features; also /api (OpenAPI 3.0).
#include "app.hpp"
#include "ogc_documents.hpp"
#include "layer_view.hpp"
#include "params.hpp"
#include "static_files.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/geo/bbox.hpp>

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>

namespace riskatlas::server {
namespace {

void check_format(const http_request& req) {
    const auto f = req.query_value("f");
    if (f && *f != "json" && *f != "geojson")
        throw invalid_argument("unsupported_format", "f=" + *f + " is not offered; use f=json");
}

// The query of an items page, or of an export when `page` is false (then neither limit nor
// cursor: an export is every matching feature).
data::feature_query parse_items_query(const services& s, const tiles::layer_decl& layer,
                                      const http_request& req, bool page = true) {
    data::feature_query q;
    if (page)
        q.limit = parse_limit(req.query_value("limit"), s.config.default_items_limit, s.config.max_items_limit);
    for (const auto& [name, value] : req.query) {
        if ((page && name == "limit") || name == "f" || is_view_parameter(layer, name)) {
            continue;
        } else if (name == "bbox") {
            q.bbox_lonlat = geo::parse_lonlat_bbox(value);
        } else if (name == "bbox-crs") {
            if (value != "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
                throw invalid_argument("unsupported_crs", "bbox-crs must be CRS84 (lon/lat WGS84)");
        } else if (page && name == "cursor") {
            q.after_fid = static_cast<std::int64_t>(parse_unsigned("cursor", value, INT64_MAX));
        } else if (name == "properties") {
            q.properties = parse_name_list("properties", value);
            for (const auto& p : *q.properties)
                if (!layer.has_property(p))
                    throw invalid_argument("unknown_property", "collection " + layer.id +
                                                                   " has no property '" + p + "'");
        } else if (name == "datetime") {
            throw invalid_argument("unsupported_parameter",
                                   "collection " + layer.id + " has no temporal extent; drop datetime");
        } else if (const auto it = std::ranges::find(layer.properties, name, &tiles::property_decl::name);
                   it != layer.properties.end() && it->filterable) {
            q.filters.emplace_back(name, value);
        } else {
            throw invalid_argument("unknown_parameter", "unknown query parameter '" + name +
                                                            "' for collection " + layer.id);
        }
    }
    // numberMatched costs a count; GDAL and QGIS read it from the first page only.
    q.count_matched = !q.after_fid;
    return q;
}

// The items URL for `q` with every filter of the request kept, so a client following `next`
// verbatim never widens its download.
std::string items_url(const http_request& req, const tiles::layer_decl& layer,
                      const data::feature_query& q, std::optional<std::int64_t> cursor) {
    std::string url = req.base_url + "/collections/" + layer.id +
                      "/items?limit=" + std::to_string(q.limit) + view_query_suffix(layer, req);
    if (q.bbox_lonlat) {
        const auto& b = *q.bbox_lonlat;
        url += fmt::format("&bbox={},{},{},{}", b.min_x, b.min_y, b.max_x, b.max_y);
    }
    if (q.properties) {
        std::string names;
        for (const auto& p : *q.properties)
            names += (names.empty() ? "" : ",") + p;
        url += "&properties=" + url_encode(names);
    }
    for (const auto& [name, value] : q.filters)
        url += "&" + url_encode(name) + "=" + url_encode(value);
    if (cursor)
        url += "&cursor=" + std::to_string(*cursor);
    return url;
}

std::string utc_now() {
    return fmt::format("{:%FT%TZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

nlohmann::json collection_link(const std::string& base, const tiles::layer_decl& layer) {
    return link(base + "/collections/" + layer.id, "collection", "application/json", layer.title.en);
}

http_response items(services& s, const http_request& req) {
    check_format(req);
    const auto& layer = s.layers.at(req.param(":id"));
    const auto q = parse_items_query(s, layer, req);
    const auto page = s.tile_service.store().features(s.db, layer_context(s, layer, req), layer.id, q);

    nlohmann::json head = {{"type", "FeatureCollection"},
                           {"numberReturned", page.features.size()},
                           {"timeStamp", utc_now()}};
    if (page.number_matched)
        head["numberMatched"] = *page.number_matched;
    auto links = nlohmann::json::array({link(items_url(req, layer, q, q.after_fid), "self", geojson_type, "This page")});
    if (page.next_after)
        links.push_back(link(items_url(req, layer, q, page.next_after), "next", geojson_type, "Next page"));
    links.push_back(collection_link(req.base_url, layer));
    head["links"] = links;

    // The features arrive as serialised GeoJSON from PostGIS: splice them in, don't re-parse.
    std::string body = head.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    body.pop_back();
    body += ",\"features\":[";
    for (std::size_t i = 0; i < page.features.size(); ++i)
        body += (i ? "," : "") + page.features[i];
    body += "]}";
    auto r = http_response::text(200, std::move(body), geojson_type);
    r.with_header("Cache-Control", "no-cache");
    return r;
}

// Rows fetched from PostgreSQL per round trip while exporting: ~300 KB of GeoJSON.
constexpr std::size_t export_batch_rows = 1000;

// The whole layer (or its filtered part) as one GeoJSON FeatureCollection, or as GeoJSON text
// sequence (RFC 8142, one feature per line: f=geojsonseq), streamed: memory stays one batch and
// the first features leave before the last are read.
http_response export_features(services& s, const http_request& req) {
    const auto& layer = s.layers.at(req.param(":id"));
    const auto format = req.query_value("f").value_or("geojson");
    if (format != "geojson" && format != "geojsonseq")
        throw invalid_argument("unsupported_format", "f=" + format + " is not offered; use f=geojson or f=geojsonseq");
    const bool sequence = format == "geojsonseq";
    const auto q = parse_items_query(s, layer, req, false);
    const auto ctx = layer_context(s, layer, req);
    http_response r;
    r.content_type = sequence ? "application/geo+json-seq" : geojson_type;
    r.with_header("Content-Disposition", "attachment; filename=\"" + layer.id +
                                             (sequence ? ".geojsons" : ".geojson") + "\"")
        .with_header("Cache-Control", "no-cache");
    r.stream_body = [&s, layer_id = layer.id, q, ctx, sequence, base = req.base_url](body_sink& out) {
        bool first = true;
        s.tile_service.store().export_features(
            s.db, ctx, layer_id, q, export_batch_rows,
            [&](const data::layer_version& v) {
                if (sequence)
                    return;
                // the version and time say which state of the layer this file holds
                out.write(fmt::format(R"({{"type":"FeatureCollection","name":"{}","version":{},)"
                                      R"("timeStamp":"{}","links":[{{"href":"{}/collections/{}","rel":"collection"}}],)"
                                      R"("features":[)",
                                      layer_id, v.version, utc_now(), base, layer_id));
            },
            [&](const std::vector<std::string_view>& features) {
                for (const auto& f : features) {
                    if (sequence) {
                        out.write("\x1e"); // RFC 8142 record separator
                        out.write(f);
                        out.write("\n");
                    } else {
                        out.write(first ? "" : ",");
                        out.write(f);
                    }
                    first = false;
                }
                out.flush(); // each batch leaves as it is read
            });
        if (!sequence)
            out.write("]}");
    };
    return r;
}

http_response item(services& s, const http_request& req) {
    check_format(req);
    const auto& layer = s.layers.at(req.param(":id"));
    const auto fid = static_cast<std::int64_t>(parse_unsigned("featureId", req.param(":fid"), INT64_MAX));
    reject_unknown_query(req.query, {"f"},
                         [&](std::string_view name) { return is_view_parameter(layer, name); });
    const auto text = s.tile_service.store().feature(s.db, layer_context(s, layer, req), layer.id, fid);
    if (!text)
        throw not_found("feature_not_found", "collection " + layer.id + " has no feature " + std::to_string(fid));
    auto feature = nlohmann::json::parse(*text);
    const auto self = req.base_url + "/collections/" + layer.id + "/items/" + std::to_string(fid);
    feature["links"] = {link(self, "self", geojson_type, "This feature"),
                        collection_link(req.base_url, layer)};
    return http_response::json(200, feature, geojson_type);
}

http_response collections(services& s, const http_request& req) {
    check_format(req);
    auto list = nlohmann::json::array();
    const auto extents = s.tile_service.store().extents(s.db, read_context(req));
    for (const auto& layer : s.layers.layers())
        list.push_back(collection(layer, extents.at(layer.id), req.base_url));
    return http_response::json(
        200, {{"links", {link(req.base_url + "/collections", "self", "application/json", "Collections")}},
              {"collections", list}});
}

http_response one_collection(services& s, const http_request& req) {
    check_format(req);
    const auto& layer = s.layers.at(req.param(":id"));
    return http_response::json(
        200, collection(layer, s.tile_service.store().extent(s.db, read_context(req), layer.id), req.base_url));
}

// "/" is both the OGC landing page (JSON clients) and the web map (browsers).
http_response landing(services& s, const http_request& req) {
    if (req.wants_html())
        return serve_file(s.config.web_root, "index.html", "no-cache");
    check_format(req);
    return http_response::json(200, landing_page(req.base_url));
}

} // namespace

std::vector<route> ogc_routes(services& s) {
    return {
        {"GET", "/", [&s](const http_request& r) { return landing(s, r); }},
        {"GET", "/conformance", [](const http_request& r) { check_format(r); return http_response::json(200, conformance()); }},
        {"GET", "/collections", [&s](const http_request& r) { return collections(s, r); }},
        {"GET", "/collections/:id", [&s](const http_request& r) { return one_collection(s, r); }},
        {"GET", "/collections/:id/items", [&s](const http_request& r) { return items(s, r); }},
        {"GET", "/collections/:id/items/:fid", [&s](const http_request& r) { return item(s, r); }},
        {"GET", "/collections/:id/export", [&s](const http_request& r) { return export_features(s, r); }},
        {"GET", "/api", [&s](const http_request& r) {
             return http_response::json(200, openapi(s.layers, r.base_url), openapi_type); }},
        {"GET", "/openapi.json", [&s](const http_request& r) {
             return http_response::json(200, openapi(s.layers, r.base_url), openapi_type); }},
    };
}

} // namespace riskatlas::server
