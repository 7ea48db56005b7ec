#include "parallax/store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "src/base/hash.h"
#include "src/store/schema.h"
#include "src/store/sqlite_util.h"
#include "src/store/test_articles.h"
#include "src/store/test_util.h"

namespace parallax {
namespace {

using store::testing::ExpectSameArticle;
using store::testing::MakeArticle;
using store::testing::TempDir;

Store OpenOrDie(const std::string& path, StoreOptions options = {}) {
  Result<Store> store = Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) std::abort();
  return std::move(store).value();
}

std::vector<Article> Corpus(uint64_t first, size_t count, int paragraphs = 3) {
  std::vector<Article> out;
  for (size_t i = 0; i < count; ++i) out.push_back(MakeArticle(first + i, paragraphs));
  return out;
}

// An article whose text is `text`, with one body block and one sentence over all of it, and an
// entity mention and a quote when the text is long enough.
Article EdgeArticle(const std::string& text) {
  Article a;
  a.text = text;
  a.id = HashHex("edge:" + text);
  a.source = "-";
  a.headline = text;
  const uint32_t n = static_cast<uint32_t>(text.size());
  a.blocks.push_back(Block{BlockRole::kBody, Span{0, n}, "", std::nullopt});
  a.sentences.push_back(Sentence{Span{0, n}});
  if (n >= 2) {
    a.entities.push_back(Entity{"e1", text, EntityType::kOther, {"r\"o,le"}, "k", {Span{0, n}}});
    a.quotes.push_back(Quote{Span{1, n}, false, Speaker{std::nullopt, "", Span{0, 1}}, std::nullopt,
                             std::nullopt});
  }
  return a;
}

TEST(StoreTest, OpensFreshDatabaseAtLatestVersion) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  EXPECT_EQ(store.schema_version(), kStoreSchemaVersion);
  Result<StoreCounts> counts = store.Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 0);
  EXPECT_TRUE(store.CheckIntegrity().ok());
}

TEST(StoreTest, WriteTuningIsStoredOnceAndKept) {
  TempDir dir;
  const std::string path = dir.File("t.db");
  auto setting = [&](const char* key) -> int64_t {
    Result<store::Db> db = store::Db::Open(path, SQLITE_OPEN_READONLY);
    if (!db.ok()) return -1;
    Result<int64_t> v = db->QueryInt(std::string("SELECT coalesce((SELECT v FROM "
                                                 "articles_fts_config WHERE k = '") +
                                     key + "'), 0)");
    return v.ok() ? *v : -1;
  };
  { Store store = OpenOrDie(path); }
  EXPECT_EQ(setting("automerge"), store::kAutomerge);
  EXPECT_EQ(setting("crisismerge"), store::kCrisismerge);
  {
    Result<store::Db> db = store::Db::Open(path, SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(
        db->Exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 5)").ok());
  }
  {
    Store store = OpenOrDie(path);  // a user's setting is kept
    ASSERT_TRUE(store.WriteBatch({MakeArticle(1), MakeArticle(2)}).ok());
  }
  EXPECT_EQ(setting("automerge"), 5);
  StoreOptions ro;
  ro.read_only = true;
  EXPECT_TRUE(Store::Open(path, ro).ok());  // read-only opens write nothing
  Store store = OpenOrDie(path);
  EXPECT_TRUE(store.CheckIntegrity().ok());
}

TEST(StoreTest, RoundTripKeepsEveryFieldAndSpan) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  std::vector<Article> articles = Corpus(1, 6);
  for (const Article& a : articles) ASSERT_FALSE(a.quotes.empty());
  Result<WriteStats> stats = store.WriteBatch(articles);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->inserted, 6u);
  for (const Article& a : articles) {
    Result<Article> got = store.GetArticle(a.id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ExpectSameArticle(a, *got);
  }
  EXPECT_EQ(store.GetArticle("0000000000000000").status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, RoundTripEdgeCaseTexts) {
  const std::vector<std::string> texts = {
      "",                                                         // empty
      "   \t\n ",                                                 // whitespace only
      "\u00A0no\u00A0break\u00A0",                                // NBSP
      "\u201Ccurly\u201D and \"straight\" quotes",                // quotes
      "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",  // RTL
      "\u65B0\u95FB\u62A5\u9053\u3002\u6771\u4EAC",               // CJK
      "e\u0301te\u0301 combining",                                // combining marks
      "nul\0byte",                                                // embedded NUL (kept by size)
  };
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  std::vector<Article> articles;
  for (const std::string& t : texts) articles.push_back(EdgeArticle(t));
  articles.back().text = std::string("nul\0byte", 8);
  articles.back().id = "nulbyte000000000";
  Result<WriteStats> stats = store.WriteBatch(articles);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->inserted, texts.size());
  for (const Article& a : articles) {
    SCOPED_TRACE(a.text);
    Result<Article> got = store.GetArticle(a.id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ExpectSameArticle(a, *got);
  }
}

TEST(StoreTest, RewritingIsIdempotent) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  std::vector<Article> articles = Corpus(10, 5);
  ASSERT_TRUE(store.WriteBatch(articles).ok());
  Result<StoreCounts> before = store.Counts();
  ASSERT_TRUE(before.ok());

  // The same batch again, plus a repeat inside one batch.
  std::vector<Article> again = articles;
  again.push_back(articles[0]);
  Result<WriteStats> stats = store.WriteBatch(again);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->inserted, 0u);
  EXPECT_EQ(stats->skipped, 6u);
  Result<StoreCounts> after = store.Counts();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->articles, before->articles);
  EXPECT_EQ(after->sentences, before->sentences);
  EXPECT_EQ(after->entities, before->entities);
  EXPECT_EQ(after->quotes, before->quotes);

  // A changed article with a stored id is not rewritten: the first write wins.
  Article changed = articles[1];
  changed.headline = "something else";
  changed.blocks.clear();
  ASSERT_TRUE(store.WriteBatch({changed}).ok());
  Result<Article> got = store.GetArticle(changed.id);
  ASSERT_TRUE(got.ok());
  ExpectSameArticle(articles[1], *got);
  EXPECT_TRUE(store.CheckIntegrity().ok());
}

