// Paraphrase identification on pairs in the MSR Paraphrase Corpus layout
// (Quality <TAB> #1 ID <TAB> #2 ID <TAB> #1 String <TAB> #2 String, optional header): scores
// every pair with parallax::compare::Similarity and writes "index<TAB>label<TAB>score" lines
// (with a header) for ../shared/eval/paraphrase_score.py. Reports its own accuracy/F1 on the
// tuning part (every 2nd pair: index % 2 == 0), on the rest and on the whole, plus speed.
//
//   parallax_eval_mrpc PAIRS.tsv PRED.tsv [--train [--model-out FILE]] [--no-wordnet]
//                      [--tune-every N] [--max-senses N] [--no-derivations] [--veto]
//
// IDF weights are learned at run time from the sentences of PAIRS.tsv (no labels used).
// --train fits the boosted trees (see Train) on the tuning part only, picks the threshold with
// the best accuracy there and uses the model for the predictions; --model-out writes it as
// src/compare/similarity_model.inc. Without --train the committed model is used. Labels are score
// >= threshold (MRPC's notion of paraphrase); --veto uses Decide().same instead, which also
// requires no disagreement in numbers, negation or names. Stderr also reports WordNet load time,
// feature and pair-scoring speed, and checks that ScoreAllPairs and ScoreAllPairsBruteForce agree
// on 500 sentences.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
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

// Gradient boosting of depth-2 regression trees with the logistic loss (Newton steps: leaf =
// sum of gradients / (sum of hessians + lambda), shrunk by the learning rate). Splits need at
// least kMinLeaf training pairs on each side. Deterministic: same data, same model (rows sorted
// by value, ties by index).
constexpr int kRounds = 100;
constexpr double kLearningRate = 0.1, kLambda = 1.0;
constexpr size_t kMinLeaf = 30;

// Monotone constraints (+1 the score may only rise with the feature, -1 only fall, 0 free):
// matching more of each claim never lowers a score and a swapped number, name or negation
// never raises it, on any input (MRPC has no identical pairs, and left free, bigram overlap
// near 1 learns to count against a pair). Length and the share of names stay free.
constexpr int kMonotone[kPairFeatureCount] = {
    +1, +1, +1, +1, +1,  // soft coverage min, max, exact coverage min, max, term Jaccard
    0,  0,               // bigram Dice, length ratio
    -1, 0,  -1, -1,      // number conflict, number one-sided, entity unmatched, negation
    -1, -1, 0,           // unmatched weight max and min, length difference
    0,  0,               // bigram coverage, entity unmatched share
    -1, -1, +1,          // unmatched content max and min, soft coverage product
};

struct Bounds {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  double Clamp(double v) const { return std::min(hi, std::max(lo, v)); }
};

struct Split {
  int feature = -1;
  float value = 0;
  double left = 0, right = 0;  // the two sides' (clamped) Newton values
};

// The best split of `rows` (by the second-order gain) whose two sides respect the feature's
// monotone constraint within `bounds`, or feature -1 when none is allowed.
Split BestSplit(const std::vector<PairFeatureVector>& x, const std::vector<size_t>& rows,
                const std::vector<double>& g, const std::vector<double>& h, Bounds bounds) {
  Split best;
  if (rows.size() < 2 * kMinLeaf) return best;
  double gt = 0, ht = 0;
  for (size_t r : rows) gt += g[r], ht += h[r];
  const double parent = gt * gt / (ht + kLambda);
  double best_gain = 1e-12;
  std::vector<size_t> order = rows;
  for (int f = 0; f < kPairFeatureCount; ++f) {
    std::sort(order.begin(), order.end(),
              [&](size_t p, size_t q) { return x[p][f] != x[q][f] ? x[p][f] < x[q][f] : p < q; });
    double gl = 0, hl = 0;
    for (size_t k = 0; k + 1 < order.size(); ++k) {
      gl += g[order[k]], hl += h[order[k]];
      if (x[order[k]][f] == x[order[k + 1]][f]) continue;
      if (k + 1 < kMinLeaf || order.size() - k - 1 < kMinLeaf) continue;
      double gr = gt - gl, hr = ht - hl;
      double wl = bounds.Clamp(gl / (hl + kLambda)), wr = bounds.Clamp(gr / (hr + kLambda));
      if (kMonotone[f] * (wr - wl) < 0) continue;
      double gain = gl * gl / (hl + kLambda) + gr * gr / (hr + kLambda) - parent;
      if (gain > best_gain) {
        best_gain = gain;
        best.feature = f;
        best.value = (x[order[k]][f] + x[order[k + 1]][f]) / 2;
        best.left = wl;
        best.right = wr;
      }
    }
  }
  return best;
}

