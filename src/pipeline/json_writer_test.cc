#include "src/pipeline/json_writer.h"

#include <gtest/gtest.h>

#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/format.h"
#include "src/base/json_string.h"

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

// The writer's own escaper (raw cursor; 16-, 8- and 1-byte scans) against AppendJsonString,
// the project's escaper, as the oracle: every length around the scan widths, escapes at every
// position, bytes above 0x7F, inside an array of many values (the buffer grows from nothing),
// after existing output.
TEST(JsonWriterTest, StringMatchesAppendJsonString) {
  const char alphabet[] = {'a',    'Z',    ' ',    '"',    '\\',   '\n',   '\x01',
                           '\x1f', '\x7f', '\x80', '\xC3', '\xA9', '!',    '#',
                           '[',    ']',    '\x21', '\x23', '\x5b', '\x5d', '\0'};
  std::mt19937 rng(5);
  std::string out = "prefix:";
  std::string want = "prefix:[";
  {
    JsonWriter w(&out);
    w.BeginArray();
    for (int round = 0; round < 4000; ++round) {
      const size_t len = rng() % 70;
      const int density = static_cast<int>(rng() % 4);  // 0: plain letters only
      std::string s(len, 'x');
      for (char& c : s) {
        if (density == 0 || rng() % (8 * density) != 0) {
          c = static_cast<char>('a' + rng() % 26);
        } else {
          c = alphabet[rng() % sizeof(alphabet)];
        }
      }
      if (round > 0) want += ',';
      AppendJsonString(s, &want);
      w.String(s);
      w.Int(round);
      want += ',' + std::to_string(round);
    }
    w.EndArray();
    want += ']';
  }
  ASSERT_EQ(out, want);
}

// NextJsonEscape (16-, 8- and 1-byte scans, shared by the writer and AppendJsonString) against
// a plain byte loop, from every start offset, with the escaped byte at every position and
// bytes around 0x20, '"' and '\\' that must not match.
TEST(JsonWriterTest, NextJsonEscapeMatchesByteLoop) {
  auto reference = [](const std::string& s, size_t i) {
    for (; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\') return i;
    }
    return s.size();
  };
  const char near[] = {' ', '!',  '#',    '[',    ']',    '\x1f', '\x00',
                       '"', '\\', '\x7f', '\x80', '\xff', '\xa2'};
  std::mt19937 rng(9);
  for (int round = 0; round < 3000; ++round) {
    std::string s(rng() % 50, 'q');
    for (char& c : s)
      if (rng() % 6 == 0) c = near[rng() % sizeof(near)];
    for (size_t i = 0; i <= s.size(); ++i)
      ASSERT_EQ(NextJsonEscape(s.data(), i, s.size()), reference(s, i)) << round << " at " << i;
  }
}

// The writer's strings read back by an independent JSON parser (nlohmann::json) as the bytes
// written, for valid UTF-8 with every character that needs escaping.
TEST(JsonWriterTest, StringsRoundTripThroughAnotherParser) {
  const std::string_view pieces[] = {"a",
                                     "Zz",
                                     " ",
                                     "\"",
                                     "\\",
                                     "\n",
                                     "\t",
                                     "\x01",
                                     "\x1f",
                                     "\x7f",
                                     "\xC3\xA9",
                                     "\xE2\x80\x9C",
                                     "0123456789abcdef"};
  std::mt19937 rng(13);
  std::vector<std::string> strings;
  std::string out;
  {
    JsonWriter w(&out);
    w.BeginArray();
    for (int round = 0; round < 2000; ++round) {
      std::string s;
      for (size_t k = rng() % 24; k > 0; --k) s += pieces[rng() % std::size(pieces)];
      w.String(s);
      strings.push_back(std::move(s));
    }
    w.EndArray();
  }
  const nlohmann::json j = nlohmann::json::parse(out);
  ASSERT_EQ(j.size(), strings.size());
  for (size_t i = 0; i < strings.size(); ++i) ASSERT_EQ(j[i].get<std::string>(), strings[i]);
}

// `out` is exact once the outermost value is complete, after Flush(), and after the writer is
// destroyed mid-document.
TEST(JsonWriterTest, OutputExactAtEveryStop) {
  std::string out;
  JsonWriter w(&out);
  w.Int(7);
  EXPECT_EQ(out, "7");
  std::string big(5000, 'q');
  w.String(big);
  EXPECT_EQ(out, "7\"" + big + "\"");
  std::string partial = "x";
  {
    JsonWriter p(&partial);
    p.BeginObject();
    p.Key("k");
    p.BeginArray();
    p.Bool(false);
    p.Flush();
    EXPECT_EQ(partial, "x{\"k\":[false");
    p.Null();
  }
  EXPECT_EQ(partial, "x{\"k\":[false,null");
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
