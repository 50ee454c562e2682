// Thin checked wrappers over the SQLite C API (see sqlite_handle.hpp).
#include "sqlite_handle.hpp"

#include <riskatlas/error.hpp>

namespace riskatlas::tiles::sqlite {
namespace {
[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw error("archive_error", what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}
} // namespace

db_ptr open(const std::string& path, int flags, const char* code) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db_ptr db(raw); // owned even on failure: SQLite hands back a handle to close
    if (rc != SQLITE_OK)
        throw error(code,
                    "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
    return db;
}

void exec(sqlite3* db, const std::string& sql) {
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db, "SQLite statement failed");
}

stmt_ptr prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        fail(db, "cannot prepare SQLite statement");
    return stmt_ptr(raw);
}

void bind_text(sqlite3_stmt* s, int index, std::string_view text) {
    if (sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        fail(sqlite3_db_handle(s), "cannot bind text");
}

void bind_blob(sqlite3_stmt* s, int index, std::string_view bytes) {
    if (sqlite3_bind_blob(s, index, bytes.data(), static_cast<int>(bytes.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
        fail(sqlite3_db_handle(s), "cannot bind blob");
}

void bind_int(sqlite3_stmt* s, int index, long long value) {
    if (sqlite3_bind_int64(s, index, value) != SQLITE_OK)
        fail(sqlite3_db_handle(s), "cannot bind integer");
}

bool step(sqlite3_stmt* s) {
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(sqlite3_db_handle(s), "SQLite step failed");
}

std::string column_bytes(sqlite3_stmt* s, int i) {
    // sqlite3_column_blob then _bytes, in that order, as SQLite's documentation asks.
    const auto* data = static_cast<const char*>(sqlite3_column_blob(s, i));
    const int size = sqlite3_column_bytes(s, i);
    return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

} // namespace riskatlas::tiles::sqlite
