#include "src/store/sqlite_util.h"

#include <sys/stat.h>

#include <string>

namespace parallax::store {

Status SqliteStatus(int rc, sqlite3* db, std::string_view context) {
  std::string message(context);
  if (!message.empty()) message += ": ";
  // The connection's message is more precise than sqlite3_errstr, but only when it belongs to
  // this error (the extended code matches).
  if (db != nullptr && (sqlite3_extended_errcode(db) & 0xff) == (rc & 0xff)) {
    message += sqlite3_errmsg(db);
  } else {
    message += sqlite3_errstr(rc);
  }
  switch (rc & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CORRUPT:
      return Status::IoError(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
      return Status::ResourceExhausted(std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return Status::InvalidArgument(std::move(message));
    case SQLITE_NOTADB:
      return Status::Unsupported(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

void Stmt::BindText(int i, std::string_view s) {
  // A null data pointer would bind NULL, not the empty string.
  sqlite3_bind_text(stmt_, i, s.data() != nullptr ? s.data() : "", static_cast<int>(s.size()),
                    SQLITE_STATIC);
}

void Stmt::BindBlob(int i, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, i, bytes.data() != nullptr ? bytes.data() : "",
                    static_cast<int>(bytes.size()), SQLITE_STATIC);
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_);
  Status status = SqliteStatus(rc, db, "");
  // After an error the statement must be reset before reuse.
  sqlite3_reset(stmt_);
  return status;
}

Status Stmt::Run() {
  Result<bool> r = Step();
  Reset();
  if (!r.ok()) return r.status();
  return Status::Ok();
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Stmt::Text(int i) const {
  const unsigned char* p = sqlite3_column_text(stmt_, i);
  if (p == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
}

std::string_view Stmt::Blob(int i) const {
  const void* p = sqlite3_column_blob(stmt_, i);
  if (p == nullptr) return {};
  return std::string_view(static_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
}

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}

Db::~Db() { sqlite3_close_v2(db_); }

Result<Db> Db::Open(const std::string& path, int flags) {
  if ((flags & SQLITE_OPEN_CREATE) == 0 && path != ":memory:") {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return Status::NotFound("no database at " + path);
  }
  Db db;
  int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db.db_, "opening " + path);
  sqlite3_extended_result_codes(db.db_, 1);
  return db;
}

Status Db::Exec(std::string_view sql) {
  std::string copy(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    Status status = SqliteStatus(rc, db_, "");
    sqlite3_free(error);
    return status;
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql, bool persistent) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(rc, db_, "preparing statement");
  return Stmt(stmt);
}

Result<int64_t> Db::QueryInt(std::string_view sql) {
  PARALLAX_ASSIGN_OR_RETURN(Stmt stmt, Prepare(sql));
  PARALLAX_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : int64_t{0};
}

Result<std::string> Db::QueryText(std::string_view sql) {
  PARALLAX_ASSIGN_OR_RETURN(Stmt stmt, Prepare(sql));
  PARALLAX_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Str(0) : std::string();
}

}  // namespace parallax::store
