#include "src/extract/line_shape.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

namespace parallax::extract {
namespace {

void ExpectSameShape(const LineShape& got, const LineShape& want, std::string_view line) {
  EXPECT_EQ(got.words, want.words) << "[" << line << "]";
  EXPECT_EQ(got.upper_words, want.upper_words) << "[" << line << "]";
  EXPECT_EQ(got.lower_words, want.lower_words) << "[" << line << "]";
  EXPECT_EQ(got.first_upper, want.first_upper) << "[" << line << "]";
  EXPECT_EQ(got.any_letter, want.any_letter) << "[" << line << "]";
  EXPECT_EQ(got.wide_gap, want.wide_gap) << "[" << line << "]";
}

struct Case {
  std::string line;
  int words, upper, lower;
  bool first_upper, any_letter, wide_gap;
};

TEST(LineShapeTest, Table) {
  const Case cases[] = {
      {"", 0, 0, 0, false, false, false},
      {"   ", 0, 0, 0, false, false, true},
      {"\t \t", 0, 0, 0, false, false, false},
      {"Read the NEWS today", 4, 2, 2, true, true, false},
      {"read The news", 3, 1, 2, false, true, false},
      {"2024 budget", 2, 0, 1, true, true, false},
      {"(Reuters) - the harbour reopened on Monday after a long and quiet winter", 13, 2, 10, true,
       true, false},
      {"News   Sport   Money", 3, 3, 0, true, true, true},
      {"News  \t Sport", 2, 2, 0, true, true, true},  // a tab inside the run does not break it
      {"a  b  c  d  e  f  g  h  i  j", 10, 0, 10, false, true, false},
      {"NBSP\xC2\xA0splits words here and there", 6, 1, 5, true, true, false},
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D words, curly", 3, 1, 2, true, true, false},
      {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80", 2, 1, 1, true,
       true, false},
      {"\xE4\xB8\xAD\xE6\x96\x87 text", 2, 0, 1, true, true, false},  // CJK: caseless letters
      {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D world", 2, 0, 1, true, true, false},  // RTL
      {"e\xCC\x81t\xC3\xA9 Caf\xC3\xA9", 2, 1, 1, false, true, false},         // combining mark
      {"--- ### ...", 3, 0, 0, false, false, false},
      {"\"quoted\" (paren) [Bracket] 'single' $100 #tag", 6, 1, 4, false, true, false},
      {"longwordwithoutanyspacesatallxxxxxxxxxxxxxxxxxxxxxxx END", 2, 1, 1, false, true, false},
  };
  for (const Case& c : cases) {
    const LineShape got = ScanLineShape(c.line);
    ExpectSameShape(
        got, LineShape{c.words, c.upper, c.lower, c.first_upper, c.any_letter, c.wide_gap}, c.line);
    ExpectSameShape(internal::ScanLineShapeByteByByte(c.line), got, c.line);
  }
}

// The 16-byte path against the byte loop on random lines built from pieces that meet the
// chunk's edge cases: words starting with punctuation, digits, runs of spaces across chunk
// boundaries, tabs, control bytes, non-ASCII letters, Unicode spaces and quotes.
TEST(LineShapeTest, ChunkedMatchesByteLoop) {
  const std::string pieces[] = {
      " ",
      "  ",
      "   ",
      "\t",
      "\x01",
      "\x7f",
      "a",
      "Z",
      "q",
      "M",
      "7",
      "0",
      "(",
      "\"",
      "'",
      "-",
      ".",
      ",",
      "$",
      "#",
      "the",
      "The",
      "NEWS",
      "x9",
      "\xC2\xA0",
      "\xE2\x80\x9C",
      "\xE2\x80\x99",
      "\xC3\xA9",
      "\xC3\x89",
      "\xD0\x96",
      "\xE4\xB8\xAD",
      "\xE2\x80\x83",
      "\xF0\x9F\x98\x80",
      "\xCC\x81",
  };
  std::mt19937 rng(17);
  for (int round = 0; round < 30000; ++round) {
    std::string line;
    const int n = static_cast<int>(rng() % 60);
    const bool ascii_heavy = rng() % 2 == 0;
    for (int k = 0; k < n; ++k) {
      size_t pick = rng() % (sizeof(pieces) / sizeof(pieces[0]));
      if (ascii_heavy && pick >= 24) pick = rng() % 24;
      line += pieces[pick];
    }
    ExpectSameShape(ScanLineShape(line), internal::ScanLineShapeByteByByte(line), line);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace parallax::extract
