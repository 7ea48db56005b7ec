// Throughput of quotes::AnnotateQuotes on English news copy written for this benchmark
// (fictional people and places), with sentences and entities annotated beforehand so that
// only the quotes stage is timed. Bytes processed = article text size.
//
//   build/release/bench/quotes_bench --benchmark_filter=Quotes
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parallax/article.h"
#include "src/entities/entities.h"
#include "src/quotes/quotes.h"
#include "src/text/sentences.h"

namespace {

constexpr const char* kParagraphs[] = {
    "Veltria Says North Trying to 'Destabilize' Edda",
    "PORT EDDA, March 3. The Veltrian transport minister Ilse Karr said on Monday that the "
    "ferries to the northern islands would resume next week, after a storm damaged four piers.",
    "\xE2\x80\x9CThe ferries are safe, and we will not let rumours keep people at "
    "home,\xE2\x80\x9D "
    "Karr told state-run news agency Veltria Press. \xE2\x80\x9C"
    "Every hull was checked "
    "twice.\xE2\x80\x9D",
    "According to the harbour master, Jan Holt, repairs will cost about 4 million crowns. Holt, a "
    "former fisherman, added that the council had ignored warnings about the piers for years.",
    "Opponents of the council said the vote would change nothing, since in the county \"power is "
    "changed only at elections.\" The protesters claimed the police had blocked the square.",
    "The Kremlin spokesman, in turn, warned that any delay would hurt trade. He stressed that the "
    "talks were \"constructive\" and would continue, saying both sides wanted a deal.",
    "Local shops reopened in the afternoon and the main road was cleared by evening, while "
    "volunteers handed out bread and blankets to families near the old lighthouse.",
    "\"We tried,\" Ivo Brandt said, \"but the river rose too fast for anyone to stop it.\"",
};

parallax::Article MakeArticle(int repeat) {
  parallax::Article a;
  for (int r = 0; r < repeat; ++r) {
    for (const char* p : kParagraphs) {
      if (!a.text.empty()) a.text += "\n\n";
      uint32_t s = static_cast<uint32_t>(a.text.size());
      a.text += p;
      parallax::Block b;
      b.role = a.blocks.empty() ? parallax::BlockRole::kHeadline : parallax::BlockRole::kBody;
      b.span = {s, static_cast<uint32_t>(a.text.size())};
      a.blocks.push_back(b);
    }
  }
  a.language = "en";
  parallax::text::AnnotateSentences(&a);
  return a;
}

void BM_QuotesNoEntities(benchmark::State& state) {
  parallax::Article a = MakeArticle(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    parallax::quotes::AnnotateQuotes(&a);
    benchmark::DoNotOptimize(a.quotes.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * a.text.size());
}
BENCHMARK(BM_QuotesNoEntities)->Arg(1)->Arg(8);

void BM_QuotesWithEntities(benchmark::State& state) {
  parallax::Article a = MakeArticle(static_cast<int>(state.range(0)));
  parallax::entities::AnnotateEntities(&a);
  for (auto _ : state) {
    parallax::quotes::AnnotateQuotes(&a);
    benchmark::DoNotOptimize(a.quotes.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * a.text.size());
}
BENCHMARK(BM_QuotesWithEntities)->Arg(1)->Arg(8);

}  // namespace

BENCHMARK_MAIN();
