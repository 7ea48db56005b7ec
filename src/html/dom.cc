#include "src/html/dom.h"

#include <cstring>

#include "src/html/entities.h"

namespace parallax::html {
namespace {

constexpr size_t kMaxDepth = 512;

bool IsHeadContent(Tag t) {
  return t == Tag::kMeta || t == Tag::kLink || t == Tag::kTitle || t == Tag::kStyle ||
         t == Tag::kScript || t == Tag::kNoscript || t == Tag::kBase || t == Tag::kTemplate;
}

bool IsWhitespace(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  return true;
}

class Builder {
 public:
  Builder(std::string_view html, Document* doc) : doc_(doc), tok_(html) {
    doc->source = html;
    doc->nodes.clear();
    doc->attrs.clear();
    doc->arena.clear();
    doc->lang.clear();
    Node root;
    root.type = NodeType::kDocument;
    root.src_end = static_cast<uint32_t>(html.size());
    doc->nodes.push_back(root);
    stack_.push_back(0);
  }

  void Run() {
    Token t;
    while (tok_.Next(&t)) {
      switch (t.type) {
        case TokenType::kText:
          OnText(t);
          break;
        case TokenType::kCdata:
          t.raw = true;
          OnText(t);
          break;
        case TokenType::kStartTag:
          OnStart(t);
          break;
        case TokenType::kEndTag:
          OnEnd(t);
          break;
        case TokenType::kComment:
        case TokenType::kDoctype:
          break;
      }
    }
    PopTo(1, static_cast<uint32_t>(doc_->source.size()));
  }

 private:
  Node& N(uint32_t i) { return doc_->nodes[i]; }
  Tag TopTag() { return N(stack_.back()).tag; }

  uint32_t Append(Node node) {
    uint32_t parent = stack_.back();
    uint32_t idx = static_cast<uint32_t>(doc_->nodes.size());
    node.parent = parent;
    doc_->nodes.push_back(node);
    Node& p = N(parent);
    if (p.last_child == kNoNode) {
      p.first_child = idx;
    } else {
      N(p.last_child).next_sibling = idx;
    }
    p.last_child = idx;
    return idx;
  }

  // Pops the stack down to `size` entries, closing each popped element at `end`.
  void PopTo(size_t size, uint32_t end) {
    while (stack_.size() > size) {
      Node& n = N(stack_.back());
      n.src_end = end;
      if (HasFlag(n.tag, kTagForeign)) --foreign_;
      stack_.pop_back();
    }
    tok_.set_foreign(foreign_ > 0);
  }

  // Index in stack_ of the nearest open element with tag `t`, searching down from the top and
  // stopping at an element with one of `stop_flags` (or a tag in `stop`); 0 when none.
  size_t FindOpen(Tag t, uint16_t stop_flags, std::initializer_list<Tag> stop = {}) {
    for (size_t i = stack_.size(); i-- > 1;) {
      Tag x = N(stack_[i]).tag;
      if (x == t) return i;
      if (HasFlag(x, stop_flags)) return 0;
      for (Tag s : stop)
        if (x == s) return 0;
    }
    return 0;
  }

  void CloseP(uint32_t at) {
    size_t i = FindOpen(Tag::kP, kTagScope, {Tag::kButton});
    if (i) PopTo(i, at);
  }

  void OnText(const Token& t) {
    if (in_head_ && TopTag() == Tag::kHead && !IsWhitespace(t.data)) LeaveHead(t.begin);
    Node node;
    node.type = NodeType::kText;
    node.raw = t.raw;
    node.src_begin = t.begin;
    node.src_end = t.end;
    if (!t.raw && std::memchr(t.data.data(), '&', t.data.size()) != nullptr) {
      node.text_in_arena = true;
      node.text_begin = static_cast<uint32_t>(doc_->arena.size());
      AppendDecoded(t.data, /*in_attribute=*/false, &doc_->arena);
      node.text_size = static_cast<uint32_t>(doc_->arena.size() - node.text_begin);
    } else {
      node.text_begin = static_cast<uint32_t>(t.data.data() - doc_->source.data());
      node.text_size = static_cast<uint32_t>(t.data.size());
    }
    Append(node);
  }

  void LeaveHead(uint32_t at) {
    size_t i = FindOpen(Tag::kHead, 0);
    if (i) PopTo(i, at);
    in_head_ = false;
  }

