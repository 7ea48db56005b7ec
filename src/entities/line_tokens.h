// The entities stage's tokenizer: text::Tokenize's tokens, cut faster for ASCII text.
//
// Contract: AppendTokens(text, range, &out) appends exactly the tokens (spans and kinds) that
// text::Tokenize(text, range) returns, in order. Most news text is ASCII between its spaces
// (~97% of the space-separated chunks of an English news sample), so each chunk between ASCII
// white space is cut by a byte-table loop here; a chunk with any non-ASCII byte is handed whole
// to text::Tokenize, which stays the one definition of Unicode tokenization (its tokens never
// cross white space and look ahead at most one code point, so cutting at ASCII white space
// changes nothing). line_tokens_test.cc checks equality with text::Tokenize on tables and
// random text.
//
//   std::vector<parallax::entities::LineToken> toks;
//   parallax::entities::AppendTokens(text, Span{0, n}, &toks);
#ifndef PARALLAX_ENTITIES_LINE_TOKENS_H_
#define PARALLAX_ENTITIES_LINE_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "src/text/tokens.h"

namespace parallax::entities {

struct LineToken {
  Span span;
  text::TokenKind kind = text::TokenKind::kWord;
  bool ascii = true;  // every byte of the span is ASCII
};

// Appends the tokens of text[range] to *out (see above). A range past the end of `text` is
// clamped. Thread-safe.
void AppendTokens(std::string_view text, Span range, std::vector<LineToken>* out);

}  // namespace parallax::entities

#endif  // PARALLAX_ENTITIES_LINE_TOKENS_H_
