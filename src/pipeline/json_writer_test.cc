#include "src/pipeline/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "parallax/article.h"
#include "parallax/format.h"

namespace parallax::pipeline {
namespace {

// Every string survives a write/parse round trip through nlohmann::json (the oracle).
TEST(JsonWriterTest, QuotedStringsRoundTrip) {
  const std::string cases[] = {
      "",
      "plain",
      "quote \" and backslash \\",
      "tab\tnewline\ncr\r",
      std::string("nul\0byte", 8),
      "\x01\x1f control",
      "NBSP\xC2\xA0 curly \xE2\x80\x9Cquotes\xE2\x80\x9D",
      "Cyrillic \xD0\x9F\xD0\xB5\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB2",
      "RTL \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
      "CJK \xE4\xB8\xAD\xE6\x96\x87",
      "combining e\xCC\x81",
      "emoji \xF0\x9F\x98\x80",
  };
  for (const std::string& s : cases) {
    std::string out;
    JsonWriter::AppendQuoted(s, &out);
    EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), s) << out;
  }
}

TEST(JsonWriterTest, RandomAsciiRoundTrip) {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = static_cast<char>(rng() % 128);
    std::string out;
    JsonWriter::AppendQuoted(s, &out);
    EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), s);
  }
}

// Long strings dense with escapes (the escaper grows its output room as it goes), appended
// after existing output.
TEST(JsonWriterTest, DenseEscapesRoundTripAfterExistingOutput) {
  const std::string pieces[] = {"a", "\"", "\n", "\x01", "\x1f", "\\", "\xC3\xA9", "plain text "};
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string s;
    const size_t parts = rng() % 400;
    const int dense = static_cast<int>(rng() % 3);
    for (size_t k = 0; k < parts; ++k) s += pieces[dense == 0 ? rng() % 8 : 1 + rng() % 5];
    std::string out = "[1,";
    JsonWriter::AppendQuoted(s, &out);
    out += "]";
    nlohmann::json j = nlohmann::json::parse(out);
    ASSERT_EQ(j[1].get<std::string>(), s);
    ASSERT_EQ(j[0], 1);
  }
}

TEST(JsonWriterTest, NestedStructureCompactAndPrettyParseAlike) {
  for (int indent : {0, 2}) {
    std::string out;
    JsonWriter w(&out, indent);
    w.BeginObject();
    w.Key("a");
    w.Int(-3);
    w.Key("b");
    w.BeginArray();
    w.Bool(true);
    w.Null();
    w.Double(0.25);
    w.BeginObject();
    w.EndObject();
    w.BeginArray();
    w.EndArray();
    w.EndArray();
    w.Key("c");
    w.String("x");
    w.EndObject();
    nlohmann::json j = nlohmann::json::parse(out);
    EXPECT_EQ(j["a"], -3);
    EXPECT_EQ(j["b"][0], true);
    EXPECT_TRUE(j["b"][1].is_null());
    EXPECT_DOUBLE_EQ(j["b"][2].get<double>(), 0.25);
    EXPECT_TRUE(j["b"][3].is_object());
    EXPECT_TRUE(j["b"][4].is_array());
    EXPECT_EQ(j["c"], "x");
    EXPECT_EQ(indent == 0, out.find('\n') == std::string::npos);
  }
}

// The compact record (blocks written by a one-buffer fast path) holds exactly what the
// pretty one (the generic writer) holds, in the same order: nlohmann::ordered_json re-dumps the
// pretty record compactly as the oracle.
TEST(ArticleJsonTest, CompactRecordMatchesPrettyRecord) {
  Article a;
  a.id = "00ff00ff00ff00ff";
  a.source = "fixtures/harbour.txt";
  a.headline = "Ferry \"Kestrel\" returns";
  a.text =
      "Ferry returns\n\nThe ferry \"Kestrel\" came back to Port Amsel.\tDone.\n\xC2\xA9 Amsel Post";
  a.blocks.push_back(Block{BlockRole::kHeadline, Span{0, 13}, "", std::nullopt});
  a.blocks.push_back(Block{BlockRole::kBody, Span{15, 70}, "", Span{120, 410}});
  a.blocks.push_back(
      Block{BlockRole::kBoilerplate, Span{71, 84}, "copyright notice", std::nullopt});
  a.blocks.push_back(Block{BlockRole::kCaption, Span{0, 0}, "said \"caption\"\n", std::nullopt});
  a.blocks.push_back(Block{BlockRole::kCredit, Span{4000000000u, 4294967295u},
                           std::string(200, 'r'), Span{0, 4294967295u}});
  a.sentences.push_back(Sentence{Span{15, 60}});
  a.warnings.push_back("tab\there");
  const std::string compact = ArticleToJson(a, false);
  const std::string pretty = ArticleToJson(a, true);
  EXPECT_EQ(nlohmann::ordered_json::parse(pretty).dump(), compact);
  EXPECT_EQ(compact.find('\n'), std::string::npos);
}

}  // namespace
}  // namespace parallax::pipeline
