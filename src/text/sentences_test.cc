#include "src/text/sentences.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::text {
namespace {

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> out;
  for (const Sentence& x : SplitSentences(s, Span{0, static_cast<uint32_t>(s.size())})) {
    EXPECT_LE(x.span.end, s.size());
    EXPECT_LT(x.span.start, x.span.end);
    out.emplace_back(s.substr(x.span.start, x.span.size()));
  }
  return out;
}

struct SplitCase {
  std::string_view name;
  std::string_view input;
  std::vector<std::string> expected;
};

class SplitSentencesTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitSentencesTest, Splits) {
  EXPECT_EQ(Split(GetParam().input), GetParam().expected) << GetParam().input;
}

const SplitCase kCases[] = {
    {"empty", "", {}},
    {"whitespace", " \t\n  \n", {}},
    {"nbsp only", "\xc2\xa0\xc2\xa0", {}},
    {"one", "The council met.", {"The council met."}},
    {"no terminal", "Council meets on Monday", {"Council meets on Monday"}},
    {"trimmed", "  The council met.  ", {"The council met."}},
    {"two", "The council met. It voted.", {"The council met.", "It voted."}},
    {"question and exclamation",
     "Who voted? Nobody knows! The count goes on.",
     {"Who voted?", "Nobody knows!", "The count goes on."}},
    {"lower case after dot", "It cost 3 bn. rubles in total.", {"It cost 3 bn. rubles in total."}},
    {"decimal",
     "Growth was 3.5 percent. Prices rose.",
     {"Growth was 3.5 percent.", "Prices rose."}},
    {"titles",
     "Mr. Smith met Dr. Jones and Gen. Lee. They talked.",
     {"Mr. Smith met Dr. Jones and Gen. Lee.", "They talked."}},
    {"initials",
     "The author J. K. Rowling spoke. Fans cheered.",
     {"The author J. K. Rowling spoke.", "Fans cheered."}},
    {"multi-dot",
     "The U.S. Senate voted. The U.N. Security Council met.",
     {"The U.S. Senate voted.", "The U.N. Security Council met."}},
    {"e.g.",
     "Some cities, e.g. Zagreb, agreed. Others did not.",
     {"Some cities, e.g. Zagreb, agreed.", "Others did not."}},
    {"month abbreviation then day",
     "Elections held on Dec. 17. The vote was disputed.",
     {"Elections held on Dec. 17.", "The vote was disputed."}},
    {"month abbreviation before digit",
     "On Jan. 5 the court ruled.",
     {"On Jan. 5 the court ruled."}},
    {"No. before digit", "He wore No. 10 on his shirt.", {"He wore No. 10 on his shirt."}},
    {"company", "Shares of Acme Corp. Ltd. fell.", {"Shares of Acme Corp. Ltd. fell."}},
    {"closing straight quote",
     "\"We will win.\" The crowd cheered.",
     {"\"We will win.\"", "The crowd cheered."}},
    {"closing curly quote",
     "\xe2\x80\x9cWe will win.\xe2\x80\x9d The crowd cheered.",
     {"\xe2\x80\x9cWe will win.\xe2\x80\x9d", "The crowd cheered."}},
    {"quote said",
     "\xe2\x80\x9cWe will win!\xe2\x80\x9d he said.",
     {"\xe2\x80\x9cWe will win!\xe2\x80\x9d he said."}},
    {"opening quote starts",
     "He left. \"Never again,\" she said.",
     {"He left.", "\"Never again,\" she said."}},
    {"guillemets",
     "\xc2\xab\xd0\x9c\xd1\x8b \xd0\xb7\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8c.\xc2\xbb \xd0\x9e\xd0\xbd "
     "\xd1\x83\xd1\x88\xd0\xb5\xd0\xbb.",
     {"\xc2\xab\xd0\x9c\xd1\x8b \xd0\xb7\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8c.\xc2\xbb",
      "\xd0\x9e\xd0\xbd \xd1\x83\xd1\x88\xd0\xb5\xd0\xbb."}},
    {"quote spanning sentences keeps inner breaks",
     "\"We are united. We cherish our ties,\" he said.",
     {"\"We are united.", "We cherish our ties,\" he said."}},
    {"paren after dot",
     "The vote passed (narrowly.) Then it rained.",
     {"The vote passed (narrowly.)", "Then it rained."}},
    {"ellipsis",
     "He paused\xe2\x80\xa6 Then he spoke.",
     {"He paused\xe2\x80\xa6", "Then he spoke."}},
    {"three dots", "He paused... Then he spoke.", {"He paused...", "Then he spoke."}},
    {"digit starts", "The tally rose. 25 people came.", {"The tally rose.", "25 people came."}},
    {"nbsp after dot", "It ended.\xc2\xa0Then rain.", {"It ended.", "Then rain."}},
    {"blank line",
     "Headline without stop\n\nBody starts here.",
     {"Headline without stop", "Body starts here."}},
    {"newline then capital", "First line\nSecond line", {"First line", "Second line"}},
    {"wrapped prose",
     "a sentence that wraps\nonto the next line.",
     {"a sentence that wraps\nonto the next line."}},
    {"russian",
     "\xd0\x9e\xd0\xbd \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb5\xd1\x85\xd0\xb0\xd0\xbb \xd0\xb2 \xd0\xb3. "
     "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0. \xd0\x92\xd1\x81\xd0\xb5 "
     "\xd1\x80\xd0\xb0\xd0\xb4\xd1\x8b.",
     // "Он приехал в г. Москва. Все рады."
     {"\xd0\x9e\xd0\xbd \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb5\xd1\x85\xd0\xb0\xd0\xbb \xd0\xb2 "
      "\xd0\xb3. \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0.",
      "\xd0\x92\xd1\x81\xd0\xb5 \xd1\x80\xd0\xb0\xd0\xb4\xd1\x8b."}},
    {"russian initials",
     "\xd0\x92. \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2 "
     "\xd0\xbf\xd1\x80\xd0\xb8\xd1\x88\xd0\xb5\xd0\xbb. \xd0\x92\xd1\x81\xd0\xb5 "
     "\xd1\x80\xd0\xb0\xd0\xb4\xd1\x8b.",
     // "В. Петров пришел. Все рады."
     {"\xd0\x92. \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2 "
      "\xd0\xbf\xd1\x80\xd0\xb8\xd1\x88\xd0\xb5\xd0\xbb.",
      "\xd0\x92\xd1\x81\xd0\xb5 \xd1\x80\xd0\xb0\xd0\xb4\xd1\x8b."}},
    {"russian t.e.",
     "\xd0\x9e\xd0\xbd, \xd1\x82.\xd0\xb5. \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2, "
     "\xd0\xbf\xd1\x80\xd0\xb8\xd1\x88\xd0\xb5\xd0\xbb.",
     // "Он, т.е. Петров, пришел."
     {"\xd0\x9e\xd0\xbd, \xd1\x82.\xd0\xb5. \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2, "
      "\xd0\xbf\xd1\x80\xd0\xb8\xd1\x88\xd0\xb5\xd0\xbb."}},
    {"german",
     "Das Haus Nr. 5 steht z.B. in Bonn. Dr. Weber wohnt dort.",
     {"Das Haus Nr. 5 steht z.B. in Bonn.", "Dr. Weber wohnt dort."}},
    {"spanish inverted marks",
     "Llovi\xc3\xb3. \xc2\xbfQui\xc3\xa9n vino? Nadie.",
     {"Llovi\xc3\xb3.", "\xc2\xbfQui\xc3\xa9n vino?", "Nadie."}},
    {"arabic",
     "\xd8\xb0\xd9\x87\xd8\xa8 \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1. "
     "\xd8\xb9\xd8\xa7\xd8\xaf \xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3.",
     {"\xd8\xb0\xd9\x87\xd8\xa8 \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1.",
      "\xd8\xb9\xd8\xa7\xd8\xaf \xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3."}},
    {"hebrew",
     "\xd7\x94\xd7\x95\xd7\x90 \xd7\x94\xd7\x9c\xd7\x9a. \xd7\x94\xd7\x99\xd7\x90 "
     "\xd7\xa0\xd7\xa9\xd7\x90\xd7\xa8\xd7\x94.",
     {"\xd7\x94\xd7\x95\xd7\x90 \xd7\x94\xd7\x9c\xd7\x9a.",
      "\xd7\x94\xd7\x99\xd7\x90 \xd7\xa0\xd7\xa9\xd7\x90\xd7\xa8\xd7\x94."}},
    {"cjk",
     "\xe4\xbb\x96\xe6\x9d\xa5\xe4\xba\x86\xe3\x80\x82\xe5\xa5\xb9\xe8\xb5\xb0\xe4\xba\x86\xef\xbc"
     "\x81\xe5\xa5\xbd\xe5\x90\x97\xef\xbc\x9f",
     {"\xe4\xbb\x96\xe6\x9d\xa5\xe4\xba\x86\xe3\x80\x82",
      "\xe5\xa5\xb9\xe8\xb5\xb0\xe4\xba\x86\xef\xbc\x81", "\xe5\xa5\xbd\xe5\x90\x97\xef\xbc\x9f"}},
    {"cjk closing bracket",
     "\xe3\x80\x8c\xe5\xa5\xbd\xe3\x80\x82\xe3\x80\x8d\xe4\xbb\x96\xe8\xaf\xb4\xe3\x80\x82",
     {"\xe3\x80\x8c\xe5\xa5\xbd\xe3\x80\x82\xe3\x80\x8d", "\xe4\xbb\x96\xe8\xaf\xb4\xe3\x80\x82"}},
    {"combining marks",
     "Cafe\xcc\x81 opened. Re\xcc\x81gis came.",
     {"Cafe\xcc\x81 opened.", "Re\xcc\x81gis came."}},
    {"accented capital starts",
     "It ended. \xc3\x89lys\xc3\xa9"
     "e replied.",
     {"It ended.",
      "\xc3\x89lys\xc3\xa9"
      "e replied."}},
    {"url and version not split",
     "See example.com for v2.1 details.",
     {"See example.com for v2.1 details."}},
    {"a.m. keeps", "They met at 9 a.m. Moscow time.", {"They met at 9 a.m. Moscow time."}},
    {"plural titles",
     "Sens. Ames and Bell agreed. Reps. Cole and Dunn did not.",
     {"Sens. Ames and Bell agreed.", "Reps. Cole and Dunn did not."}},
    {"stray closing quote",
     "\"We won,\" she said. \"\nNext para.",
     {"\"We won,\" she said. \"", "Next para."}},
    {"ending abbreviation at range end", "He met Gen.", {"He met Gen."}},
};

