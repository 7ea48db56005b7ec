#include "parallax/store.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "src/store/outlets.h"
#include "src/store/schema.h"
#include "src/store/store_impl.h"
#include "src/store/text_io.h"
#include "src/store/validate.h"

namespace parallax {

using store::Stmt;

namespace {

constexpr std::string_view kInsertArticle = R"sql(
INSERT INTO articles(id, source, outlet, outlet_id, headline, standfirst, section, published,
  published_rule, published_confidence, dateline_place, dateline_date, dateline_agency,
  dateline_start, dateline_end, byline, language, url, charset, text, body, warnings, ingested_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
  ?21, ?22, ?23)
ON CONFLICT(id) DO NOTHING)sql";

constexpr std::string_view kSelectArticle = R"sql(
SELECT id, source, outlet, headline, standfirst, section, published, published_rule,
  published_confidence, dateline_place, dateline_date, dateline_agency, dateline_start,
  dateline_end, byline, language, url, charset, text, warnings, ingest_seq
FROM articles WHERE id = ?1)sql";

std::optional<BlockRole> ParseBlockRole(std::string_view name) {
  static const BlockRole kRoles[] = {
      BlockRole::kHeadline, BlockRole::kStandfirst, BlockRole::kSection, BlockRole::kTimestamp,
      BlockRole::kDateline, BlockRole::kByline,     BlockRole::kBody,    BlockRole::kCaption,
      BlockRole::kCredit,   BlockRole::kBoilerplate};
  for (BlockRole role : kRoles) {
    if (BlockRoleName(role) == name) return role;
  }
  return std::nullopt;
}

EntityType ParseEntityType(std::string_view name) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kLocation}) {
    if (EntityTypeName(t) == name) return t;
  }
  return EntityType::kOther;
}

