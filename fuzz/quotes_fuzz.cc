// Fuzz target for the quotes stage: any valid UTF-8 text, split into body blocks at blank lines
// (the first one a headline), through text::AnnotateSentences, entities::AnnotateEntities and
// quotes::AnnotateQuotes; also the quotation-mark pairing alone. Checks that every span lies
// inside the text, contents are non-empty, quoted spans nest, and a second run gives the same
// quotes. Invalid UTF-8 is skipped: ingest guarantees valid text to later stages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parallax/article.h"
#include "src/entities/entities.h"
#include "src/ingest/decode.h"
#include "src/quotes/marks.h"
#include "src/quotes/quotes.h"
#include "src/text/sentences.h"

namespace {

void CheckSpan(const parallax::Article& a, parallax::Span s) {
  if (s.start > s.end || s.end > a.text.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16) ||
      !parallax::ingest::IsValidUtf8(std::string_view(reinterpret_cast<const char*>(data), size)))
    return 0;
  parallax::Article a;
  a.text.assign(reinterpret_cast<const char*>(data), size);
  const uint32_t n = static_cast<uint32_t>(a.text.size());
  for (const parallax::quotes::QuotedSpan& q : parallax::quotes::FindQuotedSpans(a.text, {0, n})) {
    if (q.open > q.inner_start || q.inner_start > q.inner_end || q.inner_end > q.end || q.end > n)
      std::abort();
  }
  uint32_t start = 0;
  for (uint32_t i = 0; i <= n; ++i) {
    bool end = i == n || (a.text[i] == '\n' && i + 1 < n && a.text[i + 1] == '\n');
    if (!end) continue;
    if (i > start) {
      parallax::Block b;
      b.role = a.blocks.empty() ? parallax::BlockRole::kHeadline : parallax::BlockRole::kBody;
      b.span = {start, i};
      a.blocks.push_back(b);
    }
    start = i + 2;
  }
  parallax::text::AnnotateSentences(&a);
  parallax::entities::AnnotateEntities(&a);
  parallax::quotes::AnnotateQuotes(&a);
  for (const parallax::Quote& q : a.quotes) {
    CheckSpan(a, q.content);
    if (q.content.empty()) std::abort();
    CheckSpan(a, q.speaker.span);
    if (q.cue) CheckSpan(a, *q.cue);
    if (q.channel) CheckSpan(a, *q.channel);
  }
  size_t count = a.quotes.size();
  parallax::quotes::AnnotateQuotes(&a);
  if (a.quotes.size() != count) std::abort();
  // Without entities nor sentences the stage must still run.
  a.entities.clear();
  a.sentences.clear();
  parallax::quotes::AnnotateQuotes(&a);
  return 0;
}
