// Store::Impl: the connection, its cached prepared statements and the outlet-key cache.
// Shared by store.cc (writer, readers) and export.cc. Internal to the store.
#ifndef PARALLAX_STORE_STORE_IMPL_H_
#define PARALLAX_STORE_STORE_IMPL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "parallax/store.h"
#include "src/store/sqlite_util.h"

namespace parallax {

using SqlValue = std::variant<std::string, int64_t>;

// A WHERE clause over `articles a` (joined with story_members m and duplicates d) and its
// parameters, in order.
struct SqlWhere {
  std::string sql;  // "" or " WHERE ..."
  std::vector<SqlValue> params;
};

class Store::Impl {
 public:
  store::Db db;
  StoreOptions options;
  int version = 0;

  // Statements prepared once and reused by every batch (SQLITE_PREPARE_PERSISTENT).
  store::Stmt insert_article, insert_block, insert_sentence, insert_entity, insert_mention,
      insert_quote, upsert_duplicate, upsert_story, upsert_member, upsert_state, insert_failure,
      find_key;

  // Outlet lookup key -> outlet id (nullopt: known to be absent). Cleared whenever a
  // transaction that may have changed outlets rolls back.
  std::unordered_map<std::string, std::optional<int64_t>> key_cache;

  Status Prepare();
  Status Begin();
  Status Commit();
  void Rollback();

  // The outlet a lookup key names, through key_cache.
  Result<std::optional<int64_t>> FindOutletId(const std::string& key);
  // The outlet a user names (name, alias, domain or URL).
  Result<std::optional<int64_t>> ResolveOutletName(std::string_view name);
  // Outlet of an article (name, then URL host and its parent domains); creates one when
  // options.create_outlets. Call inside a transaction.
  Result<std::optional<int64_t>> ResolveArticleOutlet(const Article& article);
  Result<int64_t> UpsertOutlet(const Outlet& outlet);

  // Inside a transaction.
  Status WriteArticle(const Article& article, std::string_view ingested_at, bool* inserted);
  Status WriteUpdate(const CorpusUpdate& update, std::string_view now);
  Status InsertFailure(std::string_view source, std::string_view record, std::string_view reason,
                       std::string_view now);

  Result<SqlWhere> ArticleWhere(const ArticleFilter& filter);
  Result<std::vector<ArticleSummary>> QueryArticles(const ArticleFilter& filter,
                                                    bool by_publication);
};

// Binds `params` to `stmt` from parameter 1 on.
void BindAll(store::Stmt& stmt, const std::vector<SqlValue>& params);
// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNow();

}  // namespace parallax

#endif  // PARALLAX_STORE_STORE_IMPL_H_
