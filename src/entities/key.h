// Matching keys for entity names, comparable across articles and scripts.
//
// A key is the name folded (case, diacritics: text::Fold), Cyrillic and Greek transliterated
// to Latin, possessive endings dropped, punctuation dropped, and spelled with a few
// normalisations that make common romanisations meet: "shch"/"sch"->"s", "ch"->"c",
// "sh"->"s", "zh"->"z", "kh"->"h", "ts"/"tz"->"c", "x"->"ks", "y"/"j"->"i", doubled letters
// once. So "Vučić", "Vucic", "VUCIC" and "Вучич" give "vucic"; "Песков" and "Peskov" give
// "peskov"; "Дмитрий" and "Dmitry" give "dmitri". Words are joined by one space.
//
//   std::string k = parallax::entities::EntityKey("Dmitry Peskov");  // "dmitri peskov"
#ifndef PARALLAX_ENTITIES_KEY_H_
#define PARALLAX_ENTITIES_KEY_H_

#include <string>
#include <string_view>

namespace parallax::entities {

// The matching key of a name (see above). Empty for a name without letters or digits.
std::string EntityKey(std::string_view name);

// The same key by the general (slower) path that EntityKey takes for non-ASCII names; for
// tests that check EntityKey's ASCII fast path against it.
std::string EntityKeyReference(std::string_view name);

// Cyrillic and Greek letters of folded, lower-case `s` replaced by Latin letters; other text
// unchanged.
std::string Transliterate(std::string_view folded);

}  // namespace parallax::entities

#endif  // PARALLAX_ENTITIES_KEY_H_
