#include "src/extract/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace parallax::extract {
namespace {

struct DateCase {
  std::string_view input;
  int default_year;
  std::string_view iso;      // "" when no date must be found
  std::string_view matched;  // the span's text; "" to skip the check
};

std::string Show(std::string_view s, const DateMatch& m) {
  return std::string(s.substr(m.span.start, m.span.end - m.span.start));
}

class FindDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(FindDateTest, Finds) {
  const DateCase& c = GetParam();
  std::optional<DateMatch> m = FindDate(c.input, c.default_year);
  if (c.iso.empty()) {
    EXPECT_FALSE(m.has_value()) << c.input << " -> " << m->Iso() << " [" << Show(c.input, *m)
                                << "]";
    return;
  }
  ASSERT_TRUE(m.has_value()) << c.input;
  EXPECT_EQ(m->Iso(), c.iso) << c.input;
  EXPECT_LE(m->span.end, c.input.size());
  if (!c.matched.empty()) {
    EXPECT_EQ(Show(c.input, *m), c.matched) << c.input;
  }
}

const DateCase kDateCases[] = {
    // English, month first.
    {"December 25, 2023, 18:21", 0, "2023-12-25T18:21", "December 25, 2023, 18:21"},
    {"Dec. 25, 2023 6:21 pm", 0, "2023-12-25T18:21", "Dec. 25, 2023 6:21 pm"},
    {"Dec 25, 2023 6:21 a.m. EST", 0, "2023-12-25T06:21", "Dec 25, 2023 6:21 a.m. EST"},
    {"Dec. 25, 2023 12:05 AM", 0, "2023-12-25T00:05", ""},
    {"December 25 2023", 0, "2023-12-25", ""},
    {"December 25th, 2023", 0, "2023-12-25", "December 25th, 2023"},
    {"elections held on Dec. 17.", 2023, "2023-12-17", "Dec. 17"},
    {"elections held on December 17", 2024, "2024-12-17", "December 17"},
    {"on Dec. 17", 0, "--12-17", "Dec. 17"},
    {"Published June 3, 2021 at 9:15 pm", 0, "2021-06-03T21:15", "June 3, 2021 at 9:15 pm"},
    {"Posted: Sep 9, 2022 | 18:02 GMT", 0, "2022-09-09T18:02", "Sep 9, 2022 | 18:02 GMT"},
    // English, day first.
    {"25 Dec 2023", 0, "2023-12-25", "25 Dec 2023"},
    {"25 December 2023 at 18:21", 0, "2023-12-25T18:21", "25 December 2023 at 18:21"},
    {"Monday, 25 December 2023", 0, "2023-12-25", "Monday, 25 December 2023"},
    {"Mon, 25 Dec 2023 18:21:00 +0000", 0, "2023-12-25T18:21", ""},
    {"the 5th of November", 2022, "2022-11-05", "5th of November"},
    {"25-Dec-2023", 0, "2023-12-25", "25-Dec-2023"},
    // Numeric.
    {"2023-12-25T18:21:00Z", 0, "2023-12-25T18:21", "2023-12-25T18:21:00Z"},
    {"2023-12-25T18:21:00.000+03:00", 0, "2023-12-25T18:21", "2023-12-25T18:21:00.000+03:00"},
    {"2023-12-25 18:21", 0, "2023-12-25T18:21", "2023-12-25 18:21"},
    {"2023-12-25", 0, "2023-12-25", "2023-12-25"},
    {"12/25/2023", 0, "2023-12-25", "12/25/2023"},
    {"25/12/2023", 0, "2023-12-25", "25/12/2023"},
    {"25.12.2023 18:21", 0, "2023-12-25T18:21", "25.12.2023 18:21"},
    {"18:21 25.12.2023", 0, "2023-12-25T18:21", "18:21 25.12.2023"},
    {"18:21, 25 December 2023", 0, "2023-12-25T18:21", "18:21, 25 December 2023"},
    // Russian.
    {"25 декабря 2023", 0, "2023-12-25", "25 декабря 2023"},
    {"25 декабря 2023 года, 18:21", 0, "2023-12-25T18:21", "25 декабря 2023 года, 18:21"},
    {"25 Декабря 2023 г.", 0, "2023-12-25", "25 Декабря 2023 г."},
    {"1 МАРТА 2022", 0, "2022-03-01", ""},
    {"25 декабря", 2023, "2023-12-25", "25 декабря"},
    {"понедельник, 25 декабря 2023", 0, "2023-12-25", ""},
    {"25 декабрь 2023", 0, "2023-12-25", ""},
    {"Обновлено 25 декабря 2023, 18:21 МСК", 0, "2023-12-25T18:21", "25 декабря 2023, 18:21 МСК"},
    // German.
    {"25. Dezember 2023, 18:21 Uhr", 0, "2023-12-25T18:21", "25. Dezember 2023, 18:21 Uhr"},
    {"25. Dez. 2023", 0, "2023-12-25", "25. Dez. 2023"},
    {"3. März 2021", 0, "2021-03-03", ""},
    {"Montag, 25. Dezember 2023", 0, "2023-12-25", ""},
    // French.
    {"25 décembre 2023 à 18h21", 0, "2023-12-25T18:21", "25 décembre 2023 à 18h21"},
    {"lundi 25 décembre 2023", 0, "2023-12-25", "lundi 25 décembre 2023"},
    {"1er janvier 2024", 0, "2024-01-01", ""},
    {"25 de\xcc\x81"
     "cembre 2023",
     0, "2023-12-25", ""},  // NFD: e + combining acute
    {"12 août 2020", 0, "2020-08-12", ""},
    // Spanish.
    {"25 de diciembre de 2023", 0, "2023-12-25", "25 de diciembre de 2023"},
    {"25 dic 2023", 0, "2023-12-25", "25 dic 2023"},
    {"25 de diciembre de 2023 a las 18:21", 0, "2023-12-25T18:21", ""},
    // Italian and Portuguese names come for free.
    {"25 dicembre 2023", 0, "2023-12-25", ""},
    {"25 de dezembro de 2023", 0, "2023-12-25", ""},
    // French spaced hours, Italian "ore"/"alle", Polish "godz.".
    {"25 décembre 2023, 18 h 21", 0, "2023-12-25T18:21", "25 décembre 2023, 18 h 21"},
    {"le 3 mars 2022 à 7 h 05", 0, "2022-03-03T07:05", "3 mars 2022 à 7 h 05"},
    {"3 mars 2022 à 18 h", 0, "2022-03-03", "3 mars 2022"},
    {"25 dicembre 2023 ore 18:21", 0, "2023-12-25T18:21", "25 dicembre 2023 ore 18:21"},
    {"il 4 aprile 2021 alle 9:30", 0, "2021-04-04T09:30", "4 aprile 2021 alle 9:30"},
    {"5 gen 2024", 0, "2024-01-05", "5 gen 2024"},
    {"12 ott 2020, 08:15", 0, "2020-10-12T08:15", ""},
    // Dotted times after a date.
    {"Mon 25 Dec 2023 18.21 GMT", 0, "2023-12-25T18:21", "Mon 25 Dec 2023 18.21 GMT"},
    {"Tue 2 Jan 2024 07.05 BST | Politics", 0, "2024-01-02T07:05", "Tue 2 Jan 2024 07.05 BST"},
    {"25. Dezember 2023, 18.21 Uhr", 0, "2023-12-25T18:21", "25. Dezember 2023, 18.21 Uhr"},
    {"25 Dec 2023 18.21", 0, "2023-12-25T18:21", "25 Dec 2023 18.21"},
    {"25 Dec 2023 18.21 percent", 0, "2023-12-25", "25 Dec 2023"},
    {"25 Dec 2023 18.21.5", 0, "2023-12-25", "25 Dec 2023"},
    {"25 Dec 2023 24.10 GMT", 0, "2023-12-25", "25 Dec 2023"},
    {"25 Dec 2023 18.7 GMT", 0, "2023-12-25", "25 Dec 2023"},
    // Polish: genitive, nominative, abbreviations, Latin Extended-A capitals.
    {"25 grudnia 2023, godz. 18:21", 0, "2023-12-25T18:21", "25 grudnia 2023, godz. 18:21"},
    {"1 września 2023", 0, "2023-09-01", "1 września 2023"},
    {"1 wrzesnia 2023", 0, "2023-09-01", ""},
    {"3 PAŹDZIERNIKA 2022", 0, "2022-10-03", "3 PAŹDZIERNIKA 2022"},
    {"7 października", 2021, "2021-10-07", "7 października"},
    {"14 lutego 2024 r.", 0, "2024-02-14", "14 lutego 2024"},
    {"5 lis 2021", 0, "2021-11-05", "5 lis 2021"},
    {"5 Lis", 2021, "2021-11-05", ""},
    {"the fox had 5 lis", 2021, "", ""},
    // Russian abbreviation of March.
    {"14 мар", 2024, "2024-03-14", "14 мар"},
    // Names of day-first languages never start a month-first date.
    {"Gen. 5 troops", 2024, "", ""},
    {"Lip 12 sync", 2024, "", ""},
    // White space variants.
    {"25\xc2\xa0"
     "December\xc2\xa0"
     "2023",
     0, "2023-12-25", ""},
    {"Dec.\xe2\x80\xaf"
     "25",
     2023, "2023-12-25", ""},
    // Embedded in text.
    {"The meeting on 3 May 2021 was short.", 0, "2021-05-03", "3 May 2021"},
    {"«Это было 9 мая 2020 года», — сказал он.", 0, "2020-05-09", "9 мая 2020 года"},
    {"الاثنين 25 December 2023", 0, "2023-12-25", "25 December 2023"},
    {"日期 2023-12-25 更新", 0, "2023-12-25", "2023-12-25"},
    // Leap days.
    {"Feb. 29, 2024", 0, "2024-02-29", ""},
    {"29 February 2024", 0, "2024-02-29", ""},
    // Negative cases.
    {"", 0, "", ""},
    {"   ", 0, "", ""},
    {"\xc2\xa0\xc2\xa0", 0, "", ""},
    {"2023", 0, "", ""},
    {"in 2023 the", 0, "", ""},
    {"$10,000", 0, "", ""},
    {"This costs us $10,000 a month.", 0, "", ""},
    {"2 hours ago", 0, "", ""},
    {"3 days ago", 0, "", ""},
    {"Feb. 30, 2023", 0, "", ""},
    {"30 February 2023", 0, "", ""},
    {"Feb. 29, 2023", 0, "", ""},
    {"2023-13-01", 0, "", ""},
    {"2023-02-30", 0, "", ""},
    {"13/13/2023", 0, "", ""},
    {"32 December 2023", 0, "", ""},
    {"December 2023", 0, "", ""},
    {"May 2023", 0, "", ""},
    {"March 1,000 people", 0, "", ""},
    {"about 25 may be hurt", 0, "", ""},
    {"Some 40 march through town", 0, "", ""},
    {"version 1.2.3.4", 0, "", ""},
    {"192.168.10.12", 0, "", ""},
    {"18:21", 0, "", ""},
    {"Monday", 0, "", ""},
    {"Decembers 25", 0, "", ""},
    {"25 Decembers", 0, "", ""},
    {"December25", 0, "", ""},
    {"may 5", 0, "", ""},
    {"invalid \xff\xfe bytes 12", 0, "", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, FindDateTest, ::testing::ValuesIn(kDateCases));

TEST(FindDateTest, FieldsAndInference) {
  std::optional<DateMatch> m = FindDate("Dec. 17", 2023);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->year, 2023);
  EXPECT_TRUE(m->year_inferred);
  EXPECT_EQ(m->hour, -1);
  EXPECT_EQ(m->minute, -1);

  m = FindDate("Dec. 17", 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->year, 0);
  EXPECT_FALSE(m->year_inferred);

  m = FindDate("2023-12-25T18:21:00Z");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->zone, "Z");
  EXPECT_FALSE(m->year_inferred);