// The bounds of each side of `split` made within `bounds`: a constrained split caps the lower
// side's values at the midpoint of the two and floors the upper side's there.
std::array<Bounds, 2> ChildBounds(const Split& split, Bounds bounds) {
  std::array<Bounds, 2> out = {bounds, bounds};
  if (split.feature < 0 || kMonotone[split.feature] == 0) return out;
  double mid = (split.left + split.right) / 2;
  int low = kMonotone[split.feature] > 0 ? 0 : 1;
  out[low].hi = mid;
  out[1 - low].lo = mid;
  return out;
}

double Leaf(const std::vector<size_t>& rows, const std::vector<double>& g,
            const std::vector<double>& h, Bounds bounds) {
  double gs = 0, hs = 0;
  for (size_t r : rows) gs += g[r], hs += h[r];
  return kLearningRate * bounds.Clamp(gs / (hs + kLambda));
}

SimilarityModel Train(const std::vector<PairFeatureVector>& x, const std::vector<int>& y,
                      const std::vector<size_t>& rows) {
  SimilarityModel m;
  double pos = 0;
  for (size_t r : rows) pos += y[r];
  m.bias = std::log(pos / (static_cast<double>(rows.size()) - pos));
  std::vector<double> z(x.size(), m.bias), g(x.size()), h(x.size());
  for (int round = 0; round < kRounds; ++round) {
    for (size_t r : rows) {
      double p = 1 / (1 + std::exp(-z[r]));
      g[r] = y[r] - p;
      h[r] = std::max(p * (1 - p), 1e-9);
    }
    parallax::compare::SimilarityTree t;
    Split root = BestSplit(x, rows, g, h, Bounds{});
    // No split: every row goes left (split = the largest float), all leaves equal.
    t.feature[0] = static_cast<uint8_t>(std::max(root.feature, 0));
    t.split[0] = root.feature < 0 ? std::numeric_limits<float>::max() : root.value;
    std::array<Bounds, 2> side_bounds = ChildBounds(root, Bounds{});
    std::vector<size_t> side[2];
    for (size_t r : rows) side[x[r][t.feature[0]] < t.split[0] ? 0 : 1].push_back(r);
    for (int s = 0; s < 2; ++s) {
      Split child = BestSplit(x, side[s], g, h, side_bounds[s]);
      t.feature[1 + s] = static_cast<uint8_t>(std::max(child.feature, 0));
      t.split[1 + s] = child.feature < 0 ? std::numeric_limits<float>::max() : child.value;
      std::array<Bounds, 2> leaf_bounds = ChildBounds(child, side_bounds[s]);
      std::vector<size_t> leaf[2];
      for (size_t r : side[s]) leaf[x[r][t.feature[1 + s]] < t.split[1 + s] ? 0 : 1].push_back(r);
      for (int l = 0; l < 2; ++l)
        t.leaf[2 * s + l] = static_cast<float>(Leaf(leaf[l], g, h, leaf_bounds[l]));
    }
    for (size_t i = 0; i < x.size(); ++i) z[i] += t.Eval(x[i]);
    m.trees.push_back(t);
  }
  return m;
}

