#include "src/entities/resolve.h"

#include <string>

#include "src/entities/lexicon.h"

namespace parallax::entities {
namespace {

// Gender from the folded words of `s`: titles anywhere, given names as the first word.
Gender FromWords(std::string_view s, bool first_is_given) {
  const Lexicon& lex = Lexicon::Get();
  std::string folded;
  FoldInto(s, &folded);
  size_t i = 0;
  bool first = true;
  while (i < folded.size()) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == ',')) ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ' && folded[j] != ',') ++j;
    if (j == i) break;
    std::string_view w = std::string_view(folded).substr(i, j - i);
    uint64_t f = lex.Lookup(w);
    if (f & kFemaleTitle) return Gender::kFemale;
    if (f & kMaleTitle) return Gender::kMale;
    if (first && first_is_given && !(f & kHonorific)) {
      if ((f & kGivenFemale) && !(f & kGivenMale)) return Gender::kFemale;
      if ((f & kGivenMale) && !(f & kGivenFemale)) return Gender::kMale;
    }
    if (!(f & kHonorific)) first = false;
    i = j;
  }
  return Gender::kUnknown;
}

}  // namespace

Gender GenderOf(const Article& article, const Entity& entity) {
  if (entity.type != EntityType::kPerson) return Gender::kUnknown;
  for (const std::string& role : entity.roles) {
    Gender g = FromWords(role, false);
    if (g != Gender::kUnknown) return g;
  }
  Gender g = FromWords(entity.name, true);
  if (g != Gender::kUnknown) return g;
  // "Mrs Smith": the honorific sits right before a mention.
  for (const Span& m : entity.mentions) {
    if (m.start == 0 || m.start > article.text.size()) continue;
    size_t b = m.start;
    while (b > 0 && article.text[b - 1] == ' ') --b;
    size_t a = b;
    while (a > 0 && article.text[a - 1] != ' ' && article.text[a - 1] != '\n') --a;
    if (a < b) {
      Gender h = FromWords(std::string_view(article.text).substr(a, b - a), false);
      if (h != Gender::kUnknown) return h;
    }
  }
  return Gender::kUnknown;
}

Gender PronounGender(std::string_view p) {
  std::string w;
  FoldInto(p, &w);
  if (w == "he" || w == "him" || w == "his" || w == "himself") return Gender::kMale;
  if (w == "she" || w == "her" || w == "hers" || w == "herself") return Gender::kFemale;
  return Gender::kUnknown;
}

std::optional<std::string> LastPersonBefore(const Article& article, uint32_t offset, Gender want) {
  const Entity* best = nullptr;
  uint32_t best_at = 0;
  for (const Entity& e : article.entities) {
    if (e.type != EntityType::kPerson) continue;
    uint32_t last = 0;
    bool any = false;
    for (const Span& m : e.mentions)
      if (m.start < offset && (!any || m.start >= last)) {
        last = m.start;
        any = true;
      }
    if (!any || (best && last < best_at)) continue;
    if (want != Gender::kUnknown) {
      Gender g = GenderOf(article, e);
      if (g != Gender::kUnknown && g != want) continue;
    }
    best = &e;
    best_at = last;
  }
  if (!best) return std::nullopt;
  return best->id;
}

std::optional<std::string> EntityAt(const Article& article, Span span) {
  for (const Entity& e : article.entities)
    for (const Span& m : e.mentions)
      if (m.start <= span.start && span.end <= m.end) return e.id;
  return std::nullopt;
}

}  // namespace parallax::entities