TEST(StoreTest, InvalidArticlesAreRecordedAndSkipped) {
  struct Case {
    const char* name;
    void (*breakit)(Article*);
  };
  const Case cases[] = {
      {"empty id", [](Article* a) { a->id.clear(); }},
      {"block past end", [](Article* a) { a->blocks[0].span.end = a->text.size() + 1; }},
      {"reversed sentence",
       [](Article* a) {
         a->sentences[0].span = Span{5, 4};
       }},
      {"mention past end",
       [](Article* a) {
         a->entities[0].mentions.push_back(Span{0, 1u << 30});
       }},
      {"repeated entity id", [](Article* a) { a->entities[1].id = a->entities[0].id; }},
      {"cue past end",
       [](Article* a) {
         a->quotes[0].cue = Span{0, 1u << 30};
       }},
      {"dateline past end", [](Article* a) { a->dateline->span.end = 1u << 30; }},
  };
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  uint64_t n = 100;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Article bad = MakeArticle(n++);
    c.breakit(&bad);
    Article good = MakeArticle(n++);
    Result<WriteStats> stats = store.WriteBatch({bad, good});
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->rejected, 1u);
    EXPECT_EQ(stats->inserted, 1u);
    Result<bool> has = store.HasArticle(good.id);
    ASSERT_TRUE(has.ok());
    EXPECT_TRUE(*has);
  }
  Result<std::vector<FailureRecord>> failures = store.ListFailures(0);
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), std::size(cases));
  EXPECT_NE((*failures)[1].reason.find("block span outside text"), std::string::npos);
  EXPECT_EQ((*failures)[1].source, MakeArticle(102).source);
}

TEST(StoreTest, FailuresTable) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  ASSERT_TRUE(store.RecordFailure("crawl/a.jsonl", "line 17", "invalid JSON").ok());
  ASSERT_TRUE(store.RecordFailure("-", "", "binary input").ok());
  Result<std::vector<FailureRecord>> failures = store.ListFailures();
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), 2u);
  EXPECT_EQ((*failures)[0].source, "crawl/a.jsonl");
  EXPECT_EQ((*failures)[0].record, "line 17");
  EXPECT_EQ((*failures)[0].reason, "invalid JSON");
  EXPECT_EQ((*failures)[0].at.size(), 20u);  // 2031-03-01T10:00:00Z
  EXPECT_EQ((*failures)[1].record, "");
  Result<StoreCounts> counts = store.Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->failures, 2);
}

