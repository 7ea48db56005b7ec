// Fuzzes the whole HTML article extraction: any page must extract without crashing, with block
// spans in order inside article.text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parallax/article.h"
#include "src/html/html_extractor.h"
#include "src/ingest/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html =
      parallax::ingest::ToUtf8Lossy(std::string_view(reinterpret_cast<const char*>(data), size));
  parallax::Article article;
  if (!parallax::html::ExtractFromHtml(html, &article).ok()) return 0;
  uint32_t prev = 0;
  for (const parallax::Block& b : article.blocks) {
    if (b.span.start < prev || b.span.end > article.text.size()) std::abort();
    prev = b.span.end;
  }
  (void)article.Body();
  return 0;
}
