// Runs every ```sql example of docs/schema/sqlite.md against a database of fictional articles,
// so the documentation cannot drift from the schema: each query must succeed and return rows,
// and every table of the schema must appear in at least one example.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "parallax/store.h"
#include "src/store/sqlite_util.h"
#include "src/store/test_articles.h"
#include "src/store/test_util.h"

namespace parallax {
namespace {

std::vector<std::string> SqlBlocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  std::istringstream in(markdown);
  std::string line, block;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && line.rfind("```sql", 0) == 0) {
      inside = true;
      block.clear();
    } else if (inside && line.rfind("```", 0) == 0) {
      inside = false;
      blocks.push_back(block);
    } else if (inside) {
      block += line + "\n";
    }
  }
  return blocks;
}

TEST(DocQueriesTest, EveryExampleRunsAndReturnsRows) {
  std::ifstream file(PARALLAX_SOURCE_DIR "/docs/schema/sqlite.md");
  ASSERT_TRUE(file) << "docs/schema/sqlite.md not found";
  std::stringstream text;
  text << file.rdbuf();
  const std::vector<std::string> examples = SqlBlocks(text.str());
  ASSERT_GE(examples.size(), 14u);

  store::testing::TempDir dir;
  const std::string path = dir.File("doc.db");
  {
    Result<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(store->LoadBuiltinOutlets().ok());
    std::vector<Article> articles;
    for (uint64_t n = 1; n <= 12; ++n) articles.push_back(store::testing::MakeArticle(n));
    CorpusUpdate update;
    update.duplicates.push_back({articles[5].id, articles[1].id, DuplicateKind::kWire, 0.93});
    update.duplicates.push_back({articles[6].id, articles[1].id, DuplicateKind::kNear, 0.71});
    update.stories.push_back({1, "Velmora ferry line", "2031-03-02", "2031-03-09", 8, "s1"});
    update.stories.push_back({2, "Harbour budget", "2031-03-10", "2031-03-13", 4, ""});
    for (size_t i = 0; i < articles.size(); ++i) {
      update.members.push_back({i < 8 ? 1 : 2, articles[i].id});
    }
    update.state.emplace_back("stories.clusterer", "fictional state");
    update.failures.push_back({"crawl/part-3.jsonl", "line 17", "invalid JSON", ""});
    Result<WriteStats> stats = store->WriteBatch(articles, update);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  }

  Result<store::Db> db = store::Db::Open(path, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(db.ok());
  for (const std::string& sql : examples) {
    SCOPED_TRACE(sql);
    Result<store::Stmt> stmt = db->Prepare(sql);
    ASSERT_TRUE(stmt.ok()) << stmt.status().ToString();
    Result<bool> row = stmt->Step();
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_TRUE(*row) << "the example returns no rows";
  }

  // Every table (not FTS shadow tables) has an example.
  Result<store::Stmt> tables = db->Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name NOT LIKE 'articles_fts_%'");
  ASSERT_TRUE(tables.ok());
  std::set<std::string> missing;
  while (true) {
    Result<bool> row = tables->Step();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    const std::string name = tables->Str(0);
    bool found = false;
    for (const std::string& sql : examples) {
      // "FROM name" or "JOIN name" followed by a space, newline or ',' or ';'.
      for (const char* kw : {"FROM ", "JOIN "}) {
        size_t pos = sql.find(std::string(kw) + name);
        while (pos != std::string::npos && !found) {
          char after = pos + 5 + name.size() < sql.size() ? sql[pos + 5 + name.size()] : ' ';
          found = after == ' ' || after == '\n' || after == ',' || after == ';';
          pos = sql.find(std::string(kw) + name, pos + 1);
        }
      }
    }
    if (!found) missing.insert(name);
  }
  EXPECT_TRUE(missing.empty()) << "tables without an example: " << *missing.begin();
}

}  // namespace
}  // namespace parallax
