// JSON documents of OGC API - Features Part 1 (landing page, conformance, collections) and the
// OpenAPI 3.0 definition, all derived from the layer registry.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <riskatlas/geo/bbox.hpp>
#include <riskatlas/tiles/registry.hpp>

namespace riskatlas::server {

inline constexpr auto geojson_type = "application/geo+json";
inline constexpr auto openapi_type = "application/vnd.oai.openapi+json;version=3.0";

/// A link object (OGC 17-069r4 §7.2, RFC 8288 relation types).
nlohmann::json link(const std::string& href, const std::string& rel, const std::string& type,
                    const std::string& title);

nlohmann::json landing_page(const std::string& base_url);
nlohmann::json conformance();
nlohmann::json collection(const tiles::layer_decl& layer, const std::optional<geo::bbox>& extent,
                          const std::string& base_url);
nlohmann::json openapi(const tiles::registry& layers, const std::string& base_url);

} // namespace riskatlas::server
