// Store: the corpus database. Articles (every span), outlets, duplicates, stories and failures
// in one SQLite file (WAL journal, FTS5 full-text index over headline and body). The schema is
// documented in docs/schema/sqlite.md; the same queries serve the CLI, the HTTP API and the UI.
//
// Invariants:
//   * An article is stored once, keyed by its content hash (Article::id). Writing an id that is
//     already stored changes nothing: neither the article row nor its child rows (blocks,
//     sentences, entities, mentions, quotes). Re-running an ingest is idempotent.
//   * Every write call is one transaction: after a crash (kill -9, power loss with
//     synchronous=NORMAL in WAL mode loses at most the last commits, never consistency) the
//     database holds whole batches only.
//   * GetArticle(id) returns the Article that WriteBatch was given, field for field and span
//     for span (ArticleHints are not stored).
//   * The schema version is PRAGMA user_version; Open migrates an older database forward and
//     refuses a newer one.
//
// Thread safety: a Store is one SQLite connection and must be used by one thread at a time.
// Several Store objects (threads or processes) may open the same file: one writer at a time
// (others wait up to busy_timeout_ms), readers never block the writer and see only committed
// batches.
//
//   PARALLAX_ASSIGN_OR_RETURN(parallax::Store store, parallax::Store::Open("corpus.db"));
//   PARALLAX_ASSIGN_OR_RETURN(parallax::WriteStats stats, store.WriteBatch(articles));
//   PARALLAX_ASSIGN_OR_RETURN(auto hits, store.Search("peskov NEAR kremlin", 10));
#ifndef PARALLAX_STORE_H_
#define PARALLAX_STORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

// The schema version this build writes (PRAGMA user_version after Open).
inline constexpr int kStoreSchemaVersion = 2;

struct StoreOptions {
  // Open without writing: no migration, no schema creation; writes fail. Default: false.
  bool read_only = false;
  // Create the file when it does not exist (ignored when read_only). Default: true.
  bool create = true;
  // How long a call waits for another connection's write lock, in ms. Default: 5000.
  int busy_timeout_ms = 5000;
  // Page cache per connection, in KiB. Default: 65536 (64 MiB).
  int cache_kib = 64 * 1024;
  // An article whose outlet name (or URL host) matches no outlet gets a new outlet row of kind
  // "unknown" named after Article::outlet. When false, its outlet_id stays NULL. Default: true.
  bool create_outlets = true;
};

// Who owns or runs an outlet. "independent" includes exile media (Meduza, Novaya Gazeta
// Europe); "state_agency" is a news agency or outlet run by a state (TASS, Xinhua).
enum class OutletKind { kUnknown, kStateAgency, kPublicBroadcaster, kPrivate, kIndependent };
// "unknown", "state_agency", "public_broadcaster", "private", "independent".
std::string_view OutletKindName(OutletKind kind);
// Inverse of OutletKindName; also accepts "state", "public", "exile", "independent/exile",
// spaces or hyphens for '_', any case. nullopt when unknown.
std::optional<OutletKind> ParseOutletKind(std::string_view name);

struct Outlet {
  int64_t id = 0;  // assigned by the store; 0 for an outlet not stored yet
  std::string name;
  std::vector<std::string> aliases;  // other names ("ITAR-TASS"); matched case-insensitively
  std::vector<std::string> domains;  // "tass.com", "tass.ru" (no scheme, no "www.")
  std::string country;               // English short name ("Russia", "United States"), or ""
  OutletKind kind = OutletKind::kUnknown;
  // A JSON object, one key per rating source: {"mbfc": {"bias": "LEFT-CENTER", ...}}.
  std::string ratings_json = "{}";
};

enum class DuplicateKind { kExact, kNear, kWire };
std::string_view DuplicateKindName(DuplicateKind kind);  // "exact", "near", "wire"

// `article_id` is a copy of the earlier article `duplicate_of`. One row per article.
struct DuplicateRecord {
  std::string article_id;
  std::string duplicate_of;
  DuplicateKind kind = DuplicateKind::kNear;
  double similarity = 0;  // 0..1 (estimated Jaccard or containment, as the dedup stage found)
};

// A story as the story stage sees it. Upserted by id: a later write replaces the row.
struct StoryRecord {
  int64_t id = 0;  // the story stage's number; >= 0
  std::string label;
  std::string first;  // ISO 8601 date of its earliest dated article, or "" when undated
  std::string last;   // ISO 8601 date of its latest dated article, or ""
  int64_t article_count = 0;
  std::string state;  // opaque bytes the story stage may keep per story (BLOB), or ""
};

// Article `article_id` belongs to story `story_id`. An article belongs to at most one story:
// a later membership replaces the earlier one.
struct StoryMember {
  int64_t story_id = 0;
  std::string article_id;
};

// One input that could not be analysed or stored.
struct FailureRecord {
  std::string source;  // file path, "-" for stdin
  std::string record;  // record inside the source ("line 17", a JSONL id), or ""
  std::string reason;
  std::string at;  // ISO 8601 UTC time it was recorded (filled by the store on read)
};

