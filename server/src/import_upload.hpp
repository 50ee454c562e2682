// POST /api/imports, before any work: the upload (a multipart form or a raw body) checked and
// turned into ingest options, and the private directory the file waits in for its job.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <riskatlas/ingest/import.hpp>

#include "http_types.hpp"

namespace riskatlas::server {

struct import_upload {
    std::string filename;           ///< as the client named it, without directories
    std::string extension;          ///< lower case with the dot: ".gpkg", ".zip", ...
    std::string_view content;       ///< the file's bytes (a view into the request body)
    ingest::import_options options; ///< everything but `path`, set once the file is saved
};

/// Reads `multipart/form-data` (parts `file`, `kind`, and optional `mapping`, `crs`, `gcj02`,
/// `accept_partial`, `dry_run`, `layer`, `encoding`; the options may also be query parameters)
/// or an `application/octet-stream` body with `?kind=&filename=` and the same options. Throws
/// invalid_argument naming the problem: unknown kind or parameter, missing or empty file, an
/// extension GDAL is not given uploads of, a flag other than true/false, mapping not JSON.
/// Throws unsupported_media_type for any other Content-Type.
import_upload parse_import_request(const http_request& request);

/// The request's Content-Type is neither multipart/form-data nor application/octet-stream
/// (answered 415 by the route).
class unsupported_media_type : public invalid_argument {
  public:
    using invalid_argument::invalid_argument;
};

/// A directory only this process can read (mode 0700, unique name) holding one uploaded file,
/// locked (flock) while it is wanted; removed with everything in it when the last owner lets go
/// (the job has finished).
class upload_dir {
  public:
    /// Writes `upload.content` to <temp>/riskatlas-upload-XXXXXX/upload<extension>.
    static std::shared_ptr<upload_dir> save(const import_upload& upload);
    ~upload_dir();
    upload_dir(const upload_dir&) = delete;
    upload_dir& operator=(const upload_dir&) = delete;

    const std::filesystem::path& file() const noexcept { return m_file; }

  private:
    upload_dir(std::filesystem::path dir, std::filesystem::path file, int lock_fd);
    std::filesystem::path m_dir;
    std::filesystem::path m_file;
    int m_lock_fd;
};

/// Removes the upload directories in `parent` that a process of this program left behind when
/// it died before its jobs ended (a crash, kill -9): ours by name and owner, and locked by no
/// process (a minute old at least, so one being made is not taken); those of older builds, which
/// did not lock them, once untouched for a day. Call at server start. Returns how many were
/// removed; never throws.
std::size_t remove_stale_upload_dirs(const std::filesystem::path& parent);

} // namespace riskatlas::server
