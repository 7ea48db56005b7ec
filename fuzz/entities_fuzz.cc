// Fuzz target for the entities stage: any valid UTF-8 text, split into body blocks at blank
// lines, through text::AnnotateSentences and entities::AnnotateEntities. Checks that every
// mention lies inside the text, ids are "e1".."eN" and the resolve helpers stay in bounds, and
// that the stage's fast tokenizer (line_tokens.h) cuts exactly text::Tokenize's tokens.
// Invalid UTF-8 is skipped: ingest guarantees valid text to later stages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "src/entities/entities.h"
#include "src/entities/line_tokens.h"
#include "src/entities/resolve.h"
#include "src/ingest/decode.h"
#include "src/text/sentences.h"
#include "src/text/tokens.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16) ||
      !parallax::ingest::IsValidUtf8(std::string_view(reinterpret_cast<const char*>(data), size)))
    return 0;
  parallax::Article a;
  a.text.assign(reinterpret_cast<const char*>(data), size);
  uint32_t start = 0;
  for (uint32_t i = 0; i <= a.text.size(); ++i) {
    bool end =
        i == a.text.size() || (a.text[i] == '\n' && i + 1 < a.text.size() && a.text[i + 1] == '\n');
    if (!end) continue;
    if (i > start) a.blocks.push_back({parallax::BlockRole::kBody, {start, i}, ""});
    start = i + 2;
  }
  {
    const parallax::Span all{0, static_cast<uint32_t>(size)};
    std::vector<parallax::entities::LineToken> fast;
    parallax::entities::AppendTokens(a.text, all, &fast);
    const std::vector<parallax::text::Token> oracle = parallax::text::Tokenize(a.text, all);
    if (fast.size() != oracle.size()) std::abort();
    for (size_t i = 0; i < fast.size(); ++i)
      if (fast[i].span.start != oracle[i].span.start || fast[i].span.end != oracle[i].span.end ||
          fast[i].kind != oracle[i].kind)
        std::abort();
  }
  parallax::text::AnnotateSentences(&a);
  parallax::entities::AnnotateEntities(&a);
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const parallax::Entity& e = a.entities[i];
    if (e.id != "e" + std::to_string(i + 1)) std::abort();
    for (const parallax::Span& m : e.mentions)
      if (m.start > m.end || m.end > a.text.size()) std::abort();
  }
  for (uint32_t off : {0u, static_cast<uint32_t>(size / 2), static_cast<uint32_t>(size)}) {
    auto id = parallax::entities::LastPersonBefore(a, off, parallax::entities::Gender::kFemale);
    if (id && id->empty()) std::abort();
  }
  return 0;
}