// The model as C++ statements for src/compare/similarity_model.inc (assigning to `m`).
bool WriteModel(const SimilarityModel& m, const std::string& path, const std::string& how) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return false;
  char buf[256];
  out << "// Generated by bench/eval_mrpc.cc; do not edit, re-run (MRPC train file):\n//   " << how
      << "\n";
  out << "// Features (PairFeature order):\n";
  for (int k = 0; k < kPairFeatureCount; ++k)
    out << "//   " << k << " " << parallax::compare::PairFeatureNames()[k] << "\n";
  std::snprintf(buf, sizeof(buf), "m.bias = %.9g;\nm.threshold = %.9g;\nm.trees = {\n", m.bias,
                m.threshold);
  out << buf;
  for (const parallax::compare::SimilarityTree& t : m.trees) {
    std::snprintf(buf, sizeof(buf),
                  "    {{%d, %d, %d},\n     {%#.9gf, %#.9gf, %#.9gf},\n     {%#.9gf, %#.9gf, "
                  "%#.9gf, %#.9gf}},\n",
                  t.feature[0], t.feature[1], t.feature[2], t.split[0], t.split[1], t.split[2],
                  t.leaf[0], t.leaf[1], t.leaf[2], t.leaf[3]);
    out << buf;
  }
  out << "};\n";
  return static_cast<bool>(out);
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
                 "[--model-out FILE] [--tune-every N] [--max-senses N] [--no-derivations] "
                 "[--veto]\n");
    return 2;
  }
  std::string pairs_path = argv[1], pred_path = argv[2];
  bool train = false, wordnet = true, veto = false;
  size_t tune_every = 2;
  std::string model_out;
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
    } else if (!std::strcmp(argv[i], "--model-out") && i + 1 < argc) {
      model_out = argv[++i];
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
    // MRPC holds only pairs of related sentences; compare also meets unrelated ones that share
    // a word or two. Each tuning pair's first sentence is paired with the second sentence of
    // the tuning pair kShift places on (a different story) as an extra negative, so that low
    // overlap scores low. Only pairs that share a content term or concept are added (the others
    // score 0 without the model).
    constexpr size_t kShift = 7;
    std::vector<PairFeatureVector> xt = x;
    std::vector<int> yt = y;
    std::vector<size_t> rows = tune;
    for (size_t k = 0; k < tune.size(); ++k) {
      size_t i = tune[k], j = tune[(k + kShift) % tune.size()];
      PairFeatureVector f =
          parallax::compare::ComputePairFeatures(claims[2 * i], claims[2 * j + 1]);
      if (std::all_of(f.begin(), f.end(), [](float v) { return v == 0; })) continue;
      rows.push_back(xt.size());
      xt.push_back(f);
      yt.push_back(0);
    }
    std::fprintf(stderr, "training: %zu pairs + %zu unrelated pairs as negatives\n", tune.size(),
                 rows.size() - tune.size());
    model = Train(xt, yt, rows);
    std::vector<double> s(pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i)
      s[i] = parallax::compare::Similarity(claims[2 * i], claims[2 * i + 1], model);
    model.threshold = BestAccuracyThreshold(y, s, tune);
    std::fprintf(stderr, "trained %zu trees on %zu pairs (index %% %zu == 0); WordNet %s\n",
                 model.trees.size(), tune.size(), tune_every, wn ? "on" : "off");
    if (!model_out.empty()) {
      std::string how = "parallax_eval_mrpc TRAIN.tsv PRED.tsv --train --tune-every " +
                        std::to_string(tune_every) + (wn ? "" : " --no-wordnet") + " --model-out " +
                        std::filesystem::path(model_out).filename().string();
      if (!WriteModel(model, model_out, how)) {
        std::fprintf(stderr, "eval_mrpc: cannot write %s\n", model_out.c_str());
        return 1;
      }
      std::fprintf(stderr, "model written to %s\n", model_out.c_str());
    }
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