  void OnStart(const Token& t) {
    Tag tag = t.tag;
    if (tag == Tag::kHtml || tag == Tag::kBody || tag == Tag::kHead) {
      bool& seen = tag == Tag::kHtml ? seen_html_ : tag == Tag::kBody ? seen_body_ : seen_head_;
      if (seen) return;
      seen = true;
      if (tag == Tag::kHtml) {
        for (const Attribute& a : t.attrs)
          if (EqualsLower(a.name, "lang") || EqualsLower(a.name, "xml:lang")) {
            doc_->lang = std::string(a.value);
            break;
          }
      }
      if (tag == Tag::kBody && in_head_) LeaveHead(t.begin);
    } else if (in_head_ && !IsHeadContent(tag)) {
      LeaveHead(t.begin);
    }
    if (HasFlag(tag, kTagClosesP)) CloseP(t.begin);
    switch (tag) {
      case Tag::kH1:
      case Tag::kH2:
      case Tag::kH3:
      case Tag::kH4:
      case Tag::kH5:
      case Tag::kH6:
        if (HasFlag(TopTag(), kTagHeading)) PopTo(stack_.size() - 1, t.begin);
        break;
      case Tag::kLi:
        CloseListItem({Tag::kLi}, t.begin);
        break;
      case Tag::kDd:
      case Tag::kDt:
        CloseListItem({Tag::kDd, Tag::kDt}, t.begin);
        break;
      case Tag::kA: {
        size_t i = FindOpen(Tag::kA, kTagScope);
        if (!i) break;
        bool block_inside = false;
        for (size_t k = i + 1; k < stack_.size(); ++k)
          block_inside = block_inside || HasFlag(N(stack_[k]).tag, kTagSpecial);
        if (!block_inside) {
          PopTo(i, t.begin);
        } else {
          // HTML5's adoption agency: the open <a> stops being open, but the blocks opened
          // inside it (<div>, <li>, ...) stay open, and the new <a> goes into them.
          N(stack_[i]).src_end = t.begin;
          stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(i));
        }
        break;
      }
      case Tag::kButton: {
        size_t i = FindOpen(Tag::kButton, kTagScope);
        if (i) PopTo(i, t.begin);
        break;
      }
      case Tag::kOption:
        if (TopTag() == Tag::kOption) PopTo(stack_.size() - 1, t.begin);
        break;
      case Tag::kOptgroup:
        if (TopTag() == Tag::kOption) PopTo(stack_.size() - 1, t.begin);
        if (TopTag() == Tag::kOptgroup) PopTo(stack_.size() - 1, t.begin);
        break;
      case Tag::kTd:
      case Tag::kTh: {
        size_t i = FindCell();
        if (i) PopTo(i, t.begin);
        break;
      }
      case Tag::kTr: {
        size_t i = FindOpen(Tag::kTr, 0, {Tag::kTable, Tag::kThead, Tag::kTbody, Tag::kTfoot});
        if (i) PopTo(i, t.begin);
        break;
      }
      case Tag::kThead:
      case Tag::kTbody:
      case Tag::kTfoot: {
        for (size_t i = stack_.size(); i-- > 1;) {
          Tag x = N(stack_[i]).tag;
          if (x == Tag::kThead || x == Tag::kTbody || x == Tag::kTfoot) {
            PopTo(i, t.begin);
            break;
          }
          if (x == Tag::kTable) break;
        }
        break;
      }
      default:
        break;
    }
    Node node;
    node.type = NodeType::kElement;
    node.tag = tag;
    node.name = t.name;
    node.src_begin = t.begin;
    node.src_end = t.end;
    node.attr_begin = static_cast<uint32_t>(doc_->attrs.size());
    doc_->attrs.insert(doc_->attrs.end(), t.attrs.begin(), t.attrs.end());
    node.attr_end = static_cast<uint32_t>(doc_->attrs.size());
    uint32_t idx = Append(node);
    bool is_foreign_root = HasFlag(tag, kTagForeign);
    bool self_closed = t.self_closing && (foreign_ > 0 || is_foreign_root);
    // Raw-text elements are pushed even past the depth limit: they hold one text node only, and
    // their text must stay invisible.
    bool raw = HasFlag(tag, kTagRawText | kTagRcdata);
    if (HasFlag(tag, kTagVoid) || self_closed || (stack_.size() >= kMaxDepth && !raw)) return;
    stack_.push_back(idx);
    if (is_foreign_root) {
      ++foreign_;
      tok_.set_foreign(true);
    }
    if (tag == Tag::kHead) in_head_ = true;
  }

