// The read-side queries behind `parallax stories|show|search`: id prefixes, article links,
// story outlets and duplicates, filtered search, story paging.
#include <gtest/gtest.h>

#include <algorithm>

#include "parallax/store.h"
#include "src/store/test_articles.h"
#include "src/store/test_util.h"

namespace parallax {
namespace {

using store::testing::MakeArticle;
using store::testing::TempDir;

class ReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Store> opened = Store::Open(":memory:");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_.emplace(std::move(opened).value());
    // Article n: outlet n % 4 (Courier, Northwind, Kestrel, Wire), dated 2031-03-(1 + n).
    for (uint64_t n = 1; n <= 8; ++n) articles_.push_back(MakeArticle(n, 2));
    // Two ids sharing their first 8 hex digits, for the ambiguous-prefix case.
    Article twin_a = MakeArticle(42, 1), twin_b = MakeArticle(44, 1);
    twin_a.id = "abcdef0100000001";
    twin_b.id = "abcdef0100000002";
    articles_.push_back(twin_a);
    articles_.push_back(twin_b);
    CorpusUpdate update;
    update.stories = {StoryRecord{1, "Ferry vote", "2031-03-02", "2031-03-05", 4, ""},
                      StoryRecord{2, "Harbour budget", "2031-03-06", "2031-03-08", 3, ""}};
    for (int i = 1; i <= 4; ++i) update.members.push_back(StoryMember{1, id(i)});
    for (int i = 6; i <= 8; ++i) update.members.push_back(StoryMember{2, id(i)});
    update.duplicates = {DuplicateRecord{id(5), id(1), DuplicateKind::kWire, 0.93},
                         DuplicateRecord{id(3), id(1), DuplicateKind::kExact, 1.0}};
    Result<WriteStats> stats = store_->WriteBatch(articles_, update);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    ASSERT_EQ(stats->inserted, articles_.size());
  }
  // Article n (1..8) of the fixture.
  const std::string& id(int n) const { return articles_[n - 1].id; }

  std::optional<Store> store_;
  std::vector<Article> articles_;
};

TEST_F(ReadTest, ResolvesExactIdsAndUniquePrefixes) {
  struct Case {
    std::string input;
    std::string want;  // "" = an error of `code`
    StatusCode code;
  };
  std::string upper = id(2).substr(0, 10);
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  const Case cases[] = {
      {id(2), id(2), StatusCode::kOk},
      {id(2).substr(0, 8), id(2), StatusCode::kOk},
      {upper, id(2), StatusCode::kOk},
      {id(2).substr(0, 7), "", StatusCode::kInvalidArgument},  // too short
      {"", "", StatusCode::kInvalidArgument},
      {"   ", "", StatusCode::kInvalidArgument},
      {"zzzzzzzzzz", "", StatusCode::kInvalidArgument},  // not hex
      {"abcdef01", "", StatusCode::kInvalidArgument},    // ambiguous
      {"abcdef0100000002", "abcdef0100000002", StatusCode::kOk},
      {"abcdef010000000", "", StatusCode::kInvalidArgument},  // still ambiguous
      {"0000000000000000", "", StatusCode::kNotFound},
      {"ffffffffff", "", StatusCode::kNotFound},
  };
  for (const Case& c : cases) {
    Result<std::string> got = store_->ResolveArticleId(c.input);
    if (c.want.empty()) {
      ASSERT_FALSE(got.ok()) << "'" << c.input << "' resolved to " << *got;
      EXPECT_EQ(got.status().code(), c.code) << c.input << ": " << got.status().ToString();
    } else {
      ASSERT_TRUE(got.ok()) << c.input << ": " << got.status().ToString();
      EXPECT_EQ(*got, c.want) << c.input;
    }
  }
  Result<std::string> ambiguous = store_->ResolveArticleId("abcdef01");
  EXPECT_NE(ambiguous.status().message().find("abcdef0100000001"), std::string::npos);
}

TEST_F(ReadTest, ArticleLinksNameStoryDuplicateAndCopies) {
  Result<ArticleLinks> first = store_->GetArticleLinks(id(1));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->outlet, "Northwind Daily");
  ASSERT_TRUE(first->story_id.has_value());
  EXPECT_EQ(*first->story_id, 1);
  EXPECT_EQ(first->story_label, "Ferry vote");
  EXPECT_FALSE(first->duplicate.has_value());
  ASSERT_EQ(first->copies.size(), 2u);
  EXPECT_EQ(first->copies[0].article_id, id(3));  // ingest order
  EXPECT_EQ(first->copies[0].kind, DuplicateKind::kExact);
  EXPECT_EQ(first->copies[1].article_id, id(5));
  EXPECT_FALSE(first->ingested_at.empty());

  Result<ArticleLinks> copy = store_->GetArticleLinks(id(5));
  ASSERT_TRUE(copy.ok());
  EXPECT_FALSE(copy->story_id.has_value());
  EXPECT_EQ(copy->story_label, "");
  ASSERT_TRUE(copy->duplicate.has_value());
  EXPECT_EQ(copy->duplicate->duplicate_of, id(1));
  EXPECT_EQ(copy->duplicate->kind, DuplicateKind::kWire);
  EXPECT_DOUBLE_EQ(copy->duplicate->similarity, 0.93);
  EXPECT_TRUE(copy->copies.empty());

  EXPECT_EQ(store_->GetArticleLinks("0000000000000000").status().code(), StatusCode::kNotFound);
}

