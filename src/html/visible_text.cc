#include "src/html/visible_text.h"

#include <algorithm>

namespace parallax::html {
namespace {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

class Layout {
 public:
  Layout(const Document& doc, VisibleText* out) : doc_(doc), out_(out) {
    out_->text.clear();
    out_->blocks.clear();
    buf_.clear();
  }

  void Run() {
    const auto& nodes = doc_.nodes;
    if (nodes.empty()) return;
    // Iterative pre-order walk with enter/exit events (the tree may be 512 levels deep).
    uint32_t n = nodes[0].first_child;
    block_stack_.assign(1, 0);
    while (n != kNoNode) {
      const Node& node = nodes[n];
      bool descend = false;
      if (node.type == NodeType::kText) {
        OnText(n, node);
      } else if (node.type == NodeType::kElement) {
        descend = Enter(n, node);
      }
      if (descend && node.first_child != kNoNode) {
        n = node.first_child;
        continue;
      }
      if (descend) Exit(nodes[n]);
      // Next sibling, or climb up, leaving elements on the way.
      while (n != kNoNode && nodes[n].next_sibling == kNoNode) {
        n = nodes[n].parent;
        if (n == 0 || n == kNoNode) {
          n = kNoNode;
          break;
        }
        Exit(nodes[n]);
      }
      if (n != kNoNode) n = nodes[n].next_sibling;
    }
    Flush();
  }

 private:
  // Returns whether to walk into the element.
  bool Enter(uint32_t idx, const Node& node) {
    if (HasFlag(node.tag, kTagInvisible)) return false;
    if (HasFlag(node.tag, kTagBlock)) {
      Flush();
      block_stack_.push_back(idx);
    } else if (node.tag == Tag::kBr) {
      LineBreak();
    } else if (node.tag == Tag::kA) {
      ++link_depth_;
    }
    if (node.tag == Tag::kPre || node.tag == Tag::kListing || node.tag == Tag::kPlaintext ||
        node.tag == Tag::kXmp)
      ++pre_depth_;
    return true;
  }

  void Exit(const Node& node) {
    if (HasFlag(node.tag, kTagBlock)) {
      Flush();
      if (block_stack_.size() > 1) block_stack_.pop_back();
    } else if (node.tag == Tag::kA) {
      if (link_depth_ > 0) --link_depth_;
    }
    if (node.tag == Tag::kPre || node.tag == Tag::kListing || node.tag == Tag::kPlaintext ||
        node.tag == Tag::kXmp)
      if (pre_depth_ > 0) --pre_depth_;
  }

  void LineBreak() {
    while (!buf_.empty() && buf_.back() == ' ') buf_.pop_back();
    if (!buf_.empty() && buf_.back() != '\n') buf_.push_back('\n');
    space_ = false;
  }

  void OnText(uint32_t idx, const Node& node) {
    std::string_view t = doc_.Text(node);
    size_t before = buf_.size();
    size_t joins = 0;  // spaces inserted between words: not the link's text
    if (pre_depth_ > 0) {
      for (char c : t) {
        if (c == '\r') continue;
        if (c == '\n') {
          LineBreak();
          continue;
        }
        if (c == '\t' || c == '\f') c = ' ';
        if (buf_.empty() && c == ' ') continue;
        buf_.push_back(c);
      }
    } else {
      size_t i = 0;
      const size_t n = t.size();
      while (i < n) {
        if (IsAsciiSpace(t[i])) {
          space_ = true;
          while (i < n && IsAsciiSpace(t[i])) ++i;
          continue;
        }
        size_t j = i;
        while (j < n && !IsAsciiSpace(t[j])) ++j;
        if (space_ && !buf_.empty() && buf_.back() != '\n') {
          buf_.push_back(' ');
          if (buf_.size() == before + 1) ++joins;
        }
        space_ = false;
        buf_.append(t.data() + i, j - i);
        i = j;
      }
    }
    if (buf_.size() == before) return;
    if (!has_text_) {
      has_text_ = true;
      owner_ = block_stack_.back();
      html_begin_ = node.src_begin;
    }
    html_end_ = std::max(html_end_, node.src_end);
    if (link_depth_ > 0) link_bytes_ += static_cast<uint32_t>(buf_.size() - before - joins);
  }

  void Flush() {
    space_ = false;
    while (!buf_.empty() && (buf_.back() == ' ' || buf_.back() == '\n')) buf_.pop_back();
    if (has_text_ && !buf_.empty()) {
      if (!out_->text.empty()) out_->text.append("\n\n");
      TextBlock b;
      b.node = owner_;
      b.span.start = static_cast<uint32_t>(out_->text.size());
      out_->text.append(buf_);
      b.span.end = static_cast<uint32_t>(out_->text.size());
      b.html_begin = html_begin_;
      b.html_end = html_end_;
      b.link_bytes = std::min<uint32_t>(link_bytes_, b.span.size());
      out_->blocks.push_back(b);
    }
    buf_.clear();
    has_text_ = false;
    link_bytes_ = 0;
    html_end_ = 0;
  }

  const Document& doc_;
  VisibleText* out_;
  std::string buf_;
  std::vector<uint32_t> block_stack_;
  bool space_ = false;
  bool has_text_ = false;
  uint32_t owner_ = 0;
  uint32_t html_begin_ = 0;
  uint32_t html_end_ = 0;
  uint32_t link_bytes_ = 0;
  int link_depth_ = 0;
  int pre_depth_ = 0;
};

}  // namespace

void BuildVisibleText(const Document& doc, VisibleText* out) {
  Layout layout(doc, out);
  layout.Run();
}

std::string NormalizeSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool is_space = IsAsciiSpace(c) || c == '\v';
    if (!is_space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string FlatVisibleText(const Document& doc) {
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
  return NormalizeSpace(all);
}

}  // namespace parallax::html
