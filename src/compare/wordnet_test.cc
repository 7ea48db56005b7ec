// WordNet loader on the wordnet-mini fixture (testdata/wordnet-mini, written for these tests;
// regenerate with its make_fixture.py). Never reads the installed WordNet.
#include "src/compare/wordnet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace parallax::compare {
namespace {

const std::string kMini = std::string(PARALLAX_SOURCE_DIR) + "/testdata/wordnet-mini";

const WordNet& Mini() {
  static const WordNet* wn = [] {
    Result<std::unique_ptr<WordNet>> r = WordNet::Load(kMini);
    if (!r.ok()) {
      std::fprintf(stderr, "fixture: %s\n", r.status().ToString().c_str());
      std::abort();
    }
    return std::move(r).value().release();
  }();
  return *wn;
}

bool Intersect(const std::vector<SynsetId>& a, const std::vector<SynsetId>& b) {
  for (SynsetId x : a)
    if (std::binary_search(b.begin(), b.end(), x)) return true;
  return false;
}

std::vector<SynsetId> ConceptsOf(std::string_view word, ConceptOptions opt = {}) {
  std::vector<SynsetId> out;
  Mini().Concepts(word, opt, &out);
  return out;
}

TEST(WordNetTest, LoadsFixture) {
  EXPECT_EQ(Mini().lemma_count(), 32u);  // 14 nouns, 12 verbs, 4 adjectives, 2 adverbs
  EXPECT_GE(Mini().load_ms(), 0);
  int synsets = 0;
  Mini().ForEachSynset([&](SynsetId, std::string_view gloss) {
    ++synsets;
    EXPECT_FALSE(gloss.empty());
  });
  EXPECT_EQ(synsets, 18);
}

TEST(WordNetTest, MissingDirectoryIsNotFound) {
  Result<std::unique_ptr<WordNet>> r = WordNet::Load(kMini + "/no-such-dir");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(WordNetTest, MalformedIndexIsInvalidArgument) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("parallax-wn-bad-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    std::filesystem::copy_file(kMini + "/index." + pos, dir / (std::string("index.") + pos),
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(kMini + "/data." + pos, dir / (std::string("data.") + pos),
                               std::filesystem::copy_options::overwrite_existing);
  }
  {
    std::ofstream out(dir / "index.adv", std::ios::app);
    out << "swiftly r many 0 1 0 00000010\n";  // synset count is not a number
  }
  Result<std::unique_ptr<WordNet>> r = WordNet::Load(dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("index.adv"), std::string::npos);
}

TEST(WordNetTest, SensesKeepIndexOrder) {
  std::span<const SynsetId> s = Mini().Synsets("demonstrator", WordNetPos::kNoun);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(Mini().Words(s[0]), (std::vector<std::string>{"demonstrator", "protester"}));
  EXPECT_EQ(Mini().Words(s[1]), (std::vector<std::string>{"demonstrator"}));
  EXPECT_TRUE(Mini().Synsets("demonstrator", WordNetPos::kVerb).empty());
  EXPECT_TRUE(Mini().Synsets("", WordNetPos::kNoun).empty());
  EXPECT_EQ(Mini().Gloss(s[1]), "someone who shows how a new product works");
}

TEST(WordNetTest, AdjectiveMarkerIsDropped) {
  std::span<const SynsetId> s = Mini().Synsets("vast", WordNetPos::kAdj);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Mini().Words(s[0]), (std::vector<std::string>{"huge", "vast"}));
}

