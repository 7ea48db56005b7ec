// The visible text of a parsed page, in reading order, cut into blocks.
//
// Definition ("visible text"): the text nodes of the document in document order, except text
// inside <script>, <style>, <template>, <noscript>, <title>, <textarea>, <iframe>, <noembed>,
// <noframes> (elements flagged kTagInvisible), and except comments, doctype and attribute values
// (alt text is not text). CSS is not applied: an element hidden by a class or style attribute
// still counts, and the extractor decides about it.
//
// Layout: every block-level element (p, div, li, h1-h6, td, blockquote, ...) starts and ends a
// block; blocks are joined by "\n\n"; <br> is "\n" inside a block; runs of ASCII whitespace
// collapse to one space and blocks are trimmed; inside <pre> whitespace and newlines stay.
//
// Invariant: blocks are in order, do not overlap, and each span is non-empty text of `text`
// holding no "\n\n". Each block names the element that holds it and the byte range of the html
// its text came from.
#ifndef PARALLAX_HTML_VISIBLE_TEXT_H_
#define PARALLAX_HTML_VISIBLE_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "src/html/dom.h"

namespace parallax::html {

struct TextBlock {
  uint32_t node = kNoNode;  // the innermost block-level element around the block's first text
  Span span;                // in VisibleText::text
  uint32_t html_begin = 0;  // [html_begin, html_end): the html bytes its text nodes came from
  uint32_t html_end = 0;
  uint32_t link_bytes = 0;  // bytes of the block's text that sit inside <a href>
};

struct VisibleText {
  std::string text;
  std::vector<TextBlock> blocks;
};

// Lays out the visible text of `doc` into *out (replacing its contents; buffers reused).
void BuildVisibleText(const Document& doc, VisibleText* out);

// The visible text with no layout: visible text nodes concatenated as they are, then every run
// of whitespace (ASCII and U+00A0) replaced by one space and the ends trimmed. This is the form
// compared with libxml2's parser in the differential test.
std::string FlatVisibleText(const Document& doc);

// Collapses whitespace as FlatVisibleText does (shared with the test's libxml2 walk).
std::string NormalizeSpace(std::string_view s);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_VISIBLE_TEXT_H_
