// Story clustering on a JSONL(.gz) dataset: featurizes every record in parallel, clusters in
// publication order, writes "id<TAB>story" lines for ../shared/eval/stories_score.py, and
// reports throughput on stderr (signature MB/s, featurize and clustering articles/s).
//
//   parallax_eval_stories INPUT.jsonl[.gz] PRED.tsv [--id F] [--title F] [--date F] [--text F]
//                         [--threads N] [--limit N] [--dump-stories] [--nn-study OUT]
//                         [--pair-study OUT]
// Defaults: --id id --title title --date date --text text; a record without an id gets its
// line number. --dump-stories prints each story's label and members to stdout (error study);
// --nn-study OUT writes each article's 5 nearest articles under the final IDF (how well the term
// vectors alone separate the gold clusters, whatever the clustering); --pair-study OUT writes each
// article's 5 nearest EARLIER articles with pair features (see PairStudy).
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "parallax/article.h"
#include "src/base/parallel.h"
#include "src/dedup/minhash.h"
#include "src/stories/clusterer.h"
#include "src/stories/features.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

bool ReadLines(const std::string& path, std::vector<std::string>* lines) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  std::string cur;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) {
    for (int i = 0; i < n; ++i) {
      if (buf[i] == '\n') {
        if (!cur.empty()) lines->push_back(std::move(cur));
        cur.clear();
      } else {
        cur.push_back(buf[i]);
      }
    }
  }
  if (!cur.empty()) lines->push_back(std::move(cur));
  gzclose(f);
  return true;
}

std::string Field(const nlohmann::json& j, const std::string& name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

using TermVector = std::vector<std::pair<uint64_t, float>>;

// For the error studies: each article's document frequency count over the whole set, and its
// term vector weighted by tf x IDF under those counts (the clusterer's IDF formula with its
// prior of 20 documents), unit length.
struct StudyVectors {
  std::unordered_map<uint64_t, uint32_t> df;
  std::vector<TermVector> vecs;
  double Idf(uint64_t key) const {
    const double n = static_cast<double>(vecs.size());
    return std::log((n + 20.0) / (df.at(key) + 0.5));
  }
};

StudyVectors MakeStudyVectors(const std::vector<parallax::stories::ArticleFeatures>& features) {
  StudyVectors sv;
  for (const auto& f : features)
    for (const auto& t : f.terms) ++sv.df[t.key];
  sv.vecs.resize(features.size());
  for (size_t i = 0; i < features.size(); ++i) {
    double norm = 0;
    for (const auto& t : features[i].terms) {
      float w = t.weight * static_cast<float>(sv.Idf(t.key));
      if (w <= 0) continue;
      sv.vecs[i].push_back({t.key, w});
      norm += static_cast<double>(w) * w;
    }
    for (auto& [k, w] : sv.vecs[i]) w /= static_cast<float>(std::sqrt(norm));
  }
  return sv;
}

// Error study: with the final document frequencies, writes for every article its 5 most similar
// articles ("id<TAB>other<TAB>cosine" lines), by brute force through an inverted index.
void NearestNeighbours(const std::vector<parallax::stories::ArticleFeatures>& features,
                       const std::string& path) {
  const std::vector<TermVector> vecs = MakeStudyVectors(features).vecs;
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>> index;
  for (size_t i = 0; i < features.size(); ++i)
    for (const auto& [k, w] : vecs[i]) index[k].push_back({static_cast<uint32_t>(i), w});
  std::ofstream out(path);
  std::vector<float> acc(features.size(), 0);
  for (size_t i = 0; i < features.size(); ++i) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    for (const auto& [k, w] : vecs[i])
      for (const auto& [j, wj] : index[k]) acc[j] += w * wj;
    acc[i] = -1;
    std::vector<uint32_t> order(features.size());
    for (uint32_t j = 0; j < order.size(); ++j) order[j] = j;
    size_t top = std::min<size_t>(5, order.size());
    std::partial_sort(order.begin(), order.begin() + top, order.end(),
                      [&](uint32_t a, uint32_t b) { return acc[a] > acc[b]; });
    for (size_t r = 0; r < top; ++r)
      out << features[i].id << '\t' << features[order[r]].id << '\t' << acc[order[r]] << '\n';
  }
}