TEST(StoreTest, SearchFindsHeadlineAndBodyWithSnippets) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  ASSERT_TRUE(store.WriteBatch(Corpus(1, 8)).ok());
  Article special = MakeArticle(50);
  ASSERT_TRUE(store.WriteBatch({special}).ok());

  Result<std::vector<SearchHit>> hits = store.Search("ferry", 5);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 5u);
  for (const SearchHit& h : *hits) {
    EXPECT_NE(h.snippet.find("[ferry]"), std::string::npos) << h.snippet;
    EXPECT_FALSE(h.outlet.empty());
  }
  // Diacritics folded: "dvorakova" finds "Dvořáková" in the body.
  hits = store.Search("dvorakova AND kroner", 0);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_FALSE(hits->empty());
  EXPECT_NE(hits->front().snippet.find("[Dvořáková]"), std::string::npos) << hits->front().snippet;
  // Column filter and phrase.
  hits = store.Search("headline: \"says mayor hallberg\"", 100);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 9u);
  hits = store.Search("nosuchwordanywhere", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

TEST(StoreTest, BadSearchQueriesAreInvalidArgument) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  ASSERT_TRUE(store.WriteBatch(Corpus(1, 2)).ok());
  const char* queries[] = {"\"unbalanced",
                           "AND",
                           "ferry AND",
                           "nosuchcolumn: ferry",
                           "NEAR(ferry",
                           "(ferry",
                           "*",
                           "",
                           "   ",
                           "ferry OR OR line"};
  for (const char* q : queries) {
    SCOPED_TRACE(q);
    Result<std::vector<SearchHit>> hits = store.Search(q, 10);
    ASSERT_FALSE(hits.ok());
    EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument) << hits.status().ToString();
  }
  // The connection stays usable.
  EXPECT_TRUE(store.Search("ferry", 1).ok());
  StoryFilter filter;
  filter.text = "\"open";
  EXPECT_EQ(store.ListStories(filter).status().code(), StatusCode::kInvalidArgument);
}

TEST(StoreTest, MigratesFromVersionZeroAndOne) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  Article a = MakeArticle(3);
  {
    // A version-1 database (before full-text search) holding one article.
    Result<store::Db> db = store::Db::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(store::Migrate(*db, 1, false).ok());
    Result<int64_t> v = db->QueryInt("PRAGMA user_version");
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, 1);
    Result<store::Stmt> ins = db->Prepare(
        "INSERT INTO articles(id, source, headline, text, body, ingested_at) "
        "VALUES (?1, 'old', ?2, ?3, ?3, '2031-01-01T00:00:00Z')");
    ASSERT_TRUE(ins.ok());
    ins->BindText(1, a.id);
    ins->BindText(2, a.headline);
    ins->BindText(3, a.text);
    ASSERT_TRUE(ins->Run().ok());
  }
  // Read-only cannot migrate.
  StoreOptions ro;
  ro.read_only = true;
  Result<Store> refused = Store::Open(path, ro);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kUnsupported);

  Store store = OpenOrDie(path);
  EXPECT_EQ(store.schema_version(), 2);
  Result<std::vector<SearchHit>> hits = store.Search("hallberg", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().id, a.id);
  EXPECT_TRUE(store.CheckIntegrity().ok());

  Result<store::Db> db = store::Db::Open(path, SQLITE_OPEN_READONLY);
  ASSERT_TRUE(db.ok());
  Result<int64_t> steps = db->QueryInt("SELECT count(*) FROM migrations");
  ASSERT_TRUE(steps.ok());
  EXPECT_EQ(*steps, 2);
}

