// Store throughput: WriteBatch of ABP-sized fictional articles (src/store/test_articles.h with
// 14 body paragraphs: ~6.2 KB of text, the ABP corpus's mean, and ~125 span rows: blocks,
// sentences, mentions, quotes) into a WAL database on disk, plus reads (GetArticle) and FTS5
// search. The counters report the article size and span rows actually generated.
// Target: >= 5,000 articles/s of inserts on one core.
//
//   build/release/bench/store_bench --benchmark_filter=WriteBatch
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "src/store/test_articles.h"

namespace {

std::string TempDb(const char* name) {
  std::string path =
      (std::filesystem::temp_directory_path() /
       (std::string("parallax-store-bench-") + std::to_string(getpid()) + "-" + name))
          .string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

// Writes batches of state.range(0) articles with state.range(1) body paragraphs; ids never
// repeat, so every article is a real insert. Generating the articles is not timed.
void BM_WriteBatch(benchmark::State& state) {
  const size_t batch_size = static_cast<size_t>(state.range(0));
  const int paragraphs = static_cast<int>(state.range(1));
  const std::string path = TempDb("write");
  parallax::Result<parallax::Store> store = parallax::Store::Open(path);
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  uint64_t next = 0;
  size_t articles = 0, bytes = 0, spans = 0;
  std::vector<parallax::Article> batch;
  for (auto _ : state) {
    state.PauseTiming();
    batch.clear();
    for (size_t i = 0; i < batch_size; ++i) {
      batch.push_back(parallax::store::testing::MakeArticle(next++, paragraphs));
      const parallax::Article& a = batch.back();
      bytes += a.text.size();
      spans += a.blocks.size() + a.sentences.size() + a.quotes.size();
      for (const auto& e : a.entities) spans += e.mentions.size();
    }
    state.ResumeTiming();
    parallax::Result<parallax::WriteStats> stats = store->WriteBatch(batch);
    if (!stats.ok() || stats->inserted != batch_size) {
      state.SkipWithError("write failed");
      break;
    }
    articles += batch_size;
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  if (articles > 0) {
    state.counters["article_bytes"] = static_cast<double>(bytes) / articles;
    state.counters["spans_per_article"] = static_cast<double>(spans) / articles;
  }
  RemoveDb(path);
}
BENCHMARK(BM_WriteBatch)
    ->Args({256, 14})
    ->Args({1024, 14})
    ->Args({256, 4})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// A corpus of 5,000 ABP-sized articles, shared by the read benchmarks.
struct ReadFixture {
  std::string path = TempDb("read");
  std::vector<std::string> ids;
  ReadFixture() {
    parallax::Result<parallax::Store> store = parallax::Store::Open(path);
    if (!store.ok()) return;
    std::vector<parallax::Article> batch;
    for (uint64_t n = 0; n < 5000; ++n) {
      batch.push_back(parallax::store::testing::MakeArticle(n, 20));
      ids.push_back(batch.back().id);
      if (batch.size() == 500) {
        (void)store->WriteBatch(batch);
        batch.clear();
      }
    }
  }
  ~ReadFixture() { RemoveDb(path); }
};

ReadFixture& Fixture() {
  static ReadFixture* fixture = new ReadFixture();
  return *fixture;
}

void BM_GetArticle(benchmark::State& state) {
  ReadFixture& f = Fixture();
  parallax::Result<parallax::Store> store = parallax::Store::Open(f.path);
  if (!store.ok() || f.ids.empty()) {
    state.SkipWithError("no fixture");
    return;
  }
  size_t i = 0;
  for (auto _ : state) {
    parallax::Result<parallax::Article> a = store->GetArticle(f.ids[(i++ * 7919) % f.ids.size()]);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_GetArticle);

void BM_Search(benchmark::State& state) {
  ReadFixture& f = Fixture();
  parallax::Result<parallax::Store> store = parallax::Store::Open(f.path);
  if (!store.ok()) {
    state.SkipWithError("no fixture");
    return;
  }
  const char* queries[] = {"dvorakova AND kroner", "\"harbour council\"", "ferry NOT budget",
                           "headline: velmora"};
  size_t i = 0;
  for (auto _ : state) {
    auto hits = store->Search(queries[i++ % 4], 20);
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_Search);

}  // namespace

BENCHMARK_MAIN();