  m = FindDate("2023-12-25T18:21:00+03:00");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->zone, "+03:00");

  m = FindDate("Dec 25, 2023, 18:21 MSK");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->zone, "MSK");
}

TEST(FindDateTest, SpanOffsetsAreAbsolute) {
  std::string_view s = "Russian Politics & Diplomacy December 25, 2023, 18:21";
  std::optional<DateMatch> m = FindDate(s);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->span.start, s.find("December"));
  EXPECT_EQ(m->span.end, s.size());
}

// FindDate skips digit-free stretches of text; a date must be found at the same place whatever
// the length and script of the text before it (the skip lands inside words, inside multi-byte
// characters and on both sides of its window).
TEST(FindDateTest, FoundAfterAnyPrefix) {
  const std::string_view kFillers[] = {"lorem ipsum ", "слово\xc2\xa0", "«цитата» ", "ab", "é"};
  const std::string_view kDates[] = {"Monday, 25 December 2023",
                                     "\xc2\xab\xd0\x9f\xd0\xbe"
                                     "\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8c"
                                     "\xd0\xbd\xd0\xb8\xd0\xba, 25 декабря 2023",
                                     "December 25, 2023", "2023-12-25"};
  for (std::string_view filler : kFillers) {
    for (std::string_view date : kDates) {
      for (size_t n = 0; n < 320; n += 1) {
        std::string s;
        while (s.size() < n) s.append(filler);
        s.append(" ");
        size_t at = s.size();
        s.append(date);
        s.append(" and more");
        std::optional<DateMatch> m = FindDate(s);
        ASSERT_TRUE(m.has_value()) << s;
        EXPECT_EQ(m->Iso(), "2023-12-25") << s;
        size_t expected = at + (date[0] == '\xc2' ? 2 : 0);  // after the opening «
        EXPECT_EQ(m->span.start, expected) << s;
        // Glued to a preceding word, the month name is not a date start.
        std::string glued = s.substr(0, at - 1) + "x" + s.substr(at);
        std::optional<DateMatch> g = FindDate(glued);
        if (date[0] == 'M' || date[0] == 'D') {
          EXPECT_TRUE(!g.has_value() || g->span.start > at) << glued;
        }
      }
    }
  }
  // Digits far from any date name, and no digits at all.
  std::string none(5000, 'a');
  EXPECT_FALSE(FindDate(none).has_value());
  none.append(" 12345 ");
  none.append(300, ' ');
  none.append("December");
  EXPECT_FALSE(FindDate(none).has_value());
}

