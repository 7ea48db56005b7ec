// A light HTML tree: an arena of nodes linked by parent/child/sibling indices, built from the
// Tokenizer with the HTML5 rules that shape text and blocks (implied </p> before block
// elements, </li> before <li>, </td> before <td>, </option> before <option>, void elements,
// stray end tags ignored, inline end tags that do not close across blocks, a depth limit).
// It is not a full HTML5 tree builder (no adoption agency, no foster parenting, no implied
// <html>/<head>/<body>): good enough for block classification and visible text.
//
// Why hand-written rather than libxml2: libxml2's HTML parser alone runs at ~195 pages/s on
// the news benchmark (allocating a node, a name copy and a decoded string per element and per
// text run). This tree stores views into the source, decodes only text that holds '&', and
// reuses its vectors between pages, which is what makes >= 600 pages/s for the whole extraction
// possible. libxml2 stays as the test oracle (dom_test.cc compares visible text).
//
// Invariant: node 0 is the document; every other node has a parent with a smaller index, and
// children appear in document order. Views returned by the accessors point into the source
// html or into the Document's own arena: they live as long as both.
//
//   Document doc;
//   Parse(html, &doc);
//   for (uint32_t c = doc.nodes[0].first_child; c != kNoNode; c = doc.nodes[c].next_sibling) ...
#ifndef PARALLAX_HTML_DOM_H_
#define PARALLAX_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/html/tags.h"
#include "src/html/tokenizer.h"

namespace parallax::html {

inline constexpr uint32_t kNoNode = UINT32_MAX;

enum class NodeType : uint8_t { kDocument, kElement, kText, kComment };

struct Node {
  NodeType type = NodeType::kElement;
  Tag tag = Tag::kUnknown;
  bool text_in_arena = false;  // text nodes: text is in Document::arena, else in the source
  bool raw = false;            // text nodes: content of a raw-text element (<script>, <style>)
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t attr_begin = 0;  // elements: [attr_begin, attr_end) in Document::attrs
  uint32_t attr_end = 0;
  uint32_t src_begin = 0;  // byte range in the html: start tag to end tag (or implied end)
  uint32_t src_end = 0;
  uint32_t text_begin = 0;  // text nodes: the decoded text, in the arena or the source
  uint32_t text_size = 0;
  std::string_view name;  // elements: the tag name as written (for Tag::kUnknown)
};

class Document {
 public:
  std::string_view source;
  std::vector<Node> nodes;
  std::vector<Attribute> attrs;
  std::string arena;  // decoded text of text nodes that held character references
  std::string lang;   // <html lang>, as written

  // Text of a text node (decoded), or "" for other nodes.
  std::string_view Text(const Node& node) const {
    if (node.type != NodeType::kText) return {};
    return node.text_in_arena ? std::string_view(arena).substr(node.text_begin, node.text_size)
                              : source.substr(node.text_begin, node.text_size);
  }
  // The raw value of attribute `lower_name` of element `node`; `found` tells presence.
  std::string_view Attr(uint32_t node, std::string_view lower_name, bool* found = nullptr) const;
  bool HasAttr(uint32_t node, std::string_view lower_name) const {
    bool found = false;
    Attr(node, lower_name, &found);
    return found;
  }
  // The attribute value with character references decoded.
  std::string AttrDecoded(uint32_t node, std::string_view lower_name) const;
  // True when `node` is an element named `lower_name` (works for unknown tags too).
  bool IsNamed(uint32_t node, std::string_view lower_name) const;
};

// Parses `html` into *doc, replacing what it held (its buffers are reused). `html` must
// outlive the document. Never fails; nesting deeper than 512 elements is flattened.
void Parse(std::string_view html, Document* doc);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_DOM_H_
