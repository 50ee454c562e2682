// Streaming reader for any vector file GDAL/OGR can open (GeoJSON, CSV, Shapefile, GeoPackage,
// KML, FlatGeobuf, XLSX, ...): one feature at a time, attributes as UTF-8 text, geometry as WKB
// or WKT. GDAL stays private to io; its messages become exceptions or `warnings()`.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <riskatlas/error.hpp>

namespace riskatlas::io {

/// The file cannot be opened or read as vector data (missing, unsupported, corrupt), or a
/// feature could not be decoded. The message carries GDAL's explanation.
class read_error : public invalid_argument {
  public:
    explicit read_error(const std::string& message)
        : invalid_argument("unreadable_file", message) {}
};

enum class geometry_format {
    wkb,  ///< ISO WKB, little-endian, raw bytes in a std::string
    wkt,  ///< ISO WKT, full precision
    none, ///< skip geometries entirely (attribute-only scans are faster)
};

struct open_options {
    /// Driver open options, "KEY=VALUE" (e.g. CSV "X_POSSIBLE_NAMES=lon*", Shapefile
    /// "ENCODING=GBK").
    std::vector<std::string> driver_options;
    /// GDAL configuration options set for this thread while the file is opened and read (e.g.
    /// OGR_XLSX_HEADERS=FORCE, which has no open-option form in GDAL 3.6).
    std::vector<std::pair<std::string, std::string>> config_options;
    /// The encoding of the layer's text (field names and string values) when the driver does
    /// not recode it itself, as for CSV: e.g. "GB18030". The text is recoded to UTF-8 with GDAL's
    /// CPLRecode (iconv); empty = passed through as it is. An encoding iconv does not know makes
    /// the constructor throw read_error.
    std::string recode_from;
    /// Restrict to these GDAL drivers (short names, e.g. "CSV"); empty = let GDAL detect.
    std::vector<std::string> allowed_drivers;
    /// Layer to read; empty = the first layer.
    std::string layer;
    /// What messages call the file (an upload's own name, not the server's temporary path);
    /// empty = the path without a GDAL /vsi prefix, i.e. as the user typed it. GDAL's own
    /// messages name the path they were given, so that is replaced as well.
    std::string display_name{};
    geometry_format geometry = geometry_format::wkb;
    /// Curves (CircularString, CurvePolygon...) are linearised so that GEOS can read them.
    bool linearize_curves = true;
    /// Z and M are dropped (KML writes z = 0 on every vertex; our tables are 2D).
    bool flatten_to_2d = true;
};

/// The layer's attribute schema, shared by every feature it yields.
struct field_def {
    std::string name;
    std::string type; ///< OGR's type name: "String", "Integer", "Integer64", "Real", "Date",
                      ///< "DateTime", "StringList", ...; "Boolean" / "JSON" for those subtypes
};

class schema {
  public:
    explicit schema(std::vector<field_def> fields);
    const std::vector<field_def>& fields() const noexcept { return m_fields; }
    /// Index of the field called `name`, or nullopt.
    std::optional<std::size_t> index_of(std::string_view name) const;

  private:
    std::vector<field_def> m_fields;
    std::unordered_map<std::string, std::size_t> m_index;
};

/// One feature. Values are UTF-8 text in the layer's field order; null or unset fields are
/// nullopt. Numbers are written in shortest round-trip form, dates as ISO 8601, booleans as
/// "true"/"false", lists as JSON arrays.
class feature {
  public:
    std::int64_t fid = -1; ///< the driver's feature id (-1 when the format has none)
    /// WKB bytes or WKT text per open_options::geometry; nullopt for a feature without geometry
    /// (e.g. GeoJSON `"geometry": null`).
    std::optional<std::string> geometry;
    std::vector<std::optional<std::string>> values;

    /// The value of the field `name`; nullopt when it is null, unset or not a field.
    std::optional<std::string_view> get(std::string_view name) const;
    /// Every non-null attribute keyed by field name.
    std::map<std::string, std::string> attributes() const;
    const io::schema& fields() const;

  private:
    friend class feature_reader;
    std::shared_ptr<const io::schema> m_schema;
};

class feature_reader {
  public:
    /// Opens `path` read-only; throws read_error naming the file (see display_name) and GDAL's
    /// reason.
    explicit feature_reader(const std::string& path, const open_options& options = {});
    ~feature_reader();
    feature_reader(feature_reader&&) noexcept;
    feature_reader& operator=(feature_reader&&) noexcept;
    feature_reader(const feature_reader&) = delete;
    feature_reader& operator=(const feature_reader&) = delete;

    /// Names of every layer in the dataset (the reader reads one of them).
    std::vector<std::string> layer_names() const;
    std::string layer_name() const;
    std::string driver_name() const;
    /// True when the layer has a geometry column (a CSV without WKT or X/Y options has none).
    bool has_geometry() const;
    /// The files the dataset is made of (a Shapefile's .shp, .dbf, .prj, .cpg ...).
    std::vector<std::string> files() const;
    const schema& fields() const;
    /// The layer CRS as "AUTHORITY:CODE" (e.g. "EPSG:4326") when GDAL can tell; nullopt when the
    /// layer has no CRS or an unidentified one (then see crs_wkt()).
    std::optional<std::string> crs_authority() const;
    /// The layer CRS as WKT2, or nullopt when the layer has none.
    std::optional<std::string> crs_wkt() const;
    /// The number of features if the driver knows it cheaply (for progress), else nullopt.
    std::optional<std::int64_t> feature_count_hint() const;

    /// Reads the next feature into `out` (reusing its buffers); false at the end of the layer.
    /// Throws read_error if the driver fails mid-stream.
    bool read(feature& out);
    /// Convenience: the next feature, or nullopt at the end.
    std::optional<feature> next();
    /// Starts again from the first feature.
    void rewind();

    /// GDAL warnings collected while opening and reading (e.g. "Field value truncated").
    const std::vector<std::string>& warnings() const noexcept;

    struct impl;

  private:
    std::unique_ptr<impl> m_impl;
};

} // namespace riskatlas::io