// Error study: for every article, its 5 most similar EARLIER articles under the final IDF, with
// pair features ("id other cos ov10 ov20 rare5 rare20 idfsum" lines): cosine, overlap of the
// two articles' 10 and 20 heaviest terms, shared terms with df <= 5 and <= 20, and the IDF sum of
// shared terms among both top-20 lists.
void PairStudy(const std::vector<parallax::stories::ArticleFeatures>& features,
               const std::string& path) {
  const StudyVectors sv = MakeStudyVectors(features);
  const std::vector<TermVector>& vecs = sv.vecs;
  std::vector<std::vector<uint64_t>> top10(features.size()), top20(features.size());
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>> index;
  std::vector<float> acc(features.size(), 0);
  std::ofstream out(path);
  for (size_t i = 0; i < features.size(); ++i) {
    auto byw = vecs[i];
    std::sort(byw.begin(), byw.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (size_t r = 0; r < byw.size() && r < 20; ++r) {
      if (r < 10) top10[i].push_back(byw[r].first);
      top20[i].push_back(byw[r].first);
    }
    std::sort(top10[i].begin(), top10[i].end());
    std::sort(top20[i].begin(), top20[i].end());
    std::vector<uint32_t> touched;
    for (const auto& [k, w] : vecs[i])
      for (const auto& [j, wj] : index[k]) {
        if (acc[j] == 0) touched.push_back(j);
        acc[j] += w * wj;
      }
    std::sort(touched.begin(), touched.end(),
              [&](uint32_t a, uint32_t b) { return acc[a] > acc[b]; });
    for (size_t r = 0; r < touched.size() && r < 5; ++r) {
      uint32_t j = touched[r];
      auto inter = [](const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
        std::vector<uint64_t> o;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(o));
        return o;
      };
      int ov10 = static_cast<int>(inter(top10[i], top10[j]).size());
      auto sh20 = inter(top20[i], top20[j]);
      double idfsum = 0;
      for (uint64_t k : sh20) idfsum += sv.Idf(k);
      int rare5 = 0, rare20 = 0;
      size_t a = 0, b = 0;
      const auto& ti = features[i].terms;
      const auto& tj = features[j].terms;
      while (a < ti.size() && b < tj.size()) {
        if (ti[a].key < tj[b].key) {
          ++a;
        } else if (tj[b].key < ti[a].key) {
          ++b;
        } else {
          uint32_t d = sv.df.at(ti[a].key);
          rare5 += d <= 5;
          rare20 += d <= 20;
          ++a, ++b;
        }
      }
      out << features[i].id << '\t' << features[j].id << '\t' << acc[j] << '\t' << ov10 << '\t'
          << sh20.size() << '\t' << rare5 << '\t' << rare20 << '\t' << idfsum << '\n';
    }
    for (uint32_t j : touched) acc[j] = 0;
    for (const auto& [k, w] : vecs[i]) index[k].push_back({static_cast<uint32_t>(i), w});
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: %s INPUT.jsonl[.gz] PRED.tsv [--id F] [--title F] [--date F] "
                 "[--text F] [--threads N] [--limit N] [--dump-stories] [--min-similarity X] "
                 "[--min-core-similarity X] [--pair-similarity X] [--margin-similarity X] "
                 "[--margin-ratio X] [--split-ratio X] [--split-min-part N] [--max-candidates N] "
                 "[--index-terms N] "
                 "[--query-terms N] [--centroid-terms N] [--core-terms N] [--max-posting-scan N] "
                 "[--max-copies N] [--nn-study OUT] [--pair-study OUT]\n",
                 argv[0]);
    return 2;
  }
  std::string input = argv[1], output = argv[2];
  std::string id_field = "id", title_field = "title", date_field = "date", text_field = "text";
  int threads = 0;
  size_t limit = 0;
  bool dump = false;
  std::string nn_out, pair_out;
  parallax::stories::ClusterOptions options;  // the one default configuration
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--id")
      id_field = next();
    else if (a == "--title")
      title_field = next();
    else if (a == "--date")
      date_field = next();
    else if (a == "--text")
      text_field = next();
    else if (a == "--threads")
      threads = std::atoi(next().c_str());
    else if (a == "--limit")
      limit = std::strtoul(next().c_str(), nullptr, 10);
    else if (a == "--dump-stories")
      dump = true;
    else if (a == "--nn-study")
      nn_out = next();
    else if (a == "--pair-study")
      pair_out = next();
    // Tuning knobs for experiments only; reported figures use the defaults.
    else if (a == "--min-similarity")
      options.min_similarity = std::atof(next().c_str());
    else if (a == "--max-posting-scan")
      options.max_posting_scan = std::atoi(next().c_str());
    else if (a == "--max-copies")
      options.max_copies = std::atoi(next().c_str());
    else if (a == "--min-core-similarity")
      options.min_core_similarity = std::atof(next().c_str());
    else if (a == "--pair-similarity")
      options.pair_similarity = std::atof(next().c_str());
    else if (a == "--margin-similarity")
      options.margin_similarity = std::atof(next().c_str());
    else if (a == "--margin-ratio")
      options.margin_ratio = std::atof(next().c_str());
    else if (a == "--max-candidates")
      options.max_candidates = std::atoi(next().c_str());
    else if (a == "--index-terms")
      options.index_terms = std::atoi(next().c_str());
    else if (a == "--query-terms")
      options.query_terms = std::atoi(next().c_str());
    else if (a == "--centroid-terms")
      options.centroid_terms = std::atoi(next().c_str());
    else if (a == "--core-terms")
      options.core_terms = std::atoi(next().c_str());
    else if (a == "--split-min-part")
      options.split_min_part = std::atoi(next().c_str());
    else if (a == "--split-ratio")
      options.split_ratio = std::atof(next().c_str());
    else {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    }
  }

  std::vector<std::string> lines;
  if (!ReadLines(input, &lines)) {
    std::fprintf(stderr, "cannot read %s\n", input.c_str());
    return 1;
  }
  if (limit > 0 && lines.size() > limit) lines.resize(limit);

  std::vector<parallax::Article> articles(lines.size());
  size_t bad = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    nlohmann::json j = nlohmann::json::parse(lines[i], nullptr, /*allow_exceptions=*/false);
    parallax::Article& a = articles[i];
    if (j.is_discarded() || !j.is_object()) {
      ++bad;
      a.id = "line" + std::to_string(i + 1);
      continue;
    }
    a.id = Field(j, id_field);
    if (a.id.empty()) a.id = "line" + std::to_string(i + 1);
    a.text = Field(j, text_field);
    a.headline = Field(j, title_field);
    a.hints.date = Field(j, date_field);
    a.hints.title = a.headline;
    a.blocks.push_back({parallax::BlockRole::kBody,
                        parallax::Span{0, static_cast<uint32_t>(a.text.size())}, "", std::nullopt});
  }
  lines.clear();
  lines.shrink_to_fit();
  uint64_t bytes = 0;
  for (const auto& a : articles) bytes += a.text.size();

  // Dedup signatures alone, one thread: the dedup throughput figure.
  auto t0 = Clock::now();
  uint64_t sink = 0;
  for (const auto& a : articles) sink += parallax::dedup::ComputeSignature(a).mins[0];
  auto t1 = Clock::now();
  // Features (signature included), in parallel.
  int workers = parallax::ResolveThreads(threads);
  std::vector<parallax::stories::ArticleFeatures> features(articles.size());
  parallax::ParallelFor(articles.size(), workers,
                        [&](size_t i) { features[i] = parallax::stories::Featurize(articles[i]); });
  auto t2 = Clock::now();
  parallax::stories::StoryClusterer clusterer(options);
  parallax::Status st = clusterer.AddAll(features);
  auto t3 = Clock::now();
  if (!st.ok()) {
    std::fprintf(stderr, "clustering failed: %s\n", st.ToString().c_str());
    return 1;
  }

  if (!nn_out.empty()) NearestNeighbours(features, nn_out);
  if (!pair_out.empty()) PairStudy(features, pair_out);

  std::ofstream out(output);
  for (const auto& f : features) out << f.id << '\t' << *clusterer.StoryOf(f.id) << '\n';
  out.close();

  double mb = bytes / 1e6;
  std::fprintf(stderr,
               "articles=%zu bad_records=%zu stories=%zu text=%.1f MB\n"
               "signature (1 thread): %.2f s, %.1f MB/s, %.0f articles/s (checksum %llu)\n"
               "featurize (%d threads): %.2f s, %.0f articles/s\n"
               "cluster (1 thread): %.3f s, %.0f articles/s\n",
               articles.size(), bad, clusterer.story_count(), mb, Seconds(t0, t1),
               mb / Seconds(t0, t1), articles.size() / Seconds(t0, t1),
               static_cast<unsigned long long>(sink % 1000), workers, Seconds(t1, t2),
               articles.size() / Seconds(t1, t2), Seconds(t2, t3),
               articles.size() / Seconds(t2, t3));
  size_t dups = 0;
  for (uint32_t i = 0; i < clusterer.article_count(); ++i)
    dups += clusterer.DuplicateOf(i).kind != parallax::dedup::MatchKind::kNone;
  std::fprintf(stderr, "duplicates (exact, near or wire copy): %zu\n", dups);

  if (dump) {
    std::vector<std::vector<std::string>> members(clusterer.story_count());
    for (uint32_t i = 0; i < clusterer.article_count(); ++i)
      members[clusterer.story_of(i)].push_back(clusterer.article_id(i));
    for (const auto& s : clusterer.Stories()) {
      std::printf("story %u size %u: %s\n", s.id, s.size, s.label.c_str());
      for (const auto& m : members[s.id]) std::printf("  %s\n", m.c_str());
    }
  }
  return 0;
}