TEST(MatchDateAtTest, OnlyAtPosition) {
  std::string_view s = "MOSCOW, December 25. /TASS/.";
  EXPECT_FALSE(MatchDateAt(s, 0).has_value());
  std::optional<DateMatch> m = MatchDateAt(s, 8);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->Iso(), "--12-25");
  EXPECT_EQ(m->span.end, 19u);
  EXPECT_FALSE(MatchDateAt(s, 1000).has_value());
}

TEST(DateMatchTest, Iso) {
  DateMatch m;
  m.year = 2023;
  m.month = 1;
  m.day = 5;
  EXPECT_EQ(m.Iso(), "2023-01-05");
  m.hour = 7;
  m.minute = 3;
  EXPECT_EQ(m.Iso(), "2023-01-05T07:03");
  m.year = 0;
  EXPECT_EQ(m.Iso(), "--01-05T07:03");
}

struct LineCase {
  std::string_view line;
  bool timestamp;
};

class TimestampLineTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(TimestampLineTest, Classifies) {
  EXPECT_EQ(IsTimestampLine(GetParam().line), GetParam().timestamp) << GetParam().line;
}

const LineCase kLineCases[] = {
    {"December 25, 2023, 18:21", true},
    {"  December 25, 2023, 18:21  ", true},
    {"Updated: Dec. 25, 2023 6:21 pm", true},
    {"Updated Dec. 25, 2023 6:21 p.m.", true},
    {"Published December 25, 2023", true},
    {"Last updated on 25 December 2023", true},
    {"Обновлено 25 декабря 2023, 18:21", true},
    {"Опубликовано: 25.12.2023 18:21", true},
    {"Mis à jour le 25 décembre 2023 à 18h21", true},
    {"Aktualisiert am 25. Dezember 2023, 18:21 Uhr", true},
    {"Publicado el 25 de diciembre de 2023", true},
    {"Monday, 25 December 2023", true},
    {"2023-12-25T18:21:00Z", true},
    {"18:21", true},
    {"Dec 25, 2023 | 18:21", true},
    {"Published Dec 24, 2023 · Updated Dec 25, 2023", true},
    {"25.12.2023", true},
    {"Dec. 17", true},
    {"Dec. 17, 2023.", true},
    {"Updated at 12:33 p.m. EST", true},
    {"Updated 3:14 a.m ET.", true},
    {"Updated at 2:46 p.m. ET on 7/29", true},
    {"Updated 12:05 p.m. ET Thursday", true},
    {"Updated 9:45 a.m., 12/14/2013", true},
    {"Publié le 25 décembre 2023 à 18h21, modifié le 25 décembre 2023 à 19h02", true},
    {"Publié le 2 mai 2022 à 7 h 05", true},
    {"Pubblicato il 25 dicembre 2023 alle 18:21", true},
    {"25 dicembre 2023 ore 18:21", true},
    {"Opublikowano: 25.12.2023, 18:21", true},
    {"Mon 25 Dec 2023 18.21 GMT", true},
    {"Atualizado em 25/12/2023 18:21", true},
    {"Source: Wirehouse| 2024-05-18 16:05:12|Editor: Nora Vell", false},
    {"Updated at 8:44 a.m. ET on July 20, 2020.", true},
    {"7/29", false},
    {"Updated 1/2 of the time", false},
    {"Russian Politics & Diplomacy December 25, 2023, 18:21", false},
    {"December 25, 2023 Moscow", false},
    {"2 hours ago", false},
    {"Updated", false},
    {"", false},
    {"   ", false},
    {"Monday", false},
    {"2023", false},
    {"On December 25, 2023 the president spoke.", false},
    {"Dec 25, 2023 | Politics", false},
};

