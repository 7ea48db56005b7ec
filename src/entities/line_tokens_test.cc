// AppendTokens (the entities stage's fast tokenizer) must cut exactly the tokens of
// text::Tokenize, its oracle: table-driven edge cases, then random mixtures of ASCII classes and
// non-ASCII code points over random ranges.
#include "src/entities/line_tokens.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "src/text/tokens.h"

namespace parallax::entities {
namespace {

// Both tokenizers on text[range], as "start-end:kind" strings for readable failures.
void ExpectSameTokens(const std::string& text, Span range) {
  std::vector<LineToken> fast;
  AppendTokens(text, range, &fast);
  std::vector<text::Token> oracle = text::Tokenize(text, range);
  ASSERT_EQ(fast.size(), oracle.size()) << "text: [" << text << "]";
  for (size_t i = 0; i < fast.size(); ++i) {
    EXPECT_EQ(fast[i].span.start, oracle[i].span.start) << "token " << i << " of [" << text << "]";
    EXPECT_EQ(fast[i].span.end, oracle[i].span.end) << "token " << i << " of [" << text << "]";
    EXPECT_EQ(static_cast<int>(fast[i].kind), static_cast<int>(oracle[i].kind))
        << "token " << i << " of [" << text << "]";
    bool ascii = true;
    for (uint32_t k = fast[i].span.start; k < fast[i].span.end; ++k)
      if (static_cast<unsigned char>(text[k]) >= 0x80) ascii = false;
    EXPECT_EQ(fast[i].ascii, ascii) << "token " << i << " of [" << text << "]";
  }
}

void ExpectSameTokens(const std::string& text) {
  ExpectSameTokens(text, Span{0, static_cast<uint32_t>(text.size())});
}

TEST(LineTokens, EdgeCases) {
  const char* cases[] = {
      "",
      "   \t\r\n\f\v ",
      "Dmitry Peskov told reporters.",
      "don't Botsan-Kharchenko COVID-19 G7 MH17 rock'n'roll",
      "trailing- hyphen -leading 'quoted' it's' a--b a-'b",
      "10,000 3.5 18:21 1,2,3 4. 5, .6 2nd 1996-08-30 4-38",
      "U.S. U.S.A. Mr. Dr.Smith C. Lewis e.g. a.m.",
      "$5 +3 <b> a=b ^ ` | ~ x@y.com #tag 50% (REC) [1] {x} \"q\" ; : ! ?",
      "ctl\x01word a\x01"
      "b a\x7f"
      "b \x02\x03 end\x1f",
      "Vu\xC4\x8Di\xC4\x87 said \xE2\x80\x9CNo\xE2\x80\x9D and \xE2\x80\x98yes\xE2\x80\x99 today",
      "Russia\xE2\x80\x99s envoy \xE2\x80\x94 who",
      "a\xC2\xA0"
      "b NBSP\xC2\xA0inside",
      "soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth",
      "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD Tokyo",
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D world \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",
      "e\xCC\x81t\xC3\xA9 cafe\xCC\x81",
      "\xD0\x9F\xD0\xB5\xD1\x81\xD0\xBA\xD0\xBE\xD0\xB2, 2023",
      "\xF0\x9F\x8E\x89"
      "party \xE2\x80\xA6 \xC2\xA9 2020",
      "\xEF\xBC\x91\xEF\xBC\x92 full-width digits",
  };
  for (const char* c : cases) ExpectSameTokens(c);
}

TEST(LineTokens, Ranges) {
  const std::string text =
      "Alpha beta, Gamma-Delta 12,5 \xE2\x80\x9C"
      "Eps\xE2\x80\x9D zeta";
  for (uint32_t a = 0; a <= text.size(); ++a)
    for (uint32_t b = a; b <= text.size() + 2; ++b) {
      // Ranges start and end on code point boundaries, as sentence and line spans do.
      auto boundary = [&](uint32_t k) {
        return k >= text.size() || (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
      };
      if (!boundary(a) || !boundary(b)) continue;
      ExpectSameTokens(text, Span{a, b});
    }
}

TEST(LineTokens, RandomText) {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "q",
                                           "7",
                                           "0",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\n",
                                           "'",
                                           "-",
                                           ".",
                                           ",",
                                           ":",
                                           "$",
                                           "&",
                                           "(",
                                           ")",
                                           "\"",
                                           "\x01",
                                           "\x7f",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x94",
                                           "\xC3\xA9",
                                           "\xC2\xA0",
                                           "\xC2\xAD",
                                           "\xCC\x81",
                                           "\xE6\x9D\xB1",
                                           "\xD0\x96",
                                           "\xD9\xA3",
                                           "\xF0\x9F\x8E\x89",
                                           "\xE2\x80\x90"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    ExpectSameTokens(text);
  }
}

}  // namespace
}  // namespace parallax::entities
