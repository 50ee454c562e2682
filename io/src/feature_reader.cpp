// The streaming OGR reader: opens a dataset with GDALOpenEx, walks one layer feature by feature
// and converts each into text attributes and WKB/WKT, with GDAL errors turned into read_error.
#include <riskatlas/io/feature_reader.hpp>

#include "field_text.hpp"
#include "gdal_handles.hpp"

#include <cpl_string.h>

namespace riskatlas::io {

using namespace detail;

schema::schema(std::vector<field_def> fields) : m_fields(std::move(fields)) {
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        m_index.emplace(m_fields[i].name, i); // the first of duplicate names wins
}

std::optional<std::size_t> schema::index_of(std::string_view name) const {
    const auto it = m_index.find(std::string(name));
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::string_view> feature::get(std::string_view name) const {
    if (!m_schema)
        return std::nullopt;
    const auto index = m_schema->index_of(name);
    if (!index || *index >= values.size() || !values[*index])
        return std::nullopt;
    return std::string_view(*values[*index]);
}

std::map<std::string, std::string> feature::attributes() const {
    std::map<std::string, std::string> out;
    if (!m_schema)
        return out;
    for (std::size_t i = 0; i < values.size() && i < m_schema->fields().size(); ++i)
        if (values[i])
            out.emplace(m_schema->fields()[i].name, *values[i]);
    return out;
}

const schema& feature::fields() const {
    static const schema none({});
    return m_schema ? *m_schema : none;
}

namespace {

// "/vsizip//tmp/a.zip" -> "/tmp/a.zip": the file itself, as opposed to GDAL's way of reading it.
std::string without_vsi_prefix(const std::string& path) {
    if (!path.starts_with("/vsi"))
        return path;
    const auto slash = path.find('/', 1);
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty())
        return;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// The directory a file is in, with its trailing slash; empty for a bare name.
std::string directory_of(const std::string& file) {
    const auto slash = file.rfind('/');
    return slash == std::string::npos ? std::string() : file.substr(0, slash + 1);
}

// Messages name the file as the user knows it: an upload's temporary path means nothing to its
// sender, and tells any client where the server keeps its files. With a display name, the
// file's directory goes too, so a sibling GDAL names (a Shapefile's .prj) shows as a bare name.
class file_namer {
  public:
    file_namer(std::string path, const std::string& display_name)
        : m_path(std::move(path)), m_file(without_vsi_prefix(m_path)),
          m_display(display_name.empty() ? m_file : display_name),
          m_hidden_dir(display_name.empty() ? std::string() : directory_of(m_file)) {}

    const std::string& display() const noexcept { return m_display; }
    std::string operator()(std::string message) const {
        replace_all(message, m_path, m_display); // the longer spelling first
        replace_all(message, m_file, m_display);
        replace_all(message, m_hidden_dir, "");
        return message;
    }

  private:
    std::string m_path;
    std::string m_file;
    std::string m_display;
    std::string m_hidden_dir;
};

} // namespace

struct feature_reader::impl {
    impl(const std::string& path, const open_options& o)
        : options(o), named(path, o.display_name) {}

    open_options options;
    file_namer named;
    dataset_ptr dataset;
    OGRLayerH layer = nullptr; // owned by the dataset
    std::shared_ptr<const schema> fields;
    std::vector<std::string> warnings;

    // Moves the capture's messages into `warnings`, each naming the file as the user knows it.
    void keep_warnings(error_capture& capture) {
        std::vector<std::string> messages;
        capture.drain_into(messages);
        for (auto& m : messages)
            warnings.push_back(named(std::move(m)));
    }
    [[noreturn]] void fail(const error_capture& capture, const std::string& fallback) const {
        throw read_error(named.display() + ": " + named(capture.failure_or(fallback)));
    }
};

namespace {

// NULL-terminated C string list view of a vector (GDAL's char** convention).
std::vector<const char*> c_list(const std::vector<std::string>& items) {
    std::vector<const char*> out;
    for (const auto& s : items)
        out.push_back(s.c_str());
    out.push_back(nullptr);
    return out;
}

OGRLayerH choose_layer(GDALDatasetH ds, const std::string& name, const std::string& shown) {
    if (GDALDatasetGetLayerCount(ds) == 0)
        throw read_error(shown + ": no vector layers");
    OGRLayerH layer =
        name.empty() ? GDALDatasetGetLayer(ds, 0) : GDALDatasetGetLayerByName(ds, name.c_str());
    if (layer == nullptr)
        throw read_error(shown + ": no layer named '" + name + "'");
    return layer;
}

std::shared_ptr<const schema> read_schema(OGRLayerH layer, const std::string& recode_from) {
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<field_def> fields;
    const int n = OGR_FD_GetFieldCount(defn);
    for (int i = 0; i < n; ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
        fields.push_back({recoded(OGR_Fld_GetNameRef(field), recode_from), field_type_name(field)});
    }
    return std::make_shared<const schema>(std::move(fields));
}

std::string encode(OGRGeometryH g, geometry_format format) {
    if (format == geometry_format::wkt) {
        char* text = nullptr;
        const OGRErr err = OGR_G_ExportToIsoWkt(g, &text);
        const cpl_string owned(text);
        if (err != OGRERR_NONE || text == nullptr)
            throw read_error("cannot write the geometry as WKT");
        return std::string(text);
    }
    std::string wkb(OGR_G_WkbSizeEx(g), '\0');
    if (OGR_G_ExportToIsoWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data())) !=
        OGRERR_NONE)
        throw read_error("cannot write the geometry as WKB");
    return wkb;
}

std::optional<std::string> geometry_of(OGRFeatureH f, const open_options& options) {
    if (options.geometry == geometry_format::none)
        return std::nullopt;
    OGRGeometryH g = OGR_F_GetGeometryRef(f); // owned by the feature
    if (g == nullptr)
        return std::nullopt;
    if (options.flatten_to_2d)
        OGR_G_FlattenTo2D(g); // the feature is ours and dies after this read
    if (options.linearize_curves && OGR_GT_IsNonLinear(OGR_G_GetGeometryType(g))) {
        const geometry_ptr linear(OGR_G_GetLinearGeometry(g, 0.0, nullptr));
        if (!linear)
            throw read_error("cannot linearise a curved geometry");
        return encode(linear.get(), options.geometry);
    }
    return encode(g, options.geometry);
}

// CPLRecode only warns about an encoding iconv does not know, and then returns the text as it
// was; refuse such a name up front instead of reading the whole file undecoded.
void check_encoding(const std::string& encoding, const std::string& shown) {
    if (encoding.empty())
        return;
    error_capture capture;
    const cpl_string probe(CPLRecode("a", encoding.c_str(), CPL_ENC_UTF8));
    std::vector<std::string> messages;
    capture.drain_into(messages);
    if (capture.failed() || !messages.empty() || !probe)
        throw read_error(shown + ": unknown text encoding '" + encoding + "'");
}

// Sets GDAL configuration options for this thread for its lifetime, restoring the old values.
class thread_config {
  public:
    explicit thread_config(const std::vector<std::pair<std::string, std::string>>& options) {
        for (const auto& [key, value] : options) {
            const char* old = CPLGetThreadLocalConfigOption(key.c_str(), nullptr);
            m_saved.emplace_back(key, old ? std::optional<std::string>(old) : std::nullopt);
            CPLSetThreadLocalConfigOption(key.c_str(), value.c_str());
        }
    }
    ~thread_config() {
        for (const auto& [key, old] : m_saved)
            CPLSetThreadLocalConfigOption(key.c_str(), old ? old->c_str() : nullptr);
    }
    thread_config(const thread_config&) = delete;
    thread_config& operator=(const thread_config&) = delete;

