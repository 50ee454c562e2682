// OGC API - Features documents. Link relations and conformance URIs: OGC 17-069r4 §7.
#include "ogc_documents.hpp"

#include <algorithm>

namespace riskatlas::server {
using nlohmann::json;

json link(const std::string& href, const std::string& rel, const std::string& type,
          const std::string& title) {
    return {{"href", href}, {"rel", rel}, {"type", type}, {"title", title}};
}

json landing_page(const std::string& base) {
    return {
        {"title", "riskatlas 安全风险一张图"},
        {"description", "Work-safety risk layers: regions, parks, enterprises, hazards, railways "
                        "(OGC API - Features, vector tiles)"},
        {"links",
         {link(base + "/?f=json", "self", "application/json", "This document"),
          link(base + "/?f=html", "alternate", "text/html", "Web map"),
          link(base + "/api", "service-desc", openapi_type, "OpenAPI 3.0 definition"),
          link(base + "/conformance", "conformance", "application/json", "Conformance classes"),
          link(base + "/collections", "data", "application/json", "Collections")}},
    };
}

json conformance() {
    return {{"conformsTo",
             {"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
              "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
              "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"}}};
}

json collection(const tiles::layer_decl& layer, const std::optional<geo::bbox>& extent,
                const std::string& base) {
    const auto self = base + "/collections/" + layer.id;
    json c = {
        {"id", layer.id},
        {"title", layer.title.zh + " " + layer.title.en},
        {"description", layer.description.zh + " / " + layer.description.en},
        {"itemType", "feature"},
        {"crs", {"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
        {"links",
         {link(self, "self", "application/json", "This collection"),
          link(self + "/items", "items", geojson_type, "Features"),
          link(self + "/export", "enclosure", geojson_type, "Every feature in one GeoJSON download"),
          link(base + "/tiles/" + layer.id + ".json", "related", "application/json", "TileJSON (vector tiles)")}},
    };
    if (extent)
        c["extent"] = {{"spatial",
                        {{"bbox", {{extent->min_x, extent->min_y, extent->max_x, extent->max_y}}},
                         {"crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}}};
    return c;
}

namespace {

json query_param(const std::string& name, const std::string& description, json schema) {
    return {{"name", name}, {"in", "query"}, {"required", false}, {"description", description},
            {"schema", std::move(schema)}, {"style", "form"}, {"explode", false}};
}

json error_response_schema() {
    json properties;
    for (const char* name : {"error", "message", "request_id"})
        properties[name] = {{"type", "string"}};
    json schema = {{"type", "object"}, {"properties", properties}};
    json content;
    content["application/json"]["schema"] = schema;
    return {{"description", "Error (JSON body naming the problem)"}, {"content", content}};
}

json items_operation(const tiles::layer_decl& layer) {
    json params = json::array({
        query_param("limit", "Features per page (1..10000, default 10)",
                    {{"type", "integer"}, {"minimum", 1}, {"maximum", 10000}, {"default", 10}}),
        query_param("bbox", "minLon,minLat,maxLon,maxLat (CRS84)",
                    {{"type", "array"}, {"minItems", 4}, {"maxItems", 6}, {"items", {{"type", "number"}}}}),
        query_param("cursor", "Keyset cursor from a next link", {{"type", "integer"}}),
        query_param("properties", "Comma-separated properties to return",
                    {{"type", "array"}, {"items", {{"type", "string"}}}}),
    });
    for (const auto& p : layer.properties)
        if (p.filterable)
            params.push_back(query_param(p.name, "Equality filter on " + p.title.en,
                                         {{"type", p.type == "boolean" ? "boolean" : "string"}}));
    json ok = {{"description", "GeoJSON FeatureCollection"}};
    ok["content"][geojson_type]["schema"] = {{"type", "object"}};
    json responses;
    responses["200"] = ok;
    responses["400"] = error_response_schema();
    return {{"summary", "Features of " + layer.title.en},
            {"operationId", "getFeatures_" + layer.id},
            {"parameters", params},
            {"responses", responses}};
}

} // namespace

json openapi(const tiles::registry& layers, const std::string& base) {
    json paths = {
        {"/", {{"get", {{"summary", "Landing page"}, {"operationId", "getLandingPage"},
                        {"responses", {{"200", {{"description", "Landing page"}}}}}}}}},
        {"/conformance", {{"get", {{"summary", "Conformance classes"}, {"operationId", "getConformance"},
                                   {"responses", {{"200", {{"description", "Conformance"}}}}}}}}},
        {"/collections", {{"get", {{"summary", "Collections"}, {"operationId", "getCollections"},
                                   {"responses", {{"200", {{"description", "Collections"}}}}}}}}},
    };
    for (const auto& layer : layers.layers()) {
        const auto c = "/collections/" + layer.id;
        paths[c] = {{"get", {{"summary", layer.title.en}, {"operationId", "describeCollection_" + layer.id},
                             {"responses", {{"200", {{"description", "Collection"}}}}}}}};
        paths[c + "/items"] = {{"get", items_operation(layer)}};
        auto download = items_operation(layer);
        download["summary"] = "Every feature of " + layer.title.en + ", streamed (no paging)";
        download["operationId"] = "exportFeatures_" + layer.id;
        // neither limit nor cursor: an export is every matching feature
        auto& ps = download["parameters"];
        ps.erase(std::remove_if(ps.begin(), ps.end(), [](const json& p) {
                     return p["name"] == "limit" || p["name"] == "cursor";
                 }), ps.end());
        ps.push_back(query_param("f", "geojson (a FeatureCollection) or geojsonseq (RFC 8142)",
                                 {{"type", "string"}, {"enum", {"geojson", "geojsonseq"}}}));
        paths[c + "/export"] = {{"get", download}};
        paths[c + "/items/{featureId}"] = {
            {"get", {{"summary", "One feature of " + layer.title.en},
                     {"operationId", "getFeature_" + layer.id},
                     {"parameters", {{{"name", "featureId"}, {"in", "path"}, {"required", true},
                                      {"schema", {{"type", "integer"}}}}}},
                     {"responses", {{"200", {{"description", "GeoJSON Feature"}}},
                                    {"404", error_response_schema()}}}}}};
        paths["/tiles/" + layer.id + "/{z}/{x}/{y}.mvt"] = {
            {"get", {{"summary", "Vector tile of " + layer.title.en},
                     {"operationId", "getTile_" + layer.id},
                     {"parameters", json::array({
                          {{"name", "z"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}},
                          {{"name", "x"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}},
                          {{"name", "y"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}}})},
                     {"responses", {{"200", {{"description", "Mapbox Vector Tile"}}},
                                    {"204", {{"description", "No features in this tile"}}},
                                    {"304", {{"description", "Not modified (ETag)"}}},
                                    {"400", error_response_schema()}}}}}};
    }
    return {{"openapi", "3.0.3"},
            {"info", {{"title", "riskatlas"}, {"version", RISKATLAS_VERSION},
                      {"description", "Work-safety risk mapping: OGC API - Features and vector tiles"}}},
            {"servers", {{{"url", base}}}},
            {"paths", paths}};
}

} // namespace riskatlas::server
