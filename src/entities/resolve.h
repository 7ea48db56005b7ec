// Helpers for later stages (quotes) that need to tie a pronoun or a role phrase to a person
// entity of the same article.
//
//   // "... Peskov told reporters. He added that ..." : who is "He"?
//   std::optional<std::string> id =
//       parallax::entities::LastPersonBefore(article, he_span.start,
//       parallax::entities::Gender::kMale);
#ifndef PARALLAX_ENTITIES_RESOLVE_H_
#define PARALLAX_ENTITIES_RESOLVE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "parallax/article.h"

namespace parallax::entities {

enum class Gender { kUnknown, kMale, kFemale };

// The gender an entity's name and roles suggest: a given name from the lexicon ("Maria"),
// an honorific or gendered title in a role or mention ("Mrs", "spokeswoman", "king").
// kUnknown for non-persons and when nothing says.
Gender GenderOf(const Article& article, const Entity& entity);

// Gender a pronoun asks for: "he", "him", "his" -> kMale; "she", "her", "hers" -> kFemale;
// anything else kUnknown. Case-insensitive.
Gender PronounGender(std::string_view pronoun);

// The id of the person entity with the last mention that starts before `offset` (byte offset
// into article.text). With `want` kMale or kFemale, persons whose known gender differs are
// skipped (persons of unknown gender still qualify). nullopt when none. Preconditions:
// article.entities annotated (AnnotateEntities). O(mentions). Thread-safe for const input.
std::optional<std::string> LastPersonBefore(const Article& article, uint32_t offset,
                                            Gender want = Gender::kUnknown);

// The id of the entity one of whose mentions covers [span.start, span.end), or nullopt.
std::optional<std::string> EntityAt(const Article& article, Span span);

}  // namespace parallax::entities

#endif  // PARALLAX_ENTITIES_RESOLVE_H_
