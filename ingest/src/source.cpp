// Text encodings. Shapefiles: GDAL recodes DBF text from the .cpg or the DBF's language-driver
// byte and otherwise assumes ISO-8859-1, which turns GBK into mojibake without any error. CSV:
// GDAL passes the bytes through, and Excel on Chinese Windows saves CSV as GBK. So for both we
// read the raw bytes of the header and the first features and pick UTF-8 if they are valid
// UTF-8, else GB18030 (the superset of GBK); a CSV is then recoded by GDAL's CPLRecode as it is
// read, a Shapefile by its driver.
#include "source.hpp"

#include <algorithm>
#include <cctype>

#include "values.hpp"

namespace riskatlas::ingest::detail {
namespace {

constexpr int sample_features = 500;

bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size())
        return false;
    return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<long>(suffix.size()),
                      [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                      });
}

// Only the formats we import: GDAL would otherwise pick any driver from the content, and a VRT
// disguised as .csv could read server files or fetch URLs and echo them back in the report.
const std::vector<std::string>& import_drivers() {
    static const std::vector<std::string> drivers{"GPKG", "ESRI Shapefile", "GeoJSON", "GeoJSONSeq",
                                                  "CSV",  "XLSX",           "ODS",     "LIBKML",
                                                  "KML",  "FlatGeobuf"};
    return drivers;
}

// Where to read and what to call it in messages.
struct source_file {
    std::string gdal_path;
    std::string display_name;
    std::string layer;
};

io::feature_reader open_with(const source_file& file, std::vector<std::string> driver_options,
                             std::vector<std::pair<std::string, std::string>> config = {},
                             std::string recode_from = {}) {
    io::open_options options;
    options.allowed_drivers = import_drivers();
    options.layer = file.layer;
    options.display_name = file.display_name;
    options.driver_options = std::move(driver_options);
    options.config_options = std::move(config);
    options.recode_from = std::move(recode_from);
    return io::feature_reader(file.gdal_path, options);
}

bool sample_is_utf8(io::feature_reader& reader) {
    for (const auto& column : reader.fields().fields())
        if (!is_utf8(column.name))
            return false;
    io::feature f;
    for (int i = 0; i < sample_features && reader.read(f); ++i)
        for (const auto& v : f.values)
            if (v && !is_utf8(*v))
                return false;
    reader.rewind();
    return true;
}

std::optional<std::string> cpg_of(const io::feature_reader& reader) {
    for (const auto& file : reader.files())
        if (ends_with_ci(file, ".cpg"))
            return file;
    return std::nullopt;
}

bool is_utf8_name(const std::string& encoding) {
    std::string l;
    for (const char c : encoding)
        if (c != '-' && c != '_')
            l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l == "utf8";
}

// GDAL's CSV driver has no encoding option: it hands over the raw bytes, which io recodes.
opened_source open_csv(io::feature_reader raw, const source_file& file,
                       const std::string& encoding) {
    if (!encoding.empty()) {
        if (is_utf8_name(encoding))
            return {std::move(raw), encoding + " (option)"};
        return {open_with(file, {}, {}, encoding), encoding + " (option)"};
    }
    if (sample_is_utf8(raw))
        return {std::move(raw), "UTF-8 (detected)"};
    return {open_with(file, {}, {}, "GB18030"), "GB18030 (detected)"};
}

} // namespace

opened_source open_source(const std::string& path, const std::string& display_name,
                          const std::string& layer, const std::string& encoding) {
    const bool zipped = ends_with_ci(path, ".zip");
    const source_file file{zipped ? "/vsizip/" + path : path, display_name, layer};
    io::feature_reader reader = open_with(file, {});
    const std::string driver = reader.driver_name();
    // Spreadsheet ledgers always have a header row, but GDAL only detects one when the second row
    // has a non-text cell; an all-text ledger would lose its headers.
    if (driver == "XLSX" || driver == "ODS")
        return {open_with(file, {}, {{"OGR_" + driver + "_HEADERS", "FORCE"}}), "UTF-8"};
    if (driver == "CSV")
        return open_csv(std::move(reader), file, encoding);
    if (driver != "ESRI Shapefile")
        return {std::move(reader), "UTF-8"};
    if (!encoding.empty())
        return {open_with(file, {"ENCODING=" + encoding}), encoding + " (option)"};
    if (cpg_of(reader))
        return {std::move(reader), "as its .cpg says"};
    io::feature_reader raw = open_with(file, {"ENCODING="});
    if (sample_is_utf8(raw))
        return {std::move(raw), "UTF-8 (detected)"};
    return {open_with(file, {"ENCODING=GB18030"}), "GB18030 (detected)"};
}

} // namespace riskatlas::ingest::detail
