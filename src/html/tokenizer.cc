#include "src/html/tokenizer.h"

#include <cstring>

namespace parallax::html {
namespace {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool StartsWithLower(std::string_view s, size_t at, std::string_view lower) {
  if (s.size() - at < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i)
    if (Lower(s[at + i]) != lower[i]) return false;
  return true;
}

size_t FindChar(std::string_view s, size_t from, char c) {
  if (from >= s.size()) return std::string_view::npos;
  const void* hit = std::memchr(s.data() + from, c, s.size() - from);
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - s.data())
             : std::string_view::npos;
}

}  // namespace

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (Lower(s[i]) != lower[i]) return false;
  return true;
}

// The start of "</name" + [space / >] that ends the current raw-text element, or npos.
size_t Tokenizer::FindRawTextEnd(size_t from) const {
  std::string_view name = TagName(raw_tag_);
  for (size_t i = from; (i = FindChar(s_, i, '<')) != std::string_view::npos; ++i) {
    if (i + 1 >= s_.size() || s_[i + 1] != '/') continue;
    if (!StartsWithLower(s_, i + 2, name)) continue;
    size_t after = i + 2 + name.size();
    if (after >= s_.size() || IsSpace(s_[after]) || s_[after] == '/' || s_[after] == '>') return i;
  }
  return std::string_view::npos;
}

void Tokenizer::ReadBogusComment(size_t lt, size_t body, Token* token) {
  size_t gt = FindChar(s_, body, '>');
  size_t stop = gt == std::string_view::npos ? s_.size() : gt;
  token->type = TokenType::kComment;
  token->data = s_.substr(body, stop - body);
  token->begin = static_cast<uint32_t>(lt);
  pos_ = gt == std::string_view::npos ? s_.size() : gt + 1;
  token->end = static_cast<uint32_t>(pos_);
}

bool Tokenizer::ReadTag(size_t lt, bool end_tag, Token* token) {
  const size_t n = s_.size();
  size_t i = lt + (end_tag ? 2 : 1);
  size_t name_start = i;
  while (i < n && !IsSpace(s_[i]) && s_[i] != '/' && s_[i] != '>') ++i;
  token->type = end_tag ? TokenType::kEndTag : TokenType::kStartTag;
  token->name = s_.substr(name_start, i - name_start);
  token->tag = LookupTag(token->name);
  token->self_closing = false;
  token->attrs.clear();
  for (;;) {
    while (i < n && (IsSpace(s_[i]) || (s_[i] == '/' && i + 1 < n && s_[i + 1] != '>'))) ++i;
    if (i >= n) return false;  // cut off by the end of input: dropped
    if (s_[i] == '>') {
      ++i;
      break;
    }
    if (s_[i] == '/') {  // "/>"
      if (i + 1 >= n) return false;
      token->self_closing = true;
      i += 2;
      break;
    }
    size_t an = i++;  // the first character may be '='
    while (i < n && !IsSpace(s_[i]) && s_[i] != '/' && s_[i] != '>' && s_[i] != '=') ++i;
    Attribute attr{s_.substr(an, i - an), {}};
    size_t j = i;
    while (j < n && IsSpace(s_[j])) ++j;
    if (j < n && s_[j] == '=') {
      ++j;
      while (j < n && IsSpace(s_[j])) ++j;
      if (j >= n) return false;
      if (s_[j] == '"' || s_[j] == '\'') {
        size_t close = FindChar(s_, j + 1, s_[j]);
        if (close == std::string_view::npos) return false;
        attr.value = s_.substr(j + 1, close - j - 1);
        i = close + 1;
      } else {
        size_t v = j;
        while (j < n && !IsSpace(s_[j]) && s_[j] != '>') ++j;
        attr.value = s_.substr(v, j - v);
        i = j;
      }
    }
    if (!end_tag) token->attrs.push_back(attr);
  }
  token->begin = static_cast<uint32_t>(lt);
  token->end = static_cast<uint32_t>(i);
  pos_ = i;
  if (!end_tag) {
    if (HasFlag(token->tag, kTagRawText | kTagRcdata)) raw_tag_ = token->tag;
    if (token->tag == Tag::kPlaintext) raw_plain_ = true;
  }
  return true;
}

