// Throughput of the text stage (sentences, tokens, folding, stemming, language) and of the
// date and dateline scanners the extract stage runs on every line.
//
//   cmake --build build/release --target text_bench && build/release/bench/text_bench
//
// The prose is synthetic English news copy (fictional events and people, written for this
// benchmark) assembled deterministically to about 4 MiB, with the abbreviations, numbers,
// quotes and dates that make the scanners branch.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/extract/dateline.h"
#include "src/extract/dates.h"
#include "src/text/language.h"
#include "src/text/sentences.h"
#include "src/text/tokens.h"

namespace {

const std::string& Prose() {
  static const std::string* const kText = [] {
    static const char* const kSentences[] = {
        "The harbour authority of Port Valen said on Tuesday that it would close two piers "
        "for repairs.",
        "\"We have no choice but to act now,\" said Mr. Oren Castell, the authority's director.",
        "Shipping fell by 4.5 percent in the third quarter, according to figures released on "
        "Dec. 17.",
        "The U.S. consul and Dr. Mira Lenz, a port engineer, visited the site with Gen. Aldo "
        "Voss.",
        "Some 12,000 workers could be affected, the dockers' union warned in a statement.",
        "Residents were not surprised. Many had complained about the cracks for years!",
        "Was the closure avoidable? Critics of the plan say it was.",
        "Acme Freight Corp. Ltd. declined to comment on the report, which was first published "
        "by the Valen Courier.",
        "The council will meet again on Jan. 5 to vote on the budget of $3.2 million.",
        "\xe2\x80\x9cThe piers are older than the town itself,\xe2\x80\x9d one engineer told "
        "reporters.",
        "Work is expected to last until the end of next year, officials said.",
        "J. R. Talbot, who chairs the committee, said the vote was a formality.",
    };
    auto* s = new std::string;
    uint32_t x = 12345;
    while (s->size() < (4u << 20)) {
      // A fixed linear congruential sequence: the same text on every run.
      x = x * 1103515245u + 12345u;
      s->append(kSentences[(x >> 16) % (sizeof(kSentences) / sizeof(kSentences[0]))]);
      s->append(((x >> 8) % 7 == 0) ? "\n\n" : " ");
    }
    return s;
  }();
  return *kText;
}

void BM_SplitSentences(benchmark::State& state) {
  const std::string& text = Prose();
  parallax::Span all{0, static_cast<uint32_t>(text.size())};
  size_t n = 0;
  for (auto _ : state) {
    std::vector<parallax::Sentence> s = parallax::text::SplitSentences(text, all);
    n = s.size();
    benchmark::DoNotOptimize(s.data());
  }
  state.counters["sentences"] = static_cast<double>(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = Prose();
  parallax::Span all{0, static_cast<uint32_t>(text.size())};
  size_t n = 0;
  for (auto _ : state) {
    std::vector<parallax::text::Token> t = parallax::text::Tokenize(text, all);
    n = t.size();
    benchmark::DoNotOptimize(t.data());
  }
  state.counters["tokens"] = static_cast<double>(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Fold, then Stem, of every word token: what stories and dedup do per article.
std::vector<std::string> WordTokens(std::string_view text, bool folded) {
  std::vector<std::string> out;
  for (const auto& t :
       parallax::text::Tokenize(text, parallax::Span{0, static_cast<uint32_t>(text.size())})) {
    if (t.kind != parallax::text::TokenKind::kWord) continue;
    std::string_view w = text.substr(t.span.start, t.span.size());
    out.push_back(folded ? parallax::text::Fold(w) : std::string(w));
  }
  return out;
}

void BM_FoldWords(benchmark::State& state) {
  std::string_view text = std::string_view(Prose()).substr(0, 256 << 10);
  std::vector<std::string> words = WordTokens(text, false);
  for (auto _ : state) {
    for (const std::string& w : words) {
      std::string f = parallax::text::Fold(w);
      benchmark::DoNotOptimize(f.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_FoldWords)->Unit(benchmark::kMillisecond);

void BM_StemWords(benchmark::State& state) {
  std::string_view text = std::string_view(Prose()).substr(0, 256 << 10);
  std::vector<std::string> words = WordTokens(text, true);
  for (auto _ : state) {
    for (const std::string& w : words) {
      std::string s = parallax::text::Stem(w, "en");
      benchmark::DoNotOptimize(s.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_StemWords)->Unit(benchmark::kMillisecond);

void BM_DetectLanguage(benchmark::State& state) {
  const std::string& all_text = Prose();
  std::string_view text = std::string_view(all_text).substr(0, 8 << 10);  // one long article
  for (auto _ : state) {
    std::string code = parallax::text::DetectLanguage(text);
    benchmark::DoNotOptimize(code.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_DetectLanguage)->Unit(benchmark::kMicrosecond);

// FindDate over every paragraph: the extract stage's timestamp search.
void BM_FindDateParagraphs(benchmark::State& state) {
  const std::string& text = Prose();
  std::vector<std::string_view> paragraphs;
  size_t a = 0;
  while (a < text.size()) {
    size_t b = text.find("\n\n", a);
    if (b == std::string::npos) b = text.size();
    paragraphs.push_back(std::string_view(text).substr(a, b - a));
    a = b + 2;
  }
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (std::string_view p : paragraphs) {
      found += parallax::extract::FindDate(p, 2023).has_value();
      found += parallax::extract::MatchDateline(p).has_value();
    }
  }
  state.counters["dated"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_FindDateParagraphs)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
