// MinHash against the exact reference: signature estimates vs exact shingle Jaccard on many
// generated pairs at controlled overlap, normalisation edge cases, serialisation and merging.
#include "src/dedup/minhash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace parallax::dedup {
namespace {

// A pseudo-word that is distinct for every n: "w" + base-26 digits.
std::string Word(uint64_t n) {
  std::string w = "w";
  do {
    w.push_back(static_cast<char>('a' + n % 26));
    n /= 26;
  } while (n > 0);
  return w;
}

std::vector<std::string> Words(uint64_t first, size_t count) {
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) out.push_back(Word(first + i));
  return out;
}

TEST(MinHashTest, EstimateWithinBinomialBoundOnManyPairs) {
  // Pairs of word sequences over distinct words: B repeats a window of A shifted by `shift`
  // and adds fresh words, so the exact shingle Jaccard sweeps 0..1.
  std::mt19937_64 rng(20240601);
  int within_2sigma = 0, pairs = 0;
  double sum_error = 0;
  for (int trial = 0; trial < 300; ++trial) {
    size_t n = 40 + rng() % 400;
    size_t shift = rng() % (n + 1);
    uint64_t base = trial * 100000ULL;
    std::vector<std::string> a = Words(base, n);
    std::vector<std::string> b = Words(base + shift, n - shift);
    std::vector<std::string> fresh = Words(base + 50000 + shift, shift);
    b.insert(b.end(), fresh.begin(), fresh.end());
    double exact = ExactJaccard(ShingleSet(a), ShingleSet(b));
    double est = EstimateJaccard(ComputeSignatureFromWords(a), ComputeSignatureFromWords(b));
    double sigma = std::sqrt(exact * (1 - exact) / kNumHashes);
    // Four standard errors (plus one position for rounding): a pair outside is a bug, not bad
    // luck (p ~ 6e-5 per pair).
    EXPECT_LE(std::fabs(est - exact), 4 * sigma + 1.0 / kNumHashes)
        << "trial " << trial << " exact " << exact << " est " << est;
    within_2sigma += std::fabs(est - exact) <= 2 * sigma + 1.0 / kNumHashes;
    sum_error += est - exact;
    ++pairs;
  }
  // About 95% fall within two standard errors for independent hash functions.
  EXPECT_GE(within_2sigma, pairs * 88 / 100);
  // Unbiased: the mean error is small.
  EXPECT_LT(std::fabs(sum_error / pairs), 0.01);
}

TEST(MinHashTest, IdenticalAndDisjoint) {
  std::vector<std::string> a = Words(0, 100), b = Words(1000, 100);
  Signature sa = ComputeSignatureFromWords(a), sb = ComputeSignatureFromWords(b);
  EXPECT_DOUBLE_EQ(EstimateJaccard(sa, sa), 1.0);
  EXPECT_LT(EstimateJaccard(sa, sb), 0.05);
  EXPECT_EQ(sa.shingles, 96u);
  EXPECT_NE(sa.exact, sb.exact);
}

TEST(MinHashTest, ShortBodiesAreOneShingle) {
  Signature s = ComputeSignatureFromWords({"alpha", "beta"});
  EXPECT_EQ(s.shingles, 1u);
  EXPECT_DOUBLE_EQ(EstimateJaccard(s, ComputeSignatureFromWords({"alpha", "beta"})), 1.0);
  EXPECT_LT(EstimateJaccard(s, ComputeSignatureFromWords({"alpha", "gamma"})), 0.1);
}

TEST(MinHashTest, EmptyInputGivesEmptySignature) {
  Signature s = ComputeSignatureFromWords({});
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.exact, 0u);
  EXPECT_DOUBLE_EQ(EstimateJaccard(s, s), 0.0);
  EXPECT_DOUBLE_EQ(EstimateContainment(s, s), 0.0);
}

TEST(MinHashTest, ContainmentOfATrimmedCopy) {
  std::vector<std::string> full = Words(0, 400);
  std::vector<std::string> trimmed(full.begin(), full.begin() + 240);
  Signature a = ComputeSignatureFromWords(full), b = ComputeSignatureFromWords(trimmed);
  EXPECT_NEAR(EstimateJaccard(a, b), 236.0 / 396.0, 0.2);
  EXPECT_GE(EstimateContainment(a, b), 0.8);
  EXPECT_GE(EstimateContainment(b, a), 0.8);  // symmetric
}

TEST(MinHashTest, BytesRoundTrip) {
  Signature s = ComputeSignatureFromWords(Words(7, 50));
  std::string bytes = s.ToBytes();
  EXPECT_EQ(bytes.size(), kSignatureBytes);
  Result<Signature> back = Signature::FromBytes(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, s);
}

