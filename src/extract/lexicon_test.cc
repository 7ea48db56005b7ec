#include "src/extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax::extract {
namespace {

TEST(FoldText, CaseAccentsPunctuationAndSpace) {
  EXPECT_EQ(FoldText("  Café  NOIR!"), "cafe noir");
  EXPECT_EQ(FoldText("Leer MÁS →"), "leer mas");
  EXPECT_EQ(FoldText("ЧИТАЙТЕ ТАКЖЕ: Ёлка"), "читайте также елка");
  EXPECT_EQ(FoldText("Unterstützen Sie uns"), "unterstutzen sie uns");
  EXPECT_EQ(FoldText("don't"), "dont");
  EXPECT_EQ(FoldText("don\xE2\x80\x99t"), "dont");
  EXPECT_EQ(FoldText("ad-free\xC2\xA0"
                     "content"),
            "ad free content");
  EXPECT_EQ(FoldText("Cafe\xCC\x81"), "cafe");  // combining acute dropped
  EXPECT_EQ(FoldText(""), "");
  EXPECT_EQ(FoldText(" \xE2\x86\x92 \xC3\x97 "), "");
  EXPECT_EQ(FoldText("\xE6\x96\xB0\xE9\x97\xBB"), "\xE6\x96\xB0\xE9\x97\xBB");  // CJK kept
}

Furniture Kind(const std::string& line) {
  FoldedLine f;
  FoldLine(line, &f);
  return MatchFurniture(f).kind;
}

bool Strong(const std::string& line) {
  FoldedLine f;
  FoldLine(line, &f);
  return MatchFurniture(f).strong;
}

struct Case {
  const char* line;
  Furniture kind;
};

TEST(MatchFurniture, Table) {
  const Case cases[] = {
      {"Read more on the site \xE2\x86\x92", Furniture::kReadMore},
      {"Читать далее", Furniture::kReadMore},
      {"Mehr lesen", Furniture::kReadMore},
      {"Lire la suite", Furniture::kReadMore},
      {"Leer más", Furniture::kReadMore},
      {"Related", Furniture::kRelated},
      {"Leggi anche", Furniture::kRelated},
      {"Czytaj tak\xC5\xBC"
       "e",
       Furniture::kRelated},
      {"Udost\xC4\x99pnij", Furniture::kShare},
      {"\xF0\x9F\x92\xAC 147 comments", Furniture::kComments},
      {"Zgadzam si\xC4\x99", Furniture::kCookie},
      {"Continuer sans accepter", Furniture::kCookie},
      {"Article r\xC3\xA9serv\xC3\xA9 aux abonn\xC3\xA9s", Furniture::kSubscription},
      {"Iscriviti alla newsletter del Corriere", Furniture::kNewsletter},
      {"Enditem", Furniture::kCopyright},
      {"Read Next", Furniture::kRelated},
      {"See also: Another story", Furniture::kRelated},
      {"По теме", Furniture::kRelated},
      {"Auch interessant", Furniture::kRelated},
      {"À lire aussi", Furniture::kRelated},
      {"Te puede interesar", Furniture::kRelated},
      {"Share", Furniture::kShare},
      {"Share Tweet Facebook WhatsApp", Furniture::kShare},
      {"Telegram VK", Furniture::kShare},
      {"Advertisement", Furniture::kAd},
      {"Реклама", Furniture::kAd},
      {"A Message from The Harbor Ledger:", Furniture::kAppealHeader},
      {"Dear readers,", Furniture::kAppealHeader},
      {"Support independent journalism", Furniture::kDonation},
      {"Поддержите нас", Furniture::kDonation},
      {"Unterstützen Sie uns", Furniture::kDonation},
      {"Soutenez-nous", Furniture::kDonation},
      {"Apóyanos", Furniture::kDonation},
      {"Monthly", Furniture::kPayment},
      {"Once", Furniture::kPayment},
      {"We use cookies to improve your experience on our website.", Furniture::kCookie},
      {"Sign up for our newsletter", Furniture::kNewsletter},
      {"12 Comments", Furniture::kComments},
      {"Комментарии", Furniture::kComments},
      {"All rights reserved.", Furniture::kCopyright},
      {"Skip to content", Furniture::kNavigation},
      {"Sign in", Furniture::kSignIn},
      {"Подписывайтесь на наш канал", Furniture::kSubscription},
      {"Tags: economy, harbor", Furniture::kTags},
      {"The council approved the plan on Monday.", Furniture::kNone},
      {"Once upon a time the town had three mills.", Furniture::kNone},
      {"", Furniture::kNone},
  };
  for (const Case& c : cases) EXPECT_EQ(Kind(c.line), c.kind) << c.line;
}

TEST(MatchFurniture, PhraseInsideLongSentenceIsOnlyEvidence) {
  EXPECT_TRUE(Strong("Your support keeps us going."));
  EXPECT_FALSE(
      Strong("\"Thank you for your support,\" the mayor told the crowd of volunteers who "
             "had gathered in the square on a cold morning after a week of cleaning "
             "mud out of the flooded streets of the old town near the river."));
}

TEST(CountWords, Classes) {
  FoldedLine f;
  FoldLine("We need your support for independent journalism", &f);
  WordCounts c = CountWords(f);
  EXPECT_EQ(c.we, 1);
  EXPECT_EQ(c.you, 1);
  EXPECT_EQ(c.appeal, 3);
  ASSERT_EQ(f.tokens.size(), 7u);
  EXPECT_EQ(f.Token(6), "journalism");
}

TEST(FurnitureReason, Names) {
  EXPECT_EQ(FurnitureReason(Furniture::kPayment), "payment widget");
  EXPECT_EQ(FurnitureReason(Furniture::kReadMore), "read-more link");
  EXPECT_EQ(FurnitureReason(Furniture::kNone), "");
  EXPECT_TRUE(IsTerminalFurniture(Furniture::kAppealHeader));
  EXPECT_FALSE(IsTerminalFurniture(Furniture::kShare));
}

}  // namespace
}  // namespace parallax::extract
