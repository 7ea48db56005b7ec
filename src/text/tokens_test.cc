#include "src/text/tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace parallax::text {
namespace {

// Renders tokens as "word|num|p|s:text" items joined by spaces, for compact expectations.
std::string Render(std::string_view text, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case TokenKind::kWord:
        out += "w:";
        break;
      case TokenKind::kNumber:
        out += "n:";
        break;
      case TokenKind::kPunct:
        out += "p:";
        break;
      case TokenKind::kSymbol:
        out += "s:";
        break;
    }
    out += text.substr(t.span.start, t.span.size());
  }
  return out;
}

std::string Tok(std::string_view s) {
  return Render(s, Tokenize(s, Span{0, static_cast<uint32_t>(s.size())}));
}

struct TokCase {
  std::string_view input;
  std::string_view expected;
};

class TokenizeTest : public ::testing::TestWithParam<TokCase> {};

TEST_P(TokenizeTest, Splits) { EXPECT_EQ(Tok(GetParam().input), GetParam().expected); }

const TokCase kTokCases[] = {
    {"", ""},
    {"   \t\n ", ""},
    {"\xc2\xa0\xe2\x80\xaf", ""},  // NBSP, narrow NBSP
    {"Hello, world!", "w:Hello p:, w:world p:!"},
    {"don't", "w:don't"},
    {"don\xe2\x80\x99t", "w:don\xe2\x80\x99t"},  // curly apostrophe
    {"'quoted'", "p:' w:quoted p:'"},
    {"\xe2\x80\x9cquoted\xe2\x80\x9d", "p:\xe2\x80\x9c w:quoted p:\xe2\x80\x9d"},
    {"Botsan-Kharchenko", "w:Botsan-Kharchenko"},
    {"well\xe2\x80\x90known", "w:well\xe2\x80\x90known"},  // U+2010 hyphen
    {"end- of", "w:end p:- w:of"},
    {"-minus", "p:- w:minus"},
    {"COVID-19 G7 MH17", "w:COVID-19 w:G7 w:MH17"},
    {"2023 10,000 3.5 18:21", "n:2023 n:10,000 n:3.5 n:18:21"},
    {"$10,000.", "s:$ n:10,000 p:."},
    {"1990-2000", "n:1990 p:- n:2000"},
    {"5.", "n:5 p:."},
    {"100%", "n:100 p:%"},
    {"\xe2\x82\xac"
     "5",
     "s:\xe2\x82\xac n:5"},  // €5
    {"a+b=c", "w:a s:+ w:b s:= w:c"},
    {"\xc2\xabHi\xc2\xbb \xe2\x80\x94 ok", "p:\xc2\xab w:Hi p:\xc2\xbb p:\xe2\x80\x94 w:ok"},
    {"Vu\xc4\x8di\xc4\x87", "w:Vu\xc4\x8di\xc4\x87"},      // Vučić
    {"Vuc\xcc\x8cic\xcc\x81", "w:Vuc\xcc\x8cic\xcc\x81"},  // NFD combining marks
    {"\xd0\x9f\xd0\xb5\xd1\x81\xd0\xba\xd0\xbe\xd0\xb2 "
     "\xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb",
     "w:\xd0\x9f\xd0\xb5\xd1\x81\xd0\xba\xd0\xbe\xd0\xb2 "
     "w:\xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb"},
    // Arabic (RTL) words and Arabic-Indic digits.
    {"\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa3",
     "w:\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 n:\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa3"},
    // Hebrew with a geresh-free word.
    {"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d.", "w:\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d p:."},
    // CJK: one token per ideograph, full-width punctuation as punct.
    {"\xe4\xb8\xad\xe5\x9b\xbd\xe3\x80\x82", "w:\xe4\xb8\xad w:\xe5\x9b\xbd p:\xe3\x80\x82"},
    // Soft hyphen inside a word is skipped over, zero-width space separates.
    {"news\xc2\xadpaper", "w:news\xc2\xadpaper"},
    {"a\xe2\x80\x8b"
     "b",
     "w:a w:b"},
    // Emoji are symbols.
    {"ok \xf0\x9f\x91\x8d", "w:ok s:\xf0\x9f\x91\x8d"},
};

INSTANTIATE_TEST_SUITE_P(Table, TokenizeTest, ::testing::ValuesIn(kTokCases));

TEST(TokenizeTest, RangeIsRespectedAndOffsetsAbsolute) {
  std::string_view s = "skip this: Moscow said.";
  std::vector<Token> t = Tokenize(s, Span{11, 23});
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].span, (Span{11, 17}));
  EXPECT_EQ(t[2].span, (Span{22, 23}));
  EXPECT_TRUE(Tokenize(s, Span{5, 5}).empty());
  EXPECT_TRUE(Tokenize(s, Span{30, 40}).empty());    // beyond the text
  EXPECT_EQ(Tokenize(s, Span{11, 400}).size(), 3u);  // clamped to the text
}