// An error from a statement that parses a user's FTS5 query: everything SQLite reports while
// evaluating MATCH (syntax errors, unknown columns) is the query's fault.
Status QueryError(const Status& s) {
  if (s.code() == StatusCode::kInternal || s.code() == StatusCode::kInvalidArgument) {
    return Status::InvalidArgument("bad search query: " + s.message());
  }
  return s;
}

}  // namespace

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void BindAll(Stmt& stmt, const std::vector<SqlValue>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    int p = static_cast<int>(i + 1);
    if (const auto* s = std::get_if<std::string>(&params[i])) {
      stmt.BindText(p, *s);
    } else {
      stmt.BindInt(p, std::get<int64_t>(params[i]));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Store::Impl

Status Store::Impl::Prepare() {
  auto prep = [this](Stmt* stmt, std::string_view sql) -> Status {
    PARALLAX_ASSIGN_OR_RETURN(*stmt, db.Prepare(sql, /*persistent=*/true));
    return Status::Ok();
  };
  PARALLAX_RETURN_IF_ERROR(prep(&insert_article, kInsertArticle));
  PARALLAX_RETURN_IF_ERROR(
      prep(&insert_block,
           "INSERT INTO blocks(article_seq, idx, role, start, end, reason, "
           "markup_start, markup_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  PARALLAX_RETURN_IF_ERROR(
      prep(&insert_sentence,
           "INSERT INTO sentences(article_seq, idx, start, end) VALUES (?1, ?2, ?3, ?4)"));
  PARALLAX_RETURN_IF_ERROR(
      prep(&insert_entity,
           "INSERT INTO entities(article_seq, entity_id, idx, name, type, roles, key) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  PARALLAX_RETURN_IF_ERROR(prep(&insert_mention,
                                "INSERT INTO mentions(article_seq, entity_id, idx, start, end) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)"));
  PARALLAX_RETURN_IF_ERROR(prep(
      &insert_quote,
      "INSERT INTO quotes(article_seq, idx, content_start, content_end, direct, speaker_entity, "
      "speaker_name, speaker_start, speaker_end, cue_start, cue_end, channel_start, channel_end) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
  PARALLAX_RETURN_IF_ERROR(
      prep(&upsert_duplicate,
           "INSERT INTO duplicates(article_id, duplicate_of, kind, similarity) "
           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(article_id) DO UPDATE SET "
           "duplicate_of = excluded.duplicate_of, kind = excluded.kind, "
           "similarity = excluded.similarity"));
  PARALLAX_RETURN_IF_ERROR(
      prep(&upsert_story,
           "INSERT INTO stories(id, label, first, last, article_count, state, updated_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET "
           "label = excluded.label, first = excluded.first, last = excluded.last, "
           "article_count = excluded.article_count, state = excluded.state, "
           "updated_at = excluded.updated_at"));
  PARALLAX_RETURN_IF_ERROR(
      prep(&upsert_member,
           "INSERT INTO story_members(article_id, story_id) VALUES (?1, ?2) "
           "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id"));
  PARALLAX_RETURN_IF_ERROR(prep(&upsert_state,
                                "INSERT INTO state(key, value, updated_at) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                                "updated_at = excluded.updated_at"));
  PARALLAX_RETURN_IF_ERROR(prep(
      &insert_failure, "INSERT INTO failures(source, record, reason, at) VALUES (?1, ?2, ?3, ?4)"));
  PARALLAX_RETURN_IF_ERROR(prep(&find_key, "SELECT outlet_id FROM outlet_keys WHERE key = ?1"));
  return Status::Ok();
}

Status Store::Impl::Begin() {
  if (options.read_only) return Status::InvalidArgument("the store was opened read-only");
  return db.Exec("BEGIN IMMEDIATE");
}

Status Store::Impl::Commit() { return db.Exec("COMMIT"); }

void Store::Impl::Rollback() {
  if (!sqlite3_get_autocommit(db.get())) (void)db.Exec("ROLLBACK");
  key_cache.clear();
}

Result<std::optional<int64_t>> Store::Impl::FindOutletId(const std::string& key) {
  if (key.empty()) return std::optional<int64_t>();
  auto it = key_cache.find(key);
  if (it != key_cache.end()) return it->second;
  find_key.BindText(1, key);
  Result<bool> row = find_key.Step();
  std::optional<int64_t> id;
  if (row.ok() && *row) id = find_key.Int(0);
  find_key.Reset();
  if (!row.ok()) return row.status();
  key_cache.emplace(key, id);
  return id;
}

Result<std::optional<int64_t>> Store::Impl::ResolveOutletName(std::string_view name) {
  PARALLAX_ASSIGN_OR_RETURN(std::optional<int64_t> id, FindOutletId(store::OutletKey(name)));
  if (id) return id;
  std::string domain = store::DomainOf(name);
  if (!domain.empty()) return FindOutletId(domain);
  return id;
}

Result<std::optional<int64_t>> Store::Impl::ResolveArticleOutlet(const Article& article) {
  std::string key = store::OutletKey(article.outlet);
  PARALLAX_ASSIGN_OR_RETURN(std::optional<int64_t> id, FindOutletId(key));
  if (id) return id;
  // The URL host and its parent domains down to two labels: en.tass.com, tass.com.
  std::string domain = store::DomainOf(article.url);
  while (!domain.empty()) {
    PARALLAX_ASSIGN_OR_RETURN(id, FindOutletId(domain));
    if (id) return id;
    size_t dot = domain.find('.');
    if (dot == std::string::npos || domain.find('.', dot + 1) == std::string::npos) break;
    domain.erase(0, dot + 1);
  }
  if (key.empty() || !options.create_outlets) return id;
  Outlet outlet;
  outlet.name = std::string(article.outlet);
  PARALLAX_ASSIGN_OR_RETURN(int64_t created, UpsertOutlet(outlet));
  return std::optional<int64_t>(created);
}

Result<int64_t> Store::Impl::UpsertOutlet(const Outlet& in) {
  std::vector<std::string> keys = store::OutletKeys(in);
  if (keys.empty()) return Status::InvalidArgument("outlet without a name");
  std::optional<int64_t> existing;
  for (const std::string& key : keys) {
    PARALLAX_ASSIGN_OR_RETURN(existing, FindOutletId(key));
    if (existing) break;
  }
  Outlet merged = in;
  if (existing) {
    PARALLAX_ASSIGN_OR_RETURN(
        Stmt get, db.Prepare("SELECT name, aliases, domains, country, kind, ratings FROM outlets "
                             "WHERE id = ?1"));
    get.BindInt(1, *existing);
    PARALLAX_ASSIGN_OR_RETURN(bool row, get.Step());
    if (!row) return Status::Internal("outlet key points to a missing outlet");
    merged.name = get.Str(0);
    merged.aliases = store::ParseJsonStringArray(get.Text(1));
    merged.domains = store::ParseJsonStringArray(get.Text(2));
    merged.country = get.Str(3);
    merged.kind = ParseOutletKind(get.Text(4)).value_or(OutletKind::kUnknown);
    auto add = [](std::vector<std::string>* list, const std::string& item) {
      std::string key = store::OutletKey(item);
      for (const std::string& have : *list) {
        if (store::OutletKey(have) == key) return;
      }
      list->push_back(item);
    };
    if (store::OutletKey(in.name) != store::OutletKey(merged.name)) add(&merged.aliases, in.name);
    for (const std::string& a : in.aliases) {
      if (store::OutletKey(a) != store::OutletKey(merged.name)) add(&merged.aliases, a);
    }
    for (const std::string& d : in.domains) add(&merged.domains, store::DomainOf(d));
    if (merged.country.empty()) merged.country = in.country;
    if (merged.kind == OutletKind::kUnknown) merged.kind = in.kind;
    nlohmann::json ratings = nlohmann::json::parse(get.Text(5), nullptr, false);
    if (!ratings.is_object()) ratings = nlohmann::json::object();
    nlohmann::json add_ratings = nlohmann::json::parse(in.ratings_json, nullptr, false);
    if (add_ratings.is_object()) ratings.update(add_ratings, /*merge_objects=*/true);
    merged.ratings_json = ratings.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    nlohmann::json ratings = nlohmann::json::parse(in.ratings_json, nullptr, false);
    if (!ratings.is_object())
      return Status::InvalidArgument("outlet ratings are not a JSON object");
    std::vector<std::string> domains;
    for (const std::string& d : in.domains) {
      std::string domain = store::DomainOf(d);
      if (!domain.empty()) domains.push_back(domain);
    }
    merged.domains = domains;
  }
  std::string aliases = store::JsonStringArray(merged.aliases);
  std::string domains = store::JsonStringArray(merged.domains);
  int64_t id = 0;
  if (existing) {
    PARALLAX_ASSIGN_OR_RETURN(
        Stmt upd, db.Prepare("UPDATE outlets SET aliases = ?2, domains = ?3, country = ?4, "
                             "kind = ?5, ratings = ?6 WHERE id = ?1"));
    upd.BindInt(1, *existing);
    upd.BindText(2, aliases);
    upd.BindText(3, domains);
    upd.BindText(4, merged.country);
    upd.BindText(5, OutletKindName(merged.kind));
    upd.BindText(6, merged.ratings_json);
    PARALLAX_RETURN_IF_ERROR(upd.Run());
    id = *existing;
  } else {
    PARALLAX_ASSIGN_OR_RETURN(
        Stmt ins, db.Prepare("INSERT INTO outlets(name, aliases, domains, country, kind, ratings) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id"));
    ins.BindText(1, merged.name);
    ins.BindText(2, aliases);
    ins.BindText(3, domains);
    ins.BindText(4, merged.country);
    ins.BindText(5, OutletKindName(merged.kind));
    ins.BindText(6, merged.ratings_json);
    PARALLAX_ASSIGN_OR_RETURN(bool row, ins.Step());
    if (!row) return Status::Internal("outlet insert returned no id");
    id = ins.Int(0);
  }
  PARALLAX_ASSIGN_OR_RETURN(
      Stmt key_ins,
      db.Prepare("INSERT INTO outlet_keys(key, outlet_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING"));
  for (const std::string& key : store::OutletKeys(merged)) {
    key_ins.BindText(1, key);
    key_ins.BindInt(2, id);
    PARALLAX_RETURN_IF_ERROR(key_ins.Run());
    key_cache.erase(key);
  }
  return id;
}

Status Store::Impl::WriteArticle(const Article& a, std::string_view ingested_at, bool* inserted) {
  *inserted = false;
  PARALLAX_ASSIGN_OR_RETURN(std::optional<int64_t> outlet_id, ResolveArticleOutlet(a));
  const std::string body = a.Body();
  const std::string byline = store::JsonStringArray(a.byline);
  const std::string warnings = store::JsonStringArray(a.warnings);
  Stmt& s = insert_article;
  s.BindText(1, a.id);
  s.BindText(2, a.source);
  s.BindText(3, a.outlet);
  if (outlet_id) s.BindInt(4, *outlet_id);
  s.BindText(5, a.headline);
  s.BindText(6, a.standfirst);
  s.BindText(7, a.section);
  if (a.published) {
    s.BindText(8, a.published->value);
    s.BindText(9, a.published->rule);
    s.BindDouble(10, a.published->confidence);
  }
  if (a.dateline) {
    s.BindText(11, a.dateline->place);
    s.BindText(12, a.dateline->date);
    s.BindText(13, a.dateline->agency);
    s.BindInt(14, a.dateline->span.start);
    s.BindInt(15, a.dateline->span.end);
  }
  s.BindText(16, byline);
  s.BindText(17, a.language);
  s.BindText(18, a.url);
  s.BindText(19, a.charset);
  s.BindText(20, a.text);
  s.BindText(21, body);
  s.BindText(22, warnings);
  s.BindText(23, ingested_at);
  PARALLAX_RETURN_IF_ERROR(s.Run());
  if (sqlite3_changes(db.get()) != 1) return Status::Ok();  // already stored
  *inserted = true;
  const int64_t seq = sqlite3_last_insert_rowid(db.get());

  for (size_t i = 0; i < a.blocks.size(); ++i) {
    const Block& b = a.blocks[i];
    Stmt& st = insert_block;
    st.BindInt(1, seq);
    st.BindInt(2, static_cast<int64_t>(i));
    st.BindText(3, BlockRoleName(b.role));
    st.BindInt(4, b.span.start);
    st.BindInt(5, b.span.end);
    st.BindText(6, b.reason);
    if (b.markup) {
      st.BindInt(7, b.markup->start);
      st.BindInt(8, b.markup->end);
    }
    PARALLAX_RETURN_IF_ERROR(st.Run());
  }
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    Stmt& st = insert_sentence;
    st.BindInt(1, seq);
    st.BindInt(2, static_cast<int64_t>(i));
    st.BindInt(3, a.sentences[i].span.start);
    st.BindInt(4, a.sentences[i].span.end);
    PARALLAX_RETURN_IF_ERROR(st.Run());
  }
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    const std::string roles = store::JsonStringArray(e.roles);
    Stmt& st = insert_entity;
    st.BindInt(1, seq);
    st.BindText(2, e.id);
    st.BindInt(3, static_cast<int64_t>(i));
    st.BindText(4, e.name);
    st.BindText(5, EntityTypeName(e.type));
    st.BindText(6, roles);
    st.BindText(7, e.key);
    PARALLAX_RETURN_IF_ERROR(st.Run());
    for (size_t j = 0; j < e.mentions.size(); ++j) {
      Stmt& sm = insert_mention;
      sm.BindInt(1, seq);
      sm.BindText(2, e.id);
      sm.BindInt(3, static_cast<int64_t>(j));
      sm.BindInt(4, e.mentions[j].start);
      sm.BindInt(5, e.mentions[j].end);
      PARALLAX_RETURN_IF_ERROR(sm.Run());
    }
  }
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    Stmt& st = insert_quote;
    st.BindInt(1, seq);
    st.BindInt(2, static_cast<int64_t>(i));
    st.BindInt(3, q.content.start);
    st.BindInt(4, q.content.end);
    st.BindInt(5, q.direct ? 1 : 0);
    if (q.speaker.entity) st.BindText(6, *q.speaker.entity);
    st.BindText(7, q.speaker.name);
    st.BindInt(8, q.speaker.span.start);
    st.BindInt(9, q.speaker.span.end);
    if (q.cue) {
      st.BindInt(10, q.cue->start);
      st.BindInt(11, q.cue->end);
    }
    if (q.channel) {
      st.BindInt(12, q.channel->start);
      st.BindInt(13, q.channel->end);
    }
    PARALLAX_RETURN_IF_ERROR(st.Run());
  }
  return Status::Ok();
}

Status Store::Impl::InsertFailure(std::string_view source, std::string_view record,
                                  std::string_view reason, std::string_view now) {
  insert_failure.BindText(1, source);
  insert_failure.BindText(2, record);
  insert_failure.BindText(3, reason);
  insert_failure.BindText(4, now);
  return insert_failure.Run();
}

Status Store::Impl::WriteUpdate(const CorpusUpdate& u, std::string_view now) {
  for (const DuplicateRecord& d : u.duplicates) {
    upsert_duplicate.BindText(1, d.article_id);
    upsert_duplicate.BindText(2, d.duplicate_of);
    upsert_duplicate.BindText(3, DuplicateKindName(d.kind));
    upsert_duplicate.BindDouble(4, d.similarity);
    Status s = upsert_duplicate.Run();
    if (!s.ok()) {
      return Status::InvalidArgument("duplicate " + d.article_id + " of " + d.duplicate_of + ": " +
                                     s.message());
    }
  }
  for (const StoryRecord& st : u.stories) {
    if (st.id < 0) return Status::InvalidArgument("story id must be >= 0");
    upsert_story.BindInt(1, st.id);
    upsert_story.BindText(2, st.label);
    upsert_story.BindTextOrNull(3, st.first);
    upsert_story.BindTextOrNull(4, st.last);
    upsert_story.BindInt(5, st.article_count);
    if (!st.state.empty()) upsert_story.BindBlob(6, st.state);
    upsert_story.BindText(7, now);
    PARALLAX_RETURN_IF_ERROR(upsert_story.Run());
  }
  for (const StoryMember& m : u.members) {
    upsert_member.BindText(1, m.article_id);
    upsert_member.BindInt(2, m.story_id);
    Status s = upsert_member.Run();
    if (!s.ok()) {
      return Status::InvalidArgument("story member " + m.article_id + " of story " +
                                     std::to_string(m.story_id) + ": " + s.message());
    }
  }
  for (const auto& [key, value] : u.state) {
    upsert_state.BindText(1, key);
    upsert_state.BindBlob(2, value);
    upsert_state.BindText(3, now);
    PARALLAX_RETURN_IF_ERROR(upsert_state.Run());
  }
  for (const FailureRecord& f : u.failures) {
    PARALLAX_RETURN_IF_ERROR(InsertFailure(f.source, f.record, f.reason, now));
  }
  return Status::Ok();
}

Result<SqlWhere> Store::Impl::ArticleWhere(const ArticleFilter& f) {
  SqlWhere where;
  std::vector<std::string> terms;
  if (!f.outlet.empty()) {
    PARALLAX_ASSIGN_OR_RETURN(std::optional<int64_t> id, ResolveOutletName(f.outlet));
    if (id) {
      terms.push_back("a.outlet_id = ?");
      where.params.emplace_back(*id);
    } else {
      terms.push_back("a.outlet = ? COLLATE NOCASE");
      where.params.emplace_back(f.outlet);
    }
  }
  if (!f.since.empty()) {
    terms.push_back("a.published >= ?");
    where.params.emplace_back(f.since);
  }
  if (!f.until.empty()) {
    // A bare date includes its whole day.
    terms.push_back(f.until.size() == 10 ? "a.published < date(?, '+1 day')" : "a.published <= ?");
    where.params.emplace_back(f.until);
  }
  if (!f.language.empty()) {
    terms.push_back("a.language = ?");
    where.params.emplace_back(f.language);
  }
  if (f.story_id) {
    terms.push_back("m.story_id = ?");
    where.params.emplace_back(*f.story_id);
  }
  if (f.originals_only) terms.push_back("d.article_id IS NULL");
  for (size_t i = 0; i < terms.size(); ++i) {
    where.sql += i == 0 ? " WHERE " : " AND ";
    where.sql += terms[i];
  }
  return where;
}

Result<std::vector<ArticleSummary>> Store::Impl::QueryArticles(const ArticleFilter& filter,
                                                               bool by_publication) {
  PARALLAX_ASSIGN_OR_RETURN(SqlWhere where, ArticleWhere(filter));
  std::string sql =
      "SELECT a.id, a.ingest_seq, a.source, COALESCE(o.name, a.outlet), "
      "COALESCE(a.published, ''), a.headline, a.language, a.url, m.story_id, d.duplicate_of "
      "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
      "LEFT JOIN story_members m ON m.article_id = a.id "
      "LEFT JOIN duplicates d ON d.article_id = a.id" +
      where.sql +
      (by_publication ? " ORDER BY a.published IS NULL, a.published, a.ingest_seq"
                      : " ORDER BY a.ingest_seq");
  if (filter.limit > 0) {
    sql += " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
  }
  PARALLAX_ASSIGN_OR_RETURN(Stmt stmt, db.Prepare(sql));
  BindAll(stmt, where.params);
  std::vector<ArticleSummary> out;
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ArticleSummary s;
    s.id = stmt.Str(0);
    s.ingest_seq = stmt.Int(1);
    s.source = stmt.Str(2);
    s.outlet = stmt.Str(3);
    s.published = stmt.Str(4);
    s.headline = stmt.Str(5);
    s.language = stmt.Str(6);
    s.url = stmt.Str(7);
    s.story_id = stmt.OptInt(8);
    if (!stmt.IsNull(9)) s.duplicate_of = stmt.Str(9);
    out.push_back(std::move(s));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Store

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schema_version() const { return impl_->version; }

Result<Store> Store::Open(const std::string& path, const StoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  int flags = options.read_only
                  ? SQLITE_OPEN_READONLY
                  : (SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0));
  PARALLAX_ASSIGN_OR_RETURN(impl->db, store::Db::Open(path, flags));
  store::Db& db = impl->db;
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  // Reading the header first turns "file is not a database" into a clear error.
  Result<int64_t> probe = db.QueryInt("PRAGMA user_version");
  if (!probe.ok()) {
    if (probe.status().code() == StatusCode::kUnsupported) {
      return Status::Unsupported(path + " is not an SQLite database");
    }
    return probe.status();
  }
  if (!options.read_only) {
    PARALLAX_ASSIGN_OR_RETURN(std::string mode, db.QueryText("PRAGMA journal_mode = WAL"));
    if (mode != "wal" && mode != "memory") {
      return Status::IoError("cannot switch " + path + " to WAL mode (journal_mode " + mode + ")");
    }
  }
  PARALLAX_RETURN_IF_ERROR(
      db.Exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
              "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -" +
              std::to_string(options.cache_kib)));
  PARALLAX_RETURN_IF_ERROR(
      store::Migrate(db, static_cast<int>(store::Migrations().size()), options.read_only));
  // Tuning is an optimisation: a database locked by another writer for longer than the busy
  // timeout is opened untuned rather than not at all.
  if (!options.read_only) (void)store::TuneForWrites(db);
  PARALLAX_ASSIGN_OR_RETURN(int64_t version, db.QueryInt("PRAGMA user_version"));
  impl->version = static_cast<int>(version);
  PARALLAX_RETURN_IF_ERROR(impl->Prepare());
  return Store(std::move(impl));
}

Result<WriteStats> Store::WriteBatch(const std::vector<Article>& articles,
                                     const CorpusUpdate& update) {
  WriteStats stats;
  const std::string now = UtcNow();
  PARALLAX_RETURN_IF_ERROR(impl_->Begin());
  Status s;
  for (const Article& a : articles) {
    std::string reason = store::InvalidArticleReason(a);
    if (!reason.empty()) {
      ++stats.rejected;
      s = impl_->InsertFailure(a.source, a.id, "not stored: " + reason, now);
      if (!s.ok()) break;
      continue;
    }
    bool inserted = false;
    s = impl_->WriteArticle(a, now, &inserted);
    if (!s.ok()) {
      s = Status(s.code(), "article " + a.id + ": " + s.message());
      break;
    }
    ++(inserted ? stats.inserted : stats.skipped);
  }
  if (s.ok()) s = impl_->WriteUpdate(update, now);
  if (s.ok()) s = impl_->Commit();
  if (!s.ok()) {
    impl_->Rollback();
    return s;
  }
  return stats;
}

Status Store::WriteDuplicates(const std::vector<DuplicateRecord>& duplicates) {
  CorpusUpdate u;
  u.duplicates = duplicates;
  return WriteBatch({}, u).status();
}

Status Store::UpsertStories(const std::vector<StoryRecord>& stories,
                            const std::vector<StoryMember>& members) {
  CorpusUpdate u;
  u.stories = stories;
  u.members = members;
  return WriteBatch({}, u).status();
}

Status Store::RecordFailure(std::string_view source, std::string_view record,
                            std::string_view reason) {
  CorpusUpdate u;
  u.failures.push_back({std::string(source), std::string(record), std::string(reason), ""});
  return WriteBatch({}, u).status();
}

Status Store::PutState(std::string_view key, std::string_view bytes) {
  CorpusUpdate u;
  u.state.emplace_back(std::string(key), std::string(bytes));
  return WriteBatch({}, u).status();
}

Result<std::vector<int64_t>> Store::UpsertOutlets(const std::vector<Outlet>& outlets) {
  PARALLAX_RETURN_IF_ERROR(impl_->Begin());
  std::vector<int64_t> ids;
  for (const Outlet& o : outlets) {
    Result<int64_t> id = impl_->UpsertOutlet(o);
    if (!id.ok()) {
      impl_->Rollback();
      return Status(id.status().code(), "outlet " + o.name + ": " + id.status().message());
    }
    ids.push_back(*id);
  }
  Status s = impl_->Commit();
  if (!s.ok()) {
    impl_->Rollback();
    return s;
  }
  return ids;
}

Status Store::LoadBuiltinOutlets() { return UpsertOutlets(BuiltinOutlets()).status(); }

Result<OutletImportStats> Store::ImportOutletsCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open outlet file " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read outlet file " + path);
  Result<store::ParsedOutlets> parsed = store::ParseOutletsCsv(buffer.str());
  if (!parsed.ok()) {
    return Status(parsed.status().code(), path + ": " + parsed.status().message());
  }
  PARALLAX_ASSIGN_OR_RETURN(int64_t before, impl_->db.QueryInt("SELECT count(*) FROM outlets"));
  PARALLAX_ASSIGN_OR_RETURN(std::vector<int64_t> ids, UpsertOutlets(parsed->outlets));
  PARALLAX_ASSIGN_OR_RETURN(int64_t after, impl_->db.QueryInt("SELECT count(*) FROM outlets"));
  OutletImportStats stats;
  stats.rows = parsed->rows;
  stats.skipped = parsed->skipped;
  stats.added = static_cast<size_t>(after - before);
  stats.merged = ids.size() - stats.added;
  return stats;
}

Result<Article> Store::GetArticle(std::string_view id) {
  store::Db& db = impl_->db;
  // One read transaction, so the article and its spans come from one snapshot.
  PARALLAX_RETURN_IF_ERROR(db.Exec("BEGIN"));
  struct EndRead {
    store::Db& db;
    ~EndRead() { (void)db.Exec("COMMIT"); }
  } end_read{db};

  PARALLAX_ASSIGN_OR_RETURN(Stmt st, db.Prepare(kSelectArticle));
  st.BindText(1, id);
  PARALLAX_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return Status::NotFound("no article " + std::string(id));
  Article a;
  a.id = st.Str(0);
  a.source = st.Str(1);
  a.outlet = st.Str(2);
  a.headline = st.Str(3);
  a.standfirst = st.Str(4);
  a.section = st.Str(5);
  if (!st.IsNull(6)) a.published = Published{st.Str(6), st.Str(7), st.Double(8)};
  if (!st.IsNull(9)) {
    a.dateline =
        Dateline{st.Str(9), st.Str(10), st.Str(11),
                 Span{static_cast<uint32_t>(st.Int(12)), static_cast<uint32_t>(st.Int(13))}};
  }
  a.byline = store::ParseJsonStringArray(st.Text(14));
  a.language = st.Str(15);
  a.url = st.Str(16);
  a.charset = st.Str(17);
  a.text = st.Str(18);
  a.warnings = store::ParseJsonStringArray(st.Text(19));
  const int64_t seq = st.Int(20);

  auto span = [](const Stmt& s, int i) {
    return Span{static_cast<uint32_t>(s.Int(i)), static_cast<uint32_t>(s.Int(i + 1))};
  };
  auto opt_span = [&span](const Stmt& s, int i) -> std::optional<Span> {
    if (s.IsNull(i)) return std::nullopt;
    return span(s, i);
  };
  {
    PARALLAX_ASSIGN_OR_RETURN(
        Stmt q, db.Prepare("SELECT role, start, end, reason, markup_start, markup_end FROM blocks "
                           "WHERE article_seq = ?1 ORDER BY idx"));
    q.BindInt(1, seq);
    while (true) {
      PARALLAX_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      a.blocks.push_back(Block{ParseBlockRole(q.Text(0)).value_or(BlockRole::kBody), span(q, 1),
                               q.Str(3), opt_span(q, 4)});
    }
  }
  {
    PARALLAX_ASSIGN_OR_RETURN(
        Stmt q, db.Prepare("SELECT start, end FROM sentences WHERE article_seq = ?1 ORDER BY idx"));
    q.BindInt(1, seq);
    while (true) {
      PARALLAX_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      a.sentences.push_back(Sentence{span(q, 0)});
    }
  }
  {
    PARALLAX_ASSIGN_OR_RETURN(Stmt q,
                              db.Prepare("SELECT entity_id, name, type, roles, key FROM entities "
                                         "WHERE article_seq = ?1 ORDER BY idx"));
    q.BindInt(1, seq);
    while (true) {
      PARALLAX_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      Entity e;
      e.id = q.Str(0);
      e.name = q.Str(1);
      e.type = ParseEntityType(q.Text(2));
      e.roles = store::ParseJsonStringArray(q.Text(3));
      e.key = q.Str(4);
      a.entities.push_back(std::move(e));
    }
    std::unordered_map<std::string, size_t> by_id;
    for (size_t i = 0; i < a.entities.size(); ++i) by_id.emplace(a.entities[i].id, i);
    PARALLAX_ASSIGN_OR_RETURN(
        Stmt m, db.Prepare("SELECT entity_id, start, end FROM mentions WHERE article_seq = ?1 "
                           "ORDER BY entity_id, idx"));
    m.BindInt(1, seq);
    while (true) {
      PARALLAX_ASSIGN_OR_RETURN(bool row, m.Step());
      if (!row) break;
      auto it = by_id.find(m.Str(0));
      if (it != by_id.end()) a.entities[it->second].mentions.push_back(span(m, 1));
    }
  }
  {
    PARALLAX_ASSIGN_OR_RETURN(
        Stmt q, db.Prepare("SELECT content_start, content_end, direct, speaker_entity, "
                           "speaker_name, speaker_start, speaker_end, cue_start, cue_end, "
                           "channel_start, channel_end FROM quotes WHERE article_seq = ?1 "
                           "ORDER BY idx"));
    q.BindInt(1, seq);
    while (true) {
      PARALLAX_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      Quote quote;
      quote.content = span(q, 0);
      quote.direct = q.Int(2) != 0;
      if (!q.IsNull(3)) quote.speaker.entity = q.Str(3);
      quote.speaker.name = q.Str(4);
      quote.speaker.span = span(q, 5);
      quote.cue = opt_span(q, 7);
      quote.channel = opt_span(q, 9);
      a.quotes.push_back(std::move(quote));
    }
  }
  return a;
}

Result<bool> Store::HasArticle(std::string_view id) {
  PARALLAX_ASSIGN_OR_RETURN(Stmt st, impl_->db.Prepare("SELECT 1 FROM articles WHERE id = ?1"));
  st.BindText(1, id);
  return st.Step();
}

Result<std::vector<ArticleSummary>> Store::ListArticles(const ArticleFilter& filter) {
  return impl_->QueryArticles(filter, /*by_publication=*/false);
}

Result<std::vector<SearchHit>> Store::Search(std::string_view query, size_t limit) {
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("empty search query");
  }
  Result<Stmt> prepared = impl_->db.Prepare(
      "SELECT a.id, a.headline, COALESCE(o.name, a.outlet), COALESCE(a.published, ''), "
      "snippet(articles_fts, -1, '[', ']', '…', 24), bm25(articles_fts, 4.0, 1.0) AS score "
      "FROM articles_fts JOIN articles a ON a.ingest_seq = articles_fts.rowid "
      "LEFT JOIN outlets o ON o.id = a.outlet_id "
      "WHERE articles_fts MATCH ?1 ORDER BY score LIMIT ?2");
  if (!prepared.ok()) return prepared.status();
  Stmt& st = *prepared;
  st.BindText(1, query);
  st.BindInt(2, limit == 0 ? -1 : static_cast<int64_t>(limit));
  std::vector<SearchHit> hits;
  while (true) {
    Result<bool> row = st.Step();
    if (!row.ok()) return QueryError(row.status());
    if (!*row) break;
    hits.push_back(SearchHit{st.Str(0), st.Str(1), st.Str(2), st.Str(3), st.Str(4), st.Double(5),
                             std::nullopt});
  }
  return hits;
}

