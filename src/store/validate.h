// Article validation shared by the store and its writers: the invariants readers rely on
// (spans inside text, entity ids unique per article) that SQLite cannot check.
#ifndef PARALLAX_STORE_VALIDATE_H_
#define PARALLAX_STORE_VALIDATE_H_

#include <string>

#include "parallax/article.h"

namespace parallax::store {

// Why `article` cannot be stored ("block span outside text" ...), or "" when it can.
// Store::WriteBatch records such an article as a failure; CorpusWriter checks first so that a
// rejected article never enters the corpus stages.
std::string InvalidArticleReason(const Article& article);

}  // namespace parallax::store

#endif  // PARALLAX_STORE_VALIDATE_H_
