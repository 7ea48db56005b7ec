#include "src/text/language.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace parallax::text {
namespace {

struct LangCase {
  std::string_view name;
  std::string_view text;
  std::string_view code;  // "" = unreliable
};

class DetectLanguageTest : public ::testing::TestWithParam<LangCase> {};

TEST_P(DetectLanguageTest, Detects) {
  EXPECT_EQ(DetectLanguage(GetParam().text), GetParam().code) << GetParam().name;
}

// The fast path for English never changes the answer of the reference path (CLD2 alone).
TEST_P(DetectLanguageTest, FastPathAgreesWithCld2) {
  EXPECT_EQ(DetectLanguage(GetParam().text), DetectLanguageCld2(GetParam().text))
      << GetParam().name;
}

// English in several registers (each long enough for the fast path) and near-misses in other
// Latin-script languages, which the fast path must leave to CLD2.
TEST(DetectLanguageTest, FastPathOnRegisters) {
  const std::string_view english[] = {
      "The harbour board said on Monday that it would not raise fees this year, and the "
      "union said it was pleased. Members of the board had been asked by the mayor to look "
      "at the accounts again after a long dispute with the ferry operators, who have said "
      "for months that the charges were too high for them to bear in the winter.",
      "Police said a man was arrested at the scene. He was taken to hospital with minor "
      "injuries and is expected to appear in court on Friday. A spokesman for the force said "
      "that it was too early to say what had caused the crash, but that witnesses were "
      "being asked to come forward with any footage they might have of the road.",
  };
  for (std::string_view t : english) {
    EXPECT_EQ(DetectLanguage(t), "en");
    EXPECT_EQ(DetectLanguageCld2(t), "en");
  }
  const std::string_view others[] = {
      "Le conseil du port a annonce lundi qu'il n'augmenterait pas les tarifs cette annee, et "
      "le syndicat s'est dit satisfait. Les membres du conseil avaient ete invites par le "
      "maire a revoir les comptes apres un long conflit avec les exploitants des ferries.",
      "Der Hafenrat hat am Montag mitgeteilt, dass er die Gebuehren in diesem Jahr nicht "
      "erhoehen werde, und die Gewerkschaft zeigte sich zufrieden. Die Mitglieder des Rates "
      "waren vom Buergermeister gebeten worden, die Konten erneut zu pruefen.",
      "El consejo del puerto anuncio el lunes que no subiria las tarifas este ano, y el "
      "sindicato se mostro satisfecho. Los miembros del consejo habian sido invitados por el "
      "alcalde a revisar las cuentas tras una larga disputa con los operadores de ferris.",
  };
  for (std::string_view t : others) {
    EXPECT_NE(DetectLanguage(t), "en") << t.substr(0, 30);
    EXPECT_EQ(DetectLanguage(t), DetectLanguageCld2(t)) << t.substr(0, 30);
  }
}

const LangCase kCases[] = {
    {"empty", "", ""},
    {"whitespace", "   \n\t  ", ""},
    {"nbsp", "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0", ""},
    {"digits", "2023 12 25 18 21 10 000 3 5 42", ""},
    {"en",
     "The regional council met on Tuesday to discuss the new budget for schools and roads. "
     "Several members said the plan did not go far enough, while others warned that the "
     "money would run out before the end of the year.",
     "en"},
    {"ru",
     "\xd0\xa0\xd0\xb5\xd0\xb3\xd0\xb8\xd0\xbe\xd0\xbd\xd0\xb0\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0"
     "\xb9 "
     "\xd1\x81\xd0\xbe\xd0\xb2\xd0\xb5\xd1\x82 "
     "\xd1\x81\xd0\xbe\xd0\xb1\xd1\x80\xd0\xb0\xd0\xbb\xd1\x81\xd1\x8f "
     "\xd0\xb2\xd0\xbe \xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xbd\xd0\xb8\xd0\xba, "
     "\xd1\x87\xd1\x82\xd0\xbe\xd0\xb1\xd1\x8b "
     "\xd0\xbe\xd0\xb1\xd1\x81\xd1\x83\xd0\xb4\xd0\xb8\xd1\x82\xd1\x8c "
     "\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 "
     "\xd0\xb1\xd1\x8e\xd0\xb4\xd0\xb6\xd0\xb5\xd1\x82 \xd0\xb4\xd0\xbb\xd1\x8f "
     "\xd1\x88\xd0\xba\xd0\xbe\xd0\xbb "
     "\xd0\xb8 \xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb3. "
     "\xd0\x9d\xd0\xb5\xd1\x81\xd0\xba\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xba\xd0\xbe "
     "\xd0\xb4\xd0\xb5\xd0\xbf\xd1\x83\xd1\x82\xd0\xb0\xd1\x82\xd0\xbe\xd0\xb2 "
     "\xd0\xb7\xd0\xb0\xd1\x8f\xd0\xb2\xd0\xb8\xd0\xbb\xd0\xb8, "
     "\xd1\x87\xd1\x82\xd0\xbe \xd0\xbf\xd0\xbb\xd0\xb0\xd0\xbd\xd0\xb0 "
     "\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd1\x82\xd0\xbe\xd1\x87\xd0\xbd\xd0"
     "\xbe.",
     "ru"},
    {"de",
     "Der Stadtrat hat am Dienstag \xc3\xbc"
     "ber den neuen Haushalt f\xc3\xbc"
     "r Schulen und "
     "Stra\xc3\x9f"
     "en beraten. Mehrere Mitglieder sagten, der Plan gehe nicht weit genug, "
     "w\xc3\xa4hrend andere warnten, dass das Geld vor Ende des Jahres ausgehen werde.",
     "de"},
    {"fr",
     "Le conseil r\xc3\xa9gional s'est r\xc3\xa9uni mardi pour discuter du nouveau budget "
     "des \xc3\xa9"
     "coles et des routes. Plusieurs membres ont estim\xc3\xa9 que le plan "
     "n'allait pas assez loin, tandis que d'autres ont averti que l'argent manquerait avant "
     "la fin de l'ann\xc3\xa9"
     "e.",
     "fr"},
    {"es",
     "El consejo regional se reuni\xc3\xb3 el martes para discutir el nuevo presupuesto para "
     "escuelas y carreteras. Varios miembros dijeron que el plan no iba lo suficientemente "
     "lejos, mientras que otros advirtieron que el dinero se acabar\xc3\xad"
     "a antes de fin "
     "de a\xc3\xb1o.",
     "es"},
    {"he",
     "\xd7\x94\xd7\x9e\xd7\x95\xd7\xa2\xd7\xa6\xd7\x94 "
     "\xd7\x94\xd7\x90\xd7\x96\xd7\x95\xd7\xa8\xd7\x99\xd7\xaa "
     "\xd7\x94\xd7\xaa\xd7\x9b\xd7\xa0\xd7\xa1\xd7\x94 \xd7\x91\xd7\x99\xd7\x95\xd7\x9d "
     "\xd7\xa9\xd7\x9c\xd7\x99\xd7\xa9\xd7\x99 "
     "\xd7\x9b\xd7\x93\xd7\x99 \xd7\x9c\xd7\x93\xd7\x95\xd7\x9f "
     "\xd7\x91\xd7\xaa\xd7\xa7\xd7\xa6\xd7\x99\xd7\x91 "
     "\xd7\x94\xd7\x97\xd7\x93\xd7\xa9 \xd7\xa9\xd7\x9c \xd7\x91\xd7\xaa\xd7\x99 "
     "\xd7\x94\xd7\xa1\xd7\xa4\xd7\xa8 "
     "\xd7\x95\xd7\x94\xd7\x9b\xd7\x91\xd7\x99\xd7\xa9\xd7\x99\xd7\x9d. "
     "\xd7\x97\xd7\x91\xd7\xa8\xd7\x99\xd7\x9d "
     "\xd7\x90\xd7\x97\xd7\x93\xd7\x99\xd7\x9d \xd7\x90\xd7\x9e\xd7\xa8\xd7\x95 "
     "\xd7\xa9\xd7\x94\xd7\xaa\xd7\x95\xd7\x9b\xd7\xa0\xd7\x99\xd7\xaa "
     "\xd7\x9c\xd7\x90 \xd7\x9e\xd7\xaa\xd7\xa7\xd7\x93\xd7\x9e\xd7\xaa "
     "\xd7\x9e\xd7\xa1\xd7\xa4\xd7\x99\xd7\xa7.",
     "he"},
    {"invalid utf8", "The council met on \xff\xfe Tuesday to discuss the budget for roads.", ""},
};

INSTANTIATE_TEST_SUITE_P(Table, DetectLanguageTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<LangCase>& info) {
                           std::string n(info.param.name);
                           for (char& c : n) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

TEST(DetectLanguageTest, LongInputIsCappedAtACodePointBoundary) {
  std::string s;
  while (s.size() < 200 * 1024) {
    s += "\xd0\x9f\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c\xd1\x81\xd1\x82"
         "\xd0\xb2\xd0\xbe "
         "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbd\xd1\x8f\xd0\xbb\xd0\xbe "
         "\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 "
         "\xd0\xb7\xd0\xb0\xd0\xba\xd0\xbe\xd0\xbd \xd0\xbe "
         "\xd1\x88\xd0\xba\xd0\xbe\xd0\xbb\xd0\xb0\xd1\x85. ";
  }
  EXPECT_EQ(DetectLanguage(s), "ru");
}

}  // namespace
}  // namespace parallax::text
