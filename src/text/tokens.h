// Tokens, folded forms and stems: the units every later stage (entities, quotes, dedup, stories,
// compare) matches on.
#ifndef PARALLAX_TEXT_TOKENS_H_
#define PARALLAX_TEXT_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::text {

enum class TokenKind {
  kWord,    // letters and marks, with inner apostrophes and hyphens: "don't", "Botsan-Kharchenko"
  kNumber,  // digits with inner separators: "2023", "10,000", "3.5", "18:21"
  kPunct,   // one punctuation code point: "," "«" "—"
  kSymbol,  // other non-space code points: "$", "€", emoji
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

// Splits text[range] into tokens (white space dropped). Spans are absolute offsets into `text`.
std::vector<Token> Tokenize(std::string_view text, Span range);

// The matching form of `s`: Unicode case folding, compatibility decomposition, combining marks
// removed, Cyrillic "ё" -> "е", curly apostrophes -> "'". "Vučić" and "VUCIC" both give "vucic".
std::string Fold(std::string_view s);

// Snowball stem of a folded word in `language` (ISO 639-1: en, ru, de, fr, es, it, pt, nl, ...);
// the word unchanged for a language without a stemmer. Thread-safe (one stemmer per thread).
std::string Stem(std::string_view folded_word, std::string_view language);

}  // namespace parallax::text

#endif  // PARALLAX_TEXT_TOKENS_H_
