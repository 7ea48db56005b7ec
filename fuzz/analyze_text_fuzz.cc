// The whole plain-text path on arbitrary bytes: decode -> extract -> sentences -> entities ->
// quotes. Any input must either fail with a Status or yield an article whose spans all lie
// inside its text, in order; anything else aborts (a finding).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parallax/pipeline.h"

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

bool Inside(const parallax::Article& a, parallax::Span s) {
  return s.start <= s.end && s.end <= a.text.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parallax::AnalyzeOptions options;
  options.input.format = parallax::InputFormat::kText;
  options.input.max_article_bytes = 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parallax::Result<parallax::Article> article = parallax::AnalyzeBytes(bytes, "fuzz", options);
  if (!article.ok()) return 0;
  const parallax::Article& a = *article;
  uint32_t prev = 0;
  for (const auto& b : a.blocks) {
    Require(Inside(a, b.span) && b.span.start >= prev);
    prev = b.span.end;
  }
  for (const auto& s : a.sentences) Require(Inside(a, s.span));
  for (const auto& e : a.entities)
    for (const auto& m : e.mentions) Require(Inside(a, m));
  for (const auto& q : a.quotes) {
    Require(Inside(a, q.content) && Inside(a, q.speaker.span));
    if (q.cue) Require(Inside(a, *q.cue));
    if (q.channel) Require(Inside(a, *q.channel));
  }
  if (a.dateline) Require(Inside(a, a.dateline->span));
  return 0;
}
