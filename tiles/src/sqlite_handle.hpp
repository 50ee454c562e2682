// Owners of SQLite's C handles (one unique_ptr with a deleter per handle type, as STYLE.md asks)
// and the few calls mbtiles.cpp needs, with SQLite's errors turned into riskatlas::error.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace riskatlas::tiles::sqlite {

struct db_deleter {
    // sqlite3_close_v2 defers the close until every statement is finalized, so the order in
    // which owners are destroyed does not matter.
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct stmt_deleter {
    void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using db_ptr = std::unique_ptr<sqlite3, db_deleter>;
using stmt_ptr = std::unique_ptr<sqlite3_stmt, stmt_deleter>;

/// Opens `path` with SQLITE_OPEN_* `flags`; throws riskatlas::error(`code`) naming the file.
db_ptr open(const std::string& path, int flags, const char* code);
/// Runs statements that return no rows.
void exec(sqlite3* db, const std::string& sql);
stmt_ptr prepare(sqlite3* db, std::string_view sql);
/// Binds text or blob bytes (copied by SQLite, so `bytes` need not outlive the call).
void bind_text(sqlite3_stmt* s, int index, std::string_view text);
void bind_blob(sqlite3_stmt* s, int index, std::string_view bytes);
void bind_int(sqlite3_stmt* s, int index, long long value);
/// Steps a statement; true while it yields a row, false when done. Throws on error.
bool step(sqlite3_stmt* s);
/// Column `i` of the current row as bytes (text or blob).
std::string column_bytes(sqlite3_stmt* s, int i);

} // namespace riskatlas::tiles::sqlite