INSTANTIATE_TEST_SUITE_P(Table, SplitSentencesTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<SplitCase>& info) {
                           std::string n(info.param.name);
                           for (char& c : n) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n + "_" + std::to_string(info.index);
                         });

TEST(SplitSentencesTest, RangeBoundsAndOffsets) {
  std::string_view s = "Skip me. Keep this. And this. Not this.";
  std::vector<Sentence> out = SplitSentences(s, Span{9, 29});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].span, (Span{9, 19}));
  EXPECT_EQ(out[1].span, (Span{20, 29}));
  EXPECT_TRUE(SplitSentences(s, Span{100, 200}).empty());
  EXPECT_TRUE(SplitSentences(s, Span{5, 5}).empty());
}

TEST(SplitSentencesTest, InvalidUtf8DoesNotCrash) {
  std::string s = "Bad \xff\xfe bytes. Next \xe2\x80 one.\xe3";
  for (const Sentence& x : SplitSentences(s, Span{0, static_cast<uint32_t>(s.size())})) {
    EXPECT_LE(x.span.end, s.size());
  }
}

// The oracle: on plain prose without abbreviations or newlines, ICU's sentence iterator and
// SplitSentences agree. Known, intended difference: after ". " a digit opens a new sentence
// here ("rose. 12 people came."), while ICU keeps going when a lower-case word follows the
// number (its rule 8); the "digit starts" case above pins our behaviour.
std::vector<std::string> IcuSplit(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  it->setText(u);
  std::vector<std::string> out;
  int32_t a = it->first();
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; a = b, b = it->next()) {
    std::string piece;
    u.tempSubStringBetween(a, b).toUTF8String(piece);
    size_t x = piece.find_first_not_of(" \t");
    size_t y = piece.find_last_not_of(" \t");
    if (x != std::string::npos) out.push_back(piece.substr(x, y - x + 1));
  }
  return out;
}