TEST(StoreTest, RefusesNewerAndForeignDatabases) {
  TempDir dir;
  { Store store = OpenOrDie(dir.File("new.db")); }
  {
    Result<store::Db> db = store::Db::Open(dir.File("new.db"), SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("PRAGMA user_version = 99").ok());
  }
  Result<Store> newer = Store::Open(dir.File("new.db"));
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos) << newer.status().message();

  {
    Result<store::Db> db =
        store::Db::Open(dir.File("other.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE things(x)").ok());
  }
  Result<Store> other = Store::Open(dir.File("other.db"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), StatusCode::kUnsupported);

  std::ofstream(dir.File("junk.db")) << std::string(4096, 'x');
  Result<Store> junk = Store::Open(dir.File("junk.db"));
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.status().code(), StatusCode::kUnsupported) << junk.status().ToString();

  StoreOptions no_create;
  no_create.create = false;
  EXPECT_EQ(Store::Open(dir.File("missing.db"), no_create).status().code(), StatusCode::kNotFound);
}

TEST(StoreTest, ConcurrentReaderSeesWholeBatchesDuringWrites) {
  TempDir dir;
  const std::string path = dir.File("wal.db");
  Store writer = OpenOrDie(path);
  constexpr size_t kBatch = 10;
  constexpr int kBatches = 25;
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::atomic<int> bad{0};
  std::thread reader([&] {
    StoreOptions options;
    options.read_only = true;
    Result<Store> store = Store::Open(path, options);
    if (!store.ok()) {
      bad = 1000;
      return;
    }
    while (!done.load()) {
      Result<StoreCounts> counts = store->Counts();
      if (!counts.ok() || counts->articles % kBatch != 0) ++bad;
      Result<std::vector<SearchHit>> hits = store->Search("ferry", 3);
      if (!hits.ok()) ++bad;
      ++reads;
    }
  });
  for (int b = 0; b < kBatches; ++b) {
    Result<WriteStats> stats = writer.WriteBatch(Corpus(1000 + b * kBatch, kBatch));
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  }
  // Let the reader observe the final state at least once.
  int seen = reads.load();
  while (reads.load() < seen + 2) std::this_thread::yield();
  done = true;
  reader.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(reads.load(), 0);
}

TEST(StoreTest, DuplicatesStoriesMembersAndState) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  std::vector<Article> articles = Corpus(1, 6);  // days 2..7 of March 2031
  CorpusUpdate update;
  update.duplicates.push_back({articles[4].id, articles[0].id, DuplicateKind::kWire, 0.91});
  update.stories.push_back({7, "Velmora ferry line", "2031-03-02", "2031-03-04", 3, "blob\0x"});
  update.stories.push_back({8, "Harbour budget", "2031-03-05", "2031-03-07", 3, ""});
  for (int i = 0; i < 6; ++i) update.members.push_back({i < 3 ? 7 : 8, articles[i].id});
  update.state.emplace_back("stories.clusterer", std::string("\x01\x00\x02", 3));
  Result<WriteStats> stats = store.WriteBatch(articles, update);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();

  Result<std::optional<std::string>> state = store.GetState("stories.clusterer");
  ASSERT_TRUE(state.ok());
  ASSERT_TRUE(state->has_value());
  EXPECT_EQ(**state, std::string("\x01\x00\x02", 3));
  Result<std::optional<std::string>> none = store.GetState("nothing");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  Result<Story> story = store.GetStory(7);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  EXPECT_EQ(story->summary.label, "Velmora ferry line");
  EXPECT_EQ(story->summary.outlet_count, 3);
  ASSERT_EQ(story->articles.size(), 3u);
  EXPECT_EQ(story->articles[0].id, articles[0].id);
  EXPECT_EQ(story->articles[0].story_id, 7);
  EXPECT_EQ(story->state, "blob");  // the literal's bytes up to its NUL
  EXPECT_EQ(store.GetStory(99).status().code(), StatusCode::kNotFound);

  StoryFilter filter;
  Result<std::vector<StorySummary>> all = store.ListStories(filter);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, 7);
  filter.since = "2031-03-05";
  Result<std::vector<StorySummary>> later = store.ListStories(filter);
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ((*later)[0].id, 8);
  filter = {};
  filter.until = "2031-03-01";
  EXPECT_TRUE(store.ListStories(filter)->empty());
  filter = {};
  filter.outlet = articles[0].outlet;  // articles 1 (story 7) and 5 (story 8)
  Result<std::vector<StorySummary>> by_outlet = store.ListStories(filter);
  ASSERT_TRUE(by_outlet.ok());
  EXPECT_EQ(by_outlet->size(), 2u);
  filter = {};
  filter.text = "dvorakova";
  EXPECT_TRUE(store.ListStories(filter).ok());

  // Re-clustering moves an article to another story; upserts replace rows.
  ASSERT_TRUE(store
                  .UpsertStories({{7, "Velmora ferry line", "2031-03-02", "2031-03-03", 2, ""}},
                                 {{8, articles[2].id}})
                  .ok());
  story = store.GetStory(7);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->articles.size(), 2u);
  EXPECT_EQ(story->summary.last, "2031-03-03");

  ArticleFilter af;
  af.story_id = 8;
  af.originals_only = true;
  Result<std::vector<ArticleSummary>> listed = store.ListArticles(af);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 3u);  // articles 2, 3, 5 (4 is a wire copy)
  af.originals_only = false;
  listed = store.ListArticles(af);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 4u);
  bool saw_duplicate = false;
  for (const ArticleSummary& s : *listed) {
    if (s.id == articles[4].id) {
      ASSERT_TRUE(s.duplicate_of.has_value());
      EXPECT_EQ(*s.duplicate_of, articles[0].id);
      saw_duplicate = true;
    }
  }
  EXPECT_TRUE(saw_duplicate);

  // A duplicate naming an unknown article fails the whole batch: its articles are not kept.
  Article extra = MakeArticle(77);
  CorpusUpdate broken;
  broken.duplicates.push_back({extra.id, "ffffffffffffffff", DuplicateKind::kNear, 0.6});
  Result<WriteStats> failed = store.WriteBatch({extra}, broken);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kInvalidArgument);
  Result<bool> has = store.HasArticle(extra.id);
  ASSERT_TRUE(has.ok());
  EXPECT_FALSE(*has);
  EXPECT_TRUE(store.CheckIntegrity().ok());
}