  void CloseListItem(std::initializer_list<Tag> items, uint32_t at) {
    for (size_t i = stack_.size(); i-- > 1;) {
      Tag x = N(stack_[i]).tag;
      for (Tag item : items) {
        if (x == item) {
          PopTo(i, at);
          return;
        }
      }
      if (HasFlag(x, kTagSpecial) && x != Tag::kAddress && x != Tag::kDiv && x != Tag::kP) return;
    }
  }

  size_t FindCell() {
    for (size_t i = stack_.size(); i-- > 1;) {
      Tag x = N(stack_[i]).tag;
      if (x == Tag::kTd || x == Tag::kTh) return i;
      if (x == Tag::kTr || x == Tag::kTable || x == Tag::kTbody || x == Tag::kThead ||
          x == Tag::kTfoot)
        return 0;
    }
    return 0;
  }

  void OnEnd(const Token& t) {
    Tag tag = t.tag;
    if (tag == Tag::kBr) {  // "</br>" is read as "<br>"
      Token br = t;
      br.type = TokenType::kStartTag;
      br.attrs.clear();
      OnStart(br);
      return;
    }
    if (tag == Tag::kHtml || tag == Tag::kBody) return;
    if (tag == Tag::kHead) {
      if (in_head_) LeaveHead(t.end);
      return;
    }
    if (tag == Tag::kP) {
      size_t i = FindOpen(Tag::kP, kTagScope, {Tag::kButton});
      if (i) {
        PopTo(i, t.end);
      } else {  // "</p>" without <p>: an empty paragraph, as HTML5 does
        Token p = t;
        p.type = TokenType::kStartTag;
        p.attrs.clear();
        OnStart(p);
        PopTo(stack_.size() - 1, t.end);
      }
      return;
    }
    if (tag == Tag::kTable || tag == Tag::kTr || tag == Tag::kTbody || tag == Tag::kThead ||
        tag == Tag::kTfoot) {
      // HTML5 "in cell"/"in row": these end tags close the open cells (and rows) of the current
      // table on the way; only another table, <template> or <html> stops them.
      for (size_t i = stack_.size(); i-- > 1;) {
        Tag x = N(stack_[i]).tag;
        if (x == tag) {
          PopTo(i, t.end);
          return;
        }
        if (x == Tag::kTable || x == Tag::kTemplate || x == Tag::kHtml) return;
      }
      return;
    }
    bool block = HasFlag(tag, kTagSpecial);
    for (size_t i = stack_.size(); i-- > 1;) {
      const Node& n = N(stack_[i]);
      bool match = tag == Tag::kUnknown ? (n.tag == Tag::kUnknown && EqualsCase(n.name, t.name))
                                        : n.tag == tag;
      if (match) {
        PopTo(i, t.end);
        return;
      }
      if (!block && HasFlag(n.tag, kTagSpecial)) return;  // inline end tag: stays inside blocks
      if (block && HasFlag(n.tag, kTagScope)) return;
      if (tag == Tag::kLi && (n.tag == Tag::kUl || n.tag == Tag::kOl)) return;
    }
  }

  static bool EqualsCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      char x = a[i], y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
      if (x != y) return false;
    }
    return true;
  }

  Document* doc_;
  Tokenizer tok_;
  std::vector<uint32_t> stack_;
  int foreign_ = 0;
  bool in_head_ = false;
  bool seen_html_ = false;
  bool seen_body_ = false;
  bool seen_head_ = false;
};

}  // namespace

std::string_view Document::Attr(uint32_t node, std::string_view lower_name, bool* found) const {
  const Node& n = nodes[node];
  for (uint32_t i = n.attr_begin; i < n.attr_end; ++i) {
    if (EqualsLower(attrs[i].name, lower_name)) {
      if (found) *found = true;
      return attrs[i].value;
    }
  }
  if (found) *found = false;
  return {};
}

std::string Document::AttrDecoded(uint32_t node, std::string_view lower_name) const {
  std::string out;
  AppendDecoded(Attr(node, lower_name), /*in_attribute=*/true, &out);
  return out;
}

bool Document::IsNamed(uint32_t node, std::string_view lower_name) const {
  const Node& n = nodes[node];
  if (n.type != NodeType::kElement) return false;
  if (n.tag != Tag::kUnknown) return TagName(n.tag) == lower_name;
  return EqualsLower(n.name, lower_name);
}

void Parse(std::string_view html, Document* doc) {
  Builder builder(html, doc);
  builder.Run();
}

}  // namespace parallax::html