// Corpus-stage results written in the same transaction as a batch of articles, so that
// duplicates, stories and the stages' saved state never disagree with the articles stored.
struct CorpusUpdate {
  std::vector<DuplicateRecord> duplicates;  // replace the row of each article_id
  std::vector<StoryRecord> stories;         // upsert by id
  std::vector<StoryMember> members;         // replace each article's story
  // Named opaque state, written as given (e.g. "corpus.clusterer" -> the clusterer's head part,
  // "corpus.clusterer.a0" -> its first run of articles); a part left out keeps its stored value.
  std::vector<std::pair<std::string, std::string>> state;
  std::vector<FailureRecord> failures;
};

struct WriteStats {
  size_t inserted = 0;  // new articles stored
  size_t skipped = 0;   // articles whose id was already stored (or repeated in the batch)
  size_t rejected = 0;  // invalid articles (empty id, span outside text): recorded as failures
};

struct ArticleFilter {
  std::string outlet;    // outlet name, alias or domain (case-insensitive); "" = any
  std::string since;     // ISO 8601 date or time; published >= since. "" = no bound
  std::string until;     // published < until + one day when a date ("2023-12-25" includes the
                         // 25th); "" = no bound. Undated articles pass only without bounds.
  std::string language;  // ISO 639-1; "" = any
  std::optional<int64_t> story_id;  // members of this story only
  bool originals_only = false;      // skip articles that are duplicates of another
  size_t limit = 100;               // 0 = no limit
  size_t offset = 0;
};

// A row of ListArticles: the article's metadata, not its text.
struct ArticleSummary {
  std::string id;
  int64_t ingest_seq = 0;
  std::string source;
  std::string outlet;  // the outlet row's name when resolved, else Article::outlet
  std::string published;
  std::string headline;
  std::string language;
  std::string url;
  std::optional<int64_t> story_id;
  std::optional<std::string> duplicate_of;
};

struct SearchHit {
  std::string id;
  std::string headline;
  std::string outlet;
  std::string published;
  std::string snippet;  // from the body, matches between "[" and "]", cut parts as "…"
  double rank = 0;      // bm25(): lower is better; hits come best first
  std::optional<int64_t> story_id;  // SearchArticles only; nullopt when in no story
};

// Options of Store::SearchArticles.
struct SearchOptions {
  // Which articles may match: outlet, since, until, language, story_id, originals_only, limit
  // (0 = no limit) and offset, as for ListArticles.
  ArticleFilter filter;
  // Written before and after each match in the snippet. Default: "[" and "]".
  std::string open = "[";
  std::string close = "]";
  // Snippet length in tokens (1..64). Default: 24.
  int snippet_tokens = 24;
};

// How an article relates to the rest of the corpus (Store::GetArticleLinks).
struct ArticleLinks {
  std::string outlet;       // the outlet row's name when resolved, else Article::outlet
  std::string ingested_at;  // ISO 8601 UTC
  std::optional<int64_t> story_id;
  std::string story_label;                   // "" when in no story
  std::optional<DuplicateRecord> duplicate;  // this article is a copy of an earlier one
  std::vector<DuplicateRecord> copies;       // articles that are copies of this one
};

// An outlet and how many of a story's stored articles it published.
struct OutletCount {
  std::string name;
  int64_t articles = 0;
};

struct StoryFilter {
  std::string since;  // stories whose [first, last] overlaps [since, until]; "" = no bound
  std::string until;
  std::string outlet;  // stories with at least one article from this outlet; "" = any
  std::string text;    // FTS5 query matched against member articles; "" = any
  size_t min_articles = 1;
  size_t limit = 100;  // 0 = no limit
  size_t offset = 0;   // stories skipped before the first one returned
};

struct StorySummary {
  int64_t id = 0;
  std::string label;
  std::string first;
  std::string last;
  int64_t article_count = 0;
  int64_t outlet_count = 0;  // distinct outlets among stored member articles
};

struct Story {
  StorySummary summary;
  std::string state;                     // StoryRecord::state
  std::vector<ArticleSummary> articles;  // members, by publication time then ingest order
};

struct StoreCounts {
  int64_t articles = 0;
  int64_t outlets = 0;  // outlets with at least one article
  int64_t duplicates = 0;
  int64_t stories = 0;
  int64_t failures = 0;
  int64_t entities = 0;
  int64_t quotes = 0;
  int64_t sentences = 0;
};

struct OutletImportStats {
  size_t rows = 0;     // data rows read
  size_t added = 0;    // new outlets
  size_t merged = 0;   // rows merged into an outlet with the same name or domain
  size_t skipped = 0;  // rows without a name
};

enum class ExportKind { kArticles, kQuotes, kEntities, kStories };
enum class ExportFormat { kCsv, kJsonl };