Result<std::vector<StorySummary>> Store::ListStories(const StoryFilter& f) {
  std::string sql =
      "SELECT s.id, s.label, COALESCE(s.first, ''), COALESCE(s.last, ''), s.article_count, "
      "(SELECT count(DISTINCT COALESCE(a.outlet_id, a.outlet)) FROM story_members m "
      " JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id) "
      "FROM stories s WHERE s.article_count >= ?";
  std::vector<SqlValue> params{static_cast<int64_t>(f.min_articles)};
  if (!f.since.empty()) {
    sql += " AND s.last >= substr(?, 1, 10)";
    params.emplace_back(f.since);
  }
  if (!f.until.empty()) {
    sql += " AND s.first <= substr(?, 1, 10)";
    params.emplace_back(f.until);
  }
  if (!f.outlet.empty()) {
    PARALLAX_ASSIGN_OR_RETURN(std::optional<int64_t> id, impl_->ResolveOutletName(f.outlet));
    sql +=
        " AND s.id IN (SELECT m.story_id FROM story_members m JOIN articles a ON "
        "a.id = m.article_id WHERE ";
    if (id) {
      sql += "a.outlet_id = ?)";
      params.emplace_back(*id);
    } else {
      sql += "a.outlet = ? COLLATE NOCASE)";
      params.emplace_back(f.outlet);
    }
  }
  if (!f.text.empty()) {
    sql +=
        " AND s.id IN (SELECT m.story_id FROM articles_fts JOIN articles a ON "
        "a.ingest_seq = articles_fts.rowid JOIN story_members m ON m.article_id = a.id "
        "WHERE articles_fts MATCH ?)";
    params.emplace_back(f.text);
  }
  sql += " ORDER BY s.first IS NULL, s.first, s.id";
  if (f.limit > 0 || f.offset > 0) {
    sql += " LIMIT " + (f.limit > 0 ? std::to_string(f.limit) : std::string("-1")) + " OFFSET " +
           std::to_string(f.offset);
  }
  PARALLAX_ASSIGN_OR_RETURN(Stmt st, impl_->db.Prepare(sql));
  BindAll(st, params);
  std::vector<StorySummary> out;
  while (true) {
    Result<bool> row = st.Step();
    if (!row.ok()) return f.text.empty() ? row.status() : QueryError(row.status());
    if (!*row) break;
    out.push_back(StorySummary{st.Int(0), st.Str(1), st.Str(2), st.Str(3), st.Int(4), st.Int(5)});
  }
  return out;
}

