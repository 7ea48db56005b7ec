// Dedup throughput: MinHash signatures (tokenize, fold, shingle, 128 minima) and LSH index adds
// on generated article-sized texts. Target: >= 50 MB/s per core for signature + LSH.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "src/dedup/duplicate_index.h"
#include "src/dedup/minhash.h"

namespace {

// Generated prose (~6 KB, the size of a long news article) from a fixed vocabulary.
std::vector<std::string> Texts(size_t n) {
  static const char* kWords[] = {
      "council", "harbour",   "minister", "Varnholm",  "budget",  "officials", "said",   "the",
      "a",       "of",        "on",       "new",       "plan",    "river",     "bridge", "vote",
      "mayor",   "Tuesday",   "agency",   "report",    "workers", "strike",    "city",   "ferry",
      "company", "police",    "market",   "prices",    "rose",    "fell",      "after",  "in",
      "2,317",   "residents", "told",     "reporters", "and",     "to",        "with"};
  std::mt19937 rng(7);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string t;
    while (t.size() < 6000) {
      t += kWords[rng() % (sizeof(kWords) / sizeof(kWords[0]))];
      t += (rng() % 12 == 0) ? ". " : " ";
    }
    out.push_back(std::move(t));
  }
  return out;
}

void BM_ComputeSignature(benchmark::State& state) {
  std::vector<std::string> texts = Texts(64);
  size_t bytes = 0, i = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    benchmark::DoNotOptimize(parallax::dedup::ComputeSignature(t));
    bytes += t.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ComputeSignature);

void BM_SignatureAndIndexAdd(benchmark::State& state) {
  std::vector<std::string> texts = Texts(64);
  parallax::dedup::DuplicateIndex index;
  size_t bytes = 0, i = 0;
  for (auto _ : state) {
    const std::string& t = texts[i % texts.size()];
    parallax::dedup::Signature s = parallax::dedup::ComputeSignature(t);
    benchmark::DoNotOptimize(index.Add(std::to_string(i), s));
    bytes += t.size();
    ++i;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_SignatureAndIndexAdd);

void BM_IndexAddOnly(benchmark::State& state) {
  std::vector<std::string> texts = Texts(256);
  std::vector<parallax::dedup::Signature> sigs;
  for (const auto& t : texts) sigs.push_back(parallax::dedup::ComputeSignature(t));
  parallax::dedup::DuplicateIndex index;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(index.Add(std::to_string(i), sigs[i % sigs.size()]));
    ++i;
  }
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_IndexAddOnly);

}  // namespace

BENCHMARK_MAIN();
