// The API without HTTP: a database of fictional articles (src/store/test_articles.h), one story,
// and a table of requests with the status each must get.
#include "src/serve/api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "parallax/store.h"
#include "src/serve/assets.h"
#include "src/serve/sha256.h"
#include "src/store/test_articles.h"

namespace parallax::serve {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string((std::filesystem::temp_directory_path() /
                             ("parallax_api_test_" + std::to_string(getpid()) + ".db"))
                                .string());
    auto store = Store::Open(*path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    std::vector<Article> articles;
    for (uint64_t n = 1; n <= 4; ++n) articles.push_back(store::testing::MakeArticle(n));
    ASSERT_TRUE(store.value().WriteBatch(articles).ok());
    ids_ = new std::vector<std::string>;
    std::vector<StoryMember> members;
    for (const Article& a : articles) {
      ids_->push_back(a.id);
      members.push_back({7, a.id});
    }
    ASSERT_TRUE(
        store.value()
            .UpsertStories({{7, "Velmora ferry line", "2031-03-02", "2031-03-05", 4, ""}}, members)
            .ok());
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((*path_ + suffix).c_str());
    delete path_;
    delete ids_;
  }
  Response Get(const std::string& path,
               std::vector<std::pair<std::string, std::string>> params = {}) {
    static Api* api = [] {
      auto created = Api::Create({.db_path = *path_});
      EXPECT_TRUE(created.ok()) << created.status().message();
      return created.ok() ? created.value().release() : nullptr;
    }();
    if (api == nullptr) return ErrorResponse(500, "no api");
    return api->Handle({"GET", path, std::move(params), ""});
  }
  static std::string* path_;
  static std::vector<std::string>* ids_;
};
std::string* ApiTest::path_ = nullptr;
std::vector<std::string>* ApiTest::ids_ = nullptr;

TEST_F(ApiTest, StatusTable) {
  using P = std::vector<std::pair<std::string, std::string>>;
  struct Case {
    std::string path;
    P params;
    int status;
  };
  const std::string id = (*ids_)[0];
  const Case cases[] = {
      {"/api/", {}, 200},
      {"/api/stories", {}, 200},
      {"/api/stories", {{"limit", "1"}, {"offset", "0"}}, 200},
      {"/api/stories", {{"since", "2031-03-01"}, {"until", "2031-03-31"}}, 200},
      {"/api/stories", {{"outlet", "Northwind Daily"}}, 200},
      {"/api/stories", {{"q", "ferry"}}, 200},
      {"/api/stories", {{"limit", ""}}, 400},
      {"/api/stories", {{"limit", " 5"}}, 400},
      {"/api/stories", {{"limit", "201"}}, 400},
      {"/api/stories", {{"offset", "18446744073709551616"}}, 400},
      {"/api/stories", {{"since", "2031-3-1"}}, 400},
      {"/api/stories", {{"since", "2031-03-01T9"}}, 400},
      {"/api/stories", {{"until", "\xC3\x28"}}, 400},
      {"/api/stories", {{"q", "\"open"}}, 400},
      {"/api/stories", {{"nope", "1"}}, 400},
      {"/api/stories/7", {}, 200},
      {"/api/stories/8", {}, 404},
      {"/api/stories/07x", {}, 400},
      {"/api/stories/", {}, 404},
      {"/api/stories/7/", {}, 404},
      {"/api/articles/" + id, {}, 200},
      {"/api/articles/ffffffffffffffff", {}, 404},
      {"/api/articles/" + id.substr(0, 15), {}, 400},
      {"/api/search", {{"q", "ferry"}}, 200},
      {"/api/search", {{"q", "Dvořáková"}}, 200},
      {"/api/search", {}, 400},
      {"/api/search", {{"q", "\xC2\xA0"}}, 200},
      {"/api/search", {{"q", "("}}, 400},
      {"/api/outlets", {}, 200},
      {"/api/outlets/Northwind Daily", {}, 200},
      {"/api/outlets/northwind daily", {}, 200},
      {"/api/outlets/Nobody Times", {}, 404},
      {"/api/speakers", {}, 200},
      {"/api/speakers/tomas hallberg", {}, 200},
      {"/api/speakers/nobody", {}, 404},
      {"/api/coverage", {{"story", "7"}}, 200},
      {"/api/coverage", {{"story", "-1"}}, 400},
      {"/api/unknown", {}, 404},
      {"/", {}, 200},
      {"/story/7", {}, 200},
      {"/story/7/x", {}, 404},
      {"/assets/bundle.js", {}, 200},
      {"/assets/../CMakeLists.txt", {}, 404},
      {"/assets/..", {}, 404},
      {"/assets/a/../bundle.js", {}, 404},
      {"/report/story/7", {}, 200},
      {"/report/story/8", {}, 404},
      {"/etc/passwd", {}, 404},
  };
  for (const Case& c : cases) {
    Response r = Get(c.path, c.params);
    std::string where = c.path;
    for (const auto& [k, v] : c.params) where += " " + k + "=" + v;
    EXPECT_EQ(r.status, c.status) << where << ": " << r.body.substr(0, 300);
    if (r.content_type.starts_with("application/json")) {
      auto j = nlohmann::json::parse(r.body, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << where;
      if (c.status >= 400) {
        EXPECT_FALSE(j["error"]["reason"].get<std::string>().empty()) << where;
      }
    }
  }
}

TEST_F(ApiTest, StoryCarriesTheComparisonAndIsCached) {
  Response first = Get("/api/stories/7");
  ASSERT_EQ(first.status, 200) << first.body.substr(0, 300);
  auto j = nlohmann::json::parse(first.body);
  EXPECT_EQ(j["story"]["articles"].size(), 4u);
  ASSERT_TRUE(j["comparison"].is_object()) << j.value("comparison_error", "");
  EXPECT_EQ(j["comparison"]["schema"], "parallax.comparison/1");
  EXPECT_EQ(j["comparison"]["story"], 7);
  EXPECT_EQ(Get("/api/stories/7").body, first.body);
}

TEST_F(ApiTest, ServerTimingTellsComputedFromCached) {
  auto created = Api::Create({.db_path = *path_});  // no warm-up
  ASSERT_TRUE(created.ok());
  Api& api = *created.value();
  EXPECT_TRUE(api.WaitWarm(0));  // nothing to wait for
  Response first = api.Handle({"GET", "/api/stories/7", {}, ""});
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.server_timing.find("compare;dur="), std::string::npos) << first.server_timing;
  EXPECT_NE(first.server_timing.find("cache;desc=miss"), std::string::npos);
  Response second = api.Handle({"GET", "/api/stories/7", {}, ""});
  EXPECT_NE(second.server_timing.find("cache;desc=hit"), std::string::npos) << second.server_timing;
  EXPECT_EQ(second.body, first.body);
  // Errors carry no timing.
  EXPECT_EQ(api.Handle({"GET", "/api/stories/999", {}, ""}).server_timing, "");
}

