// Claim splitting: the units compare aligns. A claim is a body sentence, or a clause of one when
// the sentence joins two facts ("A happened; B happened", "A happened, and the police said B",
// "A happened, while B ...") or carries a non-restrictive relative clause ("Members of the bloc,
// who started rallies on Monday, tried ..."), which states a fact of its own.
//
// Invariant: every unit's span lies inside one body block of the article (never a headline,
// caption or boilerplate block), is trimmed of white space, and units come in text order. The
// relative clause unit's span covers the clause only; its features text prefixes the antecedent
// so that it reads as a sentence ("Members of the bloc started rallies on Monday").
//
//   for (const ClaimUnit& u : SplitClaims(article, 0)) Align(article.View(u.span), u.features);
#ifndef PARALLAX_COMPARE_SPLIT_H_
#define PARALLAX_COMPARE_SPLIT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::compare {

struct ClaimUnit {
  uint32_t article = 0;
  Span span;              // the evidence
  std::string features;   // the text to compute features from; "" = the span's text
  uint32_t sentence = 0;  // index (among the article's body sentences) of its sentence
  Span exclude;           // a main clause's relative clause: not part of its features
};

// The article's body sentences: its sentences that start in a body block, clamped to the block
// and trimmed of white space; none shorter than one word.
std::vector<Span> BodySentences(const Article& article);

// The claims of the article's body sentences (see the file comment). Units with fewer than
// `min_words` words (space-separated runs holding a letter or digit) are dropped; a split that
// would leave a part shorter than that is not made. Default min_words: 4.
std::vector<ClaimUnit> SplitClaims(const Article& article, uint32_t article_index,
                                   size_t min_words = 4);

// Splits one sentence (`text` is the article text, `sentence` a span of it); exposed for tests.
// No split is made inside a `protect`ed span (the article's direct quotes: a quoted sentence is
// one statement, and the sentence splitter may cut a quotation so that its marks are not in
// view).
std::vector<ClaimUnit> SplitSentence(std::string_view text, Span sentence, size_t min_words = 4,
                                     std::span<const Span> protect = {});

// Words in text: space-separated runs that hold at least one letter or digit.
size_t CountWords(std::string_view text);

}  // namespace parallax::compare

#endif  // PARALLAX_COMPARE_SPLIT_H_
