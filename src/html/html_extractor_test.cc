#include "src/html/html_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/html/charset.h"
#include "src/html/metadata.h"

namespace parallax::html {
namespace {

Article Extract(std::string_view html) {
  Article a;
  EXPECT_TRUE(ExtractFromHtml(html, &a).ok());
  return a;
}

bool HasWarning(const Article& a) { return !a.warnings.empty(); }

TEST(ExtractFromHtml, EmptyAndWhitespaceInputs) {
  for (const char* html : {"", "   ", "\xC2\xA0", "<html></html>", "<!-- only a comment -->"}) {
    Article a = Extract(html);
    EXPECT_TRUE(a.Body().empty()) << html;
    EXPECT_TRUE(HasWarning(a)) << html;
  }
}

TEST(ExtractFromHtml, SpansCoverTextAndBodyIsJoinedBlocks) {
  Article a = Extract(
      "<html><body><nav><a href=/>Home</a></nav><article><h1>Title here</h1>"
      "<p>First paragraph of the story, long enough to count as prose for the scorer, and "
      "then some.</p>"
      "<p>Second paragraph of the story, also long enough, with a comma, and more words to "
      "read.</p>"
      "</article></body></html>");
  uint32_t prev = 0;
  for (const Block& b : a.blocks) {
    EXPECT_LE(prev, b.span.start);
    EXPECT_LE(b.span.end, a.text.size());
    prev = b.span.end;
  }
  EXPECT_EQ(a.Body(),
            "First paragraph of the story, long enough to count as prose for the scorer, and then "
            "some.\n\nSecond paragraph of the story, also long enough, with a comma, and more "
            "words to read.");
  EXPECT_EQ(a.headline, "Title here");
}

TEST(ExtractFromHtml, SourcesMapBlocksBackToHtml) {
  std::string html =
      "<article><p>One paragraph with enough text to be scored as article prose, truly.</p>"
      "<p>Another paragraph with enough text to be scored as article prose, again.</p>"
      "</article>";
  Article a;
  std::vector<HtmlRange> sources;
  ASSERT_TRUE(ExtractFromHtml(html, &a, &sources).ok());
  ASSERT_EQ(sources.size(), a.blocks.size());
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    std::string_view src =
        std::string_view(html).substr(sources[i].begin, sources[i].end - sources[i].begin);
    EXPECT_EQ(src, a.View(a.blocks[i].span));  // no markup or entities inside these blocks
  }
}

TEST(ExtractFromHtml, DatePublishedBeatsOtherDates) {
  Article a = Extract(
      "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2031-01-02T03:04:05Z\"}</script>"
      "<meta property=article:published_time content=2030-12-31></head><body>"
      "<article><time datetime=2029-01-01>x</time><p>Body text that is long enough to be "
      "prose, written for this test, with commas, and words.</p></article></body></html>");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value, "2031-01-02T03:04");
  EXPECT_EQ(a.published->rule, "html:json-ld datePublished");
}

TEST(ExtractFromHtml, HeadlineLosesSiteName) {
  Article a = Extract(
      "<html><head><meta property=og:title content=\"Quay approved | The Coastal Ledger\">"
      "<meta property=og:site_name content=\"The Coastal Ledger\"></head></html>");
  EXPECT_EQ(a.headline, "Quay approved");
  EXPECT_EQ(a.outlet, "The Coastal Ledger");
}

