// Reported speech of one article: direct, partial and indirect quotes with speaker, cue and
// channel.
#ifndef PARALLAX_QUOTES_QUOTES_H_
#define PARALLAX_QUOTES_QUOTES_H_

#include "parallax/article.h"

namespace parallax::quotes {

// Fills article->quotes. Preconditions: blocks, sentences and entities are annotated; a speaker
// is resolved to the entity whose mention covers (or, for pronouns and role phrases, precedes)
// the local speaker mention. Thread-safe.
void AnnotateQuotes(Article* article);

}  // namespace parallax::quotes

#endif  // PARALLAX_QUOTES_QUOTES_H_
