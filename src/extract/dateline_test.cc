#include "src/extract/dateline.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace parallax::extract {
namespace {

struct DatelineCase {
  std::string_view paragraph;
  bool match;
  std::string_view place;
  std::string_view date;
  std::string_view agency;
  std::string_view span;  // the dateline's text
};

class MatchDatelineTest : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(MatchDatelineTest, Matches) {
  const DatelineCase& c = GetParam();
  std::optional<DatelineMatch> m = MatchDateline(c.paragraph);
  if (!c.match) {
    EXPECT_FALSE(m.has_value()) << c.paragraph << " -> place [" << m->place << "]";
    return;
  }
  ASSERT_TRUE(m.has_value()) << c.paragraph;
  EXPECT_EQ(m->place, c.place) << c.paragraph;
  EXPECT_EQ(m->date, c.date) << c.paragraph;
  EXPECT_EQ(m->agency, c.agency) << c.paragraph;
  ASSERT_LE(m->span.end, c.paragraph.size());
  EXPECT_EQ(c.paragraph.substr(m->span.start, m->span.size()), c.span) << c.paragraph;
}

const DatelineCase kCases[] = {
    {"MOSCOW, December 25. /TASS/. The minister said", true, "MOSCOW", "December 25", "TASS",
     "MOSCOW, December 25. /TASS/."},
    {"WASHINGTON (AP) — Lawmakers voted", true, "WASHINGTON", "", "AP", "WASHINGTON (AP) —"},
    {"LONDON, Dec 25 (Reuters) - Shares fell", true, "LONDON", "Dec 25", "Reuters",
     "LONDON, Dec 25 (Reuters) -"},
    {"BERLIN (dpa) - Die Regierung", true, "BERLIN", "", "dpa", "BERLIN (dpa) -"},
    {"Berlin (dpa) - Die Regierung", true, "Berlin", "", "dpa", "Berlin (dpa) -"},
    {"PARIS, 25 décembre (AFP) - Le gouvernement", true, "PARIS", "25 décembre", "AFP",
     "PARIS, 25 décembre (AFP) -"},
    {"МОСКВА, 25 декабря. /ТАСС/. Министр заявил", true, "МОСКВА", "25 декабря", "TASS",
     "МОСКВА, 25 декабря. /ТАСС/."},
    {"KYIV, Ukraine — Officials said", true, "KYIV, Ukraine", "", "", "KYIV, Ukraine —"},
    {"NEW YORK, Dec. 3 (Reuters) - Stocks rose", true, "NEW YORK", "Dec. 3", "Reuters",
     "NEW YORK, Dec. 3 (Reuters) -"},
    {"UNITED NATIONS (AP) — The council met", true, "UNITED NATIONS", "", "AP",
     "UNITED NATIONS (AP) —"},
    {"BEIJING, Jan. 5 (Xinhua) -- Officials", true, "BEIJING", "Jan. 5", "Xinhua",
     "BEIJING, Jan. 5 (Xinhua) --"},
    {"WASHINGTON — The Senate", true, "WASHINGTON", "", "", "WASHINGTON —"},
    {"SPRINGFIELD, Ill. (AP) — A man", true, "SPRINGFIELD, Ill.", "", "AP",
     "SPRINGFIELD, Ill. (AP) —"},
    {"ST. LOUIS (AP) — Rain", true, "ST. LOUIS", "", "AP", "ST. LOUIS (AP) —"},
    {"МОСКВА, 25 дек — РИА Новости. Президент", true, "МОСКВА", "25 дек", "RIA Novosti",
     "МОСКВА, 25 дек — РИА Новости."},
    {"ATLANTA (CNN) — A storm", true, "ATLANTA", "", "CNN", "ATLANTA (CNN) —"},
    {"\xc2\xa0MOSCOW, December 25. /TASS/. Text", true, "MOSCOW", "December 25", "TASS",
     "MOSCOW, December 25. /TASS/."},
    {"MOSCOW,\xc2\xa0"
     "December\xc2\xa0"
     "25. /TASS/. Text",
     true, "MOSCOW",
     "December\xc2\xa0"
     "25",
     "TASS",
     "MOSCOW,\xc2\xa0"
     "December\xc2\xa0"
     "25. /TASS/."},
    {"MOSCOW, December 25. The ministry said", true, "MOSCOW", "December 25", "",
     "MOSCOW, December 25."},
    {"ROME, 25 dicembre (ANSA) - Il governo", true, "ROME", "25 dicembre", "ANSA",
     "ROME, 25 dicembre (ANSA) -"},
    {"MADRID, 25 dic (EFE).- El Gobierno", true, "MADRID", "25 dic", "EFE",
     "MADRID, 25 dic (EFE).-"},
    {"WASHINGTON/MOSCOW (Reuters) - Envoys met", true, "WASHINGTON/MOSCOW", "", "Reuters",
     "WASHINGTON/MOSCOW (Reuters) -"},
    {"CHARLOTTESVILLE, Va./WASHINGTON (Reuters) - A judge", true, "CHARLOTTESVILLE, Va./WASHINGTON",
     "", "Reuters", "CHARLOTTESVILLE, Va./WASHINGTON (Reuters) -"},
    {"LAS VEGAS, NEVADA -- He spoke", true, "LAS VEGAS, NEVADA", "", "", "LAS VEGAS, NEVADA --"},
    {"PASADENA, Texas\xe2\x80\x94When the mayor", true, "PASADENA, Texas", "", "",
     "PASADENA, Texas\xe2\x80\x94"},
    {"WILLIAMSBURG, Va., \xe2\x80\x94 Governors met", true, "WILLIAMSBURG, Va.", "", "",
     "WILLIAMSBURG, Va., \xe2\x80\x94"},
    {"ATLANTA (CNN) Democrats chose", true, "ATLANTA", "", "CNN", "ATLANTA (CNN)"},
    {"KYIV, Ukraine, Dec. 3 (Reuters) - Talks", true, "KYIV, Ukraine", "Dec. 3", "Reuters",
     "KYIV, Ukraine, Dec. 3 (Reuters) -"},
    {"NAIROBI (AP/Reuters) - Rain", true, "NAIROBI", "", "AP", "NAIROBI (AP/Reuters) -"},
    // RIA style: abbreviated month, dash, agency, full stop.
    {"НОВОГРАД, 3 мар — РИА Новости. Мэр заявил", true, "НОВОГРАД", "3 мар", "RIA Novosti",
     "НОВОГРАД, 3 мар — РИА Новости."},
    {"НОВОГРАД, 3 мар - РИА Новости. Мэр заявил", true, "НОВОГРАД", "3 мар", "RIA Novosti",
     "НОВОГРАД, 3 мар - РИА Новости."},
    // Interfax style: place and date closed by full stops, bare agency, dash.
    {"НОВОГРАД. 25 декабря. ИНТЕРФАКС - Мэр заявил", true, "НОВОГРАД", "25 декабря", "Interfax",
     "НОВОГРАД. 25 декабря. ИНТЕРФАКС -"},
    {"НОВОГРАД. 25 декабря. ИНТЕРФАКС — Мэр", true, "НОВОГРАД", "25 декабря", "Interfax",
     "НОВОГРАД. 25 декабря. ИНТЕРФАКС —"},
    {"НОВОГРАД, 25 декабря. ИТАР-ТАСС - Мэр", true, "НОВОГРАД", "25 декабря", "TASS",
     "НОВОГРАД, 25 декабря. ИТАР-ТАСС -"},
    {"BRAMSTON. 25 December. INTERFAX - The mayor", true, "BRAMSTON", "25 December", "Interfax",
     "BRAMSTON. 25 December. INTERFAX -"},
    {"НОВОГРАД. 25 декабря. Мэр заявил", true, "НОВОГРАД", "25 декабря", "",
     "НОВОГРАД. 25 декабря."},
    // Polish and Italian dates in datelines.
    {"WARSZAWA, 25 grudnia (PAP) - Rząd", true, "WARSZAWA", "25 grudnia", "PAP",
     "WARSZAWA, 25 grudnia (PAP) -"},
    // Negative cases: not datelines.
    {"NATO. 25 years later, the alliance", false, "", "", "", ""},
    {"Новоград. 25 декабря. ИНТЕРФАКС - Мэр", false, "", "", "", ""},
    {"НОВОГРАД.25 декабря. ИНТЕРФАКС - Мэр", false, "", "", "", ""},
    {"FILE - In this photo, a ship", false, "", "", "", ""},
    {"NATO\xe2\x80\x94Russia talks stalled", false, "", "", "", ""},
    {"UPDATE (5:05 p.m.): more", false, "", "", "", ""},
    {"OSCE (which monitors votes) said", false, "", "", "", ""},
    {"", false, "", "", "", ""},
    {"   ", false, "", "", "", ""},
    {"NATO said on Monday that it would", false, "", "", "", ""},
    {"US officials said the talks", false, "", "", "", ""},
    {"The minister (AP) — said", false, "", "", "", ""},
    {"Moscow, December 25. The ministry said", false, "", "", "", ""},
    {"BREAKING — Markets fall", false, "", "", "", ""},
    {"NATO-led forces", false, "", "", "", ""},
    {"OSCE observers reported irregularities.", false, "", "", "", ""},
    {"He said: \"MOSCOW (AP) — no\"", false, "", "", "", ""},
    {"«Мы не вмешиваемся», — сказал он.", false, "", "", "", ""},
    {"В МОСКВЕ прошли", false, "", "", "", ""},
    {"מוסקבה (AP) — text", false, "", "", "", ""},
    {"北京 (Xinhua) -- text", false, "", "", "", ""},
    {"MOSCOW December 25 TASS text", false, "", "", "", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, MatchDatelineTest, ::testing::ValuesIn(kCases));

struct AgencyCase {
  std::string_view tag;
  std::string_view canonical;
};

class CanonicalAgencyTest : public ::testing::TestWithParam<AgencyCase> {};

TEST_P(CanonicalAgencyTest, Maps) {
  EXPECT_EQ(CanonicalAgency(GetParam().tag), GetParam().canonical) << GetParam().tag;
}

const AgencyCase kAgencies[] = {
    {"/TASS/", "TASS"},
    {"TASS", "TASS"},
    {"ТАСС", "TASS"},
    {"/ТАСС/", "TASS"},
    {"ИТАР-ТАСС", "TASS"},
    {"(AP)", "AP"},
    {"Associated Press", "AP"},
    {"(Reuters)", "Reuters"},
    {"REUTERS", "Reuters"},
    {"AFP", "AFP"},
    {"dpa", "dpa"},
    {"(Xinhua)", "Xinhua"},
    {"RIA Novosti", "RIA Novosti"},
    {"РИА Новости", "RIA Novosti"},
    {"Interfax", "Interfax"},
    {"Интерфакс", "Interfax"},
    {"ANSA", "ANSA"},
    {"EFE", "EFE"},
    {"UPI", "UPI"},
    {"Kyodo", "Kyodo"},
    {"Yonhap", "Yonhap"},
    {"PTI", "PTI"},
    {"ANI", "ANI"},
    {"Anadolu", "Anadolu"},
    {"Ukrinform", "Ukrinform"},
    {"Укринформ", "Ukrinform"},
    {"BTA", "BTA"},
    {"Tanjug", "Tanjug"},
    {"PAP", "PAP"},
    {"ČTK", "CTK"},
    {"CTK", "CTK"},
    {"APA", "APA"},
    {"ATS", "ATS"},
    {"Belga", "Belga"},
    {"ANP", "ANP"},
    {"Lusa", "Lusa"},
    {"Europa Press", "Europa Press"},
    {"WAM", "WAM"},
    {"IRNA", "IRNA"},
    {"", ""},
    {"()", ""},
    {"  ", ""},
    {"CNN", ""},
    {"Peskov", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, CanonicalAgencyTest, ::testing::ValuesIn(kAgencies));

}  // namespace
}  // namespace parallax::extract
