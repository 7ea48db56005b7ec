// Sentence segmentation over the article text: a hand-written scanner (no ICU at run time) that
// agrees with ICU's sentence iterator on plain prose and knows the abbreviations of news copy.
//
// Invariant: sentences are non-empty, trimmed of white space, in text order, non-overlapping,
// and lie inside the range they were split from.
//
//   for (const parallax::Sentence& s : parallax::text::SplitSentences(a.text, block.span))
//     Print(a.View(s.span));
#ifndef PARALLAX_TEXT_SENTENCES_H_
#define PARALLAX_TEXT_SENTENCES_H_

#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::text {

// Splits text[range] into sentences. A sentence ends after . ! ? … (and any closing quotes or
// brackets after them) when white space and an upper-case letter, a letter of a script without
// case (Arabic, Hebrew, CJK ...), a digit or an opening quote, bracket, ¿ ¡ or dash follow.
// Abbreviations ("Dr.", "Gen.", "Inc.", "г.", "Nr."), dotted forms ("U.S.", "e.g.", "z.B.",
// "т.е."), single capital initials ("J. K.") do not end a sentence; month and number
// abbreviations ("Dec.", "No.", "p.") hold only before a digit ("Dec. 17. The vote" splits after
// "17."). CJK stops (。！？) end a sentence without a following space. A blank line always ends
// a sentence, and so does a single newline unless the next line goes on in lower case (wrapped
// prose). Quotes spanning several sentences keep their inner breaks. A range past the end of
// `text` is clamped. Thread-safe; no allocation beyond the result.
std::vector<Sentence> SplitSentences(std::string_view text, Span range);

// Replaces article->sentences with the sentences of every block that is not boilerplate,
// credit, section or timestamp (headline, standfirst, caption blocks give sentences of their
// own), sorted by start offset.
void AnnotateSentences(Article* article);

}  // namespace parallax::text

#endif  // PARALLAX_TEXT_SENTENCES_H_
