#include "src/ingest/jsonl.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax::ingest {
namespace {

struct Case {
  const char* name;
  std::string line;
  bool ok;
  std::string bytes_or_error;  // the text on success, the start of the message on failure
};

TEST(ParseJsonlRecordTest, Table) {
  const std::vector<Case> cases = {
      {"minimal", R"({"text": "a"})", true, "a"},
      {"escapes", R"({"text": "tab\tquote\" slash\/ \u00e9 \ud83d\ude00"})", true,
       "tab\tquote\" slash/ \xC3\xA9 \xF0\x9F\x98\x80"},
      {"curly and straight quotes", R"({"text": "\u201cQ\u201d and \"q\""})", true,
       "\xE2\x80\x9CQ\xE2\x80\x9D and \"q\""},
      {"rtl and cjk", "{\"text\": \"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE6\x96\xB0\"}", true,
       "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE6\x96\xB0"},
      {"empty string is a record (Decode judges it)", R"({"text": ""})", true, ""},
      {"first duplicate wins", R"({"text": "one", "text": "two"})", true, "one"},
      {"nested ignored", R"({"meta": {"text": "inner"}, "text": "outer"})", true, "outer"},
      {"missing", R"({"body": "x"})", false, "no string field 'text'"},
      {"null text", R"({"text": null})", false, "no string field 'text'"},
      {"array", R"(["text"])", false, "not a JSON object"},
      {"string", R"("text")", false, "not a JSON object"},
      {"empty line", "", false, "malformed JSON"},
      {"truncated", R"({"text": "abc)", false, "malformed JSON"},
      {"trailing garbage", R"({"text": "a"} x)", false, "malformed JSON"},
      {"two objects", R"({"text": "a"}{"text": "b"})", false, "malformed JSON"},
      {"invalid utf-8", "{\"text\": \"a\xFF\"}", false, "malformed JSON"},
      {"bad escape", R"({"text": "\x41"})", false, "malformed JSON"},
      {"lone surrogate escape", R"({"text": "\ud800"})", false, "malformed JSON"},
  };
  for (const Case& c : cases) {
    RawDocument doc;
    Status s = ParseJsonlRecord(c.line, InputOptions(), &doc);
    EXPECT_EQ(s.ok(), c.ok) << c.name << ": " << s.ToString();
    if (c.ok) {
      EXPECT_EQ(doc.bytes, c.bytes_or_error) << c.name;
      EXPECT_EQ(doc.format, InputFormat::kText) << c.name;
    } else {
      EXPECT_EQ(s.message().rfind(c.bytes_or_error, 0), 0u) << c.name << ": " << s.message();
    }
  }
}

TEST(ParseJsonlRecordTest, HintsAreStringified) {
  InputOptions o;
  o.id_field = "id";
  o.title_field = "t";
  o.date_field = "d";
  o.outlet_field = "o";
  o.url_field = "u";
  RawDocument doc;
  ASSERT_TRUE(
      ParseJsonlRecord(
          R"({"id": -12, "t": true, "d": 1.5, "o": 18446744073709551615, "u": [1], "text": "x"})",
          o, &doc)
          .ok());
  EXPECT_EQ(doc.hints.id, "-12");
  EXPECT_EQ(doc.hints.title, "true");
  EXPECT_EQ(doc.hints.date, "1.5");
  EXPECT_EQ(doc.hints.outlet, "18446744073709551615");
  EXPECT_EQ(doc.hints.url, "");
}

TEST(ParseJsonlRecordTest, TextFieldNameAndHtmlField) {
  InputOptions o;
  o.text_field = "content_original";
  o.html_field = "raw_html";
  RawDocument doc;
  ASSERT_TRUE(ParseJsonlRecord(R"({"content_original": "plain"})", o, &doc).ok());
  EXPECT_EQ(doc.bytes, "plain");
  EXPECT_EQ(doc.format, InputFormat::kText);
  ASSERT_TRUE(
      ParseJsonlRecord(R"({"content_original": "plain", "raw_html": "<p>x</p>"})", o, &doc).ok());
  EXPECT_EQ(doc.bytes, "<p>x</p>");
  EXPECT_EQ(doc.format, InputFormat::kHtml);
  // A text field holding a whole page is HTML too.
  ASSERT_TRUE(
      ParseJsonlRecord(R"({"content_original": "<!DOCTYPE html><html></html>"})", o, &doc).ok());
  EXPECT_EQ(doc.format, InputFormat::kHtml);
  Status s = ParseJsonlRecord(R"({"text": "wrong field"})", o, &doc);
  EXPECT_EQ(s.message(), "no string field 'content_original'");
}

TEST(ParseJsonlRecordTest, ReusedParserKeepsNoState) {
  JsonlParser parser(InputOptions{});
  RawDocument doc;
  ASSERT_TRUE(parser.Parse(R"({"text": "long first record with text"})", &doc).ok());
  ASSERT_FALSE(parser.Parse(R"({"other": 1})", &doc).ok());
  EXPECT_TRUE(doc.bytes.empty());
  ASSERT_TRUE(parser.Parse(R"({"text": "b"})", &doc).ok());
  EXPECT_EQ(doc.bytes, "b");
}

}  // namespace
}  // namespace parallax::ingest
