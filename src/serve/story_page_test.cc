// The story page's first screen drawn by the server (story_page.h): refusals, escaping, the
// claim matrix's cell states, the row limit, text shortening and evidence links. Records are
// small hand-written parallax.comparison/1 documents about fictional outlets.
#include "src/serve/story_page.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace parallax::serve {
namespace {

using Json = nlohmann::json;

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// The text of the cell of `claim` and `outlet` (its aria-label names both).
std::string Cell(const std::string& html, const std::string& claim, const std::string& outlet) {
  const size_t label = html.find("aria-label=\"" + claim + ", " + outlet + ": ");
  if (label == std::string::npos) return "";
  const size_t td = html.rfind("<td", label);
  const size_t end = html.find("</td>", label);
  return html.substr(td, end - td);
}

Json Story() {
  return Json{{"id", 12},
              {"label", "Harbour strike at Pellam"},
              {"first", "2031-05-01T08:00"},
              {"last", "2031-05-02"},
              {"article_count", 3},
              {"outlet_count", 2},
              {"articles", Json::array({Json{{"id", "00000000000000a1"},
                                             {"outlet", "Pellam Gazette"},
                                             {"published", "2031-05-01T08:00"},
                                             {"headline", "Dockers walk out"},
                                             {"duplicate_of", nullptr}},
                                        Json{{"id", "00000000000000a2"},
                                             {"outlet", "Pellam Gazette"},
                                             {"published", nullptr},
                                             {"headline", ""},
                                             {"duplicate_of", "00000000000000a1"}},
                                        Json{{"id", "00000000000000b1"},
                                             {"outlet", "Radio Vesk"},
                                             {"published", "2031-05-02"},
                                             {"headline", "Strike halts port"},
                                             {"duplicate_of", nullptr}}})}};
}

// Outlet "Pellam Gazette" has articles 0 and 1, "Radio Vesk" article 2.
Json Record() {
  return Json{
      {"schema", "parallax.comparison/1"},
      {"outlets", {"Pellam Gazette", "Radio Vesk"}},
      {"articles", Json::array({Json{{"id", "00000000000000a1"},
                                     {"outlet", "Pellam Gazette"},
                                     {"headline", "Dockers walk out"},
                                     {"published", "2031-05-01T08:00"},
                                     {"text", "Dockers walked out on Monday. 300 ships wait."}},
                                Json{{"id", "00000000000000a2"},
                                     {"outlet", "Pellam Gazette"},
                                     {"headline", ""},
                                     {"text", "Dockers walked out. Ships wait."}},
                                Json{{"id", "00000000000000b1"},
                                     {"outlet", "Radio Vesk"},
                                     {"headline", "Strike halts port"},
                                     {"text", "The port stopped. 200 ships wait."}}})},
      {"headlines", Json::array({Json{{"article", 1},
                                      {"evidence", {{"article", 1}, {"start", 0}, {"end", 18}}},
                                      {"terms", {"walked"}}}})},
      {"claims",
       Json::array(
           {Json{{"id", "c1"},
                 {"status", "unique"},
                 {"text", "Dockers walked out"},
                 {"outlets", {"Pellam Gazette"}},
                 {"evidence", Json::array({Json{{"article", 0}, {"start", 0}, {"end", 18}}})}},
            Json{{"id", "c2"},
                 {"status", "shared"},
                 {"text", "Ships wait"},
                 {"outlets", {"Pellam Gazette", "Radio Vesk"}},
                 {"evidence", Json::array({Json{{"article", 0}, {"start", 30}, {"end", 44}},
                                           Json{{"article", 1}, {"start", 19}, {"end", 30}},
                                           Json{{"article", 2}, {"start", 18}, {"end", 32}}})}},
            Json{{"id", "c3"},
                 {"status", "unique"},
                 {"text", "The port stopped"},
                 {"outlets", {"Radio Vesk"}},
                 {"evidence", Json::array()}}})},
      {"disagreements",
       Json::array({Json{{"kind", "number"},
                         {"about", "c2"},
                         {"values", Json::array({Json{{"outlet", "Pellam Gazette"}},
                                                 Json{{"outlet", "Radio Vesk"}}})}}})},
      {"warnings", Json::array()}};
}

std::string Draw(const Json& story, const Json& record) {
  return StoryFirstScreenHtml(story.dump(), record.dump());
}

TEST(StoryPageTest, RefusesWhatIsNotAStoryAndARecord) {
  const std::string story = Story().dump();
  const std::string record = Record().dump();
  const struct {
    std::string story, record;
  } cases[] = {
      {"", record},
      {"   ", record},
      {story, ""},
      {story, "{"},
      {story, "[]"},
      {"null", record},
      {story, "{\"articles\": 3}"},
      {"\xff\xfe", record},  // not UTF-8
  };
  for (const auto& c : cases) {
    EXPECT_EQ(StoryFirstScreenHtml(c.story, c.record), "") << c.story << " / " << c.record;
  }
  EXPECT_NE(StoryFirstScreenHtml(story, record), "");
}

TEST(StoryPageTest, DrawsTheHeadingArticlesAndComparisonTop) {
  const std::string html = Draw(Story(), Record());
  EXPECT_EQ(html.rfind("<h1>Harbour strike at Pellam</h1>", 0), 0u) << html.substr(0, 200);
  EXPECT_NE(html.find("2031-05-01 08:00 \u2013 2031-05-02 \u00B7 3 articles from 2 outlets"),
            std::string::npos);
  EXPECT_NE(html.find("<div id=\"comparison\" data-ssr=\"1\">"), std::string::npos);
  // The articles table: outlet links percent-encoded, a missing headline shows the id, a copy
  // is marked, an unknown date reads "undated".
  EXPECT_NE(html.find("href=\"/outlet/Pellam%20Gazette\""), std::string::npos);
  EXPECT_NE(html.find(">00000000000000a2</a><span class=\"pc-badge\">copy</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>undated</td>"), std::string::npos);
  EXPECT_EQ(Count(html, "<article class=\"pc-card\">"), 3u);
  // Article 1 has no headline: its card shows the framing evidence's bytes, linked.
  EXPECT_NE(html.find("<a class=\"pc-ev\" href=\"/article/00000000000000a2#s=0-18\" "
                      "data-article=\"1\" data-start=\"0\" data-end=\"18\">Dockers walked out"
                      "</a>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("Only this headline: <em>walked</em>"), std::string::npos);
  EXPECT_NE(html.find("id=\"pcs-reader\""), std::string::npos);
  EXPECT_EQ(Count(html, "<li><a href=\"#pcs-"), 7u);  // the section list
  // No inline styles or scripts: the server's CSP refuses them.
  EXPECT_EQ(html.find("style="), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(StoryPageTest, CellStatesFollowEvidenceAndOutlets) {
  const std::string html = Draw(Story(), Record());
  const struct {
    const char* claim;
    const char* outlet;
    const char* cls;
    bool button;
    bool differs;
  } cases[] = {
      {"c1", "Pellam Gazette", "pc-partly", true, false},  // 1 of its 2 articles
      {"c1", "Radio Vesk", "pc-absent", false, false},
      {"c2", "Pellam Gazette", "pc-carried", true, true},
      {"c2", "Radio Vesk", "pc-carried", true, true},
      {"c3", "Radio Vesk", "pc-carried", false, false},  // listed, no evidence span
      {"c3", "Pellam Gazette", "pc-absent", false, false},
  };
  for (const auto& c : cases) {
    const std::string cell = Cell(html, c.claim, c.outlet);
    ASSERT_FALSE(cell.empty()) << c.claim << " " << c.outlet;
    EXPECT_NE(cell.find(std::string("class=\"pc-cell ") + c.cls + "\""), std::string::npos) << cell;
    EXPECT_EQ(cell.find("pc-cellbtn") != std::string::npos, c.button) << cell;
    EXPECT_EQ(cell.find("\u2260") != std::string::npos, c.differs) << cell;
  }
  EXPECT_NE(html.find("data-row=\"1\" data-col=\"1\""), std::string::npos);
}

TEST(StoryPageTest, EscapesEveryText) {
  Json story = Story();
  story["label"] = "<script>alert(1)</script> & \"quotes\" 'too'";
  Json record = Record();
  record["outlets"][1] = "Vesk <b>\"Radio\"</b>";
  record["articles"][2]["outlet"] = "Vesk <b>\"Radio\"</b>";
  record["claims"][0]["text"] = "a<img src=x onerror=alert(1)>";
  record["warnings"] = {"<i>warned</i>"};
  const std::string html = Draw(story, record);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; "
                      "&#39;too&#39;"),
            std::string::npos)
      << html.substr(0, 300);
  EXPECT_NE(html.find("Vesk &lt;b&gt;&quot;Radio&quot;&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("<ul class=\"pc-warnings\"><li>&lt;i&gt;warned&lt;/i&gt;</li></ul>"),
            std::string::npos);
}

TEST(StoryPageTest, DrawsTheFirstRowsOnly) {
  Json record = Record();
  Json claims = Json::array();
  for (int i = 0; i < 25; ++i) {
    Json c = record["claims"][1];
    c["id"] = "c" + std::to_string(100 + i);
    claims.push_back(c);
  }
  record["claims"] = claims;
  const std::string html = Draw(Story(), record);
  EXPECT_EQ(Count(html, "<tr id=\"pcs-c"), kFirstScreenClaimRows);
  EXPECT_NE(html.find("id=\"pcs-c100\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"pcs-c1" + std::to_string(kFirstScreenClaimRows + 0) + "\""),
            std::string::npos);
  record["claims"] = Json::array();
  EXPECT_NE(Draw(Story(), record).find("<p>No claims were aligned.</p>"), std::string::npos);
}

TEST(StoryPageTest, ShortensClaimTextByCharacters) {
  struct Case {
    std::string text;
    std::string want;  // the link text
  };
  std::string cjk;
  for (int i = 0; i < 230; ++i) cjk += "\u6E2F";  // 230 characters, 3 bytes each
  std::string cjk_want;
  for (int i = 0; i < 219; ++i) cjk_want += "\u6E2F";
  cjk_want += "\u2026";
  const Case cases[] = {
      {"  Ships \t\n wait  ", "Ships wait"},
      {"Ships\u00A0\u00A0wait", "Ships wait"},                               // NBSP is white space
      {"\u201CShips wait\u201D", "\u201CShips wait\u201D"},                  // curly quotes kept
      {"\u05D0\u05E0\u05D9\u05D9\u05D4", "\u05D0\u05E0\u05D9\u05D9\u05D4"},  // RTL as is
      {"cafe\u0301 opens", "cafe\u0301 opens"},                              // combining mark kept
      {cjk, cjk_want},
  };
  for (const Case& c : cases) {
    Json record = Record();
    record["claims"][0]["text"] = c.text;
    const std::string html = Draw(Story(), record);
    EXPECT_NE(html.find("data-end=\"18\">" + c.want + "</a> <span class=\"pc-badge"),
              std::string::npos)
        << c.text;
  }
  // No text of its own: the first evidence span's bytes.
  Json record = Record();
  record["claims"][0]["text"] = "";
  EXPECT_NE(Draw(Story(), record).find(">Dockers walked out</a>"), std::string::npos);
  // Spans outside the text are clamped, never read past it.
  record["claims"][0]["evidence"][0]["end"] = 100000;
  EXPECT_NE(Draw(Story(), record).find("300 ships wait.</a>"), std::string::npos);
}

}  // namespace
}  // namespace parallax::serve
