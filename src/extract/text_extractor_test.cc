// Plain-text extraction on fictional scrapes: outlets, people and events are invented.
#include "src/extract/text_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::extract {
namespace {

Article Extract(std::string text, ArticleHints hints = {}) {
  Article a;
  a.text = std::move(text);
  a.hints = std::move(hints);
  ExtractFromText(&a);
  return a;
}

bool IsBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Blocks are in order, do not overlap, stay inside the text and touch every non-blank line.
void ExpectInvariants(const Article& a) {
  uint32_t prev = 0;
  for (const Block& b : a.blocks) {
    ASSERT_LE(prev, b.span.start);
    ASSERT_LT(b.span.start, b.span.end);
    ASSERT_LE(b.span.end, a.text.size());
    prev = b.span.end;
  }
  std::string_view t(a.text);
  size_t pos = 0;
  while (pos < t.size()) {
    size_t nl = t.find('\n', pos);
    size_t end = nl == std::string_view::npos ? t.size() : nl;
    bool blank = true;
    for (size_t i = pos; i < end; ++i) {
      if (IsBlankByte(t[i])) continue;
      if (t.substr(i, 2) == "\xC2\xA0") {
        ++i;
        continue;
      }
      blank = false;
    }
    if (!blank) {
      bool covered = false;
      for (const Block& b : a.blocks) covered |= b.span.start < end && b.span.end > pos;
      EXPECT_TRUE(covered) << "line not covered: " << t.substr(pos, end - pos);
    }
    pos = end + 1;
  }
}

// The block holding the first occurrence of `needle`.
const Block* BlockWith(const Article& a, std::string_view needle) {
  size_t at = a.text.find(needle);
  if (at == std::string::npos) return nullptr;
  for (const Block& b : a.blocks)
    if (b.span.start <= at && at < b.span.end) return &b;
  return nullptr;
}

std::string RoleOf(const Article& a, std::string_view needle) {
  const Block* b = BlockWith(a, needle);
  return b ? std::string(BlockRoleName(b->role)) : "<none>";
}

std::string ReasonOf(const Article& a, std::string_view needle) {
  const Block* b = BlockWith(a, needle);
  return b ? b->reason : "<none>";
}

bool HasWarning(const Article& a, std::string_view w) {
  for (const std::string& x : a.warnings)
    if (x == w) return true;
  return false;
}

TEST(TextExtractor, WireCopyWithApDatelineAndByline) {
  Article a = Extract(
      "Storm shuts ferry links across the Gannet Strait\n\n"
      "By Jane Doe and John Roe\n\n"
      "HARBORVILLE, Maine (AP) — A late-season storm shut every ferry link across the Gannet "
      "Strait on Tuesday, stranding hundreds of travelers, officials said.\n\n"
      "The coast guard said waves reached nine meters overnight.\n\n"
      "Copyright 2024 The Associated Press. All rights reserved.\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Storm shuts ferry links across the Gannet Strait");
  EXPECT_EQ(a.byline, (std::vector<std::string>{"Jane Doe", "John Roe"}));
  ASSERT_TRUE(a.dateline.has_value());
  EXPECT_EQ(a.dateline->agency, "AP");
  EXPECT_EQ(a.View(a.dateline->span), "HARBORVILLE, Maine (AP) —");
  EXPECT_EQ(a.outlet, "AP");
  EXPECT_EQ(RoleOf(a, "A late-season storm"), "body");
  EXPECT_EQ(RoleOf(a, "The coast guard"), "body");
  EXPECT_EQ(RoleOf(a, "Copyright 2024"), "boilerplate");
  EXPECT_EQ(a.Body().find("Copyright"), std::string::npos);
  EXPECT_FALSE(a.published.has_value());
}

TEST(TextExtractor, ReutersDatelineTakesYearFromRecord) {
  ArticleHints hints;
  hints.date = "2024-03-03";
  Article a = Extract(
      "Fictional bank raises rates for third time\n\n"
      "LONDON, March 3 (Reuters) - The Bank of Northland raised its main rate on Sunday, the "
      "third increase this year, citing stubborn prices.\n\n"
      "Governor Ada Sample said further moves were possible.\n\n"
      "Reporting by Anna Fictive; Editing by Tom Sample\n",
      hints);
  ExpectInvariants(a);
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value, "2024-03-03");
  EXPECT_EQ(a.published->rule, "text:dateline");
  EXPECT_EQ(a.outlet, "Reuters");
  EXPECT_EQ(RoleOf(a, "Reporting by"), "byline");
  EXPECT_EQ(a.byline, (std::vector<std::string>{"Anna Fictive", "Tom Sample"}));
  EXPECT_EQ(RoleOf(a, "The Bank of Northland"), "body");
}

