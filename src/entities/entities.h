// Named entities of one article: people, organisations, places and other names, with roles,
// aliases resolved inside the article and a folded key that matches across articles.
#ifndef PARALLAX_ENTITIES_ENTITIES_H_
#define PARALLAX_ENTITIES_ENTITIES_H_

#include "parallax/article.h"

namespace parallax::entities {

// Fills article->entities from the non-boilerplate blocks (sentences must be annotated).
// Thread-safe: shared lexicons are built once and read only.
void AnnotateEntities(Article* article);

}  // namespace parallax::entities

#endif  // PARALLAX_ENTITIES_ENTITIES_H_