  private:
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

} // namespace

feature_reader::feature_reader(const std::string& path, const open_options& options)
    : m_impl(std::make_unique<impl>(path, options)) {
    ensure_gdal_ready();
    check_encoding(options.recode_from, m_impl->named.display());
    const thread_config config(options.config_options);
    error_capture capture;
    const auto drivers = c_list(options.allowed_drivers);
    const auto driver_options = c_list(options.driver_options);
    m_impl->dataset.reset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                     options.allowed_drivers.empty() ? nullptr : drivers.data(),
                                     driver_options.data(), nullptr));
    if (!m_impl->dataset)
        m_impl->fail(capture, "not a vector format GDAL can read");
    m_impl->layer = choose_layer(m_impl->dataset.get(), options.layer, m_impl->named.display());
    m_impl->fields = read_schema(m_impl->layer, options.recode_from);
    OGR_L_ResetReading(m_impl->layer);
    m_impl->keep_warnings(capture);
}

feature_reader::~feature_reader() = default;
feature_reader::feature_reader(feature_reader&&) noexcept = default;
feature_reader& feature_reader::operator=(feature_reader&&) noexcept = default;

std::vector<std::string> feature_reader::layer_names() const {
    std::vector<std::string> names;
    const int n = GDALDatasetGetLayerCount(m_impl->dataset.get());
    for (int i = 0; i < n; ++i)
        names.emplace_back(OGR_L_GetName(GDALDatasetGetLayer(m_impl->dataset.get(), i)));
    return names;
}

