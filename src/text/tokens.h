// Tokens, folded forms and stems: the units every later stage (entities, quotes, dedup, stories,
// compare) matches on.
//
// Invariant: tokens are non-empty, in text order, non-overlapping, and lie inside the range
// they were cut from; white space is never part of a token.
//
//   for (const parallax::text::Token& t : parallax::text::Tokenize(a.text, sentence.span))
//     if (t.kind == parallax::text::TokenKind::kWord)
//       Count(parallax::text::Stem(parallax::text::Fold(a.View(t.span)), a.language));
#ifndef PARALLAX_TEXT_TOKENS_H_
#define PARALLAX_TEXT_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::text {

enum class TokenKind {
  // Letters and marks, then letters, marks and digits ("G7", "MH17"), with inner apostrophes and
  // hyphens before a letter or digit: "don't", "Botsan-Kharchenko", "COVID-19". A Han or kana
  // character is a word on its own (those scripts put no spaces between words).
  kWord,
  kNumber,  // digits with inner separators: "2023", "10,000", "3.5", "18:21"
  kPunct,   // one punctuation code point: "," "«" "—"
  kSymbol,  // other non-space code points: "$", "€", emoji
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

// Splits text[range] into tokens (white space, controls and format characters such as the soft
// hyphen dropped; a soft hyphen inside a word stays inside its span). Spans are absolute
// offsets into `text`; a range past the end of `text` is clamped. Thread-safe.
std::vector<Token> Tokenize(std::string_view text, Span range);

// The matching form of `s`: Unicode case folding, compatibility decomposition (ligatures,
// full-width forms), combining marks removed, Cyrillic "ё" -> "е" (but "й" kept), curly
// apostrophes -> "'", Unicode dashes and quotes lumped to ASCII, default-ignorable characters
// (soft hyphen, zero-width joiner) dropped. "Vučić" and "VUCIC" both give "vucic". ASCII input
// takes a fast path (lower case only). Thread-safe.
std::string Fold(std::string_view s);

// Snowball stem of a folded word in `language` (ISO 639-1: en, ru, de, fr, es, it, pt, nl, ...);
// the word unchanged for a language without a stemmer ("" included). Thread-safe: each thread
// keeps one stemmer per language and a bounded memo of recent stems (at most 65,536 words).
std::string Stem(std::string_view folded_word, std::string_view language);

}  // namespace parallax::text

#endif  // PARALLAX_TEXT_TOKENS_H_
