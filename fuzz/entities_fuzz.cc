// Fuzz target for the entities stage: any valid UTF-8 text, split into body blocks at blank
// lines, through text::AnnotateSentences and entities::AnnotateEntities. Checks that every
// mention lies inside the text, ids are "e1".."eN" and the resolve helpers stay in bounds, and
// that the stage's fast tokenizer (line_tokens.h) cuts exactly text::Tokenize's tokens, and
// that AnnotateEntities gives the same entities with its own ASCII tokenizer (and its per-thread
// word cache, warm across inputs) as with the reference tokenizer.
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
  parallax::Article reference = a;
  parallax::entities::internal::SetReferenceTokenizerForTesting(true);
  parallax::entities::AnnotateEntities(&reference);
  parallax::entities::internal::SetReferenceTokenizerForTesting(false);
  parallax::entities::AnnotateEntities(&a);
  if (a.entities.size() != reference.entities.size()) std::abort();
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const parallax::Entity& x = a.entities[i];
    const parallax::Entity& y = reference.entities[i];
    if (x.id != y.id || x.type != y.type || x.name != y.name || x.key != y.key ||
        x.roles != y.roles || x.mentions.size() != y.mentions.size())
      std::abort();
    for (size_t k = 0; k < x.mentions.size(); ++k)
      if (x.mentions[k].start != y.mentions[k].start || x.mentions[k].end != y.mentions[k].end)
        std::abort();
  }
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
