// Sentence segmentation over the article text.
#ifndef PARALLAX_TEXT_SENTENCES_H_
#define PARALLAX_TEXT_SENTENCES_H_

#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::text {

// Splits text[range] into sentences: terminal punctuation followed by space and an upper-case
// letter, digit or opening quote; abbreviations ("Dr.", "Dec.", "U.S.", initials) and decimal
// numbers do not end a sentence; a closing quote after the terminal stays in the sentence.
// Spans are trimmed of surrounding white space and lie inside `range`.
std::vector<Sentence> SplitSentences(std::string_view text, Span range);

// Fills article->sentences from every block that is not boilerplate, credit, section or
// timestamp, in text order.
void AnnotateSentences(Article* article);

}  // namespace parallax::text

#endif  // PARALLAX_TEXT_SENTENCES_H_