class IcuOracleTest : public ::testing::TestWithParam<std::string_view> {};

TEST_P(IcuOracleTest, AgreesWithIcu) {
  EXPECT_EQ(Split(GetParam()), IcuSplit(GetParam())) << GetParam();
}

const std::string_view kProse[] = {
    "The river rose overnight. Residents of the valley moved their cattle to higher ground. "
    "By noon the bridge was closed.",
    "Was the warning late? Officials say it was not! The mayor will speak at a briefing.",
    "\"We saw the water coming,\" said a farmer. \"Nobody expected it this fast.\" The "
    "council promised help.",
    "The budget grew by 4.5 percent. Spending on schools rose the most. Twelve districts "
    "asked for more.",
    "\xe2\x80\x9cIt is over,\xe2\x80\x9d she said. \xe2\x80\x9cWe start again "
    "tomorrow.\xe2\x80\x9d "
    "Her team agreed.",
    "The ministry (which runs the ports) issued a statement. Ships were told to wait. Some "
    "did not.",
    "Prices climbed again... Analysts were not surprised. The index closed higher.",
    "\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xb8\xd1\x81\xd1\x82\xd1\x80 "
    "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb5\xd1\x85\xd0\xb0\xd0\xbb "
    "\xd1\x83\xd1\x82\xd1\x80\xd0\xbe\xd0\xbc. "
    "\xd0\x92\xd1\x81\xd1\x82\xd1\x80\xd0\xb5\xd1\x87\xd0\xb0 "
    "\xd0\xb4\xd0\xbb\xd0\xb8\xd0\xbb\xd0\xb0\xd1\x81\xd1\x8c \xd1\x87\xd0\xb0\xd1\x81.",
    "Die Sitzung begann sp\xc3\xa4t. Niemand wusste warum. Am Ende stimmten alle zu.",
    "La r\xc3\xa9union a dur\xc3\xa9 trois heures. Le ministre est parti t\xc3\xb4t. Personne "
    "n'a r\xc3\xa9pondu.",
};

