#include "src/html/libxml_oracle.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <iterator>
#include <vector>

#include "src/html/dom.h"
#include "src/html/entities.h"
#include "src/html/tags.h"
#include "src/html/visible_text.h"

namespace parallax::html::oracle {
namespace {

bool Invisible(const xmlNode* n) {
  static const char* kNames[] = {"script",   "style",  "template", "noscript", "title",
                                 "textarea", "iframe", "noembed",  "noframes"};
  for (const char* name : kNames)
    if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
  return false;
}

// Iterative walk (libxml2 trees of real pages can be deep).
// Walks `first` and its following siblings.
void WalkLibxml(const xmlNode* first, std::string* out) {
  std::vector<const xmlNode*> stack;
  const xmlNode* last = first;
  while (last && last->next) last = last->next;
  for (const xmlNode* c = last; c; c = c->prev) stack.push_back(c);
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out->append(reinterpret_cast<const char*>(n->content));
      continue;
    }
    if (n->type != XML_ELEMENT_NODE || Invisible(n)) continue;
    const xmlNode* last = n->children;
    if (!last) continue;
    while (last->next) last = last->next;
    for (const xmlNode* c = last; c; c = c->prev) stack.push_back(c);
  }
}

// Mark where a block-level element opens and closes in the raw text of the block-level
// comparison.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

bool IsBoundaryTag(Tag tag) { return HasFlag(tag, kTagBlock) || tag == Tag::kBr; }

// As WalkLibxml, with kOpen before and kClose after every element our tag table calls block-level
// (and <br>): the tree's shape as far as visible text can see it.
void WalkLibxmlBlocks(const xmlNode* first, std::string* out) {
  struct Item {
    const xmlNode* node;
    bool exit;
  };
  std::vector<Item> stack;
  const xmlNode* tail = first;
  while (tail && tail->next) tail = tail->next;
  for (const xmlNode* c = tail; c; c = c->prev) stack.push_back({c, false});
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const xmlNode* n = it.node;
    if (it.exit) {
      out->push_back(kClose);
      continue;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out->append(reinterpret_cast<const char*>(n->content));
      continue;
    }
    if (n->type != XML_ELEMENT_NODE || Invisible(n)) continue;
    bool boundary = IsBoundaryTag(LookupTag(reinterpret_cast<const char*>(n->name)));
    if (boundary) {
      out->push_back(kOpen);
      stack.push_back({n, true});
    }
    const xmlNode* last = n->children;
    if (!last) continue;
    while (last->next) last = last->next;
    for (const xmlNode* c = last; c; c = c->prev) stack.push_back({c, false});
  }
}

// Our tree, walked the same way.
void WalkOursBlocks(const Document& doc, std::string* out) {
  const auto& nodes = doc.nodes;
  if (nodes.empty()) return;
  struct Item {
    uint32_t node;
    bool exit;
  };
  std::vector<Item> stack;
  std::vector<uint32_t> children;
  for (uint32_t c = nodes[0].first_child; c != kNoNode; c = nodes[c].next_sibling)
    children.push_back(c);
  for (size_t k = children.size(); k-- > 0;) stack.push_back({children[k], false});
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    if (it.exit) {
      out->push_back(kClose);
      continue;
    }
    const Node& node = nodes[it.node];
    if (node.type == NodeType::kText) {
      out->append(doc.Text(node));
      continue;
    }
    if (node.type != NodeType::kElement || HasFlag(node.tag, kTagInvisible)) continue;
    if (IsBoundaryTag(node.tag)) {
      out->push_back(kOpen);
      stack.push_back({it.node, true});
    }
    children.clear();
    for (uint32_t c = node.first_child; c != kNoNode; c = nodes[c].next_sibling)
      children.push_back(c);
    for (size_t k = children.size(); k-- > 0;) stack.push_back({children[k], false});
  }
}

// Whitespace runs become one space, boundary runs (with the whitespace around them) one '\n';
// the ends are trimmed. U+00A0 counts as whitespace, as in NormalizeSpace.
std::string NormalizeBlocks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false, boundary = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == kOpen || c == kClose) {
      boundary = true;
      continue;
    }
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!is_space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = true;
      continue;
    }
    if (!out.empty() && (boundary || space)) out.push_back(boundary ? '\n' : ' ');
    space = boundary = false;
    out.push_back(c);
  }
  return out;
}

