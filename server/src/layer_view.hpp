// Which view of a layer a request asks for: ?version=<run> on computed (versioned) layers and the
// layer's declared parameters (e.g. ?category=coal_mine), validated and turned into the
// transaction settings the layer's SQL view reads.
#pragma once

#include <string_view>

#include <riskatlas/data/database.hpp>
#include <riskatlas/tiles/registry.hpp>

#include "http_types.hpp"

namespace riskatlas::server {

struct services;

/// True when `name` selects a view of `layer` (so tile and item routes accept it).
bool is_view_parameter(const tiles::layer_decl& layer, std::string_view name);

/// The read context for `req` on `layer`. Throws invalid_argument for a malformed version or a
/// value the parameter does not accept, not_found for a version that no finished run has.
data::request_context layer_context(services& s, const tiles::layer_decl& layer,
                                    const http_request& req);

/// "&version=...&category=..." for the view parameters present in `req`, to keep them in links.
std::string view_query_suffix(const tiles::layer_decl& layer, const http_request& req);

/// The layer's fingerprint, extended by the values of its parameters that differ from their
/// defaults ("cb04ff34.coal_mine"), for ETags: two views of one version are different bytes.
std::string view_fingerprint(const tiles::layer_decl& layer, const http_request& req);

} // namespace riskatlas::server
