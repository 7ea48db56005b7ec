// parallax::Compare on one story of 10 generated articles of about 6 KB each (the issue's
// target: under 100 ms on one core). Articles are generated from a fixed seed out of an invented
// vocabulary (a story-wide topic list, so articles overlap as real coverage does, plus general
// words, names, numbers and quotes), analysed once by the pipeline (not timed), then compared.
// WordNet comes from WordNet::Default() (absent: the benchmark runs without synonyms).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "parallax/compare.h"
#include "parallax/pipeline.h"

namespace {

const char* const kTopic[] = {
    "police",  "protesters", "square",     "Varnow",    "mayor",    "Brandt",        "council",
    "bridge",  "dispersed",  "gathered",   "thousands", "officers", "detained",      "rally",
    "march",   "banned",     "permit",     "court",     "ruled",    "demonstrators", "crowd",
    "teargas", "injured",    "hospital",   "statement", "ministry", "interior",      "governor",
    "Kell",    "opposition", "leader",     "arrested",  "Sunday",   "evening",       "centre",
    "city",    "residents",  "organisers", "reporters", "agency"};
const char* const kGeneral[] = {
    "the",      "a",       "of",      "in",      "on",          "and",     "to",       "was",
    "were",     "had",     "has",     "that",    "after",       "before",  "during",   "with",
    "by",       "for",     "new",     "old",     "large",       "small",   "public",   "local",
    "week",     "day",     "year",    "people",  "group",       "street",  "building", "plan",
    "vote",     "law",     "report",  "video",   "photos",      "online",  "later",    "early",
    "late",     "first",   "second",  "least",   "most",        "many",    "several",  "would",
    "could",    "not",     "also",    "again",   "despite",     "because", "called",   "asked",
    "denied",   "claimed", "added",   "warned",  "promised",    "refused", "workers",  "students",
    "families", "drivers", "lawyers", "doctors", "journalists", "market",  "station",  "harbour"};
const char* const kSpeakers[] = {"Mayor Anna Brandt", "Governor Piet Kell",
                                 "police spokesman Ole Varn", "organiser Lise Mork"};

std::string Words(std::mt19937* rng, int n) {
  std::uniform_int_distribution<int> topic(0, std::size(kTopic) - 1),
      general(0, std::size(kGeneral) - 1), coin(0, 99), number(1, 500);
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
  return s;
}

// One article of about `bytes` bytes: a headline, then paragraphs of two or three sentences,
// some of them statements quoted from a speaker, some drawn from a story-wide pool (shared
// claims).
std::string Article(std::mt19937* rng, const std::vector<std::string>& pool, size_t bytes) {
  std::uniform_int_distribution<int> len(12, 26), coin(0, 99), speaker(0, std::size(kSpeakers) - 1);
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  std::string text = "Varnow " + Words(rng, 7) + "\n\n";
  while (text.size() < bytes) {
    for (int k = 0; k < 3; ++k) {
      int c = coin(*rng);
      std::string s;
      if (c < 30) {
        s = pool[pick(*rng)];
      } else if (c < 45) {
        s = "\"" + Words(rng, len(*rng)) + ",\" " + kSpeakers[speaker(*rng)] + " said.";
      } else {
        s = Words(rng, len(*rng)) + ".";
      }
      s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
      text += s;
      text += ' ';
    }
    text += "\n\n";
  }
  return text;
}

const std::vector<parallax::Article>& Story() {
  static const auto* articles = [] {
    std::mt19937 rng(20231225);
    std::vector<std::string> pool;
    for (int i = 0; i < 40; ++i) pool.push_back(Words(&rng, 18) + ".");
    auto* out = new std::vector<parallax::Article>;
    parallax::AnalyzeOptions options;
    options.threads = 1;
    for (int i = 0; i < 10; ++i) {
      options.outlet = "Outlet " + std::to_string(i);
      std::string text = Article(&rng, pool, 6000);
      parallax::Result<parallax::Article> a =
          parallax::AnalyzeBytes(text, "generated" + std::to_string(i), options);
      if (a.ok()) out->push_back(std::move(a).value());
    }
    return out;
  }();
  return *articles;
}

void BM_Compare10x6KB(benchmark::State& state) {
  const std::vector<parallax::Article>& articles = Story();
  size_t bytes = 0;
  for (const parallax::Article& a : articles) bytes += a.text.size();
  parallax::CompareOptions options;
  // Warm-up outside the timing: WordNet loads once per process.
  benchmark::DoNotOptimize(parallax::Compare(articles, options).ok());
  size_t claims = 0;
  for (auto _ : state) {
    parallax::Result<parallax::Comparison> c = parallax::Compare(articles, options);
    claims = c.ok() ? c->claims.size() : 0;
    benchmark::DoNotOptimize(claims);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles"] = static_cast<double>(articles.size());
  state.counters["claims"] = static_cast<double>(claims);
}
BENCHMARK(BM_Compare10x6KB)->Unit(benchmark::kMillisecond);

void BM_CompareToJson(benchmark::State& state) {
  const std::vector<parallax::Article>& articles = Story();
  parallax::Result<parallax::Comparison> c = parallax::Compare(articles, {});
  for (auto _ : state) {
    std::string json = parallax::ComparisonToJson(*c, articles, false);
    benchmark::DoNotOptimize(json.data());
  }
}
BENCHMARK(BM_CompareToJson)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