Result<Story> Store::GetStory(int64_t id) {
  PARALLAX_ASSIGN_OR_RETURN(
      Stmt st,
      impl_->db.Prepare("SELECT s.id, s.label, COALESCE(s.first, ''), COALESCE(s.last, ''), "
                        "s.article_count, (SELECT count(DISTINCT COALESCE(a.outlet_id, a.outlet)) "
                        "FROM story_members m JOIN articles a ON a.id = m.article_id "
                        "WHERE m.story_id = s.id), s.state FROM stories s WHERE s.id = ?1"));
  st.BindInt(1, id);
  PARALLAX_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return Status::NotFound("no story " + std::to_string(id));
  Story story;
  story.summary = StorySummary{st.Int(0), st.Str(1), st.Str(2), st.Str(3), st.Int(4), st.Int(5)};
  story.state = std::string(st.Blob(6));
  ArticleFilter filter;
  filter.story_id = id;
  filter.limit = 0;
  PARALLAX_ASSIGN_OR_RETURN(story.articles, impl_->QueryArticles(filter, /*by_publication=*/true));
  return story;
}

Result<std::optional<Outlet>> Store::FindOutlet(std::string_view name) {
  PARALLAX_ASSIGN_OR_RETURN(std::optional<int64_t> id, impl_->ResolveOutletName(name));
  if (!id) return std::optional<Outlet>();
  PARALLAX_ASSIGN_OR_RETURN(
      Stmt st, impl_->db.Prepare("SELECT id, name, aliases, domains, country, kind, ratings "
                                 "FROM outlets WHERE id = ?1"));
  st.BindInt(1, *id);
  PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<Outlet>();
  Outlet o;
  o.id = st.Int(0);
  o.name = st.Str(1);
  o.aliases = store::ParseJsonStringArray(st.Text(2));
  o.domains = store::ParseJsonStringArray(st.Text(3));
  o.country = st.Str(4);
  o.kind = ParseOutletKind(st.Text(5)).value_or(OutletKind::kUnknown);
  o.ratings_json = st.Str(6);
  return std::optional<Outlet>(std::move(o));
}

