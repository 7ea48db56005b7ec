// Similarity of two claims (sentences): the probability that they state the same thing,
// from a small boosted-tree model over lexical evidence that sees through paraphrase: coverage of
// each claim's IDF-weighted terms by the other, exactly (same stem) and softly (a shared
// WordNet synset or derivation), word bigrams, length ratio, numbers that disagree, names
// present in one claim only, and negation present in one only.
//
// Invariant: Similarity(a, b) == Similarity(b, a), in [0, 1]; claims that share no content term
// (stem of a word that is not a function word, or number) and no WordNet concept score 0, and so
// does a claim without terms. The pairwise score is a few merges of sorted arrays: no allocation,
// no hash lookup. Everything here is thread-safe (const inputs).
//
//   std::vector<ClaimFeatures> claims = ExtractClaims(sentences, ClaimOptions{}, &idf);
//   PairDecision d = Decide(claims[0], claims[1]);   // d.same, d.score
//   for (const ScoredPair& p : ScoreAllPairs(claims, article_of_claim, {})) ...
#ifndef PARALLAX_COMPARE_SIMILARITY_H_
#define PARALLAX_COMPARE_SIMILARITY_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "src/compare/claim.h"

namespace parallax::compare {

// The pair features, in this order (each symmetric in a and b; names by PairFeatureNames()).
enum class PairFeature {
  kSoftCoverageMin,       // min over the two claims of the weight share matched (stem or concept)
  kSoftCoverageMax,       // max of the same
  kExactCoverageMin,      // min share matched by the same stem
  kExactCoverageMax,      // max of the same
  kTermJaccard,           // |shared terms| / |union of terms|, unweighted
  kBigramDice,            // 2 |shared bigrams| / (|bigrams a| + |bigrams b|)
  kLengthRatio,           // min / max word count
  kNumberConflict,        // numbers swapped: (min(numbers a, b) - shared) / min(numbers a, b)
  kNumberOneSided,        // 1 when only one claim gives numbers
  kEntityUnmatched,       // names swapped: min(1, min(unmatched names in a, in b) / 2); a name is
                          // a capitalised word or an entity key given in ClaimOptions
  kNegationMismatch,      // 1 when only one claim is negated
  kUnmatchedWeight,       // log(1 + largest unmatched IDF weight of either claim) / 3
  kUnmatchedWeightMin,    // log(1 + smallest unmatched IDF weight of either claim) / 3
  kLengthDifference,      // |word count a - word count b| / 10
  kBigramCoverageMin,     // |shared bigrams| / max(|bigrams a|, |bigrams b|)
  kEntityUnmatchedShare,  // unmatched name words of both claims / name words of both
  kUnmatchedContentMax,   // content terms (not function words) left unmatched, larger side / 5
  kUnmatchedContentMin,   // the same, smaller side / 5
  kSoftCoverageProduct,   // product of the two claims' soft coverage
  kCount,
};
inline constexpr int kPairFeatureCount = static_cast<int>(PairFeature::kCount);
using PairFeatureVector = std::array<float, kPairFeatureCount>;

// "soft_coverage_min", ... in PairFeature order.
std::span<const std::string_view> PairFeatureNames();

// The features of the pair (a, b); all zero when the claims share no content term or concept.
PairFeatureVector ComputePairFeatures(const ClaimFeatures& a, const ClaimFeatures& b);

// One depth-2 regression tree over the pair features (a step of gradient boosting).
struct SimilarityTree {
  uint8_t feature[3] = {0, 0, 0};  // the root's feature, then its left and right child's
  float split[3] = {0, 0, 0};      // a feature value below the split goes left
  float leaf[4] = {0, 0, 0, 0};    // outputs: left-left, left-right, right-left, right-right
  double Eval(const PairFeatureVector& f) const {
    int side = f[feature[0]] < split[0] ? 0 : 1;
    int child = 1 + side;
    return leaf[2 * side + (f[feature[child]] < split[child] ? 0 : 1)];
  }
};

// Boosted trees over the pair features: score = 1 / (1 + exp(-(bias + sum of tree outputs))),
// and the pair is the same claim when score >= threshold.
struct SimilarityModel {
  double bias = 0;
  std::vector<SimilarityTree> trees;
  double threshold = 0.5;
  // The committed model (see similarity.cc for how it was trained).
  static const SimilarityModel& Default();
};

// Disagreements that keep two otherwise matching claims from being "the same claim". Compare
// reports such pairs as aligned-but-disagreeing ("numbers that disagree").
enum Disagreement : uint8_t {
  kNumbersDisagree = 1,  // each claim gives a number the other does not (kNumberConflict > 0)
  kNegationDiffers = 2,  // only one claim is negated
  kNamesDiffer = 4,      // two or more name words swapped (kEntityUnmatched == 1)
};

struct PairDecision {
  bool same = false;          // score >= model.threshold and no disagreement
  double score = 0;           // Similarity(a, b)
  uint8_t disagreements = 0;  // Disagreement bits, set whatever the score
};

// Probability-like score in [0, 1] that a and b state the same claim. Disagreements lower it
// (by the model's weights) but do not veto it: Decide does.
double Similarity(const ClaimFeatures& a, const ClaimFeatures& b,
                  const SimilarityModel& model = SimilarityModel::Default());
PairDecision Decide(const ClaimFeatures& a, const ClaimFeatures& b,
                    const SimilarityModel& model = SimilarityModel::Default());

// What two claims share in content words (terms that are not function words): how many of
// each claim's content terms the other matches (same stem or a shared WordNet concept), and
// the share of each claim's content IDF weight so matched. Compare uses it beside the pair
// model to align claims that two outlets word differently at sentence length, where the MRPC
// model (trained on near-paraphrases) is too strict.
struct ContentOverlap {
  int matched_a = 0, matched_b = 0;       // content terms matched
  int content_a = 0, content_b = 0;       // content terms
  double coverage_a = 0, coverage_b = 0;  // matched share of content weight
  int matched_min() const { return matched_a < matched_b ? matched_a : matched_b; }
  double coverage_min() const { return coverage_a < coverage_b ? coverage_a : coverage_b; }
};
ContentOverlap ComputeContentOverlap(const ClaimFeatures& a, const ClaimFeatures& b);

struct ScoredPair {
  uint32_t a = 0;  // index of the first claim (a < b)
  uint32_t b = 0;
  float score = 0;
  friend bool operator==(const ScoredPair&, const ScoredPair&) = default;
};

struct AllPairsOptions {
  // Pairs scoring below this are not returned. Default: 0.1.
  double min_score = 0.1;
  // Walk the inverted index even when scoring every pair would be cheaper (same result; for
  // tests of the index). Default: false.
  bool always_index = false;
};

// Every pair (a < b) of `claims` scoring > 0 and >= options.min_score, skipping pairs with the same
// entry in `groups` (e.g. the article each claim comes from; empty = no groups), ordered by
// (a, b). An inverted index over content terms and concepts skips pairs that share neither:
// such pairs score below any useful threshold. Precondition: groups is empty or as long as
// claims.
std::vector<ScoredPair> ScoreAllPairs(std::span<const ClaimFeatures> claims,
                                      std::span<const uint32_t> groups,
                                      const AllPairsOptions& options,
                                      const SimilarityModel& model = SimilarityModel::Default());

// The reference for ScoreAllPairs: scores every pair. Same contract, same result, O(n^2).
std::vector<ScoredPair> ScoreAllPairsBruteForce(
    std::span<const ClaimFeatures> claims, std::span<const uint32_t> groups,
    const AllPairsOptions& options, const SimilarityModel& model = SimilarityModel::Default());

}  // namespace parallax::compare

#endif  // PARALLAX_COMPARE_SIMILARITY_H_