TEST(TextExtractor, StateMediaSectionTimestampStandfirstDateline) {
  Article a = Extract(
      "Governor says Novagrad bridge repairs will finish before winter — ministry\n\n"
      "Economy & Infrastructure March 4, 2024, 09:40\n\n"
      "\"The works are on schedule and the funding is secured,\" Governor Pavel Primerov "
      "stressed\n\n"
      "NOVAGRAD, March 4. /TASS/. Repairs of the Novagrad river bridge will be completed before "
      "the winter season, regional governor Pavel Primerov said on Monday.\n\n"
      "\"We have checked every span,\" he said.\n\n"
      "Background\n\n"
      "The bridge was closed in January after cracks were found in two supports.\n\n"
      "Read more on the site \xE2\x86\x92");
  ExpectInvariants(a);
  EXPECT_EQ(a.section, "Economy & Infrastructure");
  EXPECT_EQ(RoleOf(a, "March 4, 2024, 09:40"), "timestamp");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value, "2024-03-04T09:40");
  EXPECT_EQ(a.published->rule, "text:timestamp");
  EXPECT_EQ(RoleOf(a, "\"The works are"), "standfirst");
  EXPECT_NE(a.standfirst.find("Governor Pavel Primerov stressed"), std::string::npos);
  ASSERT_TRUE(a.dateline.has_value());
  EXPECT_EQ(a.dateline->place, "NOVAGRAD");
  EXPECT_EQ(a.dateline->agency, "TASS");
  EXPECT_EQ(RoleOf(a, "Repairs of the Novagrad"), "body");
  EXPECT_EQ(RoleOf(a, "Background"), "body");  // a subheading stays in the body
  EXPECT_EQ(RoleOf(a, "Read more on the site"), "boilerplate");
  EXPECT_EQ(ReasonOf(a, "Read more on the site"), "read-more link");
  EXPECT_EQ(a.outlet, "TASS");
}