INSTANTIATE_TEST_SUITE_P(Table, TimestampLineTest, ::testing::ValuesIn(kLineCases));

struct OrderCase {
  std::string_view input;
  DateOrder order;
  std::string_view iso;  // "" when no date must be found
};

class DateOrderTest : public ::testing::TestWithParam<OrderCase> {};

TEST_P(DateOrderTest, Resolves) {
  const OrderCase& c = GetParam();
  std::optional<DateMatch> m = FindDate(c.input, 0, c.order);
  if (c.iso.empty()) {
    EXPECT_FALSE(m.has_value()) << c.input << " -> " << m->Iso();
    return;
  }
  ASSERT_TRUE(m.has_value()) << c.input;
  EXPECT_EQ(m->Iso(), c.iso) << c.input;
  // MatchDateAt takes the same hint.
  std::optional<DateMatch> at = MatchDateAt(c.input, m->span.start, 0, c.order);
  ASSERT_TRUE(at.has_value()) << c.input;
  EXPECT_EQ(at->Iso(), c.iso) << c.input;
}

const OrderCase kOrderCases[] = {
    {"09/01/2024 14:02", DateOrder::kDayFirst, "2024-01-09T14:02"},
    {"09/01/2024 14:02", DateOrder::kMonthFirst, "2024-09-01T14:02"},
    {"09/01/2024 14:02", DateOrder::kUnknown, "2024-09-01T14:02"},
    {"09-01-2024", DateOrder::kDayFirst, "2024-01-09"},
    {"09-01-2024", DateOrder::kUnknown, "2024-09-01"},
    // Dotted dates are day-first whatever the hint.
    {"09.01.2024", DateOrder::kMonthFirst, "2024-01-09"},
    {"09.01.2024", DateOrder::kUnknown, "2024-01-09"},
    // A number > 12 decides by itself.
    {"25/12/2023", DateOrder::kMonthFirst, "2023-12-25"},
    {"12/25/2023", DateOrder::kDayFirst, "2023-12-25"},
    {"13/13/2023", DateOrder::kDayFirst, ""},
    {"31/02/2024", DateOrder::kDayFirst, ""},
    // Year-first forms never depend on the hint.
    {"2024-01-09", DateOrder::kMonthFirst, "2024-01-09"},
    {"2024/01/09", DateOrder::kDayFirst, "2024-01-09"},
    // Named months never depend on it either.
    {"9 January 2024", DateOrder::kMonthFirst, "2024-01-09"},
    {"January 9, 2024", DateOrder::kDayFirst, "2024-01-09"},
    {"Actualizado: 03/04/2022 - 10:00", DateOrder::kDayFirst, "2022-04-03T10:00"},
};

