#include "src/pipeline/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

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

}  // namespace
}  // namespace parallax::pipeline
