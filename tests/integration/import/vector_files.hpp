// Test files made by the tests themselves, written with GDAL's own drivers (so each format is
// exactly what a desktop GIS would write): a layer of string fields and WKT geometries.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace riskatlas::test {

struct vector_row {
    std::vector<std::optional<std::string>> values; ///< in `fields` order; nullopt = null
    std::optional<std::string> wkt;                 ///< nullopt: no geometry
};

struct vector_layer {
    std::string name = "data";
    std::vector<std::string> fields; ///< all String fields
    std::vector<vector_row> rows;
    std::optional<int> epsg;          ///< the layer's CRS; nullopt: none
    std::vector<std::string> layer_options; ///< e.g. "ENCODING=CP936" for Shapefiles
    bool geometry = true;             ///< false: an attribute-only layer (CSV/XLSX ledgers)
};

/// Writes `layer` to `path` with the GDAL driver `driver` ("GPKG", "ESRI Shapefile", "GeoJSON",
/// "CSV", "XLSX", "LIBKML", "FlatGeobuf"); fails the test on any GDAL error.
void write_vector(const std::string &path, const std::string &driver, const vector_layer &layer);

/// Zips the files into `zip_path` (the zip CLI is not assumed: GDAL's /vsizip/ writer).
void zip_files(const std::string &zip_path, const std::vector<std::string> &files);

/// A fresh empty directory under /tmp, removed at exit.
std::string temp_dir(const std::string &tag);

/// Writes text to a file.
void write_text(const std::string &path, const std::string &text);

} // namespace riskatlas::test
