// Per-article analysis speed (all stages: decode, extract, sentences, language, entities,
// quotes) on the fictional fixtures in testdata/golden/text, in memory, one thread.
// Whole-corpus throughput with real articles: bench/analyze_abp.sh.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "parallax/format.h"
#include "parallax/pipeline.h"

namespace {

const std::vector<std::string>& Fixtures() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::filesystem::path dir = std::filesystem::path(PARALLAX_SOURCE_DIR) / "testdata/golden/text";
    if (!std::filesystem::exists(dir)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }();
  return texts;
}

void BM_AnalyzeBytes(benchmark::State& state) {
  const auto& texts = Fixtures();
  if (texts.empty()) {
    state.SkipWithError("no fixtures in testdata/golden/text");
    return;
  }
  parallax::AnalyzeOptions options;
  options.input.format = parallax::InputFormat::kText;
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      auto article = parallax::AnalyzeBytes(t, "bench", options);
      benchmark::DoNotOptimize(article);
      bytes += static_cast<int64_t>(t.size());
    }
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(texts.size()));
}
BENCHMARK(BM_AnalyzeBytes)->Unit(benchmark::kMillisecond);

void BM_ArticleToJson(benchmark::State& state) {
  const auto& texts = Fixtures();
  if (texts.empty()) {
    state.SkipWithError("no fixtures in testdata/golden/text");
    return;
  }
  parallax::AnalyzeOptions options;
  std::vector<parallax::Article> articles;
  for (const std::string& t : texts) {
    auto a = parallax::AnalyzeBytes(t, "bench", options);
    if (a.ok()) articles.push_back(std::move(a).value());
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& a : articles) {
      std::string json = parallax::ArticleToJson(a, false);
      bytes += static_cast<int64_t>(a.text.size());
      benchmark::DoNotOptimize(json);
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ArticleToJson)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
