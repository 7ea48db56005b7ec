// Quotation marks of one paragraph paired into quoted spans: curly and straight double quotes,
// guillemets, German low-high quotes, and single quotes told apart from apostrophes.
//
// Invariant: spans are sorted by `open`, properly nested (a span either contains another or is
// disjoint from it) and lie inside the range they were found in.
//
//   for (const QuotedSpan& q : FindQuotedSpans(text, block.span))
//     if (q.depth == 0 && q.is_double) Use(q.open, q.end);
#ifndef PARALLAX_QUOTES_MARKS_H_
#define PARALLAX_QUOTES_MARKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::quotes {

struct QuotedSpan {
  uint32_t open = 0;          // byte offset of the opening mark
  uint32_t inner_start = 0;   // just after the opening mark
  uint32_t inner_end = 0;     // the closing mark (or the range end, trimmed, when unterminated)
  uint32_t end = 0;           // just after the closing mark (== inner_end when unterminated)
  bool is_double = true;      // " “ ” „ « » (false: ' ‘ ’ ‚ ‹ ›)
  bool unterminated = false;  // opened and never closed before the range end
  uint8_t depth = 0;          // 0 = outermost
};

// Pairs the quotation marks of text[range] (one paragraph: a quote left open at the end of the
// range is reported as unterminated, the journalistic convention for quotes that go on in the
// next paragraph). An apostrophe inside a word ("don't", "Peskov’s") or after a plural ("the
// players' union") is not a mark. Unpaired closing marks are ignored; unterminated single quotes
// are dropped. Thread-safe; linear in the range.
std::vector<QuotedSpan> FindQuotedSpans(std::string_view text, Span range);

namespace internal {
// FindQuotedSpans without its skip over ASCII bytes that cannot be marks: every code point is
// decoded and classified. Same result; the reference the skip is tested against.
std::vector<QuotedSpan> FindQuotedSpansDecodingAll(std::string_view text, Span range);
}  // namespace internal

// True when the code point is a quotation mark (double or single, any style).
bool IsQuoteMark(char32_t c);
// True for the double quotation marks " “ ” „ ‟ « ».
bool IsDoubleQuoteMark(char32_t c);

}  // namespace parallax::quotes

#endif  // PARALLAX_QUOTES_MARKS_H_
