// Read-side queries for the CLI's read verbs (stories, show, search) and the HTTP API:
// id prefixes, an article's links to the corpus, a story's outlets and duplicates, filtered
// search. Nothing here writes.
#include <cctype>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "src/store/store_impl.h"

namespace parallax {

using store::Stmt;

namespace {

DuplicateKind ParseDuplicateKind(std::string_view name) {
  if (name == "exact") return DuplicateKind::kExact;
  if (name == "wire") return DuplicateKind::kWire;
  return DuplicateKind::kNear;
}

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The same mapping as Store::Search: whatever SQLite reports while evaluating MATCH is the
// query's fault.
Status QueryError(const Status& s) {
  if (s.code() == StatusCode::kInternal || s.code() == StatusCode::kInvalidArgument) {
    return Status::InvalidArgument("bad search query: " + s.message());
  }
  return s;
}

}  // namespace

Result<std::string> Store::ResolveArticleId(std::string_view id_or_prefix) {
  constexpr size_t kMinPrefix = 8;
  PARALLAX_ASSIGN_OR_RETURN(bool exact, HasArticle(id_or_prefix));
  if (exact) return std::string(id_or_prefix);
  if (!IsHex(id_or_prefix)) {
    return Status::InvalidArgument("'" + std::string(id_or_prefix) +
                                   "' is not an article id (ids are hexadecimal)");
  }
  if (id_or_prefix.size() < kMinPrefix) {
    return Status::InvalidArgument("article id prefix '" + std::string(id_or_prefix) +
                                   "' is too short: give at least 8 hex digits");
  }
  // Ids are stored in lower case; a range scan on the UNIQUE index finds the prefix's ids.
  std::string low(id_or_prefix);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string high = low + "\x7f";
  PARALLAX_ASSIGN_OR_RETURN(Stmt st,
                            impl_->db.Prepare("SELECT id FROM articles WHERE id >= ?1 AND id < ?2 "
                                              "ORDER BY id LIMIT 4"));
  st.BindText(1, low);
  st.BindText(2, high);
  std::vector<std::string> ids;
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ids.push_back(st.Str(0));
  }
  if (ids.empty()) return Status::NotFound("no article " + std::string(id_or_prefix));
  if (ids.size() > 1) {
    std::string list;
    for (size_t i = 0; i < ids.size() && i < 3; ++i) list += (i ? ", " : "") + ids[i];
    if (ids.size() > 3) list += ", …";
    return Status::InvalidArgument("article id prefix '" + std::string(id_or_prefix) +
                                   "' is ambiguous: " + list + "; give more digits");
  }
  return ids[0];
}

Result<ArticleLinks> Store::GetArticleLinks(std::string_view id) {
  store::Db& db = impl_->db;
  PARALLAX_ASSIGN_OR_RETURN(
      Stmt st, db.Prepare("SELECT COALESCE(o.name, a.outlet), a.ingested_at, m.story_id, "
                          "COALESCE(s.label, ''), d.duplicate_of, d.kind, d.similarity "
                          "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
                          "LEFT JOIN story_members m ON m.article_id = a.id "
                          "LEFT JOIN stories s ON s.id = m.story_id "
                          "LEFT JOIN duplicates d ON d.article_id = a.id WHERE a.id = ?1"));
  st.BindText(1, id);
  PARALLAX_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return Status::NotFound("no article " + std::string(id));
  ArticleLinks links;
  links.outlet = st.Str(0);
  links.ingested_at = st.Str(1);
  links.story_id = st.OptInt(2);
  links.story_label = st.Str(3);
  if (!st.IsNull(4)) {
    links.duplicate =
        DuplicateRecord{std::string(id), st.Str(4), ParseDuplicateKind(st.Text(5)), st.Double(6)};
  }
  PARALLAX_ASSIGN_OR_RETURN(
      Stmt copies, db.Prepare("SELECT d.article_id, d.kind, d.similarity FROM duplicates d "
                              "JOIN articles a ON a.id = d.article_id WHERE d.duplicate_of = ?1 "
                              "ORDER BY a.ingest_seq"));
  copies.BindText(1, id);
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, copies.Step());
    if (!row) break;
    links.copies.push_back(DuplicateRecord{copies.Str(0), std::string(id),
                                           ParseDuplicateKind(copies.Text(1)), copies.Double(2)});
  }
  return links;
}

