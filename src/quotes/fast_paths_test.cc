// The byte-skipping fast paths of FindQuotedSpans and LowerInto checked against the plain
// code-point-at-a-time paths they skip (internal::FindQuotedSpansDecodingAll, the scan with the
// skip off, and internal::LowerIntoGeneral, the byte loop non-ASCII words take) on edge cases
// and random mixes of ASCII, quotation marks, NBSP, CJK, combining marks, Cyrillic capitals
// and malformed UTF-8 (stray continuation bytes, overlong and truncated sequences).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/utf8.h"
#include "src/quotes/lexicon.h"
#include "src/quotes/marks.h"

namespace parallax::quotes {
namespace {

// Pieces the random texts are built from.
constexpr std::string_view kPieces[] = {
    "a",
    "Word",
    "x",
    "don",
    "t",
    "7",
    " ",
    "  ",
    "\t",
    "\n",
    ",",
    ".",
    ":",
    "(",
    ")",
    "-",
    "/",
    "?",
    "!",
    "\"",
    "'",
    "''",
    "'''",
    "`",
    "``",
    "\xE2\x80\x9C",
    "\xE2\x80\x9D",
    "\xE2\x80\x98",
    "\xE2\x80\x99",
    "\xE2\x80\x9A",
    "\xE2\x80\x9E",
    "\xE2\x80\x9F",
    "\xE2\x80\xB9",
    "\xE2\x80\xBA",
    "\xC2\xAB",
    "\xC2\xBB",
    "\xC2\xA0",
    "\xE2\x80\x94",
    "\xE2\x80\xA6",
    "\xE4\xB8\xAD",
    "\xE3\x80\x8C",
    "e\xCC\x81",
    "\xD0\x9F\xD1\x80\xD0\x98",
    "\xD0\x81",
    "\xD0",
    "\x80",
    "\xBF",
    "\xFF",
    "\xC0\xA2",
    "\xC1\xA7",
    "\xE0\x80\xA2",
    "\xF0\x80\x80\xA2",
    "\xE2\x80",
    "\xE2",
    "\xF0\x9F\x98\x80",
    "ABCDEFGHIJ",
    "MiXeD CaSe",
    "\x01",
    "\x7F",
};

std::string RandomText(std::mt19937* rng, int pieces) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (int k = 0; k < pieces; ++k) s += kPieces[pick(*rng)];
  return s;
}

void ExpectSameSpans(std::string_view text, Span range) {
  std::vector<QuotedSpan> fast = FindQuotedSpans(text, range);
  std::vector<QuotedSpan> slow = internal::FindQuotedSpansDecodingAll(text, range);
  ASSERT_EQ(fast.size(), slow.size()) << text;
  for (size_t k = 0; k < fast.size(); ++k) {
    EXPECT_EQ(fast[k].open, slow[k].open) << text;
    EXPECT_EQ(fast[k].inner_start, slow[k].inner_start) << text;
    EXPECT_EQ(fast[k].inner_end, slow[k].inner_end) << text;
    EXPECT_EQ(fast[k].end, slow[k].end) << text;
    EXPECT_EQ(fast[k].is_double, slow[k].is_double) << text;
    EXPECT_EQ(fast[k].unterminated, slow[k].unterminated) << text;
    EXPECT_EQ(fast[k].depth, slow[k].depth) << text;
  }
}

void ExpectSameLower(std::string_view word) {
  char fast[48], slow[48];
  size_t fast_len = 0, slow_len = 0;
  bool fast_ok = LowerInto(word, fast, sizeof(fast), &fast_len);
  bool slow_ok = word.size() <= sizeof(slow);
  if (slow_ok) internal::LowerIntoGeneral(word, slow, &slow_len);
  ASSERT_EQ(fast_ok, slow_ok) << word;
  if (!fast_ok) return;
  ASSERT_EQ(fast_len, slow_len);
  EXPECT_EQ(std::string_view(fast, fast_len), std::string_view(slow, slow_len)) << word;
}

TEST(FastPathsTest, QuotedSpansEdgeCases) {
  const std::string_view kCases[] = {
      "",
      " ",
      "\xC2\xA0\xE2\x80\x9C"
      "Bold\xE2\x80\x9D\xC2\xA0said",
      "\xE2\x80\x9C"
      "A \xE2\x80\x98nested\xE2\x80\x99 one,\xE2\x80\x9D she said.",
      "\"Straight,\" and 'single' and don't and the players' union.",
      "``Wire style,'' he said. ''He said 'no,'''",
      "\xC2\xAB\xD0\x9F\xD1\x80\xC2\xBB x \xE2\x80\x9E"
      "deutsch\xE2\x80\x9C",
      "\xC0\xA2overlong\xC0\xA2 \xE0\x80\xA2x\xE0\x80\xA2",
      "\x80\"stray\x80\" \xE2\x80 \"cut",
      "\xE4\xB8\xAD\xE2\x80\x9C\xE4\xB8\xAD\xE2\x80\x9D\xE3\x80\x82",
      "e\xCC\x81\"combining\"e\xCC\x81",
      "\xE2\x80\x9Copen to the end   \n",
      "\xE2",
  };
  for (std::string_view t : kCases) {
    ExpectSameSpans(t, Span{0, static_cast<uint32_t>(t.size())});
    if (t.size() > 2) ExpectSameSpans(t, Span{1, static_cast<uint32_t>(t.size() - 1)});
  }
}

TEST(FastPathsTest, QuotedSpansMarksAtEveryOffsetOfLongRuns) {
  const std::string_view kMarks[] = {
      "\"",           "'",        "``",       "''",       "\xE2\x80\x9C",
      "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "\xC0\xA2", "\x80"};
  for (std::string_view open : kMarks) {
    for (std::string_view close : kMarks) {
      for (size_t a = 0; a < 20; ++a) {
        for (size_t gap = 0; gap < 12; gap += 3) {
          std::string t(a, 'w');
          if (a > 2) t[a - 2] = ' ';
          t += open;
          t += std::string(gap, 'q');
          t += close;
          t += std::string(a % 9, 'z');
          ExpectSameSpans(t, Span{0, static_cast<uint32_t>(t.size())});
          ExpectSameSpans(t, Span{1, static_cast<uint32_t>(t.size())});
        }
      }
    }
  }
}

TEST(FastPathsTest, QuotedSpansRandom) {
  std::mt19937 rng(20261123);
  for (int round = 0; round < 4000; ++round) {
    std::string t = RandomText(&rng, 1 + round % 40);
    uint32_t n = static_cast<uint32_t>(t.size());
    ExpectSameSpans(t, Span{0, n});
    std::uniform_int_distribution<uint32_t> cut(0, n);
    uint32_t a = cut(rng), b = cut(rng);
    ExpectSameSpans(t, Span{std::min(a, b), std::max(a, b)});
  }
}

TEST(FastPathsTest, LowerIntoMatchesReference) {
  const std::string_view kCases[] = {"",
                                     "A",
                                     "@[`{AZaz",
                                     "ABCDEFGH",
                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
                                     "Said",
                                     "\xD0\x9F\xD0\xA0\xD0\x81",
                                     "ABCDEFG\xD0\x9F"
                                     "ABCDEFGH",
                                     "ABCDEFGH\xD0",
                                     "\xD0"
                                     "A",
                                     "Caf\xC3\x89 NO\xC2\xA0WAY",
                                     "0123456789012345678901234567890123456789012345678"};
  for (std::string_view w : kCases) ExpectSameLower(w);
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 50);
  for (int round = 0; round < 20000; ++round) {
    std::string w(static_cast<size_t>(len(rng)), ' ');
    for (char& c : w) {
      int b = byte(rng);
      // Mostly ASCII letters and punctuation, some Cyrillic lead bytes, some anything.
      c = static_cast<char>(round % 3 == 0 ? b : (b < 200 ? 'A' + b % 58 : (b < 230 ? 0xD0 : b)));
    }
    ExpectSameLower(w);
  }
  std::string t = RandomText(&rng, 30);
  for (size_t k = 0; k + 1 < t.size(); ++k) ExpectSameLower(std::string_view(t).substr(k, 40));
}

}  // namespace
}  // namespace parallax::quotes