TEST(Metadata, JsonLdToleratesRawNewlinesAndGraphs) {
  PageMetadata m;
  EXPECT_TRUE(
      ReadJsonLd("<!--\n{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":[\"NewsArticle\"],"
                 "\"headline\":\"Line\none &amp; two\",\"author\":[{\"name\":\"A B\"},"
                 "\"C D\"],\"publisher\":{\"name\":\"Ledger\"}}]}\n-->",
                 &m));
  EXPECT_TRUE(m.ld_article);
  EXPECT_EQ(m.ld_headline, "Line one & two");
  EXPECT_EQ(m.ld_authors, (std::vector<std::string>{"A B", "C D"}));
  EXPECT_EQ(m.ld_publisher, "Ledger");
  PageMetadata bad;
  EXPECT_FALSE(ReadJsonLd("not json", &bad));
  EXPECT_FALSE(ReadJsonLd("{\"a\":", &bad));
}

TEST(Charset, SniffsBomAndMeta) {
  EXPECT_EQ(SniffCharset("\xEF\xBB\xBF<p>"), "UTF-8");
  EXPECT_EQ(SniffCharset("\xFF\xFE<\0p\0"), "UTF-16LE");
  EXPECT_EQ(SniffCharset("<meta charset=\"Windows-1251\">"), "windows-1251");
  EXPECT_EQ(SniffCharset("<meta http-equiv=Content-Type content=\"text/html; charset=koi8-r\">"),
            "koi8-r");
  EXPECT_EQ(SniffCharset("<p>nothing</p>"), "");
}

// ---- Golden pages -----------------------------------------------------------------------
// testdata/golden/html/*.html are pages written for these tests (fictional outlets and
// events). Each has a .expected rendering of the extraction; regenerate on purpose with
// PARALLAX_UPDATE_GOLDEN=1 and review the diff.

std::string Render(const Article& a) {
  std::string out;
  out += "headline: " + a.headline + "\n";
  out += "outlet: " + a.outlet + "\n";
  out += "standfirst: " + a.standfirst + "\n";
  out += "section: " + a.section + "\n";
  out += "url: " + a.url + "\n";
  out += "language: " + a.language + "\n";
  out += "published: ";
  if (a.published) out += a.published->value + " (" + a.published->rule + ")";
  out += "\nbyline:";
  for (const std::string& b : a.byline) out += " [" + b + "]";
  out += "\n";
  for (const std::string& w : a.warnings) out += "warning: " + w + "\n";
  out += "--- blocks\n";
  for (const Block& b : a.blocks) {
    std::string_view v = a.View(b.span);
    size_t cut = std::min<size_t>(v.size(), 70);
    while (cut < v.size() && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) ++cut;
    std::string t(v.substr(0, cut));
    std::replace(t.begin(), t.end(), '\n', '|');
    out += std::string(BlockRoleName(b.role));
    if (!b.reason.empty()) out += " (" + b.reason + ")";
    out += ": " + t + "\n";
  }
  out += "--- body\n" + a.Body() + "\n";
  return out;
}

TEST(Golden, Pages) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(PARALLAX_SOURCE_DIR) / "testdata/golden/html";
  ASSERT_TRUE(fs::exists(dir));
  bool update = std::getenv("PARALLAX_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".html") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  EXPECT_GE(pages.size(), 25u);
  for (const fs::path& page : pages) {
    std::ifstream f(page, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string got = Render(Extract(ss.str()));
    fs::path expected_path = page;
    expected_path.replace_extension(".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
      continue;
    }
    std::ifstream e(expected_path, std::ios::binary);
    ASSERT_TRUE(e.good()) << "missing " << expected_path;
    std::stringstream es;
    es << e.rdbuf();
    EXPECT_EQ(got, es.str()) << "golden mismatch: " << page;
  }
}

// The properties each golden page exists for, checked independently of the rendering.
TEST(Golden, PageProperties) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(PARALLAX_SOURCE_DIR) / "testdata/golden/html";
  auto load = [&](const char* name) {
    std::ifstream f(dir / name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return Extract(ss.str());
  };
  Article front = load("10_en_section_front.html");
  EXPECT_TRUE(front.Body().empty());
  EXPECT_TRUE(HasWarning(front));
  Article sitemap = load("25_en_sitemap_no_article.html");
  EXPECT_TRUE(sitemap.Body().empty());
  EXPECT_TRUE(HasWarning(sitemap));

  Article news = load("01_en_jsonld_news.html");
  EXPECT_FALSE(HasWarning(news));
  EXPECT_EQ(news.language, "en");
  EXPECT_EQ(news.outlet, "The Coastal Ledger");
  EXPECT_EQ(news.byline, (std::vector<std::string>{"Tom Hale"}));
  EXPECT_EQ(news.Body().find("Related"), std::string::npos);
  EXPECT_NE(news.Body().find("written comments"), std::string::npos);

  Article paywall = load("07_en_paywall_teaser.html");
  EXPECT_EQ(paywall.Body().find("Subscribe"), std::string::npos);
  EXPECT_NE(paywall.Body().find("harbour board"), std::string::npos);

  Article comments = load("24_en_comments_heavy.html");
  EXPECT_EQ(comments.Body().find("forty years"), std::string::npos);
  EXPECT_NE(comments.Body().find("Supporters say"), std::string::npos);

  Article ru = load("04_ru_agency.html");
  EXPECT_EQ(ru.language, "ru");
  EXPECT_EQ(ru.Body().find("\xD0\x9C\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB7\xD1\x8B"), std::string::npos);

  Article hidden = load("21_en_hidden_elements.html");
  EXPECT_EQ(hidden.Body().find("limit of free articles"), std::string::npos);
  EXPECT_EQ(hidden.Body().find("Special offer"), std::string::npos);
}

}  // namespace
}  // namespace parallax::html
