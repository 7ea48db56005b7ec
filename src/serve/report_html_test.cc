#include "src/serve/report_html.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "src/serve/assets.h"
#include "src/serve/html_util.h"

namespace parallax::serve {
namespace {

std::string ReadFixture() {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/tests/browser/fixtures/comparison.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The text between <script type="application/json" id="parallax-record"> and its end tag.
std::string EmbeddedRecord(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"parallax-record\">";
  size_t start = html.find(open);
  if (start == std::string::npos) return "";
  start += open.size();
  size_t end = html.find("</script>", start);
  if (end == std::string::npos) return "";
  return html.substr(start, end - start);
}

TEST(ScriptSafeJsonTest, Table) {
  struct Case {
    std::string in;
    std::string want;
  };
  const Case cases[] = {
      {"", ""},
      {"   ", "   "},
      {R"({"a":"</script>"})", R"({"a":"\u003c/script\u003e"})"},
      {R"({"a":"<!-- x -->"})", R"({"a":"\u003c!-- x --\u003e"})"},
      {R"({"a":"</SCRIPT >"})", R"({"a":"\u003c/SCRIPT \u003e"})"},
      {R"({"a":"R&D"})", R"({"a":"R\u0026D"})"},
      {"{\"a\":\"x\xE2\x80\xA8y\xE2\x80\xA9z\"}", R"({"a":"x\u2028y\u2029z"})"},
      // Other characters starting with E2 stay as they are: curly quotes, ellipsis.
      {"{\"a\":\"\xE2\x80\x9Cq\xE2\x80\x9D\xE2\x80\xA6\"}",
       "{\"a\":\"\xE2\x80\x9Cq\xE2\x80\x9D\xE2\x80\xA6\"}"},
      {"{\"a\":\"\xC2\xA0\xD7\xA9\xE5\xAD\x97"
       "e\xCC\x81\"}",
       "{\"a\":\"\xC2\xA0\xD7\xA9\xE5\xAD\x97"
       "e\xCC\x81\"}"},
      // A truncated E2 sequence at the end is copied, not read past.
      {"\xE2\x80", "\xE2\x80"},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendScriptSafeJson(c.in, &out);
    EXPECT_EQ(out, c.want) << c.in;
    if (!c.in.empty() && c.in[0] == '{') {
      EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(c.in)) << c.in;
    }
  }
}

TEST(HtmlEscapedTest, Table) {
  std::string out;
  AppendHtmlEscaped("a<b>&\"'\xC2\xA0", &out);
  EXPECT_EQ(out, "a&lt;b&gt;&amp;&quot;&#39;\xC2\xA0");
}

TEST(ComparisonHtmlTest, EmbedsTheRecordIntact) {
  const std::string json = ReadFixture();
  ASSERT_FALSE(json.empty());
  const std::string html = ComparisonHtml(json);
  const std::string embedded = EmbeddedRecord(html);
  ASSERT_FALSE(embedded.empty());
  EXPECT_EQ(nlohmann::json::parse(embedded), nlohmann::json::parse(json));
  // The fixture's text holds "</script><!--": only the escaped form is in the page.
  EXPECT_NE(json.find("</script><!--"), std::string::npos);
  EXPECT_EQ(embedded.find('<'), std::string::npos);
  EXPECT_NE(embedded.find("\\u003c/script\\u003e\\u003c!--"), std::string::npos);
}

TEST(ComparisonHtmlTest, HostileTextCannotEndTheScript) {
  for (const char* text : {"</script><script>alert(1)</script>", "<!--<script>", "</style>",
                           "]]></script>", "\xE2\x80\xA8"}) {
    nlohmann::json record = {{"schema", "parallax.comparison/1"},
                             {"outlets", {"A"}},
                             {"articles", {{{"outlet", "A"}, {"text", text}}}}};
    const std::string html = ComparisonHtml(record.dump());
    // One JSON element and one code element, each closed once: nothing from the text.
    size_t scripts = 0;
    for (size_t p = html.find("</script>"); p != std::string::npos;
         p = html.find("</script>", p + 1)) {
      ++scripts;
    }
    EXPECT_EQ(scripts, 2u) << text;
    EXPECT_EQ(html.find("<!--"), std::string::npos) << text;
    EXPECT_EQ(nlohmann::json::parse(EmbeddedRecord(html)), record) << text;
  }
}

TEST(ComparisonHtmlTest, SelfContained) {
  const std::string html = ComparisonHtml(ReadFixture());
  // No URL of any scheme the browser would fetch: the page must work offline.
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  // Styles and renderer inlined, print styles included.
  EXPECT_NE(html.find("ParallaxCompare"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
}

TEST(ComparisonHtmlTest, EmptyAndInvalidInputStillMakeAPage) {
  for (const char* json : {"", "   ", "{", "null", "[]"}) {
    const std::string html = ComparisonHtml(json);
    EXPECT_NE(html.find("</html>"), std::string::npos) << json;
    EXPECT_EQ(EmbeddedRecord(html), json) << json;
  }
}

TEST(AssetsTest, LookupIsExact) {
  ASSERT_NE(FindAsset("compare.js"), nullptr);
  EXPECT_EQ(FindAsset("compare.js")->content_type, "text/javascript; charset=utf-8");
  for (const char* bad : {"", "/compare.js", "./compare.js", "../compare.js", "web/compare.js",
                          "COMPARE.JS", "compare.js/", "compare.js%00", "%2e%2e/compare.js"}) {
    EXPECT_EQ(FindAsset(bad), nullptr) << bad;
  }
  // Assets can be inlined into <script>/<style>: none may close its element.
  for (const Asset& a : AllAssets()) {
    if (a.name.ends_with(".js") || a.name.ends_with(".css")) {
      EXPECT_EQ(a.data.find("</script"), std::string_view::npos) << a.name;
      EXPECT_EQ(a.data.find("</style"), std::string_view::npos) << a.name;
      EXPECT_EQ(a.data.find("http://"), std::string_view::npos) << a.name;
      EXPECT_EQ(a.data.find("https://"), std::string_view::npos) << a.name;
    }
  }
}

}  // namespace
}  // namespace parallax::serve