TEST(StoreTest, ListArticlesFilters) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  std::vector<Article> articles = Corpus(1, 8);  // days 2..9
  articles[7].published.reset();
  ASSERT_TRUE(store.WriteBatch(articles).ok());
  ArticleFilter f;
  f.limit = 0;
  EXPECT_EQ(store.ListArticles(f)->size(), 8u);
  f.since = "2031-03-03";
  f.until = "2031-03-05";  // a bare date includes its day
  EXPECT_EQ(store.ListArticles(f)->size(), 3u);
  f = {};
  f.outlet = "Northwind Daily";  // article n has outlet n % 4
  Result<std::vector<ArticleSummary>> by_domain = store.ListArticles(f);
  ASSERT_TRUE(by_domain.ok());
  ASSERT_EQ(by_domain->size(), 2u);
  EXPECT_EQ((*by_domain)[0].outlet, "Northwind Daily");
  f.outlet = "NORTHWIND   daily";
  EXPECT_EQ(store.ListArticles(f)->size(), 2u);
  f = {};
  f.limit = 3;
  f.offset = 6;
  EXPECT_EQ(store.ListArticles(f)->size(), 2u);
  f = {};
  f.language = "ru";
  EXPECT_TRUE(store.ListArticles(f)->empty());
}

TEST(StoreTest, ArticlesResolveToOutlets) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  ASSERT_TRUE(store.LoadBuiltinOutlets().ok());
  ASSERT_TRUE(store.LoadBuiltinOutlets().ok());  // idempotent
  Article by_url = EdgeArticle("wire copy one");
  by_url.url = "https://en.tass.com/world/1";
  Article by_alias = EdgeArticle("wire copy two");
  by_alias.outlet = "ITAR-TASS";
  Article unknown = EdgeArticle("local news");
  unknown.outlet = "The Kestrel Gazette";
  ASSERT_TRUE(store.WriteBatch({by_url, by_alias, unknown}).ok());
  ArticleFilter f;
  f.outlet = "tass";
  Result<std::vector<ArticleSummary>> tass = store.ListArticles(f);
  ASSERT_TRUE(tass.ok());
  ASSERT_EQ(tass->size(), 2u);
  EXPECT_EQ((*tass)[0].outlet, "TASS");
  Result<std::optional<Outlet>> created = store.FindOutlet("kestrel gazette");
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(created->has_value());
  EXPECT_EQ((*created)->name, "The Kestrel Gazette");
  EXPECT_EQ((*created)->kind, OutletKind::kUnknown);
  Result<std::optional<Outlet>> guardian = store.FindOutlet("https://www.theguardian.com/x");
  ASSERT_TRUE(guardian.ok());
  ASSERT_TRUE(guardian->has_value());
  EXPECT_EQ((*guardian)->name, "The Guardian");
  EXPECT_EQ((*guardian)->country, "United Kingdom");
  Result<StoreCounts> counts = store.Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->outlets, 2);  // TASS (by URL and by alias), The Kestrel Gazette
}

