// A feature's cells as model values, and its position in the source CRS: the file's geometry,
// else lon/lat columns, else a WKT column. Pure reading: problems are returned, not recorded, so
// the rows read ahead to decide a file's CRS leave no trace in the report.
#pragma once

#include <optional>
#include <vector>

#include <riskatlas/geo/geometry.hpp>
#include <riskatlas/io/feature_reader.hpp>

#include "mapping.hpp"
#include "row_rules.hpp"
#include "values.hpp"

namespace riskatlas::ingest::detail {

/// The binding's value in `f`: the converted cell, else the mapping's default (nullopt: none),
/// or why the cell is not acceptable.
conversion cell_value(const io::feature& f, const field_binding& b);

struct source_position {
    std::optional<geo::geometry> geometry; ///< nullopt: none, or unreadable (see problems)
    std::vector<row_problem> problems;
};

source_position read_position(const io::feature& f, const resolved_mapping& mapping);

} // namespace riskatlas::ingest::detail