class Store {
 public:
  // Opens (creating if allowed) the database at `path` (":memory:" works, for tests), sets WAL
  // journal, synchronous=NORMAL, busy_timeout, foreign keys, and migrates it to
  // kStoreSchemaVersion.
  // Errors: IoError when the file cannot be opened or written; Unsupported when its schema is
  // newer than this build, or it is not a parallax database, or (read_only) it needs a
  // migration; Internal for a failed migration (the database is left at its previous version).
  static Result<Store> Open(const std::string& path, const StoreOptions& options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // ---- writing: every call below is one transaction ----

  // Stores `articles` (with blocks, sentences, entities, mentions, quotes) and `update`.
  // Articles already stored are skipped; invalid ones are recorded in failures and skipped.
  // Errors: IoError / Internal from SQLite (nothing of the batch is kept); InvalidArgument when
  // `update` violates the schema (a duplicate or member naming an article that is not stored).
  Result<WriteStats> WriteBatch(const std::vector<Article>& articles,
                                const CorpusUpdate& update = {});
  Status WriteDuplicates(const std::vector<DuplicateRecord>& duplicates);
  Status UpsertStories(const std::vector<StoryRecord>& stories,
                       const std::vector<StoryMember>& members);
  Status RecordFailure(std::string_view source, std::string_view record, std::string_view reason);
  Status PutState(std::string_view key, std::string_view bytes);

  // Adds or merges outlets: an outlet whose name, an alias or a domain matches a stored outlet
  // (case-insensitive) is merged into it (aliases and domains added, ratings objects merged key
  // by key, country/kind filled when unknown). Returns the stored ids, in order.
  Result<std::vector<int64_t>> UpsertOutlets(const std::vector<Outlet>& outlets);
  // Upserts BuiltinOutlets().
  Status LoadBuiltinOutlets();
  // Reads an outlet CSV file (docs/schema/sqlite.md: the parallax format, or a Media Bias/Fact
  // Check scrape, recognised by its header) and upserts its rows.
  // Errors: NotFound / IoError for the file, InvalidArgument for a header with no name column.
  Result<OutletImportStats> ImportOutletsCsv(const std::string& path);

  // ---- reading ----

  Result<Article> GetArticle(std::string_view id);
  Result<bool> HasArticle(std::string_view id);
  Result<std::vector<ArticleSummary>> ListArticles(const ArticleFilter& filter);
  // FTS5 query over headline and body (docs/schema/sqlite.md shows the syntax), best first.
  // Errors: InvalidArgument for a query FTS5 cannot parse (the message says why).
  Result<std::vector<SearchHit>> Search(std::string_view query, size_t limit = 20);
  // Search restricted by options.filter (dates, outlet ...), with snippets marked by
  // options.open/close; hits carry their story. Best first. Errors: InvalidArgument for an empty
  // query or one FTS5 cannot parse; NotFound never (no hits is an empty vector).
  Result<std::vector<SearchHit>> SearchArticles(std::string_view query,
                                                const SearchOptions& options);
  // The stored id that `id_or_prefix` names: an exact id, or a prefix of at least 8 hex digits
  // (any case) that starts exactly one stored id. Errors: InvalidArgument for a prefix shorter
  // than 8 or not hexadecimal, or one that starts several ids (the message lists some);
  // NotFound when no stored id matches.
  Result<std::string> ResolveArticleId(std::string_view id_or_prefix);
  // Outlet, story and duplicates of a stored article. NotFound for an unknown id.
  Result<ArticleLinks> GetArticleLinks(std::string_view id);
  // The outlets of a story's member articles, most articles first, then by name.
  Result<std::vector<OutletCount>> StoryOutlets(int64_t story_id);
  // The duplicate rows of a story's member articles (copies and what they copy), in the
  // members' publication order.
  Result<std::vector<DuplicateRecord>> StoryDuplicates(int64_t story_id);
  Result<std::vector<StorySummary>> ListStories(const StoryFilter& filter);
  Result<Story> GetStory(int64_t id);  // NotFound for an unknown id
  Result<std::optional<Outlet>> FindOutlet(std::string_view name_alias_or_domain);
  Result<std::vector<FailureRecord>> ListFailures(size_t limit = 100);
  Result<std::optional<std::string>> GetState(std::string_view key);
  Result<StoreCounts> Counts();
  // PRAGMA integrity_check plus the FTS index check: OK, or Internal with SQLite's findings.
  Status CheckIntegrity();

  // Writes one table as CSV (RFC 4180, header row) or JSONL (one object per row) to `out`.
  // Rows: articles (id, source, outlet, published, language, url, headline, story,
  // duplicate_of, duplicate_kind), quotes (article_id, outlet, published, idx, direct,
  // speaker_name, speaker_entity, speaker_key, cue, channel, content), entities (article_id,
  // outlet, published, entity_id, name, type, key, roles, mentions), stories (id, label, first,
  // last, article_count, outlets). `filter` selects the articles (limit 0 = all); stories are
  // filtered by date range and outlet. Returns the number of rows written.
  Result<size_t> Export(ExportKind kind, ExportFormat format, const ArticleFilter& filter,
                        std::ostream& out);

  // The schema version of the open database (== kStoreSchemaVersion after a read-write Open).
  int schema_version() const;

  class Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The built-in outlet facts (major agencies and outlets): name, aliases, domains, country, kind.
const std::vector<Outlet>& BuiltinOutlets();

}  // namespace parallax

#endif  // PARALLAX_STORE_H_