TEST(TextExtractor, GermanNewspaperCookiesAndRelatedLinks) {
  Article a = Extract(
      "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.\n"
      "Alle akzeptieren\n\n"
      "Stadtrat von Lindenfeld beschließt neues Radwegenetz\n\n"
      "Von Anna Beispiel\n"
      "12.03.2024, 14:05 Uhr\n\n"
      "Der Stadtrat von Lindenfeld hat am Dienstag ein neues Radwegenetz beschlossen, das bis "
      "2027 fertig sein soll.\n\n"
      "Mehr zum Thema\n"
      "Radfahrer fordern breitere Wege\n"
      "Neue Brücke über die Linde eröffnet\n\n"
      "Die Kosten von rund zwölf Millionen Euro trägt zum Teil das Land, wie die Verwaltung "
      "mitteilte.\n\n"
      "Teilen\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Stadtrat von Lindenfeld beschließt neues Radwegenetz");
  EXPECT_EQ(ReasonOf(a, "Wir verwenden Cookies"), "cookie notice");
  EXPECT_EQ(RoleOf(a, "Alle akzeptieren"), "boilerplate");
  EXPECT_EQ(a.byline, (std::vector<std::string>{"Anna Beispiel"}));
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value, "2024-03-12T14:05");
  EXPECT_EQ(RoleOf(a, "Der Stadtrat"), "body");
  EXPECT_EQ(ReasonOf(a, "Mehr zum Thema"), "related links");
  EXPECT_EQ(RoleOf(a, "Radfahrer fordern"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Die Kosten von"), "body");  // article text resumes
  EXPECT_EQ(ReasonOf(a, "Teilen"), "share bar");
}

TEST(TextExtractor, RussianOutletReadAlsoAndSubscribe) {
  Article a = Extract(
      "В Заречье открыли новую библиотеку для детей\n\n"
      "12 марта 2024, 10:15\n\n"
      "В городе Заречье во вторник открылась новая детская библиотека, сообщил глава "
      "администрации Иван Примеров.\n\n"
      "Читайте также: Школы Заречья получат новые компьютеры\n\n"
      "По словам Примерова, в библиотеке будет более двадцати тысяч книг и отдельный зал для "
      "занятий.\n\n"
      "Подписывайтесь на наш канал в Telegram\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "В Заречье открыли новую библиотеку для детей");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value, "2024-03-12T10:15");
  EXPECT_EQ(RoleOf(a, "В городе Заречье"), "body");
  EXPECT_EQ(RoleOf(a, "Читайте также"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "По словам Примерова"), "body");
  EXPECT_EQ(RoleOf(a, "Подписывайтесь"), "boilerplate");
  EXPECT_EQ(a.Body().find("Читайте"), std::string::npos);
}

TEST(TextExtractor, FrenchArticle) {
  Article a = Extract(
      "La mairie de Valbonne-sur-Lys ouvre un marché couvert\n\n"
      "Par Jean Exemple\n"
      "Publié le 5 mars 2024\n\n"
      "La mairie de Valbonne-sur-Lys a inauguré mardi un marché couvert de quarante étals, "
      "a annoncé le maire.\n\n"
      "Lire aussi : Les commerçants du centre-ville inquiets\n\n"
      "Les travaux ont duré deux ans et coûté trois millions d'euros, selon la mairie.\n\n"
      "Abonnez-vous à notre newsletter\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "La mairie de Valbonne-sur-Lys ouvre un marché couvert");
  EXPECT_EQ(a.byline, (std::vector<std::string>{"Jean Exemple"}));
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value, "2024-03-05");
  EXPECT_EQ(RoleOf(a, "Lire aussi"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Les travaux ont"), "body");
  EXPECT_EQ(RoleOf(a, "Abonnez-vous"), "boilerplate");
}

TEST(TextExtractor, SpanishArticle) {
  Article a = Extract(
      "Publicidad\n\n"
      "El puerto de Almenara bate su récord de pasajeros\n\n"
      "Por Ana Ejemplo\n\n"
      "6 de marzo de 2024\n\n"
      "El puerto de Almenara recibió el año pasado más de dos millones de pasajeros, según "
      "los datos publicados este miércoles.\n\n"
      "Te puede interesar: Nuevas rutas de ferry para el verano\n\n"
      "La autoridad portuaria prevé ampliar la terminal norte antes de 2026.\n\n"
      "Leer más\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "El puerto de Almenara bate su récord de pasajeros");
  EXPECT_EQ(ReasonOf(a, "Publicidad"), "ad notice");
  EXPECT_EQ(a.byline, (std::vector<std::string>{"Ana Ejemplo"}));
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value, "2024-03-06");
  EXPECT_EQ(RoleOf(a, "Te puede interesar"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "La autoridad portuaria"), "body");
  EXPECT_EQ(RoleOf(a, "Leer más"), "boilerplate");
}

TEST(TextExtractor, BlogWithShareBarAndComments) {
  Article a = Extract(
      "Skip to content\n"
      "Menu\n\n"
      "Why I Moved My Garden Indoors This Winter\n\n"
      "Share\nTweet\nFacebook\n\n"
      "Last autumn I decided to bring every pot inside, and the results surprised me more than "
      "I expected.\n\n"
      "The tomatoes kept fruiting until January, which never happened on my balcony.\n\n"
      "14 Comments\n\n"
      "Marta Example: I tried the same thing last year and my basil did great, thanks for the "
      "detailed write-up on lighting.\n\n"
      "Leave a Reply\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Why I Moved My Garden Indoors This Winter");
  EXPECT_EQ(RoleOf(a, "Skip to content"), "boilerplate");
  EXPECT_EQ(ReasonOf(a, "Tweet"), "share bar");
  EXPECT_EQ(RoleOf(a, "Last autumn"), "body");
  EXPECT_EQ(RoleOf(a, "The tomatoes"), "body");
  EXPECT_EQ(ReasonOf(a, "14 Comments"), "comments");
  EXPECT_EQ(RoleOf(a, "Marta Example: I tried"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Leave a Reply"), "boilerplate");
}

TEST(TextExtractor, DonationAppealAndPaymentWidgetAfterArticle) {
  Article a = Extract(
      "Enjoying ad-free reading?\n"
      "Since March 1, 2023, we have switched off all ads on our site.\n"
      "Support us\n\n"
      "Harbor Council Approves New Fish Market\n\n"
      "Stalls at the old pier. Lena Sample / Harbor Ledger\n\n"
      "The Harbor council on Thursday approved plans for a covered fish market on the old pier, "
      "ending a dispute that lasted three years.\n\n"
      "Fishermen had asked for a roof over the stalls since the storm of 2021.\n\n"
      "A Message from The Harbor Ledger:\n\n"
      "Dear readers,\n\n"
      "We are a small newsroom and our reporting depends on readers like you. The Harbor "
      "Ledger has no owner to pay our bills.\n\n"
      "Your support, however small, keeps our independent journalism going.\n\n"
      "Once\nMonthly\nAnnual\nContinue\n\n"
      "Read more\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Harbor Council Approves New Fish Market");
  EXPECT_EQ(RoleOf(a, "Enjoying ad-free"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Since March 1, 2023"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Support us"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Stalls at the old pier"), "caption");
  EXPECT_EQ(RoleOf(a, "Lena Sample / Harbor Ledger"), "credit");
  EXPECT_EQ(RoleOf(a, "The Harbor council"), "body");
  EXPECT_EQ(RoleOf(a, "Fishermen had"), "body");
  EXPECT_EQ(ReasonOf(a, "A Message from"), "donation appeal");
  EXPECT_EQ(RoleOf(a, "We are a small newsroom"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Your support, however"), "boilerplate");
  EXPECT_EQ(ReasonOf(a, "Monthly"), "payment widget");
  EXPECT_EQ(RoleOf(a, "Read more"), "boilerplate");
  EXPECT_EQ(a.outlet, "The Harbor Ledger");
  EXPECT_FALSE(a.published.has_value());  // the 2023 date is furniture
  EXPECT_EQ(a.Body().find("Message"), std::string::npos);
}

TEST(TextExtractor, NoHeadline) {
  Article a = Extract(
      "The committee met on Wednesday and agreed to postpone the vote on the new budget until "
      "after the summer recess, members said.\n\n"
      "Several members argued that the figures needed another review before any decision.\n");
  ExpectInvariants(a);
  EXPECT_TRUE(a.headline.empty());
  EXPECT_TRUE(HasWarning(a, "no headline found"));
  EXPECT_EQ(RoleOf(a, "The committee met"), "body");
  EXPECT_EQ(RoleOf(a, "Several members"), "body");
}

TEST(TextExtractor, OnlyFurniture) {
  Article a = Extract("Advertisement\n\nSubscribe now\n\nShare\nTweet\n\nSign in\n\nMenu\n");
  ExpectInvariants(a);
  EXPECT_TRUE(HasWarning(a, "no body found"));
  for (const Block& b : a.blocks) EXPECT_EQ(b.role, BlockRole::kBoilerplate);
}

TEST(TextExtractor, CrlfLineEndings) {
  Article a = Extract(
      "Lakeside school wins regional robotics cup\r\n\r\n"
      "By Mia Example\r\n\r\n"
      "Students from Lakeside Middle School won the regional robotics cup on Saturday with a "
      "robot that sorts recycling.\r\n\r\n"
      "The team will travel to the national final in May.\r\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Lakeside school wins regional robotics cup");
  for (const Block& b : a.blocks) {
    EXPECT_EQ(a.View(b.span).find('\r'), std::string_view::npos);
  }
  EXPECT_EQ(a.Body(),
            "Students from Lakeside Middle School won the regional robotics cup on Saturday with a "
            "robot that sorts recycling.\n\nThe team will travel to the national final in May.");
}

TEST(TextExtractor, NonBreakingSpaces) {
  Article a = Extract(
      "\xC2\xA0\xC2\xA0Village\xC2\xA0"
      "fair returns after\xC2\xA0"
      "five years\xC2\xA0\n"
      "\xC2\xA0\n"
      "The village fair of Oakmere returns this weekend after a five-year break,\xC2\xA0the "
      "organisers said on Friday.\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Village fair returns after five years");
  const Block* h = BlockWith(a, "Village");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(a.text.substr(h->span.start, 7), "Village");  // leading NBSP trimmed
  EXPECT_EQ(RoleOf(a, "The village fair"), "body");
}

TEST(TextExtractor, TitleHintPicksHeadlineLine) {
  ArticleHints hints;
  hints.title = "Second line is the real title here";
  Article a = Extract(
      "Local News Today From Everywhere\n\n"
      "Second line is the real title here\n\n"
      "The town of Westbrook will repaint its water tower in spring, the council announced "
      "on Monday evening.\n",
      hints);
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Second line is the real title here");
  EXPECT_EQ(RoleOf(a, "Second line"), "headline");
  EXPECT_EQ(RoleOf(a, "Local News Today"), "boilerplate");

  hints.title = "A title that is not in the text";
  Article b = Extract("The town of Westbrook will repaint its water tower in spring.\n", hints);
  EXPECT_EQ(b.headline, "A title that is not in the text");
  for (const Block& blk : b.blocks) EXPECT_NE(blk.role, BlockRole::kHeadline);
}

TEST(TextExtractor, CaptionCreditsInBody) {
  Article a = Extract(
      "Museum reopens its fossil hall\n\n"
      "The Redcliff museum reopened its fossil hall on Sunday after a two-year renovation, "
      "drawing long queues.\n\n"
      "Visitors in the renovated hall. (AP Photo/Sam Example)\n\n"
      "The hall now holds a full skeleton of a fictional sea reptile.\n\n"
      "Фото: Иван Примеров\n");
  ExpectInvariants(a);
  EXPECT_EQ(RoleOf(a, "Visitors in the renovated"), "caption");
  EXPECT_EQ(RoleOf(a, "(AP Photo/Sam Example)"), "credit");
  EXPECT_EQ(RoleOf(a, "The hall now"), "body");
  EXPECT_EQ(RoleOf(a, "Фото:"), "credit");
}

TEST(TextExtractor, OutletHintWinsOverDatelineAgency) {
  ArticleHints hints;
  hints.outlet = "Daily Lantern";
  Article a = Extract(
      "Ferry strike ends after two weeks\n\n"
      "PORTMERE, March 9 (Reuters) - Ferry workers ended a two-week strike on Saturday after "
      "agreeing a new pay deal with the operator.\n",
      hints);
  EXPECT_EQ(a.outlet, "Daily Lantern");
  ASSERT_TRUE(a.dateline.has_value());
  EXPECT_EQ(a.dateline->agency, "Reuters");
}

TEST(TextExtractor, XinhuaWireAndYearFromBody) {
  Article a = Extract(
      "Fictional province opens high-speed rail line\n\n"
      "BEIJING, March 4 (Xinhua) -- A new high-speed rail line opened on Monday in a fictional "
      "province, cutting travel time by half, according to the operator.\n\n"
      "Construction began in October 2021, the operator said.\n");
  ExpectInvariants(a);
  ASSERT_TRUE(a.dateline.has_value());
  EXPECT_EQ(a.dateline->agency, "Xinhua");
  EXPECT_EQ(a.outlet, "Xinhua");
  EXPECT_EQ(RoleOf(a, "BEIJING"), "dateline");
  EXPECT_EQ(RoleOf(a, "A new high-speed"), "body");
}

TEST(TextExtractor, QuoteWithSupportWordsStaysBody) {
  Article a = Extract(
      "Mayor thanks volunteers after flood\n\n"
      "The mayor of Greyford thanked hundreds of volunteers on Sunday for clearing mud from "
      "the flooded streets.\n\n"
      "\"Thank you for your support, we could not have done it alone,\" she told residents at "
      "the town hall.\n\n"
      "Repairs are expected to take several months.\n");
  ExpectInvariants(a);
  EXPECT_EQ(RoleOf(a, "\"Thank you for your support"), "body");
  EXPECT_EQ(RoleOf(a, "Repairs are expected"), "body");
}

struct EdgeCase {
  const char* name;
  std::string text;
};

class TextExtractorEdge : public ::testing::TestWithParam<EdgeCase> {};

TEST_P(TextExtractorEdge, KeepsInvariants) {
  Article a = Extract(GetParam().text);
  ExpectInvariants(a);
  // Extraction is repeatable on the same article.
  Article b = a;
  ExtractFromText(&b);
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (size_t i = 0; i < a.blocks.size(); ++i) EXPECT_EQ(a.blocks[i].span, b.blocks[i].span);
}

INSTANTIATE_TEST_SUITE_P(
    Edges, TextExtractorEdge,
    ::testing::Values(
        EdgeCase{"empty", ""}, EdgeCase{"whitespace", " \n\t\n\r\n  "},
        EdgeCase{"nbsp_only", "\xC2\xA0\n\xC2\xA0\xC2\xA0\n"}, EdgeCase{"one_word", "Hello"},
        EdgeCase{"no_newline_at_end", "Title here now\n\nBody."}, EdgeCase{"cr_only", "\r\r\r"},
        EdgeCase{"curly_quotes",
                 "\xE2\x80\x9CWe will win,\xE2\x80\x9D coach says\n\nThe coach of the Rivertown "
                 "team said on Friday that \xE2\x80\x9Cwe will win\xE2\x80\x9D the final.\n"},
        EdgeCase{"rtl",
                 "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D\n\n"
                 "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7"
                 "\xD9\x84\xD9\x85.\n"},
        EdgeCase{"cjk",
                 "\xE6\x96\xB0\xE9\x97\xBB\xE6\xA0\x87\xE9\xA2\x98\n\n\xE8\xBF\x99\xE6\x98\xAF"
                 "\xE6\xAD\xA3\xE6\x96\x87\xE3\x80\x82\n"},
        EdgeCase{"combining_marks",
                 "Cafe\xCC\x81 owners protest new rules\n\nOwners of the cafe\xCC\x81s in "
                 "Brindle protested on Monday against new opening hours rules.\n"},
        EdgeCase{"symbols", "\xC3\x97\n\xE2\x86\x92\n***\n---\n"},
        EdgeCase{"replacement_char", "\xEF\xBF\xBD\xEF\xBF\xBD\n\nText \xEF\xBF\xBD here.\n"},
        EdgeCase{"dateline_only", "MOSCOW, December 25. /TASS/."},
        EdgeCase{"long_line", std::string(5000, 'a') + " " + std::string(3000, 'b')}),
    [](const ::testing::TestParamInfo<EdgeCase>& info) { return std::string(info.param.name); });

TEST(TextExtractor, MastheadMenuAndCopyrightNameTheOutlet) {
  Article a = Extract(
      "THE EVENING LANTERN\n"
      "News | Sport | Money | Puzzles\n\n"
      "Ferry runs aground off Gull Point as storm hits the coast\n\n"
      "By Jane Doe\n"
      "22:47, 9 Jun 2024\n\n"
      "\xF0\x9F\x92\xAC 12 comments\n\n"
      "A passenger ferry ran aground off Gull Point on Sunday evening after losing power in a "
      "squall, the coast guard said.\n\n"
      "All 60 passengers were brought ashore by lifeboat crews before midnight.\n\n"
      "\xC2\xA9 Evening Lantern Media\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Ferry runs aground off Gull Point as storm hits the coast");
  EXPECT_EQ(RoleOf(a, "News | Sport"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "12 comments"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Evening Lantern Media"), "boilerplate");
  EXPECT_EQ(a.outlet, "Evening Lantern Media");  // the copyright line beats the masthead
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(a.published->value.substr(0, 16), "2024-06-09T22:47");
}

TEST(TextExtractor, MastheadAcronymExpandsAndBeatsDatelineAgency) {
  Article a = Extract(
      "KNA \xE2\x80\x94 Korvan News Agency\n"
      "Home | Politics | Economy | World\n\n"
      "Minister says port strike has no legal basis\n\n"
      "Politics   March 12, 2024, 14:35\n\n"
      "The strike at the port of Alvik has no legal basis, the transport minister said on "
      "Tuesday, adding that cargo flows were secured.\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.headline, "Minister says port strike has no legal basis");
  EXPECT_EQ(a.outlet, "Korvan News Agency");
}

TEST(TextExtractor, SectionAboveHeadlineIsNotTheMasthead) {
  Article a = Extract(
      "Nous utilisons des cookies pour mesurer l'audience.\n"
      "Tout accepter\n\n"
      "\xC3\x89conomie\n\n"
      "Les stations de ski face au manque de neige\n\n"
      "Publi\xC3\xA9 le 25 d\xC3\xA9"
      "cembre 2023\n\n"
      "Faute de neige, une station sur trois n'a pas pu ouvrir ses pistes pour les vacances, "
      "selon les exploitants.\n\n"
      "Il vous reste 62 % de cet article \xC3\xA0 lire. La suite est r\xC3\xA9serv\xC3\xA9"
      "e aux "
      "abonn\xC3\xA9s.\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.section, "\xC3\x89conomie");
  EXPECT_EQ(a.headline, "Les stations de ski face au manque de neige");
  EXPECT_EQ(RoleOf(a, "Nous utilisons"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Il vous reste"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Faute de neige"), "body");
}

TEST(TextExtractor, LiveBlogEntryTimesAndBareNameByline) {
  Article a = Extract(
      "Gullport storm live: ferries cancelled as gales batter the coast\n\n"
      "25.12.2023, 18:21\n"
      "Anna Example\n\n"
      "18:40\n"
      "The coast guard has extended its warning until midnight, officials said on Monday.\n\n"
      "16:15\n"
      "All ferries from the harbour were cancelled for the rest of the day, the operator said.\n");
  ExpectInvariants(a);
  EXPECT_EQ(a.byline, (std::vector<std::string>{"Anna Example"}));
  EXPECT_EQ(RoleOf(a, "18:40"), "timestamp");
  EXPECT_EQ(RoleOf(a, "16:15"), "timestamp");
  EXPECT_EQ(RoleOf(a, "The coast guard"), "body");
}

TEST(TextExtractor, PrivacyNoticeAndRelatedLabelAreFurniture) {
  Article a = Extract(
      "Our privacy policy was updated on 3 March 2022. Read what has changed.\n\n"
      "Bakery in Ashby wins a national award for its bread\n\n"
      "A family bakery in Ashby has won a national award for its sourdough, the judges "
      "announced on Friday evening.\n\n"
      "Related: Farmers' market returns to the square (12 February 2024)\n");
  ExpectInvariants(a);
  EXPECT_EQ(RoleOf(a, "Our privacy policy"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "Related: Farmers"), "boilerplate");
  EXPECT_EQ(RoleOf(a, "A family bakery"), "body");
  EXPECT_FALSE(a.published.has_value());
}

TEST(TextExtractor, EmptyTextWarns) {
  Article a = Extract("");
  EXPECT_TRUE(a.blocks.empty());
  EXPECT_TRUE(HasWarning(a, "no body found"));
  EXPECT_TRUE(HasWarning(a, "no headline found"));
}

}  // namespace
}  // namespace parallax::extract