INSTANTIATE_TEST_SUITE_P(Table, DateOrderTest, ::testing::ValuesIn(kOrderCases));

struct LanguageCase {
  std::string_view language;
  DateOrder order;
};

class DateOrderForLanguageTest : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(DateOrderForLanguageTest, Maps) {
  EXPECT_EQ(DateOrderForLanguage(GetParam().language), GetParam().order) << GetParam().language;
}

const LanguageCase kLanguageCases[] = {
    {"", DateOrder::kUnknown},
    {"und", DateOrder::kUnknown},
    {"en", DateOrder::kUnknown},
    {"EN", DateOrder::kUnknown},
    {"en-US", DateOrder::kMonthFirst},
    {"en_us", DateOrder::kMonthFirst},
    {"en-Latn-US", DateOrder::kMonthFirst},
    {"en-PH", DateOrder::kMonthFirst},
    {"en-GB", DateOrder::kDayFirst},
    {"en-AU", DateOrder::kDayFirst},
    {"en-IN", DateOrder::kDayFirst},
    {"en-CA", DateOrder::kUnknown},
    {"es", DateOrder::kDayFirst},
    {"es-MX", DateOrder::kDayFirst},
    {"fr", DateOrder::kDayFirst},
    {"de", DateOrder::kDayFirst},
    {"ru", DateOrder::kDayFirst},
    {"pl", DateOrder::kDayFirst},
    {"it", DateOrder::kDayFirst},
    {"pt-BR", DateOrder::kDayFirst},
    {"zh", DateOrder::kDayFirst},
    {"-", DateOrder::kUnknown},
};

