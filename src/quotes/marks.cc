#include "src/quotes/marks.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "src/base/utf8.h"

namespace parallax::quotes {
namespace {

enum class Mark {
  kNone,
  kDoubleOpen,
  kDoubleClose,
  kDoubleLow,
  kDoubleStraight,
  kSingleOpen,
  kSingleClose,
  kSingleStraight,
  kGuilletOpen,
  kGuilletClose
};

inline Mark Classify(char32_t c) {
  switch (c) {
    case '"':
      return Mark::kDoubleStraight;
    case 0x201C:
    case 0x201F:
      return Mark::kDoubleOpen;  // “ ‟
    case 0x201D:
      return Mark::kDoubleClose;  // ”
    case 0x201E:
      return Mark::kDoubleLow;  // „
    case 0x00AB:
      return Mark::kGuilletOpen;  // «
    case 0x00BB:
      return Mark::kGuilletClose;  // »
    case '\'':
      return Mark::kSingleStraight;
    case 0x2018:
    case 0x201A:
    case 0x2039:
      return Mark::kSingleOpen;  // ‘ ‚ ‹
    case 0x2019:
    case 0x203A:
      return Mark::kSingleClose;  // ’ ›
    default:
      return Mark::kNone;
  }
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (utf8::IsSpace(c)) return false;
  if (c >= 0x2010 && c <= 0x206F) return false;  // general punctuation
  if (c == 0xAB || c == 0xBB || c == 0xBF || c == 0xA1 || c == 0xB7) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFF01 && c <= 0xFF0F) return false;
  return true;
}

// "Space-like" for flanking: start/end of range, white space, or opening punctuation.
bool IsOpenSide(char32_t c) {
  return c == 0 || utf8::IsSpace(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 ||
         c == 0x2013 || c == '-' || c == '/' || c == ':';
}

bool IsCloseSide(char32_t c) {
  return c == 0 || utf8::IsSpace(c) || c == ')' || c == ']' || c == '}' || c == ',' || c == '.' ||
         c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026 || c == 0x2014 ||
         c == 0x2013 || c == '-' || c == '/';
}

// Bytes that may begin a quotation mark: " ' ` and every non-ASCII byte (all decoded, so the
// code point sequence, malformed bytes included, is exactly that of a decode of every byte).
struct MarkStartTable {
  bool v[256] = {};
  constexpr MarkStartTable() {
    v[static_cast<unsigned char>('"')] = true;
    v[static_cast<unsigned char>('\'')] = true;
    v[static_cast<unsigned char>('`')] = true;
    for (int b = 0x80; b < 256; ++b) v[b] = true;
  }
  constexpr bool operator[](unsigned char b) const { return v[b]; }
};
constexpr MarkStartTable kMayStartMark;

// True when one of the eight bytes of x is >= 0x80, ", ' or ` (may be true for others too:
// callers recheck byte by byte; never false when such a byte is there).
inline bool MayHoldMark(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  return ((x & kHigh) | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\'')) |
          has_zero(x ^ (kOnes * '`'))) != 0;
}

struct Open {
  uint32_t pos;
  uint32_t len;
  Mark mark;
  bool is_double;
};

}  // namespace

bool IsQuoteMark(char32_t c) { return Classify(c) != Mark::kNone; }

bool IsDoubleQuoteMark(char32_t c) {
  Mark m = Classify(c);
  return m == Mark::kDoubleOpen || m == Mark::kDoubleClose || m == Mark::kDoubleLow ||
         m == Mark::kDoubleStraight || m == Mark::kGuilletOpen || m == Mark::kGuilletClose;
}

