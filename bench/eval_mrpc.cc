// Paraphrase identification on pairs in the MSR Paraphrase Corpus layout
// (Quality <TAB> #1 ID <TAB> #2 ID <TAB> #1 String <TAB> #2 String, optional header): scores
// every pair with parallax::compare::Similarity and writes "index<TAB>label<TAB>score" lines
// (with a header) for ../shared/eval/paraphrase_score.py. Reports its own accuracy/F1 on the
// tuning part (every 4th pair: index % 4 == 0), on the rest and on the whole, plus speed.
//
//   parallax_eval_mrpc PAIRS.tsv PRED.tsv [--train] [--no-wordnet] [--tune-every N]
//                      [--max-senses N] [--no-derivations] [--veto] [--no-priors]
//                      [--prior FEATURE=WEIGHT]
//
// IDF weights are learned at run time from the sentences of PAIRS.tsv (no labels used).
// --train fits the logistic model (Newton's method, L2 1e-3) on the tuning part only, picks the
// threshold with the best accuracy there, prints the model as C++ constants (to paste into
// src/compare/similarity.cc) and uses it for the predictions. Without --train the committed
// model is used. Labels are score >= threshold (MRPC's notion of paraphrase); --veto uses
// Decide().same instead, which also requires no disagreement in numbers, negation or names.
// --prior fixes a feature's weight during --train (--no-priors clears them; none by default).
// Stderr also reports WordNet load time, feature and pair-scoring speed, and checks that
// ScoreAllPairs and ScoreAllPairsBruteForce agree on 500 sentences.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "src/compare/claim.h"
#include "src/compare/idf.h"
#include "src/compare/similarity.h"
#include "src/compare/wordnet.h"

namespace {

using parallax::compare::ClaimFeatures;
using parallax::compare::ClaimOptions;
using parallax::compare::IdfTable;
using parallax::compare::kPairFeatureCount;
using parallax::compare::PairFeatureVector;
using parallax::compare::SimilarityModel;
using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Pair {
  int label = 0;
  std::string s1, s2;
};

bool ReadPairs(const std::string& path, std::vector<Pair>* pairs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    bool was_first = first;
    first = false;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    if (cols[0] != "0" && cols[0] != "1") {
      if (was_first) continue;  // header
      std::fprintf(stderr, "eval_mrpc: bad label in line: %s\n", line.c_str());
      return false;
    }
    if (cols.size() < 5) {
      std::fprintf(stderr, "eval_mrpc: expected 5 columns: %s\n", line.c_str());
      return false;
    }
    pairs->push_back({cols[0] == "1", cols[3], cols[4]});
  }
  return true;
}

struct Metrics {
  double accuracy = 0, precision = 0, recall = 0, f1 = 0;
  size_t n = 0;
};

Metrics Evaluate(const std::vector<int>& gold, const std::vector<int>& label,
                 const std::vector<size_t>& subset) {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  for (size_t i : subset) {
    bool p = label[i] != 0;
    if (gold[i] && p) ++tp;
    if (!gold[i] && p) ++fp;
    if (gold[i] && !p) ++fn;
    if (!gold[i] && !p) ++tn;
  }
  Metrics m;
  m.n = subset.size();
  if (m.n == 0) return m;
  m.accuracy = static_cast<double>(tp + tn) / static_cast<double>(m.n);
  m.precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  m.recall = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
  return m;
}

double Dot(const SimilarityModel& m, const PairFeatureVector& x) {
  double z = m.bias;
  for (int k = 0; k < kPairFeatureCount; ++k) z += m.weights[k] * x[k];
  return z;
}

