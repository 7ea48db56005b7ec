// Thin RAII wrappers over the SQLite C API: a connection (Db) and a prepared statement (Stmt),
// with every SQLite error turned into a parallax::Status. Internal to the store.
//
// Lifetimes: text bound with Stmt::BindText is SQLITE_STATIC: the caller keeps the bytes alive
// until the statement is stepped and reset. Views returned by Stmt::Text() are valid until the
// next Step/Reset of that statement.
#ifndef PARALLAX_STORE_SQLITE_UTIL_H_
#define PARALLAX_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::store {

// Maps an SQLite result code to a Status: I/O, full disk, cannot open -> IoError; busy/locked
// -> ResourceExhausted; constraint -> InvalidArgument; not a database -> Unsupported; else
// Internal. `context` prefixes the message.
Status SqliteStatus(int rc, sqlite3* db, std::string_view context);

class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  sqlite3_stmt* get() const { return stmt_; }
  explicit operator bool() const { return stmt_ != nullptr; }

  // Parameters are 1-based, as in SQLite.
  void BindText(int i, std::string_view s);
  void BindBlob(int i, std::string_view bytes);
  void BindInt(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindDouble(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  // Binds NULL for an empty string.
  void BindTextOrNull(int i, std::string_view s) {
    if (s.empty())
      BindNull(i);
    else
      BindText(i, s);
  }

  // true: a row is ready; false: done. Errors: see SqliteStatus.
  Result<bool> Step();
  // Steps to completion (a write) and resets the statement, keeping its bindings cleared.
  Status Run();
  void Reset();

  // Columns are 0-based.
  std::string_view Text(int i) const;
  std::string Str(int i) const { return std::string(Text(i)); }
  std::string_view Blob(int i) const;
  int64_t Int(int i) const { return sqlite3_column_int64(stmt_, i); }
  double Double(int i) const { return sqlite3_column_double(stmt_, i); }
  bool IsNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  std::optional<int64_t> OptInt(int i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
  }
  int ColumnCount() const { return sqlite3_column_count(stmt_); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  Db() = default;
  Db(Db&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // `flags`: SQLITE_OPEN_* flags. Errors: IoError (NotFound when the file is missing and
  // SQLITE_OPEN_CREATE is not given).
  static Result<Db> Open(const std::string& path, int flags);

  sqlite3* get() const { return db_; }
  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql, bool persistent = false);
  // The first column of the first row of `sql` as an integer (0 when no row).
  Result<int64_t> QueryInt(std::string_view sql);
  Result<std::string> QueryText(std::string_view sql);

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace parallax::store

#endif  // PARALLAX_STORE_SQLITE_UTIL_H_
