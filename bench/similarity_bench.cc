// Compare-stage similarity: claim features per sentence, one pair score, and all cross-article
// pairs of a story of 10 articles x 50 sentences (about ten 6 KB articles), indexed and brute
// force. Sentences are generated from a fixed seed out of a small invented vocabulary: a
// story-wide topic list (so articles overlap as real coverage does) and general words.
// WordNet comes from WordNet::Default() (absent: the benchmarks run without synonyms).
#include <benchmark/benchmark.h>

#include <random>
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

const char* const kTopic[] = {
    "police",  "protesters", "square",     "Varnow",    "mayor",    "Brandt",        "council",
    "bridge",  "dispersed",  "gathered",   "thousands", "officers", "detained",      "rally",
    "march",   "banned",     "permit",     "court",     "ruled",    "demonstrators", "crowd",
    "teargas", "injured",    "hospital",   "statement", "ministry", "interior",      "governor",
    "Kell",    "opposition", "leader",     "arrested",  "Sunday",   "evening",       "centre",
    "city",    "residents",  "organisers", "said",      "told",     "reporters",     "agency"};
const char* const kGeneral[] = {
    "the",     "a",        "of",       "in",      "on",      "and",     "to",          "was",
    "were",    "had",      "has",      "that",    "after",   "before",  "during",      "with",
    "by",      "for",      "new",      "old",     "large",   "small",   "public",      "local",
    "said",    "week",     "day",      "year",    "people",  "group",   "street",      "building",
    "plan",    "vote",     "law",      "report",  "video",   "photos",  "online",      "later",
    "early",   "late",     "first",    "second",  "least",   "most",    "many",        "several",
    "would",   "could",    "not",      "also",    "again",   "despite", "because",     "while",
    "called",  "asked",    "denied",   "claimed", "added",   "warned",  "promised",    "refused",
    "workers", "students", "families", "drivers", "lawyers", "doctors", "journalists", "market",
    "station", "harbour",  "museum",   "school",  "factory", "office"};

std::string Sentence(std::mt19937* rng) {
  std::uniform_int_distribution<int> len(12, 28), topic(0, std::size(kTopic) - 1),
      general(0, std::size(kGeneral) - 1), coin(0, 99), number(1, 500);
  int n = len(*rng);
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i) s += ' ';
    int c = coin(*rng);
    if (c < 40) {
      s += kTopic[topic(*rng)];
    } else if (c < 96) {
      s += kGeneral[general(*rng)];
    } else {
      s += std::to_string(number(*rng));
    }
  }
  s += '.';
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

struct Story {
  std::vector<std::string> sentences;
  std::vector<uint32_t> article;
  std::vector<ClaimFeatures> claims;
  size_t bytes = 0;
};

const Story& TheStory() {
  static const Story* story = [] {
    auto* s = new Story;
    std::mt19937 rng(20231225);
    for (uint32_t a = 0; a < 10; ++a) {
      for (int i = 0; i < 50; ++i) {
        s->sentences.push_back(Sentence(&rng));
        s->article.push_back(a);
        s->bytes += s->sentences.back().size();
      }
    }
    std::vector<std::string_view> views(s->sentences.begin(), s->sentences.end());
    IdfTable idf;
    s->claims = parallax::compare::ExtractClaims(views, ClaimOptions{}, &idf);
    return s;
  }();
  return *story;
}

void BM_ExtractClaim(benchmark::State& state) {
  const Story& story = TheStory();
  ClaimOptions opt;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& s = story.sentences[i++ % story.sentences.size()];
    benchmark::DoNotOptimize(parallax::compare::ExtractClaim(s, opt));
    bytes += s.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExtractClaim);

void BM_PairScore(benchmark::State& state) {
  const Story& story = TheStory();
  size_t n = story.claims.size(), i = 0;
  for (auto _ : state) {
    const ClaimFeatures& a = story.claims[i % n];
    const ClaimFeatures& b = story.claims[(i * 7 + 13) % n];
    benchmark::DoNotOptimize(parallax::compare::Similarity(a, b));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PairScore);

// Items: cross-article pairs covered (112,500 for 10 x 50 sentences).
void BM_AllPairsIndexed(benchmark::State& state) {
  const Story& story = TheStory();
  size_t found = 0;
  for (auto _ : state) {
    auto pairs = parallax::compare::ScoreAllPairs(story.claims, story.article, {});
    found = pairs.size();
    benchmark::DoNotOptimize(pairs);
  }
  state.SetItemsProcessed(state.iterations() * 112500);
  state.counters["pairs_found"] = static_cast<double>(found);
}
BENCHMARK(BM_AllPairsIndexed)->Unit(benchmark::kMillisecond);

void BM_AllPairsBruteForce(benchmark::State& state) {
  const Story& story = TheStory();
  for (auto _ : state) {
    auto pairs = parallax::compare::ScoreAllPairsBruteForce(story.claims, story.article, {});
    benchmark::DoNotOptimize(pairs);
  }
  state.SetItemsProcessed(state.iterations() * 112500);
}
BENCHMARK(BM_AllPairsBruteForce)->Unit(benchmark::kMillisecond);

void BM_WordNetLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto wn = parallax::compare::WordNet::Load("/usr/share/wordnet");
    if (!wn.ok()) {
      state.SkipWithError("WordNet not installed");
      break;
    }
    benchmark::DoNotOptimize(wn);
  }
}
BENCHMARK(BM_WordNetLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
