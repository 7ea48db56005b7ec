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

}  // namespace
}  // namespace parallax::extract