TEST_F(ApiTest, WarmUpComputesRecentStoriesBeforeTheirFirstVisit) {
  auto created = Api::Create({.db_path = *path_, .warm = true, .watch_ms = 50});
  ASSERT_TRUE(created.ok());
  Api& api = *created.value();
  ASSERT_TRUE(api.WaitWarm(120000));
  Response r = api.Handle({"GET", "/api/stories/7", {}, ""});
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.server_timing.find("cache;desc=hit"), std::string::npos) << r.server_timing;
  EXPECT_TRUE(nlohmann::json::parse(r.body)["comparison"].is_object());
}  // the destructor stops the watching thread

// A concurrent ingest changes a story's members: the watching warm-up recomputes it, and the
// next visit gets the new members' comparison from the cache.
TEST(ApiWarmTest, RecomputesAStoryWhoseMembersChanged) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("parallax_api_warm_" + std::to_string(getpid()) + ".db"))
                               .string();
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::vector<Article> articles;
  for (uint64_t n = 1; n <= 3; ++n) articles.push_back(store::testing::MakeArticle(n));
  ASSERT_TRUE(store.value().WriteBatch(articles).ok());
  StoryRecord story{9, "Velmora ferry line", "2031-03-02", "2031-03-05", 2, ""};
  ASSERT_TRUE(
      store.value().UpsertStories({story}, {{9, articles[0].id}, {9, articles[1].id}}).ok());
  {
    auto created = Api::Create({.db_path = path, .warm = true, .watch_ms = 50});
    ASSERT_TRUE(created.ok());
    Api& api = *created.value();
    ASSERT_TRUE(api.WaitWarm(120000));
    Response before = api.Handle({"GET", "/api/stories/9", {}, ""});
    EXPECT_NE(before.server_timing.find("cache;desc=hit"), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(before.body)["story"]["articles"].size(), 2u);

    story.article_count = 3;
    ASSERT_TRUE(
        store.value()
            .UpsertStories({story}, {{9, articles[0].id}, {9, articles[1].id}, {9, articles[2].id}})
            .ok());
    ASSERT_TRUE(api.WaitWarm(120000, 2));
    Response after = api.Handle({"GET", "/api/stories/9", {}, ""});
    EXPECT_NE(after.server_timing.find("cache;desc=hit"), std::string::npos) << after.server_timing;
    auto j = nlohmann::json::parse(after.body);
    EXPECT_EQ(j["story"]["articles"].size(), 3u);
    EXPECT_EQ(j["comparison"]["articles"].size(), 3u);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

TEST_F(ApiTest, ConcurrentFirstVisitsGetOneComparison) {
  auto created = Api::Create({.db_path = *path_});
  ASSERT_TRUE(created.ok());
  Api& api = *created.value();
  std::vector<Response> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&api, &got, i] {
      got[i] = api.Handle({"GET", "/api/stories/7", {}, ""});
    });
  }
  for (std::thread& t : threads) t.join();
  int computed = 0;
  for (const Response& r : got) {
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body, got[0].body);
    if (r.server_timing.find("cache;desc=miss") != std::string::npos) ++computed;
  }
  EXPECT_EQ(computed, 1);  // the others waited for it or found it cached
}