INSTANTIATE_TEST_SUITE_P(Table, DateOrderForLanguageTest, ::testing::ValuesIn(kLanguageCases));

struct MetaCase {
  std::string_view line;
  DateOrder order;
  std::string_view iso;      // "" when the line must be rejected
  std::string_view matched;  // the span's text; "" to skip the check
};

class MetaLineTest : public ::testing::TestWithParam<MetaCase> {};

TEST_P(MetaLineTest, Finds) {
  const MetaCase& c = GetParam();
  std::optional<DateMatch> m = FindTimestampInMetaLine(c.line, c.order);
  if (c.iso.empty()) {
    EXPECT_FALSE(m.has_value()) << c.line << " -> " << m->Iso();
    return;
  }
  ASSERT_TRUE(m.has_value()) << c.line;
  EXPECT_EQ(m->Iso(), c.iso) << c.line;
  ASSERT_LE(m->span.end, c.line.size());
  if (!c.matched.empty()) EXPECT_EQ(Show(c.line, *m), c.matched) << c.line;
}

const MetaCase kMetaCases[] = {
    {"Source: Wirehouse| 2024-05-18 16:05:12|Editor: Nora Vell", DateOrder::kUnknown,
     "2024-05-18T16:05", "2024-05-18 16:05:12"},
    {"Source: Wirehouse | Published: 2024-05-18 16:05 | Editor: Nora Vell", DateOrder::kUnknown,
     "2024-05-18T16:05", "2024-05-18 16:05"},
    {"Fuente: Agencia Sur · Publicado: 09/01/2024 14:02 · Autor: R. Díaz", DateOrder::kDayFirst,
     "2024-01-09T14:02", "09/01/2024 14:02"},
    {"Quelle: Nordpresse • 25.12.2023, 18:21 Uhr", DateOrder::kUnknown, "2023-12-25T18:21", ""},
    {"Источник: Вестник Прионежья | 14.03.2024 15:47 | Автор: Ольга Ветрова", DateOrder::kUnknown,
     "2024-03-14T15:47", "14.03.2024 15:47"},
    {"  Source: Wirehouse | 2024-05-18 16:05\r", DateOrder::kUnknown, "2024-05-18T16:05", ""},
    {"Source:\xc2\xa0Wirehouse\xc2\xa0|\xc2\xa0"
     "2024-05-18 16:05",
     DateOrder::kUnknown, "2024-05-18T16:05", ""},
    {"Published: 2024-05-18 16:05 | Updated: 2024-05-19 08:00", DateOrder::kUnknown,
     "2024-05-18T16:05", ""},
    // Rejected: no time, no year, one field, unknown labels, prose, too long.
    {"Source: Wirehouse | 2024-05-18", DateOrder::kUnknown, "", ""},
    {"Source: Wirehouse | May 18 16:05", DateOrder::kUnknown, "", ""},
    {"Published: 2024-05-18 16:05", DateOrder::kUnknown, "", ""},
    {"Home | World | 2024-05-18 16:05", DateOrder::kUnknown, "", ""},
    {"He said: it ended | 2024-05-18 16:05", DateOrder::kUnknown, "", ""},
    {"Source: Wirehouse | 2024-05-18 16:05 and more text", DateOrder::kUnknown, "", ""},
    {"Source: Wirehouse | Editor: Nora Vell", DateOrder::kUnknown, "", ""},
    {"", DateOrder::kUnknown, "", ""},
    {" | ", DateOrder::kUnknown, "", ""},
    {"|||", DateOrder::kUnknown, "", ""},
    {"来源：新华社 | 2024-05-18 16:05", DateOrder::kUnknown, "", ""},
    {"Source: \xff\xfe | 2024-05-18 16:05", DateOrder::kUnknown, "2024-05-18T16:05", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, MetaLineTest, ::testing::ValuesIn(kMetaCases));

TEST(MetaLineTest, RejectsLongLines) {
  std::string line = "Source: Wirehouse | 2024-05-18 16:05 | Editor: ";
  line.append(300, 'x');
  EXPECT_FALSE(FindTimestampInMetaLine(line).has_value());
}

struct OrderHintCase {
  std::string_view text;
  DateOrder order;
};

class DateOrderHintTest : public ::testing::TestWithParam<OrderHintCase> {};

TEST_P(DateOrderHintTest, Judges) {
  EXPECT_EQ(FindDateOrderHint(GetParam().text), GetParam().order) << GetParam().text;
}

const OrderHintCase kOrderHintCases[] = {
    {"", DateOrder::kUnknown},
    {"No dates here, only 12 apples.", DateOrder::kUnknown},
    {"09/01/2024 14:02", DateOrder::kUnknown},
    {"2024-01-09", DateOrder::kUnknown},
    {"09/01/2024 14:02\nVillamar, 9 ene (Agencia Sur).- Texto", DateOrder::kDayFirst},
    {"Posted 09/01/2024\nOn 14 December 2023 the council met.", DateOrder::kDayFirst},
    {"Posted 09/01/2024\nOn December 14, 2023 the council met.", DateOrder::kMonthFirst},
    {"Due 12/25/2023.", DateOrder::kMonthFirst},
    {"Due 25/12/2023.", DateOrder::kDayFirst},
    {"25.12.2023", DateOrder::kDayFirst},
    {"3 May 2021 and May 4, 2021", DateOrder::kUnknown},
    {"3 May 2021, 5 May 2021 and May 4, 2021", DateOrder::kDayFirst},
    {"25 декабря 2023", DateOrder::kDayFirst},
};

INSTANTIATE_TEST_SUITE_P(Table, DateOrderHintTest, ::testing::ValuesIn(kOrderHintCases));

struct YearCase {
  std::string_view text;
  int year;
};

class YearHintTest : public ::testing::TestWithParam<YearCase> {};

TEST_P(YearHintTest, Finds) { EXPECT_EQ(FindYearHint(GetParam().text), GetParam().year); }

const YearCase kYearCases[] = {
    {"", 0},
    {"   \n\n", 0},
    {"No year here at all.\nUpdated Dec. 17\n", 0},
    // Bare numbers never count.
    {"The 2025 season starts in 2026.\n", 0},
    // The copyright line, with its latest year.
    {"Updated Dec. 17\nText.\n\xc2\xa9 2023 Plains Courier\n", 2023},
    {"Updated Dec. 17\nCopyright 2019-2022 Plains Courier. All rights reserved.\n", 2022},
    {"Updated Dec. 17\n(c) 2021 Plains Courier\n", 2021},
    {"Updated Dec. 17\nCOPYRIGHT 2020\n", 2020},
    {"\xc2\xa9 Plains Courier 1850\n", 0},
    // A timestamp line beats the copyright line and body dates.
    {"Published 3 March 2022\nIn 1998, on 31 March 1998, ...\n\xc2\xa9 2024 Courier\n", 2022},
    {"Source: Wirehouse| 2021-05-18 16:05:12|Editor: Nora Vell\n\xc2\xa9 2024 X\n", 2021},
    // Otherwise the most frequent year of full dates, ties to the later one.
    {"On 3 May 2019 and 4 May 2019 and 1 June 2020 it rained.\n", 2019},
    {"On 3 May 2019 it rained; on 1 June 2020 it snowed.\n", 2020},
    {"Обновлено 25 декабря 2023, 18:21\n", 2023},
    {"Updated Dec. 17\r\n\xc2\xa9 2023 Plains Courier\r\n", 2023},
};

INSTANTIATE_TEST_SUITE_P(Table, YearHintTest, ::testing::ValuesIn(kYearCases));

}  // namespace
}  // namespace parallax::extract
