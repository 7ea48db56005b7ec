#include "src/extract/patterns.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace parallax::extract {
namespace {

std::string CreditOf(std::string_view line) {
  std::optional<Span> s = FindCredit(line);
  if (!s) return "<none>";
  return std::string(line.substr(s->start, s->end - s->start));
}

TEST(FindCredit, Table) {
  struct Case {
    const char* line;
    const char* credit;
  } cases[] = {
      {"Police at the gate of the city hall. Jane Roe / AFP", "Jane Roe / AFP"},
      {"Jane Roe / AFP", "Jane Roe / AFP"},
      {"Flooded streets in Portmere. REUTERS/Sam Example", "REUTERS/Sam Example"},
      {"Visitors in the hall. (AP Photo/Sam Example)", "(AP Photo/Sam Example)"},
      {"Visitors in the hall. Photo: Lena Sample", "Photo: Lena Sample"},
      {"Фото: Иван Примеров", "Фото: Иван Примеров"},
      {"Der Marktplatz am Morgen. Foto: Anna Beispiel", "Foto: Anna Beispiel"},
      {"The pier at dawn. Getty Images", "Getty Images"},
      {"The council approved the plan on Monday.", "<none>"},
      {"He said the deal was 50/50 at best.", "<none>"},
      {"See https://example.org/News/Page", "<none>"},
      {"Speeds of 30 km/h were recorded", "<none>"},
      {"", "<none>"},
  };
  for (const Case& c : cases) EXPECT_EQ(CreditOf(c.line), c.credit) << c.line;
}

TEST(ParseByline, Names) {
  struct Case {
    const char* line;
    std::vector<std::string> names;
  } cases[] = {
      {"By Jane Doe and John Roe", {"Jane Doe", "John Roe"}},
      {"By Jane Doe, Reuters", {"Jane Doe"}},
      {"Jane Doe, Reuters", {"Jane Doe"}},
      {"Von Anna Beispiel und Karl Muster", {"Anna Beispiel", "Karl Muster"}},
      {"Par Jean Exemple", {"Jean Exemple"}},
      {"Por Ana Ejemplo", {"Ana Ejemplo"}},
      {"Автор: Иван Примеров", {"Иван Примеров"}},
      {"By Jane Doe | December 25, 2023", {"Jane Doe"}},
      {"By Jane Doe, Staff Writer", {"Jane Doe"}},
      {"Reporting by Anna Fictive; Editing by Tom Sample", {"Anna Fictive", "Tom Sample"}},
      {"by Mira Example", {"Mira Example"}},
      {"di Giulia Esempio", {"Giulia Esempio"}},
      {"Jane Doe, Political correspondent", {"Jane Doe"}},
      {"Priya Example \xC2\xB7 4 min read", {"Priya Example"}},
  };
  for (const Case& c : cases) {
    std::optional<Byline> b = ParseByline(c.line);
    ASSERT_TRUE(b.has_value()) << c.line;
    EXPECT_EQ(b->names, c.names) << c.line;
  }
  EXPECT_FALSE(ParseByline("by the river the town stood quiet").has_value());
  EXPECT_FALSE(ParseByline("Jane Doe, a teacher").has_value());
  // A lower-case cue only opens a short line; "di" never opens a long one.
  EXPECT_FALSE(
      ParseByline("by the time Jane Doe and John Roe arrived the hall was full").has_value());
  EXPECT_FALSE(ParseByline("di fronte al Municipio di Valmonte la piazza era piena").has_value());
  EXPECT_FALSE(ParseByline("Jane Doe \xC2\xB7 Opinion").has_value());
  EXPECT_FALSE(ParseByline("").has_value());
  std::optional<Byline> b = ParseByline("By Jane Doe | December 25, 2023");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->span.start, 0u);
  EXPECT_EQ(b->span.end, 11u);
}

TEST(SelfReferenceOutlet, Cues) {
  EXPECT_EQ(SelfReferenceOutlet("A Message from The Harbor Ledger:"), "The Harbor Ledger");
  EXPECT_EQ(SelfReferenceOutlet("We, the journalists of The Harbor Ledger, refuse to stop."),
            "The Harbor Ledger");
  EXPECT_EQ(SelfReferenceOutlet("\xC2\xA9 2024 Daily Lantern. All rights reserved."),
            "Daily Lantern");
  EXPECT_EQ(SelfReferenceOutlet("Copyright 2010-2024 Lantern Media Group"), "Lantern Media Group");
  EXPECT_EQ(SelfReferenceOutlet("Subscribe to The Lantern for daily news"), "The Lantern");
  EXPECT_EQ(SelfReferenceOutlet("The Daily Lantern is an independent newsroom."),
            "The Daily Lantern");
  EXPECT_EQ(SelfReferenceOutlet(
                "\xC2\xA9 \xC2\xAB\xD0\xA1\xD0\xB5\xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD0\xB0\xD1\x8F "
                "\xD0\xB3\xD0\xB0\xD0\xB7\xD0\xB5\xD1\x82\xD0\xB0\xC2\xBB, 2023"),
            "\xD0\xA1\xD0\xB5\xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD0\xB0\xD1\x8F "
            "\xD0\xB3\xD0\xB0\xD0\xB7\xD0\xB5\xD1\x82\xD0\xB0");  // «Северная газета»
  EXPECT_EQ(SelfReferenceOutlet("\xC2\xA9 El Diario del Valle. Todos los derechos reservados."),
            "El Diario del Valle");
  EXPECT_EQ(SelfReferenceOutlet("Riproduzione riservata \xC2\xA9 Il Corriere di Montefosco"),
            "Il Corriere di Montefosco");
  EXPECT_EQ(SelfReferenceOutlet("La Voix des Cimes utilise des cookies pour mesurer l'audience."),
            "La Voix des Cimes");
  EXPECT_EQ(SelfReferenceOutlet("Subscribe to our newsletter"), "");
  EXPECT_EQ(SelfReferenceOutlet("Support us"), "");
  EXPECT_EQ(SelfReferenceOutlet("The council met on Monday."), "");
}

}  // namespace
}  // namespace parallax::extract