// Solves A x = b (n x n, row-major) by Gaussian elimination with partial pivoting.
std::vector<double> Solve(std::vector<double> a, std::vector<double> b, int n) {
  for (int c = 0; c < n; ++c) {
    int piv = c;
    for (int r = c + 1; r < n; ++r)
      if (std::fabs(a[r * n + c]) > std::fabs(a[piv * n + c])) piv = r;
    for (int k = 0; k < n; ++k) std::swap(a[c * n + k], a[piv * n + k]);
    std::swap(b[c], b[piv]);
    double d = a[c * n + c];
    if (std::fabs(d) < 1e-12) continue;
    for (int r = 0; r < n; ++r) {
      if (r == c) continue;
      double f = a[r * n + c] / d;
      if (f == 0) continue;
      for (int k = c; k < n; ++k) a[r * n + k] -= f * a[c * n + k];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(n);
  for (int c = 0; c < n; ++c) x[c] = std::fabs(a[c * n + c]) < 1e-12 ? 0 : b[c] / a[c * n + c];
  return x;
}

// Weights fixed by hand instead of fitted (--prior FEATURE=WEIGHT; none by default). MRPC's
// labels tolerate rounded or updated figures and renamed people ("2,000" vs "2,100" is marked a
// paraphrase), so the product's notion of disagreement is enforced by Decide's vetoes instead
// of by pulling these weights away from what MRPC supports.
std::vector<std::pair<parallax::compare::PairFeature, double>> fixed_weights;

// Logistic regression by Newton's method (IRLS) with an L2 penalty on the weights (not the
// bias). Deterministic: same data, same model.
SimilarityModel Train(const std::vector<PairFeatureVector>& x, const std::vector<int>& y,
                      const std::vector<size_t>& rows, double l2) {
  const int n = kPairFeatureCount + 1;
  SimilarityModel m;
  for (int iter = 0; iter < 50; ++iter) {
    std::vector<double> hess(n * n, 0), grad(n, 0);
    for (size_t r : rows) {
      double p = 1 / (1 + std::exp(-Dot(m, x[r])));
      double w = std::max(p * (1 - p), 1e-9);
      double v[kPairFeatureCount + 1];
      v[0] = 1;
      for (int k = 0; k < kPairFeatureCount; ++k) v[k + 1] = x[r][k];
      for (int a = 0; a < n; ++a) {
        grad[a] += (y[r] - p) * v[a];
        for (int b = 0; b < n; ++b) hess[a * n + b] += w * v[a] * v[b];
      }
    }
    for (int k = 1; k < n; ++k) {
      double wk = m.weights[k - 1];
      grad[k] -= l2 * static_cast<double>(rows.size()) * wk;
      hess[k * n + k] += l2 * static_cast<double>(rows.size());
    }
    // Fixed weights stay as given: their row and column leave the Newton system.
    for (const auto& [feature, value] : fixed_weights) {
      int k = static_cast<int>(feature) + 1;
      m.weights[k - 1] = value;
      for (int j = 0; j < n; ++j) hess[k * n + j] = hess[j * n + k] = 0;
      hess[k * n + k] = 1;
      grad[k] = 0;
    }
    std::vector<double> step = Solve(hess, grad, n);
    double change = 0;
    m.bias += step[0];
    change += std::fabs(step[0]);
    for (int k = 1; k < n; ++k) {
      m.weights[k - 1] += step[k];
      change += std::fabs(step[k]);
    }
    if (change < 1e-9) break;
  }
  return m;
}

double BestAccuracyThreshold(const std::vector<int>& gold, const std::vector<double>& score,
                             const std::vector<size_t>& subset) {
  std::vector<double> cands;
  for (size_t i : subset) cands.push_back(score[i]);
  std::sort(cands.begin(), cands.end());
  double best_t = 0.5, best = -1;
  for (size_t k = 0; k < cands.size(); ++k) {
    if (k > 0 && cands[k] == cands[k - 1]) continue;
    std::vector<int> label(score.size());
    for (size_t i : subset) label[i] = score[i] >= cands[k];
    Metrics m = Evaluate(gold, label, subset);
    if (m.accuracy > best) {
      best = m.accuracy;
      best_t = k > 0 ? (cands[k] + cands[k - 1]) / 2 : cands[k];
    }
  }
  return best_t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: parallax_eval_mrpc PAIRS.tsv PRED.tsv [--train] [--no-wordnet] "
                 "[--tune-every N] [--max-senses N] [--no-derivations] [--no-priors] [--veto] "
                 "[--prior FEATURE=WEIGHT]\n");
    return 2;
  }
  std::string pairs_path = argv[1], pred_path = argv[2];
  bool train = false, wordnet = true, veto = false;
  size_t tune_every = 4;
  int max_senses = parallax::compare::ConceptOptions{}.max_senses;
  bool derivations = true;
  for (int i = 3; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--train")) {
      train = true;
    } else if (!std::strcmp(argv[i], "--no-wordnet")) {
      wordnet = false;
    } else if (!std::strcmp(argv[i], "--max-senses") && i + 1 < argc) {
      max_senses = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--veto")) {
      veto = true;
    } else if (!std::strcmp(argv[i], "--no-priors")) {
      fixed_weights.clear();
    } else if (!std::strcmp(argv[i], "--prior") && i + 1 < argc) {
      // name=value: fix (or override) one feature's weight.
      std::string spec = argv[++i];
      size_t eq = spec.find('=');
      int found = -1;
      for (int k = 0; k < kPairFeatureCount; ++k)
        if (eq != std::string::npos &&
            parallax::compare::PairFeatureNames()[k] == spec.substr(0, eq))
          found = k;
      if (found < 0) {
        std::fprintf(stderr, "eval_mrpc: bad --prior %s\n", spec.c_str());
        return 2;
      }
      auto feature = static_cast<parallax::compare::PairFeature>(found);
      std::erase_if(fixed_weights, [&](const auto& fw) { return fw.first == feature; });
      fixed_weights.emplace_back(feature, std::atof(spec.c_str() + eq + 1));
    } else if (!std::strcmp(argv[i], "--no-derivations")) {
      derivations = false;
    } else if (!std::strcmp(argv[i], "--tune-every") && i + 1 < argc) {
      tune_every = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "eval_mrpc: unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  std::vector<Pair> pairs;
  if (!ReadPairs(pairs_path, &pairs)) {
    std::fprintf(stderr, "eval_mrpc: cannot read %s\n", pairs_path.c_str());
    return 1;
  }

  auto t0 = Clock::now();
  const parallax::compare::WordNet* wn = wordnet ? parallax::compare::WordNet::Default() : nullptr;
  auto t1 = Clock::now();
  if (wn) {
    std::fprintf(stderr, "wordnet: %zu lemmas loaded in %.1f ms\n", wn->lemma_count(),
                 wn->load_ms());
  }
  ClaimOptions opt;
  opt.wordnet = wn;
  opt.synonyms = wn != nullptr;
  opt.concepts.max_senses = max_senses;
  opt.concepts.derivations = derivations;
  std::vector<std::string_view> texts;
  for (const Pair& p : pairs) {
    texts.push_back(p.s1);
    texts.push_back(p.s2);
  }
  IdfTable idf;
  auto t2 = Clock::now();
  std::vector<ClaimFeatures> claims = parallax::compare::ExtractClaims(texts, opt, &idf);
  auto t3 = Clock::now();
  size_t bytes = 0;
  for (std::string_view t : texts) bytes += t.size();
  std::fprintf(stderr,
               "features: %zu sentences (%.2f MB) in %.1f ms = %.0f sentences/s (first-use "
               "WordNet load %.1f ms not included)\n",
               claims.size(), static_cast<double>(bytes) / 1e6, Ms(t2, t3),
               static_cast<double>(claims.size()) / (Ms(t2, t3) / 1000), Ms(t0, t1));

  size_t terms = 0, concepts = 0;
  for (const ClaimFeatures& c : claims) {
    terms += c.terms.size();
    concepts += c.concepts.size();
  }
  std::fprintf(stderr, "per sentence: %.1f terms, %.1f concept refs\n",
               static_cast<double>(terms) / static_cast<double>(claims.size()),
               static_cast<double>(concepts) / static_cast<double>(claims.size()));
  std::vector<PairFeatureVector> x(pairs.size());
  std::vector<int> y(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    x[i] = parallax::compare::ComputePairFeatures(claims[2 * i], claims[2 * i + 1]);
    y[i] = pairs[i].label;
  }
  std::vector<size_t> tune, rest, all;
  for (size_t i = 0; i < pairs.size(); ++i) {
    (i % tune_every == 0 ? tune : rest).push_back(i);
    all.push_back(i);
  }

  SimilarityModel model = SimilarityModel::Default();
  if (train) {
    model = Train(x, y, tune, 1e-3);
    std::vector<double> s(pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i)
      s[i] = parallax::compare::Similarity(claims[2 * i], claims[2 * i + 1], model);
    model.threshold = BestAccuracyThreshold(y, s, tune);
    std::printf("// Trained by: parallax_eval_mrpc %s PRED.tsv --train --tune-every %zu\n",
                pairs_path.c_str(), tune_every);
    std::printf("// on %zu pairs (index %% %zu == 0); WordNet %s.\n", tune.size(), tune_every,
                wn ? "on" : "off");
    for (const auto& [feature, value] : fixed_weights)
      std::printf(
          "// Fixed by design: %s = %.2f\n",
          std::string(parallax::compare::PairFeatureNames()[static_cast<int>(feature)]).c_str(),
          value);
    std::printf("m.bias = %.6f;\n", model.bias);
    for (int k = 0; k < kPairFeatureCount; ++k)
      std::printf("m.weights[%d] = %.6f;  // %s\n", k, model.weights[k],
                  std::string(parallax::compare::PairFeatureNames()[k]).c_str());
    std::printf("m.threshold = %.6f;\n", model.threshold);
  }

  std::vector<double> score(pairs.size());
  auto t4 = Clock::now();
  for (size_t i = 0; i < pairs.size(); ++i)
    score[i] = parallax::compare::Similarity(claims[2 * i], claims[2 * i + 1], model);
  auto t5 = Clock::now();
  // Labels: score >= threshold (MRPC's notion of paraphrase), or with --veto Decide().same
  // (also no disagreement in numbers, negation or names: the stricter notion compare uses).
  std::vector<int> label(pairs.size());
  size_t vetoed[3] = {0, 0, 0}, vetoed_gold_same[3] = {0, 0, 0};
  for (size_t i = 0; i < pairs.size(); ++i) {
    parallax::compare::PairDecision d =
        parallax::compare::Decide(claims[2 * i], claims[2 * i + 1], model);
    label[i] = veto ? d.same : d.score >= model.threshold;
    for (int k = 0; k < 3; ++k) {
      if (d.score >= model.threshold && (d.disagreements & (1 << k))) {
        ++vetoed[k];
        vetoed_gold_same[k] += y[i];
      }
    }
  }
  const char* veto_names[3] = {"numbers disagree", "negation differs", "names differ"};
  for (int k = 0; k < 3; ++k)
    std::fprintf(stderr, "disagreement %-17s on %4zu pairs above threshold (%zu gold paraphrase)\n",
                 veto_names[k], vetoed[k], vetoed_gold_same[k]);

  std::ofstream out(pred_path, std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "eval_mrpc: cannot write %s\n", pred_path.c_str());
    return 1;
  }
  out << "index\tlabel\tscore\n";
  char buf[64];
  for (size_t i = 0; i < pairs.size(); ++i) {
    std::snprintf(buf, sizeof(buf), "%zu\t%d\t%.6f\n", i, label[i], score[i]);
    out << buf;
  }
  out.close();

  auto report = [&](const char* name, const std::vector<size_t>& subset) {
    Metrics m = Evaluate(y, label, subset);
    std::fprintf(stderr, "%-28s n=%5zu  accuracy %.4f  F1 %.4f  P %.4f  R %.4f\n", name, m.n,
                 m.accuracy, m.f1, m.precision, m.recall);
  };
  std::fprintf(stderr, "threshold %.4f\n", model.threshold);
  char name[64];
  std::snprintf(name, sizeof(name), "tuning part (i %% %zu == 0)", tune_every);
  report(name, tune);
  report("rest", rest);
  report("all", all);

  // Speed: single pairs, then all pairs of up to 500 sentences (a 10-article story).
  std::fprintf(stderr, "pair scores: %zu in %.2f ms = %.2f M pairs/s\n", pairs.size(), Ms(t4, t5),
               static_cast<double>(pairs.size()) / (Ms(t4, t5) * 1000));
  size_t n = std::min<size_t>(500, claims.size());
  std::span<const ClaimFeatures> story(claims.data(), n);
  std::vector<uint32_t> groups(n);
  for (size_t i = 0; i < n; ++i) groups[i] = static_cast<uint32_t>(i / 50);  // 10 "articles"
  auto t6 = Clock::now();
  auto indexed = parallax::compare::ScoreAllPairs(story, groups, {});
  auto t7 = Clock::now();
  auto brute = parallax::compare::ScoreAllPairsBruteForce(story, groups, {});
  auto t8 = Clock::now();
  size_t cross = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) cross += groups[i] != groups[j];
  std::fprintf(stderr,
               "all pairs of %zu sentences in 10 groups (%zu cross pairs): indexed %.2f ms, "
               "brute force %.2f ms (%.2f M pairs/s); %zu vs %zu pairs >= 0.1%s\n",
               n, cross, Ms(t6, t7), Ms(t7, t8), static_cast<double>(cross) / (Ms(t7, t8) * 1000),
               indexed.size(), brute.size(), indexed == brute ? " (identical)" : " (DIFFERENT)");
  return 0;
}
