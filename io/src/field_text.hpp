// Turns one OGR field value into UTF-8 text: numbers in shortest round-trip form, dates as
// ISO 8601, booleans as true/false, lists as JSON arrays, binary as hex.
#pragma once

#include "gdal_handles.hpp"

#include <string>

namespace riskatlas::io::detail {

/// OGR's type name for a field definition, with the Boolean and JSON subtypes named instead.
std::string field_type_name(OGRFieldDefnH field);

/// The text of field `index` of `feature` (the caller has checked it is set and not null).
/// `recode_from`: the encoding of string values, recoded to UTF-8; empty: none.
std::string field_text(OGRFeatureH feature, OGRFieldDefnH field, int index,
                       const std::string &recode_from = {});

/// `text` in `encoding` as UTF-8 (CPLRecode); unchanged when `encoding` is empty.
std::string recoded(const char *text, const std::string &encoding);

} // namespace riskatlas::io::detail