Result<std::vector<FailureRecord>> Store::ListFailures(size_t limit) {
  std::string sql = "SELECT source, record, reason, at FROM failures ORDER BY id";
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  PARALLAX_ASSIGN_OR_RETURN(Stmt st, impl_->db.Prepare(sql));
  std::vector<FailureRecord> out;
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(FailureRecord{st.Str(0), st.Str(1), st.Str(2), st.Str(3)});
  }
  return out;
}

Result<std::optional<std::string>> Store::GetState(std::string_view key) {
  PARALLAX_ASSIGN_OR_RETURN(Stmt st, impl_->db.Prepare("SELECT value FROM state WHERE key = ?1"));
  st.BindText(1, key);
  PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(st.Blob(0)));
}

Result<StoreCounts> Store::Counts() {
  store::Db& db = impl_->db;
  StoreCounts c;
  PARALLAX_ASSIGN_OR_RETURN(c.articles, db.QueryInt("SELECT count(*) FROM articles"));
  PARALLAX_ASSIGN_OR_RETURN(
      c.outlets, db.QueryInt("SELECT count(DISTINCT COALESCE(outlet_id, outlet)) FROM articles"));
  PARALLAX_ASSIGN_OR_RETURN(c.duplicates, db.QueryInt("SELECT count(*) FROM duplicates"));
  PARALLAX_ASSIGN_OR_RETURN(c.stories, db.QueryInt("SELECT count(*) FROM stories"));
  PARALLAX_ASSIGN_OR_RETURN(c.failures, db.QueryInt("SELECT count(*) FROM failures"));
  PARALLAX_ASSIGN_OR_RETURN(c.entities, db.QueryInt("SELECT count(*) FROM entities"));
  PARALLAX_ASSIGN_OR_RETURN(c.quotes, db.QueryInt("SELECT count(*) FROM quotes"));
  PARALLAX_ASSIGN_OR_RETURN(c.sentences, db.QueryInt("SELECT count(*) FROM sentences"));
  return c;
}

Status Store::CheckIntegrity() {
  store::Db& db = impl_->db;
  PARALLAX_ASSIGN_OR_RETURN(Stmt st, db.Prepare("PRAGMA integrity_check"));
  std::string findings;
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    if (st.Text(0) != "ok") findings += std::string(st.Text(0)) + "\n";
  }
  if (!findings.empty()) return Status::Internal("integrity_check: " + findings);
  PARALLAX_ASSIGN_OR_RETURN(int64_t fk_violations,
                            db.QueryInt("SELECT count(*) FROM pragma_foreign_key_check"));
  if (fk_violations > 0) {
    return Status::Internal(std::to_string(fk_violations) + " foreign key violations");
  }
  if (!impl_->options.read_only) {
    Status s = db.Exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
    if (!s.ok()) return Status::Internal("full-text index: " + s.message());
  }
  return Status::Ok();
}

}  // namespace parallax