std::string feature_reader::layer_name() const { return OGR_L_GetName(m_impl->layer); }

std::string feature_reader::driver_name() const {
    GDALDriverH driver = GDALGetDatasetDriver(m_impl->dataset.get());
    return driver ? GDALGetDriverShortName(driver) : "";
}

bool feature_reader::has_geometry() const { return OGR_L_GetGeomType(m_impl->layer) != wkbNone; }

std::vector<std::string> feature_reader::files() const {
    std::vector<std::string> out;
    char** list = GDALGetFileList(m_impl->dataset.get());
    for (char** p = list; p != nullptr && *p != nullptr; ++p)
        out.emplace_back(*p);
    CSLDestroy(list);
    return out;
}

const schema& feature_reader::fields() const { return *m_impl->fields; }

std::optional<std::string> feature_reader::crs_authority() const {
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(m_impl->layer);
    if (srs == nullptr)
        return std::nullopt;
    error_capture quiet;
    const char* name = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (name != nullptr && code != nullptr)
        return std::string(name) + ":" + code;
    // A .prj without authority (common for Shapefiles): let PROJ identify it on a copy.
    const srs_ptr copy(OSRClone(srs));
    if (copy && OSRAutoIdentifyEPSG(copy.get()) == OGRERR_NONE) {
        name = OSRGetAuthorityName(copy.get(), nullptr);
        code = OSRGetAuthorityCode(copy.get(), nullptr);
        if (name != nullptr && code != nullptr)
            return std::string(name) + ":" + code;
    }
    return std::nullopt;
}

std::optional<std::string> feature_reader::crs_wkt() const {
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(m_impl->layer);
    if (srs == nullptr)
        return std::nullopt;
    error_capture quiet;
    char* text = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
    const OGRErr err = OSRExportToWktEx(srs, &text, options);
    const cpl_string owned(text);
    if (err != OGRERR_NONE || text == nullptr)
        return std::nullopt;
    return std::string(text);
}

std::optional<std::int64_t> feature_reader::feature_count_hint() const {
    error_capture quiet;
    const GIntBig n = OGR_L_GetFeatureCount(m_impl->layer, FALSE); // -1: counting is expensive
    if (n < 0)
        return std::nullopt;
    return static_cast<std::int64_t>(n);
}

bool feature_reader::read(feature& out) {
    const thread_config config(m_impl->options.config_options);
    error_capture capture;
    const feature_ptr f(OGR_L_GetNextFeature(m_impl->layer));
    if (!f) {
        if (capture.failed())
            m_impl->fail(capture, "read failed");
        m_impl->keep_warnings(capture);
        return false;
    }
    OGRFeatureDefnH defn = OGR_F_GetDefnRef(f.get());
    const int n = OGR_F_GetFieldCount(f.get());
    out.m_schema = m_impl->fields;
    out.fid = static_cast<std::int64_t>(OGR_F_GetFID(f.get()));
    out.values.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        auto& value = out.values[static_cast<std::size_t>(i)];
        if (OGR_F_IsFieldSetAndNotNull(f.get(), i))
            value =
                field_text(f.get(), OGR_FD_GetFieldDefn(defn, i), i, m_impl->options.recode_from);
        else
            value.reset();
    }
    out.geometry = geometry_of(f.get(), m_impl->options);
    m_impl->keep_warnings(capture);
    return true;
}

std::optional<feature> feature_reader::next() {
    feature f;
    if (!read(f))
        return std::nullopt;
    return f;
}

void feature_reader::rewind() { OGR_L_ResetReading(m_impl->layer); }

const std::vector<std::string>& feature_reader::warnings() const noexcept {
    return m_impl->warnings;
}

} // namespace riskatlas::io