// Rule "empty-block": removes every kOpen..kClose pair that holds nothing but whitespace
// (nested pairs included), keeping one space if there was whitespace.
std::string DropEmptyBlocks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::vector<size_t> open;  // positions of kOpen in `out`
  for (char c : s) {
    if (c == kOpen) {
      open.push_back(out.size());
    } else if (c == kClose && !open.empty()) {
      size_t p = open.back();
      open.pop_back();
      bool empty = true, space = false;
      for (size_t i = p + 1; i < out.size() && empty; ++i) {
        char x = out[i];
        if (x == ' ' || x == '\t' || x == '\n' || x == '\r' || x == '\f')
          space = true;
        else
          empty = false;
      }
      if (empty) {
        out.resize(p);
        if (space) out.push_back(' ');
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

// Turns a raw walk (text nodes, and at Level::kBlocks kOpen/kClose marks) into the compared
// form under `rules`.
std::string Normalise(std::string_view raw, Level level, uint32_t rules) {
  std::string s;
  if (level == Level::kBlocks) {
    // Rule "empty-block" (an end tag </p> with no open <p>): HTML5 inserts an empty <p>, which
    // is a block edge; libxml2 (HTML4) drops the tag. An empty block element holds no text, so
    // on both sides it marks no edge.
    s = NormalizeBlocks((rules & kRuleEmptyBlock) ? DropEmptyBlocks(raw) : std::string(raw));
  } else {
    s = NormalizeSpace(raw);
  }
  return s;
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// True for a code point that both parsers turn into itself: an XML character (libxml2 rejects
// the others) outside C0/C1 controls (HTML5 remaps &#128;..&#159; through windows-1252 and
// &#0; to U+FFFD).
bool PlainCodePoint(uint32_t v) {
  if (v == 0x9 || v == 0xA || v == 0xD) return true;
  if (v < 0x20 || (v >= 0x7F && v <= 0x9F)) return false;
  if (v >= 0xD800 && v <= 0xDFFF) return false;
  return v <= 0xFFFD || (v >= 0x10000 && v <= 0x10FFFF);
}

// Rule "char-refs" (character references HTML4 and HTML5 read differently): HTML5 decodes
// legacy names without ';' (&copy), the longest known prefix of an unknown name (&notit; is
// "¬it;"), its 2,231 names, &#0; and C1 values remapped through windows-1252 (&#150; is
// U+2013); libxml2 knows the 253 HTML4 names, needs ';', and keeps or drops the rest. Both sides
// get the input with every reference removed that is not plain: a plain reference is a name
// both tables hold, or a decimal/hex number with a plain code point, ending in ';'. Applied to
// the html before either parser sees it (character references are decoded in text and
// attributes alike, and attributes are not compared).
std::string StripNonPlainCharRefs(std::string_view html, bool* changed) {
  std::string out;
  out.reserve(html.size());
  *changed = false;
  size_t i = 0;
  while (i < html.size()) {
    size_t amp = html.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, amp - i));
    size_t j = amp + 1;
    bool plain = false, reference = false;
    if (j < html.size() && html[j] == '#') {
      ++j;
      bool hex = j < html.size() && (html[j] == 'x' || html[j] == 'X');
      if (hex) ++j;
      size_t digits = j;
      uint64_t v = 0;
      while (j < html.size() && (hex ? IsHex(html[j]) : IsDigit(html[j]))) {
        char c = html[j++];
        int d = IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
        if (v < 0x110000) v = v * (hex ? 16 : 10) + static_cast<uint64_t>(d);
      }
      reference = j > digits;
      if (reference && j < html.size() && html[j] == ';') {
        ++j;
        plain = PlainCodePoint(static_cast<uint32_t>(std::min<uint64_t>(v, 0x110000)));
      }
    } else {
      while (j < html.size() && (IsAlpha(html[j]) || IsDigit(html[j]))) ++j;
      reference = j > amp + 1 && IsAlpha(html[amp + 1]);
      if (reference && j < html.size() && html[j] == ';') {
        std::string name(html.substr(amp + 1, j - amp - 1));
        plain = LookupEntity(name) != 0 &&
                htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str())) != nullptr;
        ++j;
      }
    }
    if (!reference || plain) {
      out.append(html.substr(amp, reference ? j - amp : 1));
      i = reference ? j : amp + 1;
    } else {
      *changed = true;
      i = j;
    }
  }
  return out;
}

