// Upload checks for POST /api/imports: every problem is named before a job exists.
#include "import_upload.hpp"

#include "multipart.hpp"

#include <riskatlas/error.hpp>
#include <riskatlas/ingest/kinds.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace riskatlas::server {
namespace {

using nlohmann::json;

// Formats GDAL reads from one uploaded file; the extension is how it tells them apart.
constexpr std::array<std::string_view, 9> uploadable{".gpkg", ".zip", ".geojson", ".json", ".csv",
                                                     ".xlsx", ".kml", ".kmz",     ".fgb"};
constexpr std::array<std::string_view, 8> option_names{
    "kind", "mapping", "crs", "gcj02", "accept_partial", "dry_run", "layer", "encoding"};

// Upload directories are riskatlas-upload-XXXXXX, each locked (flock) by the process whose job
// it waits for; riskatlas-import-XXXXXX was the unlocked name of builds before the lock.
constexpr std::string_view upload_dir_prefix = "riskatlas-upload-";
constexpr std::string_view unlocked_dir_prefix = "riskatlas-import-";
constexpr std::size_t mkdtemp_suffix = 6;

bool is_alnum_text(std::string_view s) {
    return std::ranges::all_of(s,
                               [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// How long a directory of ours must be untouched before it can be left over, by its name;
// nullopt: not one of ours. A locked directory is new for the instant between mkdtemp and flock
// (a second server starting then must not take it); an unlocked one of an older build may still
// be waited for by that build's server (beside us, in an upgrade), but no import waits a day.
std::optional<std::chrono::seconds> min_stale_age(std::string_view name) {
    const auto suffix_ok = [](std::string_view rest) {
        return rest.size() == mkdtemp_suffix && is_alnum_text(rest);
    };
    if (name.starts_with(upload_dir_prefix) && suffix_ok(name.substr(upload_dir_prefix.size())))
        return std::chrono::minutes(1);
    if (name.starts_with(unlocked_dir_prefix) && suffix_ok(name.substr(unlocked_dir_prefix.size())))
        return std::chrono::hours(24);
    return std::nullopt;
}

// A process that still owns the directory holds its lock; the kernel drops the lock of a
// process that died, whatever its process id or namespace.
bool is_unlocked(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    const bool taken = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd); // closing releases the lock we took
    return taken;
}

[[noreturn]] void reject(const std::string& code, const std::string& message) {
    throw invalid_argument(code, message);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool has_control(std::string_view s, bool allow_newlines) {
    return std::ranges::any_of(s, [&](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (allow_newlines && (c == '\n' || c == '\r' || c == '\t'))
            return false;
        return u < 0x20 || u == 0x7f;
    });
}

std::string list_of(auto names) {
    std::string out;
    for (const auto n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

std::string checked_filename(std::string_view name) {
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
        name.remove_prefix(slash + 1); // only the name is ours to keep
    if (name.empty())
        reject("missing_filename",
               "the file has no name; its extension (.gpkg, .csv, ...) tells the format");
    if (name.size() > 255 || has_control(name, false))
        reject("invalid_filename",
               "the file name must be at most 255 bytes without control characters");
    return std::string(name);
}

std::string checked_extension(const std::string& filename) {
    const auto dot = filename.rfind('.');
    const auto ext = dot == std::string::npos ? std::string() : lower(filename.substr(dot));
    if (ext == ".shp")
        reject("unsupported_format", "a Shapefile is several files (.shp, .dbf, .shx, .prj, .cpg): "
                                     "zip them together and upload the .zip");
    if (std::ranges::find(uploadable, ext) == uploadable.end())
        reject("unsupported_format", "'" + filename +
                                         "' is not an importable file; upload one of " +
                                         list_of(uploadable));
    return ext;
}

bool parse_flag(std::string_view name, std::string_view value) {
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    reject("invalid_parameter", std::string(name) + " must be true or false, not '" +
                                    std::string(value.substr(0, 40)) + "'");
}

// Only the shape is checked here; run_import names unknown model fields and columns.
json parse_mapping(std::string_view text) {
    json mapping;
    try {
        mapping = json::parse(text);
    } catch (const json::parse_error& e) {
        reject("invalid_mapping", std::string("mapping is not valid JSON: ") + e.what());
    }
    if (!mapping.is_object())
        reject("invalid_mapping", "mapping must be a JSON object such as "
                                  "{\"fields\": {\"name\": \"单位名称\"}, \"defaults\": {}}");
    for (const auto& [key, value] : mapping.items()) {
        if (key != "fields" && key != "defaults")
            reject("invalid_mapping",
                   "mapping has an unknown key '" + key + "'; accepted: fields, defaults");
        if (!value.is_object())
            reject("invalid_mapping", "mapping." + key + " must be a JSON object");
    }
    if (mapping.contains("fields"))
        for (const auto& [field, column] : mapping["fields"].items())
            if (!column.is_string() || column.get<std::string>().empty())
                reject("invalid_mapping",
                       "mapping.fields." + field + " must name a source column (a string)");
    return mapping;
}

void apply_option(ingest::import_options& o, bool& has_kind, const std::string& name,
                  std::string_view value) {
    if (name == "kind") {
        o.kind = ingest::parse_kind(value);
        if (!ingest::importable(o.kind))
            reject("unsupported_kind",
                   "importing " + std::string(ingest::kind_name(o.kind)) + " is not supported yet");
        has_kind = true;
    } else if (name == "mapping") {
        o.mapping = parse_mapping(value);
    } else if (name == "crs") {
        if (value.size() > 8192 || has_control(value, true))
            reject("invalid_parameter",
                   "crs must be an EPSG code, WKT or PROJ string of at most 8 KiB");
        o.crs = std::string(value);
    } else if (name == "layer") {
        if (value.size() > 255 || has_control(value, false))
            reject("invalid_parameter", "layer must be a layer name of at most 255 bytes");
        o.layer = std::string(value);
    } else if (name == "encoding") {
        const bool ok =
            !value.empty() && value.size() <= 40 && std::ranges::all_of(value, [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                       c == '.' || c == ':';
            });
        if (!ok)
            reject("invalid_parameter",
                   "encoding must be a character set name such as GBK or UTF-8");
        o.encoding = std::string(value);
    } else if (name == "gcj02") {
        o.gcj02 = parse_flag(name, value);
    } else if (name == "accept_partial") {
        o.accept_partial = parse_flag(name, value);
    } else if (name == "dry_run") {
        o.dry_run = parse_flag(name, value);
    }
}

// Options from the query and the form, each given at most once.
class option_set {
  public:
    void add(const std::string& name, std::string_view value) {
        if (!m_values.emplace(name, value).second)
            reject("duplicate_parameter", "'" + name + "' is given more than once");
    }
    void apply(ingest::import_options& o) const {
        bool has_kind = false;
        for (const auto& [name, value] : m_values)
            apply_option(o, has_kind, name, value);
        if (!has_kind)
            reject("missing_kind", "kind is required: one of " + kinds_list());
    }

  private:
    static std::string kinds_list() {
        std::string out;
        for (const auto k : ingest::all_kinds())
            out += (out.empty() ? "" : ", ") + std::string(ingest::kind_name(k));
        return out;
    }
    std::map<std::string, std::string_view> m_values;
};

bool is_option(std::string_view name) {
    return std::ranges::find(option_names, name) != option_names.end();
}

void add_query(const http_request& req, option_set& options, bool raw) {
    for (const auto& [name, value] : req.query) {
        if (raw && name == "filename")
            continue;
        if (!is_option(name))
            reject("unknown_parameter", "unknown parameter '" + name + "'; accepted: " +
                                            list_of(option_names) + (raw ? ", filename" : ""));
        options.add(name, value);
    }
}

import_upload from_form(const http_request& req, std::string_view content_type) {
    const auto boundary = multipart_boundary(content_type);
    import_upload up;
    option_set options;
    add_query(req, options, false);
    bool has_file = false;
    for (const auto& part : parse_multipart(req.body, boundary)) {
        if (part.name == "file") {
            if (has_file)
                reject("duplicate_parameter",
                       "the form has more than one 'file' part; import one file at a time");
            if (!part.filename)
                reject("missing_filename",
                       "the 'file' part has no filename; its extension tells the format");
            up.filename = checked_filename(*part.filename);
            up.content = part.data;
            has_file = true;
        } else if (is_option(part.name)) {
            if (part.filename)
                reject("invalid_parameter", "'" + part.name + "' must be a text field, not a file");
            options.add(part.name, part.data);
        } else {
            reject("unknown_parameter", "unknown form field '" + part.name.substr(0, 60) +
                                            "'; accepted: file, " + list_of(option_names));
        }
    }
    if (!has_file)
        reject("missing_file",
               "the form has no 'file' part (curl -F file=@data.gpkg -F kind=enterprises)");
    options.apply(up.options);
    return up;
}

import_upload from_raw(const http_request& req) {
    import_upload up;
    option_set options;
    add_query(req, options, true);
    const auto filename = req.query_value("filename");
    if (!filename)
        reject("missing_filename",
               "a raw upload needs ?filename=<name with extension>, e.g. filename=parks.gpkg");
    up.filename = checked_filename(*filename);
    up.content = req.body;
    options.apply(up.options);
    return up;
}

} // namespace

import_upload parse_import_request(const http_request& request) {
    const auto content_type = request.header("Content-Type").value_or("");
    const auto media = lower(content_type.substr(0, content_type.find(';')));
    import_upload up;
    if (is_multipart_form(content_type))
        up = from_form(request, content_type);
    else if (media.find("application/octet-stream") != std::string::npos)
        up = from_raw(request);
    else
        throw unsupported_media_type(
            "unsupported_media_type",
            "send the file as multipart/form-data (curl -F file=@data.gpkg -F kind=...) or as "
            "application/octet-stream with ?kind=...&filename=data.gpkg, not '" +
                content_type.substr(0, 100) + "'");
    up.extension = checked_extension(up.filename);
    if (up.content.empty())
        reject("empty_file", "the uploaded file '" + up.filename + "' is empty");
    return up;
}

upload_dir::upload_dir(std::filesystem::path dir, std::filesystem::path file, int lock_fd)
    : m_dir(std::move(dir)), m_file(std::move(file)), m_lock_fd(lock_fd) {}

upload_dir::~upload_dir() {
    std::error_code ignored; // nothing to do about it in a destructor; the name is unique
    std::filesystem::remove_all(m_dir, ignored);
    ::close(m_lock_fd); // only now: unlocked, the directory would be anyone's to remove
}

std::shared_ptr<upload_dir> upload_dir::save(const import_upload& upload) {
    // mkdtemp gives a unique name and mode 0700; the lock held for the directory's life tells a
    // later start that it is still wanted (see remove_stale_upload_dirs).
    auto pattern =
        (std::filesystem::temp_directory_path() / (std::string(upload_dir_prefix) + "XXXXXX"))
            .string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw error("upload_failed",
                    std::string("cannot create an upload directory: ") + std::strerror(errno));
    const std::filesystem::path dir = pattern;
    const int lock_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock_fd < 0 || ::flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
        const int saved = errno;
        if (lock_fd >= 0)
            ::close(lock_fd);
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
        throw error("upload_failed",
                    std::string("cannot lock the upload directory: ") + std::strerror(saved));
    }
    std::shared_ptr<upload_dir> owner(
        new upload_dir(dir, dir / ("upload" + upload.extension), lock_fd));
    std::ofstream out(owner->file(), std::ios::binary);
    out.write(upload.content.data(), static_cast<std::streamsize>(upload.content.size()));
    out.close();
    // the client knows its file by its own name; the server's path is none of its business
    if (!out)
        throw error("upload_failed", "cannot save the upload '" + upload.filename +
                                         "' (is the server's temporary disk full?)");
    return owner;
}

std::size_t remove_stale_upload_dirs(const std::filesystem::path& parent) {
    namespace fs = std::filesystem;
    std::size_t removed = 0;
    std::error_code ec;
    // increment(ec), not a range-for: a directory that cannot be read must not stop a start
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        const auto path = it->path();
        struct stat info {};
        const auto min_age = min_stale_age(path.filename().string());
        if (!min_age || ::lstat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) ||
            info.st_uid != ::geteuid() ||
            std::time(nullptr) - info.st_mtime < static_cast<std::time_t>(min_age->count()) ||
            !is_unlocked(path))
            continue;
        std::error_code failed; // another process may be removing it too
        fs::remove_all(path, failed);
        if (!failed)
            ++removed;
    }
    return removed;
}

} // namespace riskatlas::server
