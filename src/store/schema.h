// The store's schema as an ordered list of migrations, and the code that applies them.
//
// Policy (docs/schema/sqlite.md): PRAGMA user_version is the number of the last migration
// applied; the table `migrations` lists every applied step with its time. Migrations are only
// ever appended (a released step is never edited); each runs in its own IMMEDIATE transaction
// together with its `migrations` row and the user_version bump, so a crash mid-migration leaves
// the previous version. A database whose version is newer than this build is refused.
#ifndef PARALLAX_STORE_SCHEMA_H_
#define PARALLAX_STORE_SCHEMA_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "parallax/status.h"
#include "src/store/sqlite_util.h"

namespace parallax::store {

// PRAGMA application_id of a parallax database: "PRLX".
inline constexpr int32_t kApplicationId = 0x50524c58;

struct Migration {
  int version;  // 1, 2, ... (== position + 1)
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& Migrations();

// Checks that `db` can be used by this build and applies the missing migrations up to
// `target_version` (tests pass lower targets to build old databases).
// Errors: Unsupported for a newer schema, a foreign application id, tables without a schema
// version, or a needed migration when `read_only`; errors of a failed step otherwise.
Status Migrate(Db& db, int target_version, bool read_only);

// FTS5 merge settings for a write-heavy index, stored in articles_fts_config the first time a
// read-write connection opens the database (settings already there are kept): automerge 16
// (kAutomerge; FTS5's default is 4) merges segments in wider, less frequent steps, which cut
// the index's share of ingest CPU by about 15%; crisismerge 32 (kCrisismerge) keeps a query
// from meeting more than 32 segments of one level. Also raises the connection's WAL
// auto-checkpoint to kWalCheckpointPages pages. Errors: those of SQLite.
inline constexpr int kAutomerge = 16;
inline constexpr int kCrisismerge = 32;
inline constexpr int kWalCheckpointPages = 16384;
Status TuneForWrites(Db& db);

}  // namespace parallax::store

#endif  // PARALLAX_STORE_SCHEMA_H_