TEST(MinHashTest, BytesRejectsBadInput) {
  std::string bytes = ComputeSignatureFromWords(Words(7, 50)).ToBytes();
  EXPECT_FALSE(Signature::FromBytes("").ok());
  EXPECT_FALSE(Signature::FromBytes(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(Signature::FromBytes(bytes + "x").ok());
  std::string wrong_version = bytes;
  wrong_version[0] = 9;
  EXPECT_FALSE(Signature::FromBytes(wrong_version).ok());
}

TEST(MinHashTest, MergeIsTheUnionSignature) {
  std::vector<std::string> a = Words(0, 200), b = Words(100, 200);
  Signature sa = ComputeSignatureFromWords(a), sb = ComputeSignatureFromWords(b);
  Signature m = Merge(sa, sb);
  for (int i = 0; i < kNumHashes; ++i) EXPECT_EQ(m.mins[i], std::min(sa.mins[i], sb.mins[i]));
  // The union of the shingle sets has 196 + 196 - 96 = 296 shingles.
  EXPECT_NEAR(m.shingles, 296.0, 60.0);
  EXPECT_EQ(Merge(sa, sa), sa);
  EXPECT_EQ(Merge(sa, Signature()), sa);
  EXPECT_EQ(Merge(Signature(), sb), sb);
}

TEST(MinHashTest, NormalisationMakesExactDuplicates) {
  Signature a = ComputeSignature(
      "The council of Varnholm approved the new harbour budget on Tuesday, officials said.");
  struct Case {
    const char* name;
    const char* text;
  } cases[] = {
      {"upper case",
       "THE COUNCIL OF VARNHOLM APPROVED THE NEW HARBOUR BUDGET ON TUESDAY, "
       "OFFICIALS SAID."},
      {"white space and NBSP",
       "The  council\tof\nVarnholm\xC2\xA0"
       "approved the new harbour "
       "budget on Tuesday , officials said"},
      {"punctuation",
       "The council of Varnholm approved the new harbour budget on Tuesday; "
       "officials said!"},
  };
  for (const Case& c : cases) {
    Signature b = ComputeSignature(c.text);
    EXPECT_EQ(a.exact, b.exact) << c.name;
    EXPECT_EQ(a.mins, b.mins) << c.name;
  }
  EXPECT_NE(a.exact, ComputeSignature("The council of Varnholm rejected the new harbour budget "
                                      "on Tuesday, officials said.")
                         .exact);
}

TEST(MinHashTest, EdgeCaseInputs) {
  struct Case {
    const char* name;
    const char* text;
    bool empty;
  } cases[] = {
      {"empty", "", true},
      {"white space only", " \t\n  \n", true},
      {"NBSP only", "\xC2\xA0\xC2\xA0", true},
      {"punctuation only", "... -- !?", true},
      {"curly quotes", "\xE2\x80\x9CHello,\xE2\x80\x9D she said.", false},
      {"CJK", "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE5\xA4\xA9\xE6\xB0\x97", false},
      {"RTL Hebrew", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", false},
      {"combining marks", "Vuc\xCC\x8Cic\xCC\x81 said", false},
  };
  for (const Case& c : cases) {
    Signature s = ComputeSignature(c.text);
    EXPECT_EQ(s.empty(), c.empty) << c.name;
  }
}

TEST(MinHashTest, DiacriticsAndQuotesFold) {
  // Folding removes combining marks: precomposed and decomposed forms and the bare letters
  // give one exact hash; curly and straight apostrophes too.
  uint64_t precomposed = ComputeSignature(
                             "Minister Vu\xC4\x8D"
                             "i\xC4\x87 arrived")
                             .exact;
  uint64_t decomposed = ComputeSignature("Minister Vuc\xCC\x8Cic\xCC\x81 arrived").exact;
  uint64_t bare = ComputeSignature("MINISTER VUCIC ARRIVED").exact;
  EXPECT_EQ(precomposed, decomposed);
  EXPECT_EQ(precomposed, bare);
  EXPECT_EQ(ComputeSignature("the mayor\xE2\x80\x99s office").exact,
            ComputeSignature("the mayor's office").exact);
}

TEST(MinHashTest, ArticleUsesBodyBlocksOnly) {
  Article a;
  a.text = "Harbour budget approved\n\nThe council of Varnholm approved the budget.\n\nRead more";
  a.blocks.push_back({BlockRole::kHeadline, Span{0, 23}, ""});
  a.blocks.push_back({BlockRole::kBody, Span{25, 69}, ""});
  a.blocks.push_back({BlockRole::kBoilerplate, Span{71, 80}, "read-more link"});
  EXPECT_EQ(ComputeSignature(a).exact,
            ComputeSignature("The council of Varnholm approved the budget.").exact);
  Article no_blocks;
  no_blocks.text = "The council of Varnholm approved the budget.";
  EXPECT_EQ(ComputeSignature(no_blocks).exact, ComputeSignature(a).exact);
}

}  // namespace
}  // namespace parallax::dedup