TEST_F(ReadTest, StoryOutletsCountMembersMostFirst) {
  // Story 1: articles 1..4 -> Northwind, Kestrel, Wire, Courier: one each, by name.
  Result<std::vector<OutletCount>> outlets = store_->StoryOutlets(1);
  ASSERT_TRUE(outlets.ok());
  ASSERT_EQ(outlets->size(), 4u);
  EXPECT_EQ((*outlets)[0].name, "Harbour Wire");
  EXPECT_EQ((*outlets)[3].name, "The Velmora Courier");
  for (const OutletCount& o : *outlets) EXPECT_EQ(o.articles, 1);
  Result<std::vector<OutletCount>> none = store_->StoryOutlets(99);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(ReadTest, StoryDuplicatesAreTheMembersCopies) {
  Result<std::vector<DuplicateRecord>> dups = store_->StoryDuplicates(1);
  ASSERT_TRUE(dups.ok());
  ASSERT_EQ(dups->size(), 1u);  // article 5 copies article 1 but is not in story 1
  EXPECT_EQ((*dups)[0].article_id, id(3));
  EXPECT_EQ((*dups)[0].duplicate_of, id(1));
  Result<std::vector<DuplicateRecord>> other = store_->StoryDuplicates(2);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
}

TEST_F(ReadTest, SearchArticlesFiltersAndMarksSnippets) {
  SearchOptions options;
  options.open = "<<";
  options.close = ">>";
  Result<std::vector<SearchHit>> all = store_->SearchArticles("hallberg", options);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), articles_.size());
  for (const SearchHit& hit : *all) {
    EXPECT_NE(hit.snippet.find("<<Hallberg>>"), std::string::npos) << hit.snippet;
    EXPECT_EQ(hit.snippet.find('['), std::string::npos) << hit.snippet;
  }

  options.filter.outlet = "NORTHWIND DAILY";  // names match case-insensitively
  Result<std::vector<SearchHit>> northwind = store_->SearchArticles("hallberg", options);
  ASSERT_TRUE(northwind.ok());
  ASSERT_EQ(northwind->size(), 2u);  // articles 1 and 5
  for (const SearchHit& hit : *northwind) EXPECT_EQ(hit.outlet, "Northwind Daily");

  options.filter.outlet = "";
  options.filter.since = "2031-03-03";
  options.filter.until = "2031-03-04";  // a date includes its whole day
  Result<std::vector<SearchHit>> dated = store_->SearchArticles("hallberg", options);
  ASSERT_TRUE(dated.ok());
  ASSERT_EQ(dated->size(), 2u);
  for (const SearchHit& hit : *dated) {
    EXPECT_TRUE(hit.id == id(2) || hit.id == id(3)) << hit.id;
    ASSERT_TRUE(hit.story_id.has_value());
    EXPECT_EQ(*hit.story_id, 1);
  }

  options.filter.since = options.filter.until = "";
  options.filter.limit = 3;
  options.filter.offset = 8;
  Result<std::vector<SearchHit>> page = store_->SearchArticles("hallberg", options);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->size(), 2u);

  options.filter = ArticleFilter{};
  options.filter.outlet = "No Such Outlet";
  Result<std::vector<SearchHit>> nothing = store_->SearchArticles("hallberg", options);
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->empty());
}

TEST_F(ReadTest, SearchArticlesRejectsBadQueries) {
  for (const char* q : {"", "   ", "\"unterminated", "AND", "nosuchcolumn: ferry"}) {
    Result<std::vector<SearchHit>> hits = store_->SearchArticles(q, SearchOptions{});
    ASSERT_FALSE(hits.ok()) << q;
    EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument) << q;
  }
}

TEST_F(ReadTest, ListStoriesPagesWithOffset) {
  StoryFilter filter;
  filter.offset = 1;
  Result<std::vector<StorySummary>> page = store_->ListStories(filter);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, 2);
  filter.limit = 0;
  filter.offset = 2;
  page = store_->ListStories(filter);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->empty());
}

TEST(ReadOnlyTest, ReadersOpenAWalDatabaseReadOnly) {
  TempDir dir;
  const std::string path = dir.File("r.db");
  {
    Result<Store> writer = Store::Open(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(writer->WriteBatch({MakeArticle(3, 1)}).ok());
  }
  StoreOptions options;
  options.read_only = true;
  Result<Store> reader = Store::Open(path, options);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Result<std::string> id = reader->ResolveArticleId(MakeArticle(3, 1).id.substr(0, 8));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_FALSE(reader->WriteBatch({MakeArticle(4, 1)}).ok());
}

}  // namespace
}  // namespace parallax
