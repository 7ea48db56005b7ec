// Claim features and similarity on fictional sentences (places, people and events invented for
// these tests). Synonyms come from the wordnet-mini fixture, never from the installed WordNet.
#include "src/compare/similarity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/compare/claim.h"
#include "src/compare/idf.h"
#include "src/compare/wordnet.h"

namespace parallax::compare {
namespace {

const WordNet* Mini() {
  static const WordNet* wn = [] {
    Result<std::unique_ptr<WordNet>> r =
        WordNet::Load(std::string(PARALLAX_SOURCE_DIR) + "/testdata/wordnet-mini");
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  return wn;
}

ClaimOptions Options(std::string language = "en", bool synonyms = true) {
  ClaimOptions opt;
  opt.language = std::move(language);
  opt.wordnet = Mini();
  opt.synonyms = synonyms;
  return opt;
}

// Both claims of a pair, weighted by an IDF table built from the two.
std::pair<ClaimFeatures, ClaimFeatures> Prepare(std::string_view a, std::string_view b,
                                                const ClaimOptions& opt) {
  std::string_view texts[] = {a, b};
  IdfTable idf;
  std::vector<ClaimFeatures> c = ExtractClaims(texts, opt, &idf);
  return {std::move(c[0]), std::move(c[1])};
}

PairDecision Judge(std::string_view a, std::string_view b, const ClaimOptions& opt = Options()) {
  auto [x, y] = Prepare(a, b, opt);
  PairDecision d = Decide(x, y);
  PairDecision r = Decide(y, x);
  EXPECT_EQ(d.score, r.score) << "asymmetric: " << a << " | " << b;
  EXPECT_GE(d.score, 0);
  EXPECT_LE(d.score, 1);
  return d;
}

float Feature(std::string_view a, std::string_view b, PairFeature f,
              const ClaimOptions& opt = Options()) {
  auto [x, y] = Prepare(a, b, opt);
  return ComputePairFeatures(x, y)[static_cast<int>(f)];
}

TEST(SimilarityTest, FixtureLoads) { ASSERT_NE(Mini(), nullptr); }

struct PairCase {
  const char* name;
  const char* a;
  const char* b;
  const char* language;
  bool same;
};

TEST(SimilarityTest, Decisions) {
  const PairCase cases[] = {
      {"identical", "Police dispersed the protesters outside the town hall in Varnow on Sunday.",
       "Police dispersed the protesters outside the town hall in Varnow on Sunday.", "en", true},
      {"synonyms", "Police dispersed the protesters outside the town hall in Varnow on Sunday.",
       "Police scattered the demonstrators outside the town hall in Varnow on Sunday.", "en", true},
      {"reordered", "On Sunday the police dispersed protesters outside Varnow's town hall.",
       "Police dispersed the protesters outside the town hall in Varnow on Sunday.", "en", true},
      {"different numbers", "A fire at the Varnow sawmill injured 12 workers on Sunday.",
       "A fire at the Varnow sawmill injured 40 workers on Sunday.", "en", false},
      {"different number words", "Three ferries left Brennick harbour before the storm.",
       "Seven ferries left Brennick harbour before the storm.", "en", false},
      {"negation", "The Varnow council approved the plan for the new bridge.",
       "The Varnow council did not approve the plan for the new bridge.", "en", false},
      {"entity swap", "Mayor Ilse Brandt met Governor Tomas Kell in Varnow on Friday.",
       "Mayor Ilse Brandt met Governor Pavel Kask in Varnow on Friday.", "en", false},
      {"unrelated", "Police dispersed the protesters outside the town hall in Varnow on Sunday.",
       "The Brennick orchestra will tour three northern cities next spring.", "en", false},
      {"cjk same", "瓦尔诺市议会周一批准了新桥计划。", "瓦尔诺市议会周一批准了新桥计划。", "",
       true},
      {"cjk different", "瓦尔诺市议会周一批准了新桥计划。", "布伦尼克乐团明年春天巡演。", "",
       false},
      {"cyrillic word forms", "Полиция разогнала протестующих у мэрии Варнова в воскресенье.",
       "В воскресенье полиция разогнала протестующих возле мэрии Варнова.", "ru", true},
      {"cyrillic numbers", "Пожар на лесопилке в Варнове ранил 12 рабочих.",
       "Пожар на лесопилке в Варнове ранил 40 рабочих.", "ru", false},
      {"curly vs straight", "The mayor of Varnow didn\u2019t sign the \u201cbridge\u201d decree.",
       "The mayor of Varnow didn't sign the \"bridge\" decree.", "en", true},
      {"nbsp", "Ferries\u00a0to Brennick were cancelled on Monday.",
       "Ferries to Brennick were cancelled on Monday.", "en", true},
      {"combining marks", "Minister Vuc\u030cic\u0301 opened the Varnow bridge.",
       "Minister Vucic opened the Varnow bridge.", "en", true},
  };
  for (const PairCase& c : cases) {
    PairDecision d = Judge(c.a, c.b, Options(c.language));
    EXPECT_EQ(d.same, c.same) << c.name << " score " << d.score;
  }
}

TEST(SimilarityTest, DisagreementsVetoSameness) {
  struct Case {
    const char* a;
    const char* b;
    uint8_t want;
  };
  const Case cases[] = {
      {"A fire at the Varnow sawmill injured 12 workers on Sunday.",
       "A fire at the Varnow sawmill injured 40 workers on Sunday.", kNumbersDisagree},
      {"A fire at the Varnow sawmill injured 12 workers on Sunday.",
       "A fire at the Varnow sawmill injured workers on Sunday.", 0},  // omission, not conflict
      {"The Varnow council approved the plan.", "The Varnow council never approved the plan.",
       kNegationDiffers},
      {"The Varnow council didn't approve the plan.",
       "The Varnow council did not approve the plan.", 0},
      {"Mayor Ilse Brandt met Governor Tomas Kell in Varnow.",
       "Mayor Ilse Brandt met Governor Pavel Kask in Varnow.", kNamesDiffer},
      {"Mayor Ilse Brandt met Governor Tomas Kell in Varnow.",
       "Mayor Ilse Brandt met Governor Kell in Varnow.", 0},
      {"In 2023 Varnow counted 1,200 ferries.",
       "In 2024 Varnow counted 1,300 ferries, and no one protested.",
       kNumbersDisagree | kNegationDiffers},
  };
  for (const Case& c : cases) {
    auto [x, y] = Prepare(c.a, c.b, Options());
    PairDecision d = Decide(x, y);
    EXPECT_EQ(d.disagreements, c.want) << c.a << " | " << c.b;
    EXPECT_EQ(d.score, Similarity(x, y));
    if (c.want) {
      EXPECT_FALSE(d.same) << c.a << " | " << c.b;
    }
  }
}

TEST(SimilarityTest, EmptyClaimsMatchNothing) {
  const char* empties[] = {"", "   ", "\u00a0\u2003", "...!?", "\u200b\u00ad"};
  for (const char* e : empties) {
    PairDecision d = Judge(e, "Ferries to Brennick were cancelled on Monday.");
    EXPECT_FALSE(d.same) << "[" << e << "]";
    EXPECT_EQ(d.score, 0) << "[" << e << "]";
    PairDecision both = Judge(e, e);
    EXPECT_FALSE(both.same) << "[" << e << "]";
    EXPECT_EQ(both.score, 0) << "[" << e << "]";
  }
}

TEST(SimilarityTest, SynonymsRaiseTheScore) {
  const char* a = "Police dispersed the protesters outside the town hall in Varnow on Sunday.";
  const char* b = "Police scattered the demonstrators outside the town hall in Varnow on Sunday.";
  PairDecision with = Judge(a, b, Options("en", true));
  PairDecision without = Judge(a, b, Options("en", false));
  EXPECT_GT(with.score, without.score);
  EXPECT_GT(Feature(a, b, PairFeature::kSoftCoverageMin),
            Feature(a, b, PairFeature::kExactCoverageMin));
  // "pushed back" is the collocation push_back, a synonym of "repelled".
  EXPECT_GT(Feature("Guards pushed back the crowd.", "Guards repelled the crowd.",
                    PairFeature::kSoftCoverageMin),
            Feature("Guards pushed back the crowd.", "Guards repelled the crowd.",
                    PairFeature::kExactCoverageMin));
  // Derivations: the verb "marched" (a synonym of "demonstrate") meets the noun
  // "demonstrators" through its "+" pointer; stems alone cannot see it.
  const char* c = "Farmers marched in Varnow.";
  const char* d = "Demonstrators in Varnow.";
  EXPECT_GT(Feature(c, d, PairFeature::kSoftCoverageMax),
            Feature(c, d, PairFeature::kExactCoverageMax));
  ConceptOptions no_derivations;
  no_derivations.derivations = false;
  ClaimOptions plain = Options();
  plain.concepts = no_derivations;
  EXPECT_EQ(Feature(c, d, PairFeature::kSoftCoverageMax, plain),
            Feature(c, d, PairFeature::kExactCoverageMax, plain));
}

TEST(SimilarityTest, CloserParaphraseScoresHigher) {
  const char* base = "A fire at the Varnow sawmill injured 12 workers on Sunday.";
  double identical = Judge(base, base).score;
  double numbers = Judge(base, "A fire at the Varnow sawmill injured 40 workers on Sunday.").score;
  double extra = Judge(base,
                       "A fire at the Varnow sawmill injured 12 workers on Sunday, and the "
                       "owner said the plant would stay closed until the inspectors finish.")
                     .score;
  EXPECT_GT(identical, extra);
  EXPECT_GT(identical, numbers);
}

TEST(SimilarityTest, NumbersAreCanonical) {
  auto same_terms = [](std::string_view a, std::string_view b) {
    ClaimOptions opt = Options();
    return ExtractClaim(a, opt).terms == ExtractClaim(b, opt).terms;
  };
  EXPECT_TRUE(same_terms("It cost 10,000 crowns.", "It cost 10000 crowns."));
  EXPECT_TRUE(same_terms("It cost 2.5 billion crowns.", "It cost 2,500 million crowns."));
  EXPECT_TRUE(same_terms("It cost 2.50 crowns.", "It cost 2.5 crowns."));
  EXPECT_TRUE(same_terms("Two boats sank.", "2 boats sank."));
  EXPECT_FALSE(same_terms("It cost 2.5 crowns.", "It cost 25 crowns."));
  EXPECT_FALSE(same_terms("At 18:21 it sank.", "At 18:12 it sank."));
  EXPECT_EQ(Feature("Officials counted 12 boats and 3 barges.", "Officials counted 12 boats.",
                    PairFeature::kNumberConflict),
            Feature("Officials counted 12 boats and 3 barges.", "Officials counted 12 boats.",
                    PairFeature::kNumberConflict));
  EXPECT_EQ(Feature("Officials counted boats.", "Officials counted 12 boats.",
                    PairFeature::kNumberOneSided),
            1.0f);
  EXPECT_EQ(Feature("Officials counted 12 boats.", "Officials counted 12 boats.",
                    PairFeature::kNumberConflict),
            0.0f);
}

TEST(SimilarityTest, ClaimFeatureInvariants) {
  const char* texts[] = {
      "Police dispersed the protesters outside the town hall in Varnow on Sunday.",
      "Полиция разогнала протестующих у мэрии Варнова.",
      "瓦尔诺市议会周一批准了新桥计划。",
      "",
      "The the the the.",
      "Mayor Ilse Brandt didn\u2019t meet Governor Tomas Kell; no one did.",
  };
  for (const char* t : texts) {
    ClaimFeatures c = ExtractClaim(t, Options());
    EXPECT_TRUE(std::is_sorted(c.terms.begin(), c.terms.end())) << t;
    EXPECT_EQ(std::adjacent_find(c.terms.begin(), c.terms.end()), c.terms.end()) << t;
    EXPECT_EQ(c.weights.size(), c.terms.size());
    EXPECT_EQ(c.flags.size(), c.terms.size());
    EXPECT_TRUE(std::is_sorted(c.bigrams.begin(), c.bigrams.end()));
    for (size_t k = 1; k < c.concepts.size(); ++k) {
      EXPECT_TRUE(c.concepts[k - 1].synset < c.concepts[k].synset ||
                  (c.concepts[k - 1].synset == c.concepts[k].synset &&
                   c.concepts[k - 1].term < c.concepts[k].term));
    }
    for (const ConceptRef& r : c.concepts) EXPECT_LT(r.term, c.terms.size());
  }
  ClaimFeatures neg = ExtractClaim("Brandt didn\u2019t meet Kell; no one did.", Options());
  EXPECT_EQ(neg.negations, 2u);
  ClaimFeatures names =
      ExtractClaim("Police said the mayor Ilse Brandt met with Kell in the port.", Options());
  int entities = 0;
  for (uint8_t f : names.flags) entities += (f & kTermEntity) != 0;
  EXPECT_EQ(entities, 3);  // Ilse Brandt Kell; not "Police" (a common word opening the sentence)
  ClaimFeatures headline = ExtractClaim("Police Disperse Protesters In Varnow Square", Options());
  for (uint8_t f : headline.flags) EXPECT_EQ(f & kTermEntity, 0);
}

TEST(SimilarityTest, EntityKeysFromTheEntitiesStage) {
  ClaimOptions a = Options(), b = Options();
  a.entity_keys = {"tomas kell"};
  b.entity_keys = {"pavel kask"};
  std::string_view text = "The governor met the mayor in the port.";
  ClaimFeatures x = ExtractClaim(text, a), y = ExtractClaim(text, b);
  EXPECT_EQ(ComputePairFeatures(x, y)[static_cast<int>(PairFeature::kEntityUnmatched)], 1.0f);
  EXPECT_EQ(Decide(x, y).disagreements, kNamesDiffer);
  EXPECT_FALSE(Decide(x, y).same);
  EXPECT_TRUE(Decide(x, x).same);
  b.entity_keys = {"tomas kell"};
  y = ExtractClaim(text, b);
  EXPECT_EQ(ComputePairFeatures(x, y)[static_cast<int>(PairFeature::kEntityUnmatched)], 0.0f);
}

TEST(SimilarityTest, WorksWithoutWordNet) {
  ClaimOptions opt = Options("en", false);
  ClaimFeatures c = ExtractClaim("Police dispersed the protesters.", opt);
  EXPECT_TRUE(c.concepts.empty());
  EXPECT_TRUE(Judge("Police dispersed the protesters in Varnow.",
                    "Police dispersed the protesters in Varnow.", opt)
                  .same);
}

TEST(SimilarityTest, AllPairsMatchesBruteForce) {
  std::vector<std::string> texts = {
      "Police dispersed the protesters outside the town hall in Varnow on Sunday.",
      "Police scattered the demonstrators outside the town hall in Varnow on Sunday.",
      "A fire at the Varnow sawmill injured 12 workers on Sunday.",
      "A fire at the Varnow sawmill injured 40 workers on Sunday.",
      "A fire at the Varnow sawmill injured 12 workers on Sunday.",
      "The Brennick orchestra will tour three northern cities next spring.",
      "The orchestra of Brennick tours three cities in the north next spring.",
      "",
      "Guards pushed back the crowd.",
      "Guards repelled the crowd.",
      "瓦尔诺市议会周一批准了新桥计划。",
      "瓦尔诺市议会周一批准了新桥计划。",
  };
  std::vector<std::string_view> views(texts.begin(), texts.end());
  IdfTable idf;
  std::vector<ClaimFeatures> claims = ExtractClaims(views, Options(), &idf);
  std::vector<uint32_t> groups = {0, 1, 0, 1, 0, 1, 0, 1, 2, 3, 0, 0};
  for (double min_score : {0.0, 0.1, 0.5, 0.9}) {
    AllPairsOptions opt;
    opt.min_score = min_score;
    opt.always_index = true;
    std::vector<ScoredPair> fast = ScoreAllPairs(claims, {}, opt);
    std::vector<ScoredPair> slow = ScoreAllPairsBruteForce(claims, {}, opt);
    EXPECT_EQ(fast, slow) << min_score;
    std::vector<ScoredPair> fast_g = ScoreAllPairs(claims, groups, opt);
    std::vector<ScoredPair> slow_g = ScoreAllPairsBruteForce(claims, groups, opt);
    EXPECT_EQ(fast_g, slow_g) << min_score;
    for (const ScoredPair& p : fast_g) {
      EXPECT_LT(p.a, p.b);
      EXPECT_NE(groups[p.a], groups[p.b]);
    }
  }
  // The two identical CJK claims share a group: skipped.
  AllPairsOptions opt;
  opt.min_score = 0.5;
  for (const ScoredPair& p : ScoreAllPairs(claims, groups, opt))
    EXPECT_FALSE(p.a == 10 && p.b == 11);
  EXPECT_TRUE(ScoreAllPairs({}, {}, opt).empty());
}

TEST(SimilarityTest, PruningConceptsKeepsScores) {
  std::vector<std::string> texts = {
      "Police dispersed the protesters outside the town hall in Varnow on Sunday.",
      "Police scattered the demonstrators outside the town hall in Varnow on Sunday.",
      "Guards pushed back the crowd.",
      "Guards repelled the throng.",
      "Farmers marched in Varnow.",
      "Demonstrators in Varnow went home.",
      "The children travelled to Brennick.",
  };
  std::vector<ClaimFeatures> full, pruned;
  for (const std::string& t : texts) full.push_back(ExtractClaim(t, Options()));
  pruned = full;
  PruneConcepts(pruned);
  size_t before = 0, after = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    before += full[i].concepts.size();
    after += pruned[i].concepts.size();
    for (size_t j = 0; j < full.size(); ++j)
      EXPECT_EQ(Similarity(full[i], full[j]), Similarity(pruned[i], pruned[j])) << i << " " << j;
  }
  EXPECT_LT(after, before);
  EXPECT_GT(after, 0u);
}

TEST(SimilarityTest, FeatureNamesCoverEveryFeature) {
  ASSERT_EQ(PairFeatureNames().size(), static_cast<size_t>(kPairFeatureCount));
  for (std::string_view n : PairFeatureNames()) EXPECT_FALSE(n.empty());
}

}  // namespace
}  // namespace parallax::compare