bool Tokenizer::Next(Token* token) {
  const size_t n = s_.size();
  token->raw = false;
  token->attrs.clear();
  token->tag = Tag::kUnknown;
  token->name = {};
  token->self_closing = false;
  while (pos_ < n) {
    if (raw_plain_ || raw_tag_ != Tag::kUnknown) {
      size_t stop = raw_plain_ ? std::string_view::npos : FindRawTextEnd(pos_);
      if (stop == std::string_view::npos) stop = n;
      bool rcdata = HasFlag(raw_tag_, kTagRcdata);
      raw_tag_ = Tag::kUnknown;
      if (stop > pos_) {
        token->type = TokenType::kText;
        token->raw = !rcdata;
        token->data = s_.substr(pos_, stop - pos_);
        token->begin = static_cast<uint32_t>(pos_);
        token->end = static_cast<uint32_t>(stop);
        pos_ = stop;
        return true;
      }
      continue;
    }
    // Text up to the next '<' that starts markup.
    size_t i = pos_;
    for (;;) {
      i = FindChar(s_, i, '<');
      if (i == std::string_view::npos || i + 1 >= n) {
        i = n;
        break;
      }
      char c = s_[i + 1];
      if (IsAlpha(c) || c == '!' || c == '?' || c == '/') break;
      ++i;
    }
    if (i > pos_) {
      token->type = TokenType::kText;
      token->data = s_.substr(pos_, i - pos_);
      token->begin = static_cast<uint32_t>(pos_);
      token->end = static_cast<uint32_t>(i);
      pos_ = i;
      return true;
    }
    // Markup at pos_.
    size_t lt = pos_;
    char c = s_[lt + 1];
    if (IsAlpha(c)) {
      if (ReadTag(lt, /*end_tag=*/false, token)) return true;
      pos_ = n;
      return false;
    }
    if (c == '/') {
      if (lt + 2 < n && IsAlpha(s_[lt + 2])) {
        if (ReadTag(lt, /*end_tag=*/true, token)) return true;
        pos_ = n;
        return false;
      }
      if (lt + 2 < n && s_[lt + 2] == '>') {  // "</>" is ignored
        pos_ = lt + 3;
        continue;
      }
      ReadBogusComment(lt, lt + 2, token);
      return true;
    }
    if (c == '?') {
      ReadBogusComment(lt, lt + 1, token);
      return true;
    }
    // c == '!'
    if (StartsWithLower(s_, lt + 2, "--")) {
      size_t body = lt + 4;
      token->type = TokenType::kComment;
      token->begin = static_cast<uint32_t>(lt);
      if (body < n && s_[body] == '>') {  // "<!-->"
        token->data = {};
        pos_ = body + 1;
      } else if (body + 1 < n && s_[body] == '-' && s_[body + 1] == '>') {  // "<!--->"
        token->data = {};
        pos_ = body + 2;
      } else {
        size_t close = s_.find("-->", body);
        size_t bang = s_.find("--!>", body);
        if (bang < close) {
          token->data = s_.substr(body, bang - body);
          pos_ = bang + 4;
        } else if (close != std::string_view::npos) {
          token->data = s_.substr(body, close - body);
          pos_ = close + 3;
        } else {
          token->data = s_.substr(body);
          pos_ = n;
        }
      }
      token->end = static_cast<uint32_t>(pos_);
      return true;
    }
    if (StartsWithLower(s_, lt + 2, "doctype")) {
      ReadBogusComment(lt, lt + 9, token);
      token->type = TokenType::kDoctype;
      return true;
    }
    if (foreign_ && s_.substr(lt + 2, 7) == "[CDATA[") {
      size_t body = lt + 9;
      size_t close = s_.find("]]>", body);
      token->type = TokenType::kCdata;
      token->begin = static_cast<uint32_t>(lt);
      token->data = s_.substr(body, close == std::string_view::npos ? n - body : close - body);
      pos_ = close == std::string_view::npos ? n : close + 3;
      token->end = static_cast<uint32_t>(pos_);
      return true;
    }
    ReadBogusComment(lt, lt + 2, token);
    return true;
  }
  return false;
}

}  // namespace parallax::html