// Rule "abrupt-comment" (the empty comments "<!-->" and "<!--->"): HTML5 ends them at once;
// libxml2 reads a comment that runs to the next "-->", hiding the text in between. Both sides
// get them written as the ordinary empty comment "<!---->".
std::string RewriteAbruptComments(std::string_view html, bool* changed) {
  std::string out;
  out.reserve(html.size());
  *changed = false;
  size_t i = 0;
  while (i < html.size()) {
    size_t c = html.find("<!--", i);
    if (c == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, c - i));
    std::string_view rest = html.substr(c + 4);
    size_t skip = rest.starts_with(">") ? 1 : rest.starts_with("->") ? 2 : 0;
    if (skip > 0) {
      out.append("<!---->");
      *changed = true;
      i = c + 4 + skip;
      continue;
    }
    // An ordinary comment: copied whole (a "<!--" inside it starts nothing).
    size_t end = html.find("-->", c + 4);
    end = end == std::string_view::npos ? html.size() : end + 3;
    out.append(html.substr(c, end - c));
    i = end;
  }
  return out;
}

// Rule "bogus-comment" (HTML5's bogus comment state, and "</>"): HTML5 reads "<!" not followed
// by "--" or DOCTYPE (CDATA sections outside <svg>/<math> included), "<?" (processing
// instructions) and "</" followed by a non-letter as comments up to the next '>', and drops
// "</>"; libxml2 shows parts of them as text. Both sides get them removed from the input, up to
// the next '>' (left as they are when a '<' comes first, so a "<?" inside a script cannot eat
// its end tag). Ordinary comments are skipped whole.
std::string StripBogusComments(std::string_view html, bool* changed) {
  std::string out;
  out.reserve(html.size());
  *changed = false;
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, lt - i));
    std::string_view rest = html.substr(lt + 1);
    if (rest.starts_with("!--")) {
      size_t end = html.find("-->", lt + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out.append(html.substr(lt, end - lt));
      i = end;
      continue;
    }
    bool bogus = false;
    if (rest[0] == '!') {
      std::string head(rest.substr(1, 7));
      for (char& ch : head) ch = static_cast<char>(ch | 0x20);
      bogus = head != "doctype";
    } else if (rest[0] == '?') {
      bogus = true;
    } else if (rest[0] == '/' && rest.size() > 1) {
      bogus = !IsAlpha(rest[1]);
    }
    size_t gt = bogus ? html.find('>', lt + 1) : std::string_view::npos;
    size_t next_lt = html.find('<', lt + 1);
    if (gt == std::string_view::npos || (next_lt != std::string_view::npos && next_lt < gt)) {
      out.push_back('<');
      i = lt + 1;
      continue;
    }
    *changed = true;
    i = gt + 1;
  }
  return out;
}

// Rule "after-body" (content after </body> or </html>): HTML5 goes on putting it into <body>
// (the end tags only change the insertion mode), libxml2 closes the body and wraps the text in
// an implied <p>, a block edge. Both sides get the input without </body> and </html> end tags,
// which changes nothing for HTML5.
std::string StripBodyEndTags(std::string_view html, bool* changed) {
  std::string out;
  out.reserve(html.size());
  *changed = false;
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find("</", i);
    if (lt == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, lt - i));
    size_t j = lt + 2;
    std::string name;
    while (j < html.size() && IsAlpha(html[j]) && name.size() < 5)
      name.push_back(static_cast<char>(html[j++] | 0x20));
    size_t k = j;
    while (k < html.size() && (html[k] == ' ' || html[k] == '\t' || html[k] == '\n' ||
                               html[k] == '\r' || html[k] == '\f'))
      ++k;
    if ((name == "body" || name == "html") && k < html.size() && html[k] == '>') {
      *changed = true;
      i = k + 1;
    } else {
      out.append("</");
      i = lt + 2;
    }
  }
  return out;
}

// Moves `i` back to the start of a UTF-8 character.
size_t CharStart(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

std::string Excerpt(std::string_view s, size_t at, size_t radius) {
  size_t b = CharStart(s, at > radius ? at - radius : 0);
  size_t e = std::min(s.size(), at + radius);
  e = CharStart(s, e);
  if (at > s.size()) at = s.size();
  std::string out = b > 0 ? "..." : "";
  out.append(s.substr(b, at - b));
  out.append("[HERE]");
  out.append(s.substr(at, e > at ? e - at : 0));
  if (e < s.size()) out.append("...");
  return out;
}

std::string LibxmlRawText(std::string_view html) {
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  std::string out;
  if (doc) {
    // Every child of the document (not only the root element), should libxml2 leave text
    // outside <html>.
    WalkLibxml(doc->children, &out);
    xmlFreeDoc(doc);
  }
  return out;
}

std::string LibxmlRawBlocks(std::string_view html) {
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  std::string out;
  if (doc) {
    WalkLibxmlBlocks(doc->children, &out);
    xmlFreeDoc(doc);
  }
  return out;
}

// The visible text nodes of our tree concatenated (FlatVisibleText before NormalizeSpace).
std::string OurRawText(const Document& doc) {
  std::string all;
  const auto& nodes = doc.nodes;
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    if (nodes[i].type != NodeType::kText) continue;
    bool visible = true;
    for (uint32_t p = nodes[i].parent; p != kNoNode && p != 0; p = nodes[p].parent) {
      if (HasFlag(nodes[p].tag, kTagInvisible)) {
        visible = false;
        break;
      }
    }
    if (visible) all.append(doc.Text(nodes[i]));
  }
  return all;
}

