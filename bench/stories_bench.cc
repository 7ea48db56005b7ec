// Story clustering throughput on generated articles: Featurize (parallelisable, per article)
// and StoryClusterer::Add (serial). Target: clustering >= 5,000 articles/s.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "src/stories/clusterer.h"
#include "src/stories/features.h"

namespace {

// n articles about n/5 fictional events over 200 days, ~3 KB each.
std::vector<parallax::Article> Articles(size_t n) {
  std::mt19937 rng(11);
  std::vector<parallax::Article> out;
  for (size_t i = 0; i < n; ++i) {
    size_t event = rng() % (n / 5 + 1);
    parallax::Article a;
    a.id = "a" + std::to_string(i);
    a.language = "en";
    a.headline = "Event " + std::to_string(event) + " update";
    std::mt19937 words(static_cast<uint32_t>(event));
    while (a.text.size() < 3000) {
      // Half the words from the event's own vocabulary, half from a shared one.
      uint32_t w = (rng() % 2) ? 1000 + words() % 5000 : rng() % 800;
      a.text += "w" + std::to_string(w) + ((rng() % 15 == 0) ? ". " : " ");
    }
    a.blocks.push_back({parallax::BlockRole::kBody,
                        parallax::Span{0, static_cast<uint32_t>(a.text.size())}, "", std::nullopt});
    char date[16];
    std::snprintf(date, sizeof(date), "2024-%02zu-%02zu", 1 + (i * 200 / n) / 28 % 12,
                  1 + (i * 200 / n) % 28);
    a.hints.date = date;
    out.push_back(std::move(a));
  }
  return out;
}

void BM_Featurize(benchmark::State& state) {
  std::vector<parallax::Article> articles = Articles(256);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(parallax::stories::Featurize(articles[i++ % articles.size()]));
  }
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_Featurize);

void BM_ClusterAdd(benchmark::State& state) {
  std::vector<parallax::Article> articles = Articles(20000);
  std::vector<parallax::stories::ArticleFeatures> features;
  for (const auto& a : articles) features.push_back(parallax::stories::Featurize(a));
  size_t added = 0;
  for (auto _ : state) {
    parallax::stories::StoryClusterer clusterer;
    for (const auto& f : features) benchmark::DoNotOptimize(clusterer.Add(f));
    added += features.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(added));
}
BENCHMARK(BM_ClusterAdd)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
