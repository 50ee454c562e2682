// The one import path: any vector file GDAL reads (GeoPackage, zipped Shapefile, GeoJSON,
// CSV/XLSX with lon/lat or WKT columns, KML/KMZ, FlatGeobuf) -> field mapping -> GEOS
// validation and repair -> PROJ reprojection to EPSG:4326 -> COPY into a staging table -> one
// transaction that merges by natural key. The CLI (`riskatlas import`) and the HTTP API
// (`POST /api/imports`) both call run_import, so they produce the same report.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <riskatlas/error.hpp>
#include <riskatlas/ingest/kinds.hpp>

namespace riskatlas::data {
class database;
}

namespace riskatlas::ingest {

struct import_options {
    /// A file on disk. A .zip (zipped Shapefile, ...) or .kmz is read through GDAL's /vsizip/.
    std::string path;
    /// The name reports and logs show (an upload's own name, not its temporary path); empty:
    /// the file name of `path`.
    std::string display_name;
    entity_kind kind = entity_kind::enterprises;
    /// {"fields": {"<model field>": "<source column>", ...}, "defaults": {"<model field>": value}}.
    /// Fields it does not name are matched by built-in aliases (企业名称, 经度, ...).
    std::optional<nlohmann::json> mapping;
    /// Overrides the file's CRS: "EPSG:4549", "4490", a WKT or PROJ string. Empty: the file's
    /// CRS, else detected from the coordinates (Gauss-Krüger with zone prefix), else lon/lat.
    std::string crs;
    /// The coordinates were digitised on a Chinese web map (GCJ-02): convert them to WGS84.
    bool gcj02 = false;
    /// Load the valid rows and report the rest; by default one bad row commits nothing.
    bool accept_partial = false;
    /// Validate everything, report, and roll back.
    bool dry_run = false;
    /// The layer to read in a multi-layer file; empty: the first.
    std::string layer;
    /// Text encoding of a CSV, or of a Shapefile without .cpg (e.g. "GBK"); empty: detect
    /// (valid UTF-8 is UTF-8, anything else GB18030). Other formats define their own.
    std::string encoding;
    /// Features farther than this from the region's extent are rejected as misplaced.
    double region_margin_km = 50;
    /// At most this many rejects and repairs are listed (all are counted).
    std::size_t max_listed = 10000;
    /// Per-statement limit inside the import (the merge of a large file is one statement).
    std::chrono::milliseconds statement_timeout{std::chrono::minutes(30)};
};

struct row_issue {
    std::int64_t row = 0; ///< 1-based feature number in the file (a CSV's header is not a row)
    std::string field;    ///< model field, or "geometry", or "" for the whole row
    std::string reason;
};

struct import_counts {
    std::int64_t read = 0;
    std::int64_t valid = 0;    ///< passed validation (repaired ones included)
    std::int64_t repaired = 0;
    std::int64_t rejected = 0;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0; ///< same natural key, same values: not written
};

struct import_report {
    std::string file;
    std::string kind;
    std::string driver;
    std::string layer;
    std::string encoding;   ///< as read ("UTF-8", "GB18030", ...)
    std::string source_crs; ///< e.g. "EPSG:4549"
    std::string crs_from;   ///< "file" | "option" | "detected" | "assumed"
    bool gcj02 = false;
    std::vector<std::string> columns;           ///< the file's columns, in order
    std::map<std::string, std::string> mapping; ///< model field -> source column used
    std::vector<std::string> ignored_columns;   ///< columns no model field took
    import_counts counts;
    /// "committed", "dry_run" (validated, rolled back), or "rejected" (all-or-nothing and some
    /// row was bad: nothing written).
    std::string outcome;
    std::vector<row_issue> rejects;
    std::vector<row_issue> repairs;
    std::vector<std::string> warnings;
    double seconds = 0;
};

nlohmann::json to_json(const import_report &report);
/// The rejects as CSV (row,field,reason), UTF-8 with a byte-order mark (so that Excel on
/// Chinese Windows does not read it as GBK) and a header line.
std::string rejects_csv(const import_report &report);

struct import_progress {
    std::string_view stage; ///< "reading", "merging", "done"
    std::int64_t rows = 0;  ///< features read so far
    std::optional<std::int64_t> total; ///< when the driver knows the count cheaply
};
using progress_fn = std::function<void(const import_progress &)>;

/// Runs one import. Problems with the whole file (unreadable, unknown CRS, required fields
/// missing from the file, a mapping naming an unknown field) throw riskatlas::invalid_argument
/// with a code and a message naming the problem, before anything is written. Problems with rows
/// are in the report. Nothing is half-written: the staging and the merge are one transaction.
import_report run_import(data::database &db, const import_options &options,
                         const progress_fn &progress = {});

} // namespace riskatlas::ingest
