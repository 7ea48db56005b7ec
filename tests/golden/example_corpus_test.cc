// The bundled example (examples/corpus, one fictional strike told by six outlets) must analyse
// into six clean records: the right outlet (from the text or examples/outlets.csv), headline,
// language, publication time and dateline, and a body free of the page furniture. The compare
// stage builds on these records, so a regression here breaks the example users run first.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/pipeline.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

struct ExampleCase {
  const char* file;
  const char* outlet;
  const char* headline;
  const char* language;
  const char* published;       // prefix of Published::value; "" = no publication time
  const char* dateline_place;  // "" = no dateline
  const char* dateline_agency;
  std::vector<const char*> body_includes;
  std::vector<const char*> body_excludes;
};

const std::vector<ExampleCase>& Cases() {
  static const std::vector<ExampleCase> kCases = {
      {"01_dna_state_agency.txt",
       "Dravenian News Agency",
       "Transport minister: port stoppage has no legal basis, cargo flows secured",
       "en",
       "2024-03-12T14:35",
       "VERENSK",
       "DNA",
       {"The work stoppage announced by a group of dockworkers in Port Alvara has no legal basis",
        "A march in the centre of Port Alvara on Tuesday gathered about 2,000 people",
        "Port Alvara handles about 60% of the country's foreign trade."},
       {"Read more on the site", "Subscribe to DNA on Telegram", "Home | Politics",
        "\"The government will not negotiate under pressure,\" Minister Ilias Marek stressed"}},
      {"02_dravenian_independent.txt",
       "The Dravenian Independent",
       "Tens of Thousands Join Port Alvara Strike as Minister Blames 'Foreign Money'",
       "en",
       "2024-03-12",
       "",
       "",
       {"The Dravenian Dockworkers' Union said about 15,000 people took part in the march.",
        "The rights group Harbour Watch said 43 people were detained",
        "Renn said the strike would continue until the government agreed to"},
       {"Reading without ads?", "Yana Brodsky / DI", "Dear readers", "Monthly", "Remind me later.",
        "support us monthly"}},
      {"03_mns_wire.txt",
       "Meridian News Service",
       "Dravenia dockworkers march as minister's 'foreign interests' remark draws anger",
       "en",
       "",
       "PORT ALVARA, Dravenia",
       "MNS",
       {"Police estimated the crowd at 2,000.",
        "said the minister's words had been \"taken out of context\"",
        "No new talks between the union and the government have been scheduled."},
       {"Reporting by Lukas Brenner", "By Lukas Brenner"}},
      {"04_daily_clarion.txt",
       "The Daily Clarion",
       "CHAOS AT THE DOCKS: Riot police fire tear gas as 20,000 strikers bring Dravenia port to a "
       "standstill",
       "en",
       "2024-03-12T17:52",
       "",
       "",
       {"Up to 20,000 protesters flooded the streets of Port Alvara",
        "Transport Minister Ilias Marek blamed \"saboteurs\" for the unrest.",
        "Nobody can tell us anything."},
       {"Share this article", "312 comments", "Read more: Ferry fares soar", "MOST READ",
        "Got a story?"}},
      {"05_morgenbote_de.txt",
       "Der Morgenbote",
       "Streik legt Hafen von Port Alvara lahm – Minister rudert nach Äußerung zurück",
       "de",
       "2024-03-12T19:08",
       "",
       "",
       {"Die Polizei sprach von 2000 Teilnehmern, die Gewerkschaft der Hafenarbeiter von 15.000.",
        "der Streik werde „von außen gesteuert“",
        "Gespräche zwischen Regierung und Gewerkschaft sind bislang nicht geplant."},
       {"Wir verwenden Cookies", "Mehr zum Thema", "Artikel teilen", "Impressum",
        "Von Katrin Vollmer"}},
      {"06_severny_kurier_ru.txt",
       "Северный курьер",
       "Забастовка в порту Алвара: на рейде застряли российские суда с зерном",
       "ru",
       "2024-03-12T20:15",
       "",
       "",
       {"Во вторник по улицам города прошли около 5 тысяч человек, сообщают местные СМИ.",
        "«провокацией, за которой стоят внешние силы»",
        "Переговоры между властями и профсоюзом пока не назначены."},
       {"Читайте также", "Подписывайтесь на наш канал", "Автор: Денис Гуляев",
        "Все права защищены"}},
  };
  return kCases;
}

class ExampleCorpusTest : public testing::TestWithParam<ExampleCase> {};

TEST_P(ExampleCorpusTest, AnalysesCleanly) {
  const ExampleCase& c = GetParam();
  const fs::path root = fs::path(PARALLAX_SOURCE_DIR) / "examples";
  std::ifstream in(root / "corpus" / c.file, std::ios::binary);
  ASSERT_TRUE(in) << c.file;
  std::ostringstream bytes;
  bytes << in.rdbuf();

  AnalyzeOptions options;
  options.threads = 1;
  options.outlet_map_path = (root / "outlets.csv").string();
  Result<Article> result =
      AnalyzeBytes(bytes.str(), std::string("examples/corpus/") + c.file, options);
  ASSERT_TRUE(result.ok()) << c.file << ": " << result.status().ToString();
  const Article& a = result.value();

  EXPECT_EQ(a.outlet, c.outlet) << c.file << ": outlet";
  EXPECT_EQ(a.headline, c.headline) << c.file << ": headline";
  EXPECT_EQ(a.language, c.language) << c.file << ": language";
  if (std::string(c.published).empty()) {
    EXPECT_FALSE(a.published.has_value()) << c.file << ": published " << a.published->value;
  } else if (!a.published) {
    ADD_FAILURE() << c.file << ": no publication time, expected " << c.published;
  } else {
    EXPECT_TRUE(a.published->value.starts_with(c.published))
        << c.file << ": published " << a.published->value << ", expected " << c.published;
  }
  if (std::string(c.dateline_place).empty()) {
    EXPECT_FALSE(a.dateline.has_value()) << c.file << ": dateline " << a.dateline->place;
  } else if (!a.dateline) {
    ADD_FAILURE() << c.file << ": no dateline, expected " << c.dateline_place;
  } else {
    EXPECT_EQ(a.dateline->place, c.dateline_place) << c.file << ": dateline place";
    EXPECT_EQ(a.dateline->agency, c.dateline_agency) << c.file << ": dateline agency";
  }
  const std::string body = a.Body();
  for (const char* s : c.body_includes) {
    EXPECT_TRUE(body.find(s) != std::string::npos) << c.file << ": body lacks \"" << s << "\"";
  }
  for (const char* s : c.body_excludes) {
    EXPECT_TRUE(body.find(s) == std::string::npos) << c.file << ": body holds \"" << s << "\"";
  }
}

std::string CaseName(const testing::TestParamInfo<ExampleCase>& info) {
  std::string out;
  for (const char* p = info.param.file; *p != '\0' && *p != '.'; ++p) {
    out += (std::isalnum(static_cast<unsigned char>(*p)) != 0) ? *p : '_';
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleCorpusTest, testing::ValuesIn(Cases()), CaseName);

}  // namespace
}  // namespace parallax