std::string OurRawBlocks(std::string_view html) {
  Document doc;
  Parse(html, &doc);
  std::string out;
  WalkOursBlocks(doc, &out);
  return out;
}

}  // namespace

std::string_view RuleName(int index) {
  static const char* kNames[kRuleCount] = {"empty-block", "char-refs", "abrupt-comment",
                                           "bogus-comment", "after-body"};
  return index >= 0 && index < kRuleCount ? kNames[index] : "?";
}

std::string LibxmlVisibleText(std::string_view html) { return NormalizeSpace(LibxmlRawText(html)); }

std::string OurVisibleText(std::string_view html) {
  Document doc;
  Parse(html, &doc);
  return FlatVisibleText(doc);
}

std::string LibxmlBlockText(std::string_view html) {
  return NormalizeBlocks(LibxmlRawBlocks(html));
}

std::string OurBlockText(std::string_view html) { return NormalizeBlocks(OurRawBlocks(html)); }

namespace {

// The raw walks of both parsers over `html`.
void RawSides(std::string_view html, Level level, std::string* ours, std::string* theirs) {
  if (level == Level::kBlocks) {
    *ours = OurRawBlocks(html);
    *theirs = LibxmlRawBlocks(html);
  } else {
    Document doc;
    Parse(html, &doc);
    *ours = OurRawText(doc);
    *theirs = LibxmlRawText(html);
  }
}

}  // namespace

Comparison CompareVisibleText(std::string_view html, Level level, bool measure_rules) {
  const uint32_t all = (1u << kRuleCount) - 1;
  // The input rules, in the order they are applied.
  constexpr uint32_t kInputRules[] = {kRuleCharRefs, kRuleAbruptComment, kRuleBogusComment,
                                      kRuleAfterBody};
  auto apply = [&](uint32_t rules, bool* changed) {
    bool unused[4];
    if (!changed) changed = unused;
    std::string s(html);
    if (rules & kRuleCharRefs) s = StripNonPlainCharRefs(s, &changed[0]);
    if (rules & kRuleAbruptComment) s = RewriteAbruptComments(s, &changed[1]);
    if (rules & kRuleBogusComment) s = StripBogusComments(s, &changed[2]);
    if (rules & kRuleAfterBody) s = StripBodyEndTags(s, &changed[3]);
    return s;
  };
  bool input_changed[4] = {false, false, false, false};
  std::string input = apply(all, input_changed);
  std::string ours, theirs;
  RawSides(input, level, &ours, &theirs);
  Comparison c;
  c.ours = Normalise(ours, level, all);
  c.theirs = Normalise(theirs, level, all);
  c.identical = c.ours == c.theirs;
  if (!c.identical) {
    auto [a, b] = std::mismatch(c.ours.begin(), c.ours.end(), c.theirs.begin(), c.theirs.end());
    c.diff_at = static_cast<size_t>(a - c.ours.begin());
  }
  if (measure_rules && c.identical) {
    for (int r = 0; r < kRuleCount; ++r) {
      uint32_t bit = 1u << r;
      const uint32_t* input_rule = std::find(std::begin(kInputRules), std::end(kInputRules), bit);
      if (input_rule != std::end(kInputRules)) {
        if (!input_changed[input_rule - kInputRules]) continue;
        std::string o, t;
        RawSides(apply(all & ~bit, nullptr), level, &o, &t);
        if (Normalise(o, level, all) != Normalise(t, level, all)) c.rules_needed |= bit;
      } else if (Normalise(ours, level, all & ~bit) != Normalise(theirs, level, all & ~bit)) {
        c.rules_needed |= bit;
      }
    }
  }
  return c;
}

std::string DiffContext(const Comparison& c, size_t radius) {
  std::string out = "ours:   ";
  out.append(Excerpt(c.ours, c.diff_at, radius));
  out.append("\ntheirs: ");
  out.append(Excerpt(c.theirs, c.diff_at, radius));
  return out;
}

}  // namespace parallax::html::oracle
