// MBTiles 1.3 (https://github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md) over SQLite.
#include <riskatlas/tiles/mbtiles.hpp>

#include "sqlite_handle.hpp"

#include <riskatlas/error.hpp>

#include <mutex>

namespace riskatlas::tiles {

std::uint32_t tms_row(int z, std::uint32_t y) { return geo::tiles_per_axis(z) - 1 - y; }

namespace {
// The spec's schema: plain tables (a view over deduplicated images is allowed too, but readers
// such as GDAL's MBTiles driver handle the plain form everywhere). The unique index both stops
// a tile being written twice and is what readers look tiles up by.
constexpr auto schema = R"sql(
CREATE TABLE metadata (name TEXT NOT NULL, value TEXT);
CREATE UNIQUE INDEX metadata_name ON metadata (name);
CREATE TABLE tiles (zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL,
                    tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL);
CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
)sql";

// FNV-1a, 64 bits: stable across builds, so an ETag survives a server restart.
std::string digest_of(const std::map<std::string, std::string>& rows) {
    std::uint64_t h = 14695981039346656037ull;
    auto add = [&](std::string_view text) {
        for (const char c : text) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ull;
        }
        h ^= 0xff; // separator: ("ab","c") and ("a","bc") must differ
        h *= 1099511628211ull;
    };
    for (const auto& [name, value] : rows) {
        add(name);
        add(value);
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4)
        out[static_cast<std::size_t>(i)] = hex[h & 0xf];
    return out;
}
} // namespace

struct mbtiles_writer::impl {
    sqlite::db_ptr db;
    sqlite::stmt_ptr insert_tile, insert_metadata;
    bool committed = false;
};

mbtiles_writer::mbtiles_writer(const std::string& path) : m_impl(std::make_unique<impl>()) {
    auto& m = *m_impl;
    // SQLITE_OPEN_EXCLUSIVE is ignored by sqlite3_open_v2, so "must not exist" is the caller's
    // check; a stale file would fail at CREATE TABLE anyway.
    m.db = sqlite::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "archive_unwritable");
    // The file is a private copy until renamed into place, so a crash may leave it corrupt: the
    // journal only has to make ROLLBACK work (memory will do) and nothing needs syncing.
    sqlite::exec(m.db.get(),
                 "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; "
                 "PRAGMA application_id = 1297105496; BEGIN;"); // 0x4d504258 "MPBX", spec 1.3
    sqlite::exec(m.db.get(), schema);
    m.insert_tile = sqlite::prepare(
        m.db.get(), "INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) "
                    "VALUES (?1, ?2, ?3, ?4)");
    m.insert_metadata = sqlite::prepare(
        m.db.get(), "INSERT OR REPLACE INTO metadata (name, value) VALUES (?1, ?2)");
}

mbtiles_writer::~mbtiles_writer() {
    if (m_impl && m_impl->db && !m_impl->committed)
        sqlite3_exec(m_impl->db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void mbtiles_writer::put_metadata(std::string_view name, std::string_view value) {
    auto* s = m_impl->insert_metadata.get();
    sqlite::bind_text(s, 1, name);
    sqlite::bind_text(s, 2, value);
    sqlite::step(s);
    sqlite3_reset(s);
}

void mbtiles_writer::put_tile(const geo::tile_id& tile, std::string_view gzipped_mvt) {
    auto* s = m_impl->insert_tile.get();
    sqlite::bind_int(s, 1, tile.z);
    sqlite::bind_int(s, 2, tile.x);
    sqlite::bind_int(s, 3, tms_row(tile.z, tile.y));
    sqlite::bind_blob(s, 4, gzipped_mvt);
    sqlite::step(s);
    sqlite3_reset(s);
}

void mbtiles_writer::commit() {
    sqlite::exec(m_impl->db.get(), "COMMIT");
    m_impl->committed = true;
    m_impl->insert_tile.reset();
    m_impl->insert_metadata.reset();
    m_impl->db.reset(); // closes the file, so the caller may rename it at once
}

struct mbtiles_reader::impl {
    sqlite::db_ptr db;
    sqlite::stmt_ptr select_tile;
    std::mutex mutex; // one prepared statement, shared: SQLite statements are not thread-safe
    std::map<std::string, std::string> metadata;
    std::string digest;
};

mbtiles_reader::mbtiles_reader(const std::string& path) : m_impl(std::make_unique<impl>()) {
    auto& m = *m_impl;
    m.db = sqlite::open(path, SQLITE_OPEN_READONLY, "invalid_archive");
    try {
        auto rows = sqlite::prepare(m.db.get(), "SELECT name, value FROM metadata");
        while (sqlite::step(rows.get()))
            m.metadata[sqlite::column_bytes(rows.get(), 0)] = sqlite::column_bytes(rows.get(), 1);
        m.select_tile =
            sqlite::prepare(m.db.get(), "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND "
                                        "tile_column = ?2 AND tile_row = ?3");
    } catch (const error& e) {
        throw error("invalid_archive", path + " is not an MBTiles archive (" + e.what() + ")");
    }
    m.digest = digest_of(m.metadata);
}

mbtiles_reader::~mbtiles_reader() = default;

const std::map<std::string, std::string>& mbtiles_reader::metadata() const noexcept {
    return m_impl->metadata;
}

const std::string& mbtiles_reader::digest() const noexcept { return m_impl->digest; }

std::optional<std::string> mbtiles_reader::tile(const geo::tile_id& tile) const {
    std::lock_guard lock(m_impl->mutex);
    auto* s = m_impl->select_tile.get();
    sqlite3_reset(s);
    sqlite::bind_int(s, 1, tile.z);
    sqlite::bind_int(s, 2, tile.x);
    sqlite::bind_int(s, 3, tms_row(tile.z, tile.y));
    std::optional<std::string> out;
    if (sqlite::step(s))
        out = sqlite::column_bytes(s, 0);
    sqlite3_reset(s);
    return out;
}

std::int64_t mbtiles_reader::tile_count() const {
    std::lock_guard lock(m_impl->mutex);
    auto s = sqlite::prepare(m_impl->db.get(), "SELECT count(*) FROM tiles");
    sqlite::step(s.get());
    return sqlite3_column_int64(s.get(), 0);
}

} // namespace riskatlas::tiles
