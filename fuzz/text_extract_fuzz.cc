// Fuzzes plain-text article extraction alone: any valid UTF-8 text must extract without crashing,
// with block spans non-empty, in order, non-overlapping and inside article.text, and with the
// dateline span inside the text. A breach aborts (a finding).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parallax/article.h"
#include "src/extract/repetition.h"
#include "src/extract/text_extractor.h"
#include "src/ingest/decode.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!parallax::ingest::IsValidUtf8(bytes)) return 0;
  parallax::Article article;
  article.text = std::string(bytes);
  article.hints.title = size > 0 && (data[0] & 1) ? std::string(bytes.substr(0, 40)) : "";
  parallax::extract::ExtractFromText(&article);
  uint32_t prev = 0;
  for (const parallax::Block& b : article.blocks) {
    Check(b.span.start >= prev);
    Check(b.span.start < b.span.end);
    Check(b.span.end <= article.text.size());
    prev = b.span.end;
  }
  if (article.dateline) {
    Check(article.dateline->span.start <= article.dateline->span.end);
    Check(article.dateline->span.end <= article.text.size());
  }
  // The repetition pass keeps the spans and only changes roles.
  parallax::extract::RepetitionModel model;
  article.outlet = "fuzz";
  for (int i = 0; i < 3; ++i) model.Observe(article);
  size_t blocks = article.blocks.size();
  (void)model.Apply(&article, 1);
  Check(article.blocks.size() == blocks);
  (void)article.Body();
  return 0;
}
