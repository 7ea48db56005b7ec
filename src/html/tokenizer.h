// A streaming HTML tokenizer over a string_view: start and end tags with attributes (quoted,
// unquoted, bare), text, comments, doctype, CDATA sections, raw-text elements (script, style,
// xmp, iframe, noembed, noframes, noscript) and RCDATA elements (title, textarea) whose content
// runs to the matching end tag. It follows the HTML5 tokenizer where it matters for text and
// structure, and is lenient everywhere else: every input yields tokens, nothing fails.
//
// Invariant: token views (names, attribute names/values, text) point into the input, which must
// outlive them; nothing is decoded here (character references are decoded by the caller with
// AppendDecoded, which knows whether it reads text or an attribute). No allocation per token
// once the attribute vector has grown.
//
//   Tokenizer tok(html);
//   Token t;
//   while (tok.Next(&t)) if (t.type == TokenType::kText) Use(t.data);
#ifndef PARALLAX_HTML_TOKENIZER_H_
#define PARALLAX_HTML_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "src/html/tags.h"

namespace parallax::html {

enum class TokenType { kText, kStartTag, kEndTag, kComment, kDoctype, kCdata };

struct Attribute {
  std::string_view name;   // as written (compare ASCII case-insensitively)
  std::string_view value;  // raw: character references not decoded; "" for a bare attribute
};

struct Token {
  TokenType type = TokenType::kText;
  Tag tag = Tag::kUnknown;    // tags only
  std::string_view name;      // tags: the name as written
  std::string_view data;      // text, comment, doctype or CDATA content
  bool self_closing = false;  // "<br/>"
  bool raw = false;           // text from a raw-text element: character references stay as is
  uint32_t begin = 0;         // byte range of the token in the input
  uint32_t end = 0;
  std::vector<Attribute> attrs;  // start tags only; the first of duplicate names comes first
};

class Tokenizer {
 public:
  // Precondition: html.size() < 4 GiB (offsets are 32-bit).
  explicit Tokenizer(std::string_view html) : s_(html) {}

  // Fills *token with the next token; returns false at the end of input. A tag cut off by the
  // end of input is dropped, as in HTML5.
  bool Next(Token* token);

  // Tells the tokenizer that the tree builder is inside <svg>/<math>, where <![CDATA[...]]> is
  // text rather than a bogus comment.
  void set_foreign(bool foreign) { foreign_ = foreign; }

 private:
  bool ReadTag(size_t lt, bool end_tag, Token* token);
  void ReadBogusComment(size_t lt, size_t body, Token* token);
  size_t FindRawTextEnd(size_t from) const;

  std::string_view s_;
  size_t pos_ = 0;
  Tag raw_tag_ = Tag::kUnknown;  // set after a raw-text/RCDATA start tag
  bool raw_plain_ = false;       // after <plaintext>: the rest is text
  bool foreign_ = false;
};

// ASCII case-insensitive equality; `lower` must be lower-case.
bool EqualsLower(std::string_view s, std::string_view lower);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_TOKENIZER_H_
