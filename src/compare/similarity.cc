#include "src/compare/similarity.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace parallax::compare {
namespace {

constexpr std::string_view kFeatureNames[kPairFeatureCount] = {
    "soft_coverage_min",      "soft_coverage_max",     "exact_coverage_min",
    "exact_coverage_max",     "term_jaccard",          "bigram_dice",
    "length_ratio",           "number_conflict",       "number_one_sided",
    "entity_unmatched",       "negation_mismatch",     "unmatched_weight",
    "unmatched_weight_min",   "length_difference",     "bigram_coverage_min",
    "entity_unmatched_share", "unmatched_content_max", "unmatched_content_min",
    "soft_coverage_product",
};

// Match state per term: 0 unmatched, 1 matched through a shared concept, 2 same stem.
constexpr size_t kStackTerms = 512;

struct Side {
  const ClaimFeatures* claim;
  uint8_t* match;
};

size_t SharedSorted(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  size_t i = 0, j = 0, n = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// Fills `out`; returns false (features all zero) when the claims share no content term (not a
// function word) and no concept: such a pair scores 0, which also makes the inverted index of
// ScoreAllPairs exact.
bool Compute(const ClaimFeatures& a, const ClaimFeatures& b, uint8_t* ma, uint8_t* mb,
             PairFeatureVector* out) {
  PairFeatureVector& f = *out;
  f.fill(0);
  const size_t na = a.terms.size(), nb = b.terms.size();
  if (na == 0 || nb == 0) return false;
  std::fill(ma, ma + na, 0);
  std::fill(mb, mb + nb, 0);
  size_t shared = 0;
  bool content_shared = false;
  for (size_t i = 0, j = 0; i < na && j < nb;) {
    if (a.terms[i] < b.terms[j]) {
      ++i;
    } else if (b.terms[j] < a.terms[i]) {
      ++j;
    } else {
      if (!(a.flags[i] & kTermStopword) && !(b.flags[j] & kTermStopword)) content_shared = true;
      ma[i++] = 2;
      mb[j++] = 2;
      ++shared;
    }
  }
  // Concepts: runs of one concept id on both sides mark every term in both runs.
  const auto& ca = a.concepts;
  const auto& cb = b.concepts;
  for (size_t i = 0, j = 0; i < ca.size() && j < cb.size();) {
    if (ca[i].synset < cb[j].synset) {
      ++i;
    } else if (cb[j].synset < ca[i].synset) {
      ++j;
    } else {
      SynsetId c = ca[i].synset;
      content_shared = true;
      size_t i_end = i, j_end = j;
      while (i_end < ca.size() && ca[i_end].synset == c) {
        if (ma[ca[i_end].term] == 0) ma[ca[i_end].term] = 1;
        ++i_end;
      }
      while (j_end < cb.size() && cb[j_end].synset == c) {
        if (mb[cb[j_end].term] == 0) mb[cb[j_end].term] = 1;
        ++j_end;
      }
      i = i_end;
      j = j_end;
    }
  }
  if (!content_shared) return false;
  double wa = 0, wb = 0, soft_a = 0, soft_b = 0, exact_a = 0, exact_b = 0;
  int num_a = 0, num_b = 0, num_shared = 0, ent_a = 0, ent_b = 0, ent_un_a = 0, ent_un_b = 0;
  int content_un_a = 0, content_un_b = 0;
  for (size_t i = 0; i < na; ++i) {
    double w = a.weights[i];
    wa += w;
    if (ma[i]) soft_a += w;
    if (ma[i] == 2) exact_a += w;
    if (!ma[i] && !(a.flags[i] & kTermStopword)) ++content_un_a;
    if (a.flags[i] & kTermNumber) {
      ++num_a;
      if (ma[i] == 2) ++num_shared;
    }
    if (a.flags[i] & kTermEntity) {
      ++ent_a;
      if (ma[i] != 2) ++ent_un_a;
    }
  }
  for (size_t j = 0; j < nb; ++j) {
    double w = b.weights[j];
    wb += w;
    if (mb[j]) soft_b += w;
    if (mb[j] == 2) exact_b += w;
    if (!mb[j] && !(b.flags[j] & kTermStopword)) ++content_un_b;
    if (b.flags[j] & kTermNumber) ++num_b;
    if (b.flags[j] & kTermEntity) {
      ++ent_b;
      if (mb[j] != 2) ++ent_un_b;
    }
  }
  // Entity keys from the entities stage count like name words.
  if (!a.entity_keys.empty() && !b.entity_keys.empty()) {
    size_t keys_shared = SharedSorted(a.entity_keys, b.entity_keys);
    ent_a += static_cast<int>(a.entity_keys.size());
    ent_b += static_cast<int>(b.entity_keys.size());
    // A key names a whole entity: an unmatched key counts like an unmatched full name.
    ent_un_a += 2 * static_cast<int>(a.entity_keys.size() - keys_shared);
    ent_un_b += 2 * static_cast<int>(b.entity_keys.size() - keys_shared);
  }
  auto ratio = [](double x, double y) { return y > 0 ? x / y : 0.0; };
  double cov_soft_a = ratio(soft_a, wa), cov_soft_b = ratio(soft_b, wb);
  double cov_exact_a = ratio(exact_a, wa), cov_exact_b = ratio(exact_b, wb);
  f[static_cast<int>(PairFeature::kSoftCoverageMin)] =
      static_cast<float>(std::min(cov_soft_a, cov_soft_b));
  f[static_cast<int>(PairFeature::kSoftCoverageMax)] =
      static_cast<float>(std::max(cov_soft_a, cov_soft_b));
  f[static_cast<int>(PairFeature::kExactCoverageMin)] =
      static_cast<float>(std::min(cov_exact_a, cov_exact_b));
  f[static_cast<int>(PairFeature::kExactCoverageMax)] =
      static_cast<float>(std::max(cov_exact_a, cov_exact_b));
  f[static_cast<int>(PairFeature::kTermJaccard)] =
      static_cast<float>(ratio(static_cast<double>(shared), static_cast<double>(na + nb - shared)));
  size_t bigrams = a.bigrams.size() + b.bigrams.size();
  double shared_bigrams = static_cast<double>(SharedSorted(a.bigrams, b.bigrams));
  f[static_cast<int>(PairFeature::kBigramDice)] =
      static_cast<float>(ratio(2.0 * shared_bigrams, static_cast<double>(bigrams)));
  f[static_cast<int>(PairFeature::kBigramCoverageMin)] = static_cast<float>(
      ratio(shared_bigrams, static_cast<double>(std::max(a.bigrams.size(), b.bigrams.size()))));
  f[static_cast<int>(PairFeature::kLengthDifference)] =
      static_cast<float>(std::abs(static_cast<double>(a.word_count) - b.word_count) / 10.0);
  f[static_cast<int>(PairFeature::kLengthRatio)] = static_cast<float>(
      ratio(std::min(a.word_count, b.word_count), std::max(a.word_count, b.word_count)));
  // A conflict is a swap: each claim gives a number the other does not. A number only one
  // claim gives is extra content (kNumberOneSided, coverage).
  if (num_a > 0 && num_b > 0) {
    f[static_cast<int>(PairFeature::kNumberConflict)] =
        static_cast<float>(ratio(std::min(num_a, num_b) - num_shared, std::min(num_a, num_b)));
  } else if (num_a > 0 || num_b > 0) {
    f[static_cast<int>(PairFeature::kNumberOneSided)] = 1;
  }
  // A swap, not an omission: names on both sides that the other lacks. (A name only one claim
  // gives is extra content, which the coverage features already see.)
  f[static_cast<int>(PairFeature::kEntityUnmatchedShare)] =
      static_cast<float>(ratio(ent_un_a + ent_un_b, ent_a + ent_b));
  // One swapped word (a surname) gives 0.5, two or more (a full name) 1.
  f[static_cast<int>(PairFeature::kEntityUnmatched)] =
      static_cast<float>(std::min(1.0, std::min(ent_un_a, ent_un_b) / 2.0));
  f[static_cast<int>(PairFeature::kNegationMismatch)] = (a.negations > 0) != (b.negations > 0);
  f[static_cast<int>(PairFeature::kUnmatchedWeight)] =
      static_cast<float>(std::log1p(std::max(wa - soft_a, wb - soft_b)) / 3.0);
  f[static_cast<int>(PairFeature::kUnmatchedWeightMin)] =
      static_cast<float>(std::log1p(std::max(0.0, std::min(wa - soft_a, wb - soft_b))) / 3.0);
  f[static_cast<int>(PairFeature::kUnmatchedContentMax)] =
      static_cast<float>(std::max(content_un_a, content_un_b) / 5.0);
  f[static_cast<int>(PairFeature::kUnmatchedContentMin)] =
      static_cast<float>(std::min(content_un_a, content_un_b) / 5.0);
  f[static_cast<int>(PairFeature::kSoftCoverageProduct)] =
      static_cast<float>(cov_soft_a * cov_soft_b);
  return true;
}

double Score(const PairFeatureVector& f, const SimilarityModel& m) {
  double z = m.bias;
  for (const SimilarityTree& t : m.trees) z += t.Eval(f);
  return 1.0 / (1.0 + std::exp(-z));
}

// Scores one pair with scratch match arrays on the stack (heap only for huge claims).
double ScorePair(const ClaimFeatures& a, const ClaimFeatures& b, const SimilarityModel& m) {
  if (a.terms.empty() || b.terms.empty()) return 0;
  PairFeatureVector f;
  bool related;
  if (a.terms.size() <= kStackTerms && b.terms.size() <= kStackTerms) {
    uint8_t ma[kStackTerms], mb[kStackTerms];
    related = Compute(a, b, ma, mb, &f);
  } else {
    std::vector<uint8_t> ma(a.terms.size()), mb(b.terms.size());
    related = Compute(a, b, ma.data(), mb.data(), &f);
  }
  return related ? Score(f, m) : 0.0;
}

}  // namespace

std::span<const std::string_view> PairFeatureNames() { return kFeatureNames; }

PairFeatureVector ComputePairFeatures(const ClaimFeatures& a, const ClaimFeatures& b) {
  PairFeatureVector f;
  std::vector<uint8_t> ma(a.terms.size()), mb(b.terms.size());
  Compute(a, b, ma.data(), mb.data(), &f);
  return f;
}

ContentOverlap ComputeContentOverlap(const ClaimFeatures& a, const ClaimFeatures& b) {
  ContentOverlap o;
  PairFeatureVector f;
  std::vector<uint8_t> ma(a.terms.size()), mb(b.terms.size());
  if (!Compute(a, b, ma.data(), mb.data(), &f)) return o;
  auto side = [](const ClaimFeatures& c, const std::vector<uint8_t>& m, int* matched, int* content,
                 double* coverage) {
    double total = 0, hit = 0;
    for (size_t k = 0; k < c.terms.size(); ++k) {
      if (c.flags[k] & kTermStopword) continue;
      ++*content;
      total += c.weights[k];
      if (m[k]) {
        ++*matched;
        hit += c.weights[k];
      }
    }
    *coverage = total > 0 ? hit / total : 0;
  };
  side(a, ma, &o.matched_a, &o.content_a, &o.coverage_a);
  side(b, mb, &o.matched_b, &o.content_b, &o.coverage_b);
  return o;
}

double Similarity(const ClaimFeatures& a, const ClaimFeatures& b, const SimilarityModel& model) {
  return ScorePair(a, b, model);
}

PairDecision Decide(const ClaimFeatures& a, const ClaimFeatures& b, const SimilarityModel& model) {
  PairDecision d;
  if (a.terms.empty() || b.terms.empty()) return d;
  PairFeatureVector f;
  bool related;
  if (a.terms.size() <= kStackTerms && b.terms.size() <= kStackTerms) {
    uint8_t ma[kStackTerms], mb[kStackTerms];
    related = Compute(a, b, ma, mb, &f);
  } else {
    std::vector<uint8_t> ma(a.terms.size()), mb(b.terms.size());
    related = Compute(a, b, ma.data(), mb.data(), &f);
  }
  if (!related) return d;
  d.score = Score(f, model);
  if (f[static_cast<int>(PairFeature::kNumberConflict)] > 0) d.disagreements |= kNumbersDisagree;
  if (f[static_cast<int>(PairFeature::kNegationMismatch)] > 0) d.disagreements |= kNegationDiffers;
  if (f[static_cast<int>(PairFeature::kEntityUnmatched)] >= 1) d.disagreements |= kNamesDiffer;
  d.same = d.score >= model.threshold && d.disagreements == 0;
  return d;
}

const SimilarityModel& SimilarityModel::Default() {
  // Gradient-boosted depth-2 trees (logistic loss, 100 rounds) fitted on every 2nd pair of the
  // MRPC train file (index % 2 == 0, 2,038 pairs) plus unrelated sentence pairs from the same
  // part as negatives, IDF learned from the file's sentences, WordNet 3.0 (Debian
  // wordnet-base). `parallax_eval_mrpc ../shared/data/compare/mrpc/train.tsv PRED.tsv --train
  // --model-out src/compare/similarity_model.inc` writes the included file (deterministic).
  // The threshold maximises accuracy on the tuning pairs.
  static const SimilarityModel model = [] {
    SimilarityModel m;
#include "src/compare/similarity_model.inc"
    return m;
  }();
  return model;
}

std::vector<ScoredPair> ScoreAllPairs(std::span<const ClaimFeatures> claims,
                                      std::span<const uint32_t> groups,
                                      const AllPairsOptions& options,
                                      const SimilarityModel& model) {
  // Keys: content terms, and concepts (tagged in the top bit so they never meet a term id of
  // the same value by construction... up to a 2^-63 hash accident, which only adds a pair to
  // score).
  constexpr uint64_t kConceptTag = 1ull << 63;
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  std::vector<std::vector<uint64_t>> keys(claims.size());
  for (uint32_t i = 0; i < claims.size(); ++i) {
    const ClaimFeatures& c = claims[i];
    std::vector<uint64_t>& k = keys[i];
    for (size_t t = 0; t < c.terms.size(); ++t)
      if (!(c.flags[t] & kTermStopword)) k.push_back(c.terms[t] & ~kConceptTag);
    for (const ConceptRef& r : c.concepts) k.push_back(kConceptTag | r.synset);
    std::sort(k.begin(), k.end());
    k.erase(std::unique(k.begin(), k.end()), k.end());
    for (uint64_t key : k) postings.emplace_back(key, i);
  }
  std::sort(postings.begin(), postings.end());
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> ranges;
  ranges.reserve(postings.size());
  for (size_t p = 0; p < postings.size();) {
    size_t q = p;
    while (q < postings.size() && postings[q].first == postings[p].first) ++q;
    ranges.emplace(postings[p].first,
                   std::make_pair(static_cast<uint32_t>(p), static_cast<uint32_t>(q)));
    p = q;
  }
  // When claims share so many keys that walking the postings would visit more entries than
  // there are pairs (one story, all about the same thing), scoring every pair is cheaper; the
  // result is the same, since pairs that share nothing score 0 and are never returned.
  double visits = 0;
  for (const auto& [key, range] : ranges) {
    double len = range.second - range.first;
    visits += len * (len - 1) / 2;
  }
  double n = static_cast<double>(claims.size());
  if (!options.always_index && visits >= n * (n - 1) / 2)
    return ScoreAllPairsBruteForce(claims, groups, options, model);

  std::vector<ScoredPair> out;
  std::vector<uint32_t> stamp(claims.size(), UINT32_MAX);
  std::vector<uint32_t> candidates;
  for (uint32_t i = 0; i < claims.size(); ++i) {
    candidates.clear();
    for (uint64_t key : keys[i]) {
      auto [begin, end] = ranges.at(key);
      // Postings are sorted by claim: skip to the claims after i.
      auto first = std::upper_bound(postings.begin() + begin, postings.begin() + end,
                                    std::make_pair(key, i));
      for (auto it = first; it != postings.begin() + end; ++it) {
        uint32_t j = it->second;
        if (stamp[j] == i) continue;
        stamp[j] = i;
        if (!groups.empty() && groups[i] == groups[j]) continue;
        candidates.push_back(j);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    for (uint32_t j : candidates) {
      double s = ScorePair(claims[i], claims[j], model);
      if (s > 0 && s >= options.min_score) out.push_back({i, j, static_cast<float>(s)});
    }
  }
  return out;
}

std::vector<ScoredPair> ScoreAllPairsBruteForce(std::span<const ClaimFeatures> claims,
                                                std::span<const uint32_t> groups,
                                                const AllPairsOptions& options,
                                                const SimilarityModel& model) {
  std::vector<ScoredPair> out;
  for (uint32_t i = 0; i < claims.size(); ++i) {
    for (uint32_t j = i + 1; j < claims.size(); ++j) {
      if (!groups.empty() && groups[i] == groups[j]) continue;
      double s = ScorePair(claims[i], claims[j], model);
      if (s > 0 && s >= options.min_score) out.push_back({i, j, static_cast<float>(s)});
    }
  }
  return out;
}

}  // namespace parallax::compare