Result<std::vector<OutletCount>> Store::StoryOutlets(int64_t story_id) {
  PARALLAX_ASSIGN_OR_RETURN(
      Stmt st, impl_->db.Prepare("SELECT COALESCE(o.name, a.outlet) AS name, count(*) AS n "
                                 "FROM story_members m JOIN articles a ON a.id = m.article_id "
                                 "LEFT JOIN outlets o ON o.id = a.outlet_id "
                                 "WHERE m.story_id = ?1 GROUP BY COALESCE(a.outlet_id, a.outlet) "
                                 "ORDER BY n DESC, name COLLATE NOCASE"));
  st.BindInt(1, story_id);
  std::vector<OutletCount> out;
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(OutletCount{st.Str(0), st.Int(1)});
  }
  return out;
}

Result<std::vector<DuplicateRecord>> Store::StoryDuplicates(int64_t story_id) {
  PARALLAX_ASSIGN_OR_RETURN(
      Stmt st, impl_->db.Prepare("SELECT d.article_id, d.duplicate_of, d.kind, d.similarity "
                                 "FROM story_members m JOIN articles a ON a.id = m.article_id "
                                 "JOIN duplicates d ON d.article_id = a.id WHERE m.story_id = ?1 "
                                 "ORDER BY a.published IS NULL, a.published, a.ingest_seq"));
  st.BindInt(1, story_id);
  std::vector<DuplicateRecord> out;
  while (true) {
    PARALLAX_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(
        DuplicateRecord{st.Str(0), st.Str(1), ParseDuplicateKind(st.Text(2)), st.Double(3)});
  }
  return out;
}

Result<std::vector<SearchHit>> Store::SearchArticles(std::string_view query,
                                                     const SearchOptions& options) {
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("empty search query");
  }
  const int tokens = options.snippet_tokens < 1    ? 1
                     : options.snippet_tokens > 64 ? 64
                                                   : options.snippet_tokens;
  PARALLAX_ASSIGN_OR_RETURN(SqlWhere where, impl_->ArticleWhere(options.filter));
  // Anonymous parameters are numbered left to right: the snippet marks, the query, then the
  // filter's terms (ArticleWhere writes " WHERE a AND b"; its terms are appended with AND).
  std::string sql =
      "SELECT a.id, a.headline, COALESCE(o.name, a.outlet), COALESCE(a.published, ''), "
      "snippet(articles_fts, -1, ?, ?, '…', " +
      std::to_string(tokens) +
      "), bm25(articles_fts, 4.0, 1.0) AS score, m.story_id "
      "FROM articles_fts JOIN articles a ON a.ingest_seq = articles_fts.rowid "
      "LEFT JOIN outlets o ON o.id = a.outlet_id "
      "LEFT JOIN story_members m ON m.article_id = a.id "
      "LEFT JOIN duplicates d ON d.article_id = a.id "
      "WHERE articles_fts MATCH ?";
  if (!where.sql.empty()) sql += " AND " + where.sql.substr(std::string_view(" WHERE ").size());
  sql += " ORDER BY score, a.ingest_seq";
  const ArticleFilter& f = options.filter;
  if (f.limit > 0 || f.offset > 0) {
    sql += " LIMIT " + (f.limit > 0 ? std::to_string(f.limit) : std::string("-1")) + " OFFSET " +
           std::to_string(f.offset);
  }
  std::vector<SqlValue> params{options.open, options.close, std::string(query)};
  params.insert(params.end(), where.params.begin(), where.params.end());
  PARALLAX_ASSIGN_OR_RETURN(Stmt st, impl_->db.Prepare(sql));
  BindAll(st, params);
  std::vector<SearchHit> hits;
  while (true) {
    Result<bool> row = st.Step();
    if (!row.ok()) return QueryError(row.status());
    if (!*row) break;
    hits.push_back(SearchHit{st.Str(0), st.Str(1), st.Str(2), st.Str(3), st.Str(4), st.Double(5),
                             st.OptInt(6)});
  }
  return hits;
}

}  // namespace parallax
