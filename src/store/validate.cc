#include "src/store/validate.h"

#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace parallax::store {

std::string InvalidArticleReason(const Article& a) {
  if (a.id.empty()) return "article has no id";
  const uint32_t n = static_cast<uint32_t>(a.text.size());
  if (a.text.size() > UINT32_MAX) return "article text exceeds 4 GiB";
  auto bad = [n](const Span& s) { return s.start > s.end || s.end > n; };
  for (const Block& b : a.blocks) {
    if (bad(b.span)) return "block span outside text";
  }
  for (const Sentence& s : a.sentences) {
    if (bad(s.span)) return "sentence span outside text";
  }
  if (a.dateline && bad(a.dateline->span)) return "dateline span outside text";
  std::unordered_set<std::string_view> ids;
  for (const Entity& e : a.entities) {
    if (e.id.empty()) return "entity without id";
    if (!ids.insert(e.id).second) return "entity id " + e.id + " repeated";
    for (const Span& m : e.mentions) {
      if (bad(m)) return "mention span outside text";
    }
  }
  for (const Quote& q : a.quotes) {
    if (bad(q.content) || bad(q.speaker.span) || (q.cue && bad(*q.cue)) ||
        (q.channel && bad(*q.channel))) {
      return "quote span outside text";
    }
  }
  return "";
}

}  // namespace parallax::store
