// MBTiles 1.3 archives (an SQLite file of gzip-compressed vector tiles plus name/value
// metadata): a writer for `riskatlas seed` and a read-only reader for the /archive routes.
// SQLite stays behind these classes; no sqlite3 type appears in this header.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <riskatlas/geo/tile.hpp>

namespace riskatlas::tiles {

/// MBTiles stores rows in the TMS scheme (y up from the south); our tiles are XYZ (y down).
/// The flip is its own inverse.
std::uint32_t tms_row(int z, std::uint32_t y);

/// Writes one archive in a single transaction: nothing is visible in the file until `commit`,
/// and a writer destroyed without commit rolls back.
class mbtiles_writer {
  public:
    /// Creates the schema in `path`, which must not exist yet; throws riskatlas::error.
    explicit mbtiles_writer(const std::string& path);
    ~mbtiles_writer();
    mbtiles_writer(const mbtiles_writer&) = delete;
    mbtiles_writer& operator=(const mbtiles_writer&) = delete;

    void put_metadata(std::string_view name, std::string_view value);
    /// `gzipped_mvt` is stored as is; the tile is given in XYZ and stored flipped to TMS.
    void put_tile(const geo::tile_id& tile, std::string_view gzipped_mvt);
    void commit();

  private:
    struct impl;
    std::unique_ptr<impl> m_impl;
};

/// Reads an archive opened read-only; safe to share between threads.
class mbtiles_reader {
  public:
    /// Throws riskatlas::error("invalid_archive") when `path` is not an MBTiles file.
    explicit mbtiles_reader(const std::string& path);
    ~mbtiles_reader();
    mbtiles_reader(const mbtiles_reader&) = delete;
    mbtiles_reader& operator=(const mbtiles_reader&) = delete;

    /// Every metadata row, read once at open.
    const std::map<std::string, std::string>& metadata() const noexcept;
    /// Stable digest of the metadata (a new seed writes new metadata), as 16 hex digits.
    const std::string& digest() const noexcept;
    /// The stored bytes of the XYZ tile, nullopt when the archive has none.
    std::optional<std::string> tile(const geo::tile_id& tile) const;
    /// How many tiles the archive holds.
    std::int64_t tile_count() const;

  private:
    struct impl;
    std::unique_ptr<impl> m_impl;
};

} // namespace riskatlas::tiles
