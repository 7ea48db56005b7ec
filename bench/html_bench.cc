// Google Benchmark for the HTML stage: tokenizer, tree, visible text and full extraction over a
// synthetic news page (written here, so the benchmark needs no data files).
#include <benchmark/benchmark.h>

#include <string>

#include "parallax/article.h"
#include "src/html/dom.h"
#include "src/html/html_extractor.h"
#include "src/html/tokenizer.h"
#include "src/html/visible_text.h"

namespace {

const std::string& Page() {
  static const std::string* page = [] {
    auto* s = new std::string(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour expansion | The Coastal Ledger"
        "</title><meta property=\"og:site_name\" content=\"The Coastal Ledger\">"
        "<script>var x = 1; if (x < 2) { x = 3; }</script><style>p{margin:0}</style></head>"
        "<body><nav><ul>");
    for (int i = 0; i < 40; ++i)
      *s += "<li><a href=\"/s" + std::to_string(i) + "\">Section</a></li>";
    *s +=
        "</ul></nav><article><h1>Harbour expansion approved</h1><p class=\"byline\">By Ana Reis"
        "</p><div class=\"article-body\">";
    for (int i = 0; i < 30; ++i)
      *s +=
          "<p>The council of Port Mirren voted on Tuesday to widen the northern quay, a plan "
          "that will cost &pound;40m and take three years, officials said &mdash; and "
          "<a href=\"/x\">critics</a> say the money could go elsewhere.</p>";
    *s += "</div></article><aside class=\"related\">";
    for (int i = 0; i < 20; ++i) *s += "<p><a href=\"/r\">Another story about the port</a></p>";
    *s += "</aside><footer>Contact us &copy; 2031</footer></body></html>";
    return s;
  }();
  return *page;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string& html = Page();
  parallax::html::Token t;
  for (auto _ : state) {
    parallax::html::Tokenizer tok(html);
    size_t n = 0;
    while (tok.Next(&t)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_Tokenize);

void BM_ParseAndText(benchmark::State& state) {
  const std::string& html = Page();
  parallax::html::Document doc;
  parallax::html::VisibleText vt;
  for (auto _ : state) {
    parallax::html::Parse(html, &doc);
    parallax::html::BuildVisibleText(doc, &vt);
    benchmark::DoNotOptimize(vt.text.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_ParseAndText);

void BM_Extract(benchmark::State& state) {
  const std::string& html = Page();
  for (auto _ : state) {
    parallax::Article a;
    benchmark::DoNotOptimize(parallax::html::ExtractFromHtml(html, &a).ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_Extract);

}  // namespace

BENCHMARK_MAIN();
