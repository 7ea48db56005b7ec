#include "src/store/schema.h"

#include <string>

#include "parallax/store.h"

namespace parallax::store {
namespace {

// Version 1: the relational tables. The span tables (blocks, sentences, entities, mentions,
// quotes) are WITHOUT ROWID, clustered by (article_seq, ...): reading one article's spans is
// one range scan, and since ingest_seq only grows, a batch's rows are appended at the right
// edge of each B-tree. Keying them by the 16-hex-digit article id instead scatters the inserts
// over the whole tree (measured: ~10x fewer rows/s once the corpus outgrows the page cache).
// articles.ingest_seq is an INTEGER PRIMARY KEY also because FTS5 external content needs a
// stable integer rowid (an implicit rowid may be renumbered by VACUUM).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
);

CREATE TABLE outlets (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
  aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  domains TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(domains)),
  country TEXT NOT NULL DEFAULT '',
  kind    TEXT NOT NULL DEFAULT 'unknown'
          CHECK (kind IN ('unknown', 'state_agency', 'public_broadcaster', 'private',
                          'independent')),
  ratings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(ratings))
);

CREATE TABLE outlet_keys (
  key       TEXT PRIMARY KEY,
  outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX outlet_keys_outlet ON outlet_keys(outlet_id);

CREATE TABLE articles (
  ingest_seq           INTEGER PRIMARY KEY,
  id                   TEXT NOT NULL UNIQUE,
  source               TEXT NOT NULL,
  outlet               TEXT NOT NULL DEFAULT '',
  outlet_id            INTEGER REFERENCES outlets(id),
  headline             TEXT NOT NULL DEFAULT '',
  standfirst           TEXT NOT NULL DEFAULT '',
  section              TEXT NOT NULL DEFAULT '',
  published            TEXT,
  published_rule       TEXT,
  published_confidence REAL,
  dateline_place       TEXT,
  dateline_date        TEXT,
  dateline_agency      TEXT,
  dateline_start       INTEGER,
  dateline_end         INTEGER,
  byline               TEXT NOT NULL DEFAULT '[]',
  language             TEXT NOT NULL DEFAULT '',
  url                  TEXT NOT NULL DEFAULT '',
  charset              TEXT NOT NULL DEFAULT '',
  text                 TEXT NOT NULL,
  body                 TEXT NOT NULL,
  warnings             TEXT NOT NULL DEFAULT '[]',
  ingested_at          TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet_published ON articles(outlet_id, published);
CREATE INDEX articles_url ON articles(url) WHERE url <> '';

CREATE TABLE blocks (
  article_seq  INTEGER NOT NULL REFERENCES articles(ingest_seq) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  role         TEXT NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  markup_start INTEGER,
  markup_end   INTEGER,
  PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
  article_seq INTEGER NOT NULL REFERENCES articles(ingest_seq) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
  article_seq INTEGER NOT NULL REFERENCES articles(ingest_seq) ON DELETE CASCADE,
  entity_id   TEXT NOT NULL,
  idx         INTEGER NOT NULL,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL,
  roles       TEXT NOT NULL DEFAULT '[]',
  key         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (article_seq, entity_id)
) WITHOUT ROWID;
CREATE INDEX entities_key ON entities(key);

CREATE TABLE mentions (
  article_seq INTEGER NOT NULL REFERENCES articles(ingest_seq) ON DELETE CASCADE,
  entity_id   TEXT NOT NULL,
  idx         INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  PRIMARY KEY (article_seq, entity_id, idx)
) WITHOUT ROWID;

CREATE TABLE quotes (
  article_seq    INTEGER NOT NULL REFERENCES articles(ingest_seq) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  content_start  INTEGER NOT NULL,
  content_end    INTEGER NOT NULL,
  direct         INTEGER NOT NULL,
  speaker_entity TEXT,
  speaker_name   TEXT NOT NULL DEFAULT '',
  speaker_start  INTEGER NOT NULL,
  speaker_end    INTEGER NOT NULL,
  cue_start      INTEGER,
  cue_end        INTEGER,
  channel_start  INTEGER,
  channel_end    INTEGER,
  PRIMARY KEY (article_seq, idx)
) WITHOUT ROWID;

CREATE TABLE duplicates (
  article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  duplicate_of TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('exact', 'near', 'wire')),
  similarity   REAL NOT NULL,
  CHECK (article_id <> duplicate_of)
) WITHOUT ROWID;
CREATE INDEX duplicates_of ON duplicates(duplicate_of);

CREATE TABLE stories (
  id            INTEGER PRIMARY KEY,
  label         TEXT NOT NULL DEFAULT '',
  first         TEXT,
  last          TEXT,
  article_count INTEGER NOT NULL DEFAULT 0,
  state         BLOB,
  updated_at    TEXT NOT NULL
);
CREATE INDEX stories_dates ON stories(first, last);

CREATE TABLE story_members (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX story_members_story ON story_members(story_id);

CREATE TABLE failures (
  id     INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  record TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  at     TEXT NOT NULL
);
CREATE INDEX failures_source ON failures(source);

CREATE TABLE state (
  key        TEXT PRIMARY KEY,
  value      BLOB NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: full-text search. External content (the text lives once, in articles) so that
// snippet() and highlight() work; triggers keep the index in step with articles. 'rebuild'
// indexes the rows of a database migrated from version 1.
constexpr std::string_view kV2 = R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(
  headline, body,
  content = 'articles', content_rowid = 'ingest_seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, headline, body) VALUES (new.ingest_seq, new.headline, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, headline, body)
    VALUES ('delete', old.ingest_seq, old.headline, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, headline, body)
    VALUES ('delete', old.ingest_seq, old.headline, old.body);
  INSERT INTO articles_fts(rowid, headline, body) VALUES (new.ingest_seq, new.headline, new.body);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "tables: outlets, articles and spans, duplicates, stories, failures, state", kV1},
      {2, "full-text search: articles_fts (FTS5, external content) and triggers", kV2},
  };
  return kMigrations;
}

Status Migrate(Db& db, int target_version, bool read_only) {
  const int latest = static_cast<int>(Migrations().size());
  if (target_version > latest) return Status::Internal("no migration to that version");
  PARALLAX_ASSIGN_OR_RETURN(int64_t app_id, db.QueryInt("PRAGMA application_id"));
  if (app_id != 0 && app_id != kApplicationId) {
    return Status::Unsupported("not a parallax database (application_id " + std::to_string(app_id) +
                               ")");
  }
  PARALLAX_ASSIGN_OR_RETURN(int64_t version, db.QueryInt("PRAGMA user_version"));
  if (version > latest) {
    return Status::Unsupported("database schema version " + std::to_string(version) +
                               " is newer than this parallax build supports (" +
                               std::to_string(latest) + "); use a newer parallax");
  }
  if (version >= target_version) return Status::Ok();
  if (version == 0) {
    PARALLAX_ASSIGN_OR_RETURN(int64_t tables, db.QueryInt("SELECT count(*) FROM sqlite_master"));
    if (tables > 0) {
      return Status::Unsupported(
          "not a parallax database (it has tables but no parallax schema version)");
    }
  }
  if (read_only) {
    return Status::Unsupported("database schema version " + std::to_string(version) +
                               " needs a migration to " + std::to_string(target_version) +
                               "; open it once read-write");
  }
  for (const Migration& m : Migrations()) {
    if (m.version > target_version) break;
    // IMMEDIATE takes the write lock first, so two processes opening a fresh file do not both
    // migrate: the second re-reads the version under the lock and finds the step applied.
    PARALLAX_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    Result<int64_t> current = db.QueryInt("PRAGMA user_version");
    if (!current.ok()) {
      (void)db.Exec("ROLLBACK");
      return current.status();
    }
    if (*current >= m.version) {
      PARALLAX_RETURN_IF_ERROR(db.Exec("COMMIT"));
      continue;
    }
    std::string bookkeeping = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                              ";\nINSERT INTO migrations(version, name, applied_at) VALUES (" +
                              std::to_string(m.version) + ", '" + std::string(m.name) +
                              "', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));\nPRAGMA user_version = " +
                              std::to_string(m.version) + ";";
    Status s = db.Exec(m.sql);
    if (s.ok()) s = db.Exec(bookkeeping);
    if (s.ok()) s = db.Exec("COMMIT");
    if (!s.ok()) {
      (void)db.Exec("ROLLBACK");
      return Status::Internal("migration " + std::to_string(m.version) + " (" +
                              std::string(m.name) + ") failed: " + s.message());
    }
  }
  return Status::Ok();
}

Status TuneForWrites(Db& db) {
  PARALLAX_RETURN_IF_ERROR(
      db.Exec("PRAGMA wal_autocheckpoint = " + std::to_string(kWalCheckpointPages)));
  PARALLAX_ASSIGN_OR_RETURN(
      int64_t set, db.QueryInt("SELECT count(*) FROM articles_fts_config WHERE k = 'automerge'"));
  if (set > 0) return Status::Ok();
  PARALLAX_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status s = db.Exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', " +
                     std::to_string(kAutomerge) +
                     "); INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', " +
                     std::to_string(kCrisismerge) + ");");
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) (void)db.Exec("ROLLBACK");
  return s;
}

}  // namespace parallax::store