TEST(TokenizeTest, TruncatedUtf8DoesNotCrash) {
  std::string s = "ab\xd0";
  std::vector<Token> t = Tokenize(s, Span{0, static_cast<uint32_t>(s.size())});
  for (const Token& k : t) EXPECT_LE(k.span.end, s.size());
}

struct FoldCase {
  std::string_view input;
  std::string_view folded;
};

class FoldTest : public ::testing::TestWithParam<FoldCase> {};

TEST_P(FoldTest, Folds) { EXPECT_EQ(Fold(GetParam().input), GetParam().folded); }

const FoldCase kFoldCases[] = {
    {"", ""},
    {"   ", "   "},
    {"VUCIC", "vucic"},
    {"Vu\xc4\x8di\xc4\x87", "vucic"},    // Vučić
    {"Vuc\xcc\x8cic\xcc\x81", "vucic"},  // NFD
    {"Stra\xc3\x9f"
     "e",
     "strasse"},  // Straße
    {"\xc3\x89lys\xc3\xa9"
     "e",
     "elysee"},                                                                // Élysée
    {"\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0", "\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb0"},  // Ёлка -> елка
    {"\xd0\x9f\xd0\x95\xd0\xa1\xd0\x9a\xd0\x9e\xd0\x92",
     "\xd0\xbf\xd0\xb5\xd1\x81\xd0\xba\xd0\xbe\xd0\xb2"},
    // й keeps its breve, precomposed or not.
    {"\xd0\x94\xd0\xbc\xd0\xb8\xd1\x82\xd1\x80\xd0\xb8\xd0\x99",
     "\xd0\xb4\xd0\xbc\xd0\xb8\xd1\x82\xd1\x80\xd0\xb8\xd0\xb9"},
    {"\xd0\xb8\xcc\x86", "\xd0\xb9"},
    {"Russia\xe2\x80\x99s", "russia's"},              // curly apostrophe
    {"\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc"},  // full-width ＡＢＣ (compatibility)
    {"\xef\xac\x81"
     "nance",
     "finance"},  // ﬁ ligature
    {"\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1",
     "\xce\xb1\xce\xb8\xce\xb7\xce\xbd\xce\xb1"},  // Αθήνα -> αθηνα
    {"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"},  // Hebrew unchanged
    {"\xe4\xb8\xad\xe5\x9b\xbd", "\xe4\xb8\xad\xe5\x9b\xbd"},                  // CJK unchanged
    {"news\xc2\xadpaper", "newspaper"},  // soft hyphen dropped
    {"pro\xe2\x80\x94war", "pro-war"},   // em dash lumped to "-"
    {"x\xc2\xa0y", "x y"},               // NBSP lumped to a space
    {"\xe2\x88\x92"
     "5",
     "-5"},  // minus sign
};

INSTANTIATE_TEST_SUITE_P(Table, FoldTest, ::testing::ValuesIn(kFoldCases));

TEST(FoldTest, AsciiFastPathMatchesGeneralPath) {
  // The same ASCII word folds the same whether or not non-ASCII text precedes it.
  std::string a = Fold("The KREMLIN Said");
  std::string b = Fold("\xc3\xa9 The KREMLIN Said");
  EXPECT_EQ("e " + a, b);
}

struct StemCase {
  std::string_view word;
  std::string_view language;
  std::string_view stem;
};

class StemTest : public ::testing::TestWithParam<StemCase> {};

TEST_P(StemTest, Stems) {
  EXPECT_EQ(Stem(GetParam().word, GetParam().language), GetParam().stem)
      << GetParam().word << " " << GetParam().language;
}

const StemCase kStemCases[] = {
    {"protests", "en", "protest"},
    {"interfering", "en", "interf"},
    {"running", "en", "run"},
    {"\xd0\xbf\xd1\x80\xd0\xbe\xd1\x82\xd0\xb5\xd1\x81\xd1\x82\xd0\xbe\xd0\xb2", "ru",
     "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x82\xd0\xb5\xd1\x81\xd1\x82"},  // протестов -> протест
    {"regierungen", "de", "regier"},
    {"gouvernements", "fr", "gouvern"},
    {"elecciones", "es", "eleccion"},
    {"protests", "xx", "protests"},  // no stemmer: unchanged
    {"protests", "", "protests"},
    {"", "en", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, StemTest, ::testing::ValuesIn(kStemCases));

TEST(StemTest, ThreadsHaveTheirOwnStemmers) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &results] {
      std::string r;
      for (int k = 0; k < 200; ++k) r = Stem(t % 2 ? "protests" : "elections", "en");
      results[t] = r;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(results[0], "elect");
  EXPECT_EQ(results[1], "protest");
  EXPECT_EQ(results[2], "elect");
  EXPECT_EQ(results[3], "protest");
}

}  // namespace
}  // namespace parallax::text