INSTANTIATE_TEST_SUITE_P(Prose, IcuOracleTest, ::testing::ValuesIn(kProse));

TEST(AnnotateSentencesTest, SkipsNonProseBlocksAndKeepsOrder) {
  Article a;
  a.text =
      "Storm hits coast\n\nNews Politics\n\nThe storm came. It left.\n\nSubscribe now. Or not."
      "\n\nPhoto: Jane Roe";
  auto span = [&](std::string_view piece) {
    size_t p = a.text.find(piece);
    return Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + piece.size())};
  };
  a.blocks = {
      {BlockRole::kHeadline, span("Storm hits coast"), ""},
      {BlockRole::kSection, span("News Politics"), ""},
      {BlockRole::kBody, span("The storm came. It left."), ""},
      {BlockRole::kBoilerplate, span("Subscribe now. Or not."), "donation appeal"},
      {BlockRole::kCredit, span("Photo: Jane Roe"), ""},
  };
  AnnotateSentences(&a);
  std::vector<std::string> got;
  for (const Sentence& s : a.sentences) got.emplace_back(a.View(s.span));
  EXPECT_EQ(got, (std::vector<std::string>{"Storm hits coast", "The storm came.", "It left."}));

  // Re-running replaces, not appends.
  AnnotateSentences(&a);
  EXPECT_EQ(a.sentences.size(), 3u);
}

TEST(AnnotateSentencesTest, EmptyArticle) {
  Article a;
  AnnotateSentences(&a);
  EXPECT_TRUE(a.sentences.empty());
}

}  // namespace
}  // namespace parallax::text