namespace {

std::vector<QuotedSpan> Find(std::string_view text, Span range, bool skip_ascii) {
  std::vector<QuotedSpan> out;
  uint32_t lo = std::min<uint32_t>(range.start, text.size());
  uint32_t hi = std::min<uint32_t>(range.end, text.size());
  if (lo >= hi) return out;
  Open stack[8];
  int depth = 0;
  auto close = [&](int level, uint32_t pos, uint32_t len) {
    const Open& o = stack[level];
    QuotedSpan q;
    q.open = o.pos;
    q.inner_start = o.pos + o.len;
    q.inner_end = pos;
    q.end = pos + len;
    q.is_double = o.is_double;
    q.depth = static_cast<uint8_t>(level);
    out.push_back(q);
    depth = level;  // unclosed marks above `level` are dropped
  };
  auto top_double = [&]() {
    for (int k = depth - 1; k >= 0; --k)
      if (stack[k].is_double) return k;
    return -1;
  };
  auto push = [&](uint32_t pos, uint32_t len, Mark m, bool is_double) {
    if (depth < 8) stack[depth++] = {pos, len, m, is_double};
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  char32_t prev = 0;
  size_t i = lo;
  while (i < hi) {
    unsigned char b = bytes[i];
    if (skip_ascii && !kMayStartMark[b]) {
      // A run of ASCII bytes that are no marks: each is its own code point, so only the last
      // one matters (as `prev`).
      ++i;
      while (i + 8 <= hi) {  // eight bytes at a time while none of them may start a mark
        uint64_t x;
        std::memcpy(&x, bytes + i, 8);
        if (MayHoldMark(x)) break;
        i += 8;
      }
      while (i < hi && !kMayStartMark[bytes[i]]) ++i;
      prev = bytes[i - 1];
      continue;
    }
    size_t at = i;
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++i;
    } else {
      c = utf8::Next(text, &i);
    }
    Mark m = Classify(c);
    // The typewriter forms of news wires: '' and `` stand for a double quotation mark.
    // Three straight marks after an open single quote ("''He said 'no,'''"): the first closes
    // the single quote, the other two the double one.
    bool triple_after_single = c == '\'' && i + 1 < hi && text[i] == '\'' && text[i + 1] == '\'' &&
                               depth > 0 && !stack[depth - 1].is_double;
    if ((c == '\'' || c == '`') && i < hi && text[i] == static_cast<char>(c) &&
        !triple_after_single) {
      ++i;
      m = c == '`' ? Mark::kDoubleOpen : Mark::kDoubleStraight;
    }
    if (m == Mark::kNone) {
      prev = c;
      continue;
    }
    uint32_t pos = static_cast<uint32_t>(at), len = static_cast<uint32_t>(i - at);
    char32_t next = 0;
    if (i < hi) {
      size_t j = i;
      next = static_cast<unsigned char>(text[j]) < 0x80 ? static_cast<char32_t>(text[j])
                                                        : utf8::Next(text, &j);
    }
    bool prev_word = IsWordChar(prev), next_word = IsWordChar(next);
    bool left_flank = !utf8::IsSpace(next) && next != 0 && (IsOpenSide(prev) || IsQuoteMark(prev));
    bool right_flank =
        prev != 0 && !utf8::IsSpace(prev) && (IsCloseSide(next) || IsQuoteMark(next));
    switch (m) {
      case Mark::kDoubleOpen: {
        // “ closes a German „ quote.
        int k = top_double();
        if (k >= 0 && stack[k].mark == Mark::kDoubleLow && !left_flank) {
          close(k, pos, len);
        } else if (k >= 0 && stack[k].mark == Mark::kDoubleOpen && right_flank && !left_flank) {
          close(k, pos, len);  // a typo'd closing mark
        } else {
          push(pos, len, m, true);
        }
        break;
      }
      case Mark::kDoubleLow:
      case Mark::kGuilletOpen:
        push(pos, len, m, true);
        break;
      case Mark::kDoubleClose:
      case Mark::kGuilletClose: {
        int k = top_double();
        if (k >= 0) {
          close(k, pos, len);
        } else if (left_flank && !right_flank) {
          push(pos, len, m, true);  // ” used as an opening mark (Swedish style or a typo)
        }
        break;
      }
      case Mark::kDoubleStraight: {
        int k = top_double();
        if (k >= 0 && (right_flank || !left_flank)) {
          close(k, pos, len);  // closes “ too: mixed marks are common in scraped copy
        } else if (k >= 0 && stack[k].mark == Mark::kDoubleStraight) {
          close(k, pos, len);  // straight quotes do not nest in one another
        } else if (left_flank || !right_flank) {
          push(pos, len, m, true);
        }
        break;
      }
      case Mark::kSingleOpen:
        if (!prev_word && (left_flank || next_word)) push(pos, len, m, false);
        break;
      case Mark::kSingleClose:
      case Mark::kSingleStraight: {
        if (prev_word && next_word) break;  // apostrophe inside a word
        bool top_single = depth > 0 && !stack[depth - 1].is_double;
        if (top_single && prev != 0 && !utf8::IsSpace(prev) && !next_word) {
          close(depth - 1, pos, len);
        } else if (m == Mark::kSingleStraight && !prev_word && next_word &&
                   (IsOpenSide(prev) || IsQuoteMark(prev))) {
          push(pos, len, m, false);
        }
        break;
      }
      case Mark::kNone:
        break;
    }
    prev = c;
  }
  // A double quote left open runs to the end of the paragraph.
  for (int k = 0; k < depth; ++k) {
    if (!stack[k].is_double) continue;
    uint32_t e = hi;
    while (e > stack[k].pos + stack[k].len && (text[e - 1] == ' ' || text[e - 1] == '\n' ||
                                               text[e - 1] == '\r' || text[e - 1] == '\t'))
      --e;
    QuotedSpan q;
    q.open = stack[k].pos;
    q.inner_start = stack[k].pos + stack[k].len;
    q.inner_end = e;
    q.end = e;
    q.is_double = true;
    q.unterminated = true;
    q.depth = static_cast<uint8_t>(k);
    out.push_back(q);
    break;  // inner unclosed marks are dropped with it
  }
  std::sort(out.begin(), out.end(), [](const QuotedSpan& a, const QuotedSpan& b) {
    return a.open != b.open ? a.open < b.open : a.end > b.end;
  });
  // Recompute depth from containment (closing order may have left stale levels).
  std::vector<uint32_t> ends;
  for (QuotedSpan& q : out) {
    while (!ends.empty() && ends.back() <= q.open) ends.pop_back();
    q.depth = static_cast<uint8_t>(std::min<size_t>(ends.size(), 255));
    ends.push_back(q.end);
  }
  return out;
}

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(std::string_view text, Span range) {
  return Find(text, range, /*skip_ascii=*/true);
}

namespace internal {
std::vector<QuotedSpan> FindQuotedSpansDecodingAll(std::string_view text, Span range) {
  return Find(text, range, /*skip_ascii=*/false);
}
}  // namespace internal

}  // namespace parallax::quotes
