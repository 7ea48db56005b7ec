// Throughput of entities::AnnotateEntities on English news-like text (fictional sentences
// generated here; sentences annotated outside the timed loop). Bytes/s = article bytes.
//   build/release/bench/entities_bench --benchmark_filter=Entities
// BM_EntitiesQuotes: typographic quotes, and the reference tokenizer for comparison.
#include <benchmark/benchmark.h>

#include <string>

#include "parallax/article.h"
#include "src/entities/entities.h"
#include "src/text/sentences.h"

namespace {

// About `bytes` of news-like English: names, titles, organisations, places, numbers.
std::string MakeNews(size_t bytes) {
  static const char* kSentences[] = {
      "Kremlin spokesman Dmitry Velikov told reporters on Monday that the talks in Belgrade "
      "would continue next week.",
      "The Zorvanian president said the agreement with the European Union was not yet final.",
      "Russian Foreign Ministry spokeswoman Maria Zarkova accused the Organization for "
      "Security and Cooperation in Europe of bias.",
      "Shares of Halvorsen Widgets Inc fell 3.5 percent in early trading in New York, "
      "analysts said.",
      "Velikov added that President Aleksandar Brankovic had spoken to Chancellor Greta "
      "Holm by telephone.",
      "The Republican Election Commission (REC) published the results after midnight, and "
      "the REC said turnout was 61 percent.",
      "Police said three people were injured when a bus overturned near Novi Sad on Sunday.",
      "\"We will not accept this,\" Brankovic's spokesman told state-run news agency Tanvar.",
      "In a televised interview, Zarkova said Moscow had warned Washington and London about "
      "the consequences.",
      "Fans of Real Merovia celebrated in the streets after their team beat Dinamo Kestrel 3-1 "
      "in the cup final.",
  };
  std::string out;
  size_t i = 0;
  while (out.size() < bytes) {
    out += kSentences[i % (sizeof(kSentences) / sizeof(kSentences[0]))];
    out += (i % 4 == 3) ? "\n\n" : " ";
    ++i;
  }
  return out;
}

// The same text with typographic quotation marks and apostrophes (“ ” ’), as most scraped news
// is written: the stage's tokenizer cuts these itself, other non-ASCII goes the general way.
std::string Typographic(const std::string& ascii) {
  std::string out;
  bool open = true;
  for (char c : ascii) {
    if (c == '"') {
      out += open ? "\xE2\x80\x9C" : "\xE2\x80\x9D";
      open = !open;
    } else if (c == '\'') {
      out += "\xE2\x80\x99";
    } else {
      out += c;
    }
  }
  return out;
}

parallax::Article MakeArticle(size_t bytes, bool typographic = false) {
  parallax::Article a;
  a.text = typographic ? Typographic(MakeNews(bytes)) : MakeNews(bytes);
  uint32_t start = 0;
  for (uint32_t i = 0; i <= a.text.size(); ++i) {
    if (i == a.text.size() ||
        (a.text[i] == '\n' && i + 1 < a.text.size() && a.text[i + 1] == '\n')) {
      if (i > start) {
        parallax::Block b;
        b.span = parallax::Span{start, i};
        a.blocks.push_back(b);
      }
      start = i + 2;
    }
  }
  parallax::text::AnnotateSentences(&a);
  return a;
}

void BM_Entities(benchmark::State& state) {
  parallax::Article a = MakeArticle(static_cast<size_t>(state.range(0)));
  parallax::entities::AnnotateEntities(&a);  // builds the lexicon once, outside the loop
  for (auto _ : state) {
    parallax::entities::AnnotateEntities(&a);
    benchmark::DoNotOptimize(a.entities.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(a.text.size()));
}
BENCHMARK(BM_Entities)->Arg(4 << 10)->Arg(64 << 10);

// Arg 0: ASCII quotes, 1: typographic; the second argument 1 runs the reference tokenizer
// (AppendTokens for every line) that the stage's own ASCII tokenizer replaces.
void BM_EntitiesQuotes(benchmark::State& state) {
  parallax::Article a = MakeArticle(64 << 10, state.range(0) != 0);
  parallax::entities::internal::SetReferenceTokenizerForTesting(state.range(1) != 0);
  parallax::entities::AnnotateEntities(&a);
  for (auto _ : state) {
    parallax::entities::AnnotateEntities(&a);
    benchmark::DoNotOptimize(a.entities.data());
  }
  parallax::entities::internal::SetReferenceTokenizerForTesting(false);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(a.text.size()));
}
BENCHMARK(BM_EntitiesQuotes)->Args({0, 0})->Args({1, 0})->Args({0, 1})->Args({1, 1});

}  // namespace

BENCHMARK_MAIN();
