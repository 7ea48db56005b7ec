// Tests of matching keys (key.h) and of the pronoun helper for the quotes stage (resolve.h).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "src/entities/entities.h"
#include "src/entities/key.h"
#include "src/entities/lexicon.h"
#include "src/entities/resolve.h"

namespace parallax::entities {
namespace {

struct KeyCase {
  const char* a;
  const char* b;
};

class SameKeyTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(SameKeyTest, Equal) {
  EXPECT_EQ(EntityKey(GetParam().a), EntityKey(GetParam().b))
      << GetParam().a << " vs " << GetParam().b;
  EXPECT_FALSE(EntityKey(GetParam().a).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Keys, SameKeyTest,
    ::testing::Values(KeyCase{"Vučić", "Vucic"}, KeyCase{"VUCIC", "Vucic"},
                      KeyCase{"Vučić", "Вучич"},                   // Serbian Cyrillic
                      KeyCase{"Песков", "Peskov"},                 // Russian
                      KeyCase{"Дмитрий Песков", "Dmitry Peskov"},  // -ий / -y
                      KeyCase{"Дмитрий Песков", "DMITRIY PESKOV"},
                      KeyCase{"Захарова", "Zakharova"},        // х / kh
                      KeyCase{"Шойгу", "Shoigu"},              // ш / sh, й / i
                      KeyCase{"Vucic's", "Vucic"},             // possessive
                      KeyCase{"Vucic\xE2\x80\x99s", "Vucic"},  // curly possessive
                      KeyCase{"Botsan-Kharchenko", "Botsan Kharchenko"},
                      KeyCase{"Zoe\xCC\x88", "Zoë"},  // combining vs precomposed
                      KeyCase{"  Maria   Kovalenko ", "maria kovalenko"}));

TEST(KeyTest, DifferentNamesDiffer) {
  EXPECT_NE(EntityKey("Peskov"), EntityKey("Pesko"));
  EXPECT_NE(EntityKey("Maria Kovalenko"), EntityKey("Mario Kovalenko"));
}

TEST(KeyTest, EdgeCases) {
  EXPECT_EQ(EntityKey(""), "");
  EXPECT_EQ(EntityKey("   "), "");
  EXPECT_EQ(EntityKey("---"), "");
  EXPECT_EQ(EntityKey("U.S."), "u s");
  EXPECT_EQ(EntityKey("北京"), "北京");  // other scripts are kept
}

TEST(LexiconTest, CompiledListsAreLoaded) {
  const Lexicon& lex = Lexicon::Get();
  EXPECT_TRUE(lex.Lookup("maria") & kGivenFemale);
  EXPECT_TRUE(lex.Lookup("dmitry") & kGivenMale);
  EXPECT_TRUE(lex.Lookup("spokeswoman") & kTitle);
  EXPECT_TRUE(lex.Lookup("spokeswoman") & kFemaleTitle);
  EXPECT_TRUE(lex.Lookup("ministry") & kOrgHead);
  EXPECT_TRUE(lex.Lookup("serbia") & kCountry);
  EXPECT_TRUE(lex.Lookup("new york") & kCity);
  EXPECT_TRUE(lex.Lookup("serbian") & kDemonym);
  EXPECT_EQ(lex.Lookup("zzqx"), 0u);
}

TEST(LexiconTest, PhraseStartsAndHashes) {
  const Lexicon& lex = Lexicon::Get();
  EXPECT_TRUE(lex.StartsPhrase("new"));    // "new york"
  EXPECT_FALSE(lex.StartsPhrase("york"));  // not a first word
  EXPECT_EQ(lex.Lookup("new"), lex.LookupHash(KeyHash("new")));
  EXPECT_EQ(lex.Lookup(""), 0u);
  // Prefixes, suffixes and lengths around the 8-byte blocks of the hash give distinct values.
  const char* words[] = {"", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgh ", "b"};
  for (const char* x : words)
    for (const char* y : words)
      if (std::string_view(x) != y) EXPECT_NE(KeyHash(x), KeyHash(y)) << x << " / " << y;
  EXPECT_NE(KeyHash(""), 0u);
}

// LookupPhrase says when a known phrase goes on, so MarkNames stops growing a phrase early;
// its flags are Lookup's (the marker bits never leak into flags).
TEST(LexiconTest, PhrasePrefixes) {
  const Lexicon& lex = Lexicon::Get();
  bool longer = false;
  EXPECT_EQ(lex.LookupPhrase("ho chi", &longer), lex.Lookup("ho chi"));
  EXPECT_TRUE(longer);  // "ho chi minh city"
  lex.LookupPhrase("ho chi minh", &longer);
  EXPECT_TRUE(longer);
  EXPECT_NE(lex.LookupPhrase("ho chi minh city", &longer) & kCity, 0u);
  EXPECT_FALSE(longer);
  lex.LookupPhrase("zzq wwx", &longer);
  EXPECT_FALSE(longer);
  bool phrase = false;
  EXPECT_EQ(lex.LookupHash(KeyHash("new"), &phrase), lex.Lookup("new"));
  EXPECT_TRUE(phrase);
  EXPECT_EQ(lex.Lookup("new york") >> 62, 0u);
}

TEST(EntityKeyTest, LongWordsUseTheHeapBuffer) {
  // 100 x -> "ks" x 100: longer than the stack buffer of the normaliser.
  std::string key = EntityKey(std::string(100, 'X'));
  EXPECT_EQ(key.size(), 200u);
  EXPECT_EQ(key.substr(0, 4), "ksks");
  EXPECT_EQ(EntityKey(std::string(70, 'a') + " Shchukin"), "a sukin");
}

Article MakeArticle() {
  Article a;
  a.text =
      "Foreign Ministry spokeswoman Maria Zarkova met Jonas Ferreira. He said it went well. "
      "She disagreed.";
  AnnotateEntities(&a);
  return a;
}

// EntityKey's ASCII fast path against the general path: table, then random names made of
// letters, digits, apostrophes, hyphens, dots and spaces (possessives, "shch", doubled letters).
TEST(EntityKeyTest, AsciiFastPathMatchesReference) {
  const char* cases[] = {"",
                         " ",
                         "'",
                         "''s",
                         "Vucic's",
                         "Peskov'",
                         "O'Neill",
                         "Botsan-Kharchenko",
                         "U.S.",
                         "Khrushchev Shcherbakov",
                         "Tsvetkova Zhukov Kasparov",
                         "Aleksandr Kotelllnikov",
                         "Xi Jinping",
                         "G7 MH17 2024",
                         "a's b'' c'd's",
                         "  Maria   Zakharova  ",
                         "Dmitry_Peskov;(Kremlin)"};
  for (const char* c : cases) EXPECT_EQ(EntityKey(c), EntityKeyReference(c)) << "[" << c << "]";
  const std::string alphabet = "abcdehjkstwxyzACHKSTXYZ0129'' --..,;(_";
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string name;
    const size_t n = rng() % 24;
    for (size_t i = 0; i < n; ++i) name += alphabet[rng() % alphabet.size()];
    ASSERT_EQ(EntityKey(name), EntityKeyReference(name)) << "[" << name << "]";
  }
  // Past the fast path's length limit both take the general path.
  const std::string long_name(300, 'k');
  EXPECT_EQ(EntityKey(long_name), "k");
}

TEST(ResolveTest, LastPersonBeforeOffset) {
  Article a = MakeArticle();
  const size_t he = a.text.find("He said");
  const size_t she = a.text.find("She disagreed");
  auto any = LastPersonBefore(a, static_cast<uint32_t>(he));
  ASSERT_TRUE(any.has_value());
  auto jonas = EntityAt(a, Span{static_cast<uint32_t>(a.text.find("Jonas")),
                                static_cast<uint32_t>(a.text.find("Jonas") + 5)});
  ASSERT_TRUE(jonas.has_value());
  EXPECT_EQ(*any, *jonas);
  auto female = LastPersonBefore(a, static_cast<uint32_t>(she), Gender::kFemale);
  ASSERT_TRUE(female.has_value());
  auto maria = EntityAt(a, Span{static_cast<uint32_t>(a.text.find("Maria")),
                                static_cast<uint32_t>(a.text.find("Maria") + 5)});
  ASSERT_TRUE(maria.has_value());
  EXPECT_EQ(*female, *maria);
  EXPECT_FALSE(LastPersonBefore(a, 0).has_value());
}

TEST(ResolveTest, Genders) {
  Article a = MakeArticle();
  for (const Entity& e : a.entities) {
    if (e.name == "Maria Zarkova") {
      EXPECT_EQ(GenderOf(a, e), Gender::kFemale);
    }
    if (e.name == "Jonas Ferreira") {
      EXPECT_EQ(GenderOf(a, e), Gender::kMale);
    }
  }
  EXPECT_EQ(PronounGender("He"), Gender::kMale);
  EXPECT_EQ(PronounGender("her"), Gender::kFemale);
  EXPECT_EQ(PronounGender("they"), Gender::kUnknown);
  EXPECT_EQ(PronounGender(""), Gender::kUnknown);
}

TEST(ResolveTest, EmptyArticle) {
  Article a;
  AnnotateEntities(&a);
  EXPECT_TRUE(a.entities.empty());
  EXPECT_FALSE(LastPersonBefore(a, 100).has_value());
  EXPECT_FALSE(EntityAt(a, Span{0, 0}).has_value());
}

}  // namespace
}  // namespace parallax::entities