TEST(StoreTest, OutletsAreNotCreatedWhenDisabled) {
  TempDir dir;
  StoreOptions options;
  options.create_outlets = false;
  Store store = OpenOrDie(dir.File("a.db"), options);
  Article a = EdgeArticle("text");
  a.outlet = "Nowhere Weekly";
  ASSERT_TRUE(store.WriteBatch({a}).ok());
  Result<std::optional<Outlet>> o = store.FindOutlet("Nowhere Weekly");
  ASSERT_TRUE(o.ok());
  EXPECT_FALSE(o->has_value());
  ArticleFilter f;
  f.outlet = "Nowhere Weekly";  // falls back to the article's own outlet string
  EXPECT_EQ(store.ListArticles(f)->size(), 1u);
}

TEST(StoreTest, ExportsCsvAndJsonl) {
  TempDir dir;
  Store store = OpenOrDie(dir.File("a.db"));
  std::vector<Article> articles = Corpus(1, 4);
  CorpusUpdate update;
  update.stories.push_back({1, "Ferry", "2031-03-02", "2031-03-05", 4, ""});
  for (const Article& a : articles) update.members.push_back({1, a.id});
  update.duplicates.push_back({articles[1].id, articles[0].id, DuplicateKind::kNear, 0.7});
  ASSERT_TRUE(store.WriteBatch(articles, update).ok());

  std::ostringstream csv;
  ArticleFilter all;
  all.limit = 0;
  Result<size_t> rows = store.Export(ExportKind::kArticles, ExportFormat::kCsv, all, csv);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(*rows, 4u);
  std::string text = csv.str();
  EXPECT_EQ(text.substr(0, text.find('\r')),
            "id,source,outlet,published,language,url,headline,story,duplicate_of,duplicate_kind");
  EXPECT_NE(text.find("," + articles[0].id + ",near"), std::string::npos);

  std::ostringstream jsonl;
  rows = store.Export(ExportKind::kQuotes, ExportFormat::kJsonl, all, jsonl);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  size_t quotes = 0;
  for (const Article& a : articles) quotes += a.quotes.size();
  EXPECT_EQ(*rows, quotes);
  // Spans are cut as bytes: the first quote's content and channel come back exactly.
  const Quote& q = articles[0].quotes[0];
  std::string line = jsonl.str().substr(0, jsonl.str().find('\n'));
  EXPECT_NE(line.find("\"content\":\"" + std::string(articles[0].View(q.content)) + "\""),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("\"channel\":\"" + std::string(articles[0].View(*q.channel)) + "\""),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("\"speaker_key\":\"tomas hallberg\""), std::string::npos) << line;

  std::ostringstream entities;
  rows = store.Export(ExportKind::kEntities, ExportFormat::kCsv, all, entities);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, 4u * 5u);
  std::ostringstream stories;
  rows = store.Export(ExportKind::kStories, ExportFormat::kJsonl, all, stories);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, 1u);
  EXPECT_NE(stories.str().find("\"outlets\":\"Harbour Wire; Northwind Daily; Radio Kestrel; "
                               "The Velmora Courier\""),
            std::string::npos)
      << stories.str();
  ArticleFilter one;
  one.outlet = "Radio Kestrel";
  std::ostringstream filtered;
  rows = store.Export(ExportKind::kStories, ExportFormat::kCsv, one, filtered);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, 1u);
}

}  // namespace
}  // namespace parallax