TEST_F(ApiTest, ShellPageVersionsItsBundlesAndPreloadsTheStory) {
  Response page = Get("/story/7");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<link rel=\"preload\" href=\"/api/stories/7\" as=\"fetch\""),
            std::string::npos)
      << page.body;
  EXPECT_EQ(Get("/").body.find("rel=\"preload\""), std::string::npos);
  EXPECT_EQ(Get("/story/7x").status, 200);  // a page, but nothing to preload
  EXPECT_EQ(Get("/story/7x").body.find("rel=\"preload\""), std::string::npos);
  // (A story page whose comparison is cached inlines bundle.css: the stories page links both.)
  const std::string shell = Get("/").body;
  for (std::string name : {"bundle.js", "bundle.css"}) {
    const std::string url = "/assets/" + name + "?v=";
    const size_t at = shell.find(url);
    ASSERT_NE(at, std::string::npos) << name;
    const std::string version = shell.substr(at + url.size(), 16);
    Response current = Get("/assets/" + name, {{"v", version}});
    EXPECT_EQ(current.status, 200);
    EXPECT_EQ(current.cache_control, "public, max-age=31536000, immutable");
    EXPECT_EQ(current.etag, "\"" + version + "\"");
    // Another version (an older page) revalidates.
    EXPECT_EQ(Get("/assets/" + name, {{"v", "0000000000000000"}}).cache_control, "no-cache");
    EXPECT_EQ(Get("/assets/" + name).cache_control, "no-cache");
  }
}

TEST_F(ApiTest, StoryPageCarriesItsFirstScreenOnceTheComparisonIsReady) {
  auto created = Api::Create({.db_path = *path_});
  ASSERT_TRUE(created.ok());
  Api& api = *created.value();
  // Not computed yet: the page does not wait for it, the script draws everything.
  Response before = api.Handle({"GET", "/story/7", {}, ""});
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.find("data-ssr"), std::string::npos);
  EXPECT_NE(before.body.find("<p>Loading&hellip;</p>"), std::string::npos);
  Response story = api.Handle({"GET", "/api/stories/7", {}, ""});
  ASSERT_EQ(story.status, 200);
  ASSERT_EQ(nlohmann::json::parse(story.body)["comparison"].is_object(), true) << story.body;
  // Cached now: the first screen is in the page, in place of the placeholder.
  Response after = api.Handle({"GET", "/story/7", {}, ""});
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("<main id=\"main\" class=\"page\" tabindex=\"-1\"><h1>Velmora ferry "
                            "line</h1>"),
            std::string::npos)
      << after.body.substr(0, 2000);
  EXPECT_NE(after.body.find("<div id=\"comparison\" data-ssr=\"1\">"), std::string::npos);
  EXPECT_EQ(after.body.find("Loading&hellip;"), std::string::npos);
  EXPECT_NE(after.body.find("rel=\"preload\" href=\"/api/stories/7\""), std::string::npos);
  // Its style sheet is inline, and the CSP's hash source allows exactly that text.
  EXPECT_EQ(after.body.find("href=\"/assets/bundle.css"), std::string::npos);
  const size_t style = after.body.find("<style>");
  const size_t style_end = after.body.find("</style>");
  ASSERT_NE(style, std::string::npos);
  ASSERT_NE(style_end, std::string::npos);
  const std::string css = after.body.substr(style + 7, style_end - style - 7);
  EXPECT_EQ(css, std::string(AssetData("bundle.css")));
  const auto digest = Sha256(css);
  EXPECT_EQ(InlineStyleHashSource(),
            "'sha256-" +
                Base64(std::string_view(reinterpret_cast<const char*>(digest.data()), 32)) + "'");
  EXPECT_NE(before.body.find("href=\"/assets/bundle.css"), std::string::npos);
  // Other pages and other stories keep the plain shell.
  EXPECT_EQ(api.Handle({"GET", "/", {}, ""}).body.find("data-ssr"), std::string::npos);
  EXPECT_EQ(api.Handle({"GET", "/story/8", {}, ""}).body.find("data-ssr"), std::string::npos);
  EXPECT_EQ(api.Handle({"GET", "/story/7x", {}, ""}).body.find("data-ssr"), std::string::npos);
}

TEST_F(ApiTest, ReadOnlyMethods) {
  auto created = Api::Create({.db_path = *path_});
  ASSERT_TRUE(created.ok());
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "get"}) {
    EXPECT_EQ(created.value()->Handle({method, "/api/stories", {}, ""}).status, 405) << method;
  }
  EXPECT_EQ(created.value()->Handle({"HEAD", "/api/stories", {}, ""}).status, 200);
}

TEST(ApiCreateTest, MissingDatabaseIsAnError) {
  auto created = Api::Create({.db_path = "/nonexistent/dir/none.db"});
  EXPECT_FALSE(created.ok());
}

}  // namespace
}  // namespace parallax::serve