TEST(WordNetTest, Lemmas) {
  struct Case {
    std::string_view word;
    WordNetPos pos;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"protesters", WordNetPos::kNoun, {"protester"}},
      {"protester", WordNetPos::kNoun, {"protester"}},
      {"children", WordNetPos::kNoun, {"child"}},  // exception list
      {"went", WordNetPos::kVerb, {"go"}},         // exception list
      {"said", WordNetPos::kVerb, {"say"}},
      {"dispersed", WordNetPos::kVerb, {"disperse"}},     // -ed -> -e
      {"scattering", WordNetPos::kVerb, {"scatter"}},     // -ing -> ""
      {"pushed_back", WordNetPos::kVerb, {"push_back"}},  // first word of a collocation
      {"bus_stops", WordNetPos::kNoun, {"bus_stop"}},     // last word of a collocation
      {"bigger", WordNetPos::kAdj, {"big"}},
      {"protesters", WordNetPos::kVerb, {}},
      {"", WordNetPos::kNoun, {}},
      {"s", WordNetPos::kNoun, {}},
      {"zzzz", WordNetPos::kNoun, {}},
      {"демонстранты", WordNetPos::kNoun, {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Mini().Lemmas(c.word, c.pos), c.want) << c.word;
}

TEST(WordNetTest, SynonymsShareConcepts) {
  EXPECT_TRUE(Intersect(ConceptsOf("protesters"), ConceptsOf("demonstrators")));
  EXPECT_TRUE(Intersect(ConceptsOf("dispersed"), ConceptsOf("scattered")));
  EXPECT_TRUE(Intersect(ConceptsOf("pushed_back"), ConceptsOf("repelled")));
  EXPECT_TRUE(Intersect(ConceptsOf("went"), ConceptsOf("travelled")) ||
              Intersect(ConceptsOf("went"), ConceptsOf("travel")));
  // The lexicon does not make "dispersed" and "pushed back" synonyms: neither do we.
  EXPECT_FALSE(Intersect(ConceptsOf("dispersed"), ConceptsOf("pushed_back")));
  EXPECT_FALSE(Intersect(ConceptsOf("crowd"), ConceptsOf("police")));
  EXPECT_TRUE(ConceptsOf("").empty());
  EXPECT_TRUE(ConceptsOf("zzzz").empty());
}

TEST(WordNetTest, DerivationsLinkWordFamilies) {
  // "protest" (verb) -> "protester" (noun) through a "+" pointer of the word itself.
  EXPECT_TRUE(Intersect(ConceptsOf("protest"), ConceptsOf("protester")));
  ConceptOptions no_derivations;
  no_derivations.derivations = false;
  std::vector<SynsetId> verb_only = ConceptsOf("protested", no_derivations);
  EXPECT_FALSE(Intersect(verb_only, ConceptsOf("dissenter", no_derivations)));
  // The pointer of "demonstrator" (word 1) leads to "demonstrate", not to "protest".
  std::span<const SynsetId> s = Mini().Synsets("demonstrator", WordNetPos::kNoun);
  std::vector<SynsetId> from_demonstrator, from_protester;
  Mini().Derivations(s[0], "demonstrator", &from_demonstrator);
  Mini().Derivations(s[0], "protester", &from_protester);
  ASSERT_EQ(from_demonstrator.size(), 1u);
  ASSERT_EQ(from_protester.size(), 1u);
  EXPECT_EQ(Mini().Words(from_demonstrator[0])[0], "demonstrate");
  EXPECT_EQ(Mini().Words(from_protester[0])[0], "protest");
}

TEST(WordNetTest, SensesAreLimited) {
  ConceptOptions one;
  one.max_senses = 1;
  one.derivations = false;
  // "demonstrator": first sense only (the protester one).
  std::vector<SynsetId> c = ConceptsOf("demonstrator", one);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(Mini().Words(c[0])[1], "protester");
  ConceptOptions none;
  none.max_senses = 0;
  EXPECT_TRUE(ConceptsOf("demonstrator", none).empty());
}

TEST(WordNetTest, SimilarAdjectivesOnRequest) {
  ConceptOptions similar;
  similar.similar_adjectives = true;
  EXPECT_FALSE(Intersect(ConceptsOf("large"), ConceptsOf("huge")));
  EXPECT_TRUE(Intersect(ConceptsOf("large", similar), ConceptsOf("huge", similar)));
}

TEST(WordNetTest, BadSynsetIdsAreEmpty) {
  EXPECT_TRUE(Mini().Gloss(5).empty());  // inside the header
  EXPECT_TRUE(Mini().Words((1u << 24) | 999999).empty());
  std::vector<SynsetId> out;
  Mini().Derivations(7, "protest", &out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace parallax::compare
