// Strict parsers for path and query parameters; each throws riskatlas::invalid_argument with a
// stable code and a message that names the parameter and what was wrong.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <riskatlas/geo/tile.hpp>

namespace riskatlas::server {

/// z, x and "y.mvt" (or "y.pbf", or bare y) from the tile route. Rejects non-digits, signs,
/// leading '+', other extensions, and tiles outside the pyramid.
geo::tile_id parse_tile(std::string_view z, std::string_view x, std::string_view y_with_extension);

/// An unsigned decimal integer parameter, at most `max`.
std::uint64_t parse_unsigned(std::string_view name, std::string_view text, std::uint64_t max);

/// OGC `limit`: 1..max (absent: `fallback`).
std::size_t parse_limit(const std::optional<std::string>& text, std::size_t fallback, std::size_t max);

/// Comma-separated names (for `properties=`); empty items rejected.
std::vector<std::string> parse_name_list(std::string_view name, std::string_view text);

/// Throws invalid_argument("unknown_parameter") for a query parameter that is neither in `known`
/// nor accepted by `also` (a layer's view parameters, say).
void reject_unknown_query(const std::map<std::string, std::string>& query,
                          std::initializer_list<std::string_view> known,
                          const std::function<bool(std::string_view)>& also = {});

/// Percent-decoding of a URL component ('+' is a space in query strings).
std::string url_decode(std::string_view text, bool plus_is_space);

/// Percent-encoding for building links (RFC 3986 unreserved characters pass through).
std::string url_encode(std::string_view text);

/// The weak ETag of a layer's tiles: W/"<layer>-<version>-<fingerprint>" (data version plus the
/// declaration's fingerprint, see tiles::layer_decl).
std::string etag_for(std::string_view layer, std::int64_t version, std::string_view fingerprint);

/// The data version named by an If-None-Match value, when it is our tag for this layer and
/// declaration; anything else (another layer, an older declaration, "*", garbage) is nullopt.
std::optional<std::int64_t> version_from_etag(const std::optional<std::string>& if_none_match,
                                              std::string_view layer, std::string_view fingerprint);

/// A calendar date "YYYY-MM-DD" that exists (2026-02-30 does not); throws invalid_argument
/// naming the parameter otherwise.
std::string parse_iso_date(std::string_view name, std::string_view text);

/// Today in UTC, "YYYY-MM-DD".
std::string today_utc();

} // namespace riskatlas::server
