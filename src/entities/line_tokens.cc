#include "src/entities/line_tokens.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace parallax::entities {
namespace {

using text::TokenKind;

// Byte classes: ASCII as text::Tokenize classifies it (tokens.cc); every byte >= 0x80 is
// kHigh (the chunk goes to text::Tokenize). Letters and digits come first so that one
// comparison tests "letter or digit".
enum class Cls : uint8_t { kLetter, kDigit, kSpace, kJoiner, kPunct, kSymbol, kIgnorable, kHigh };

constexpr std::array<Cls, 256> MakeTable() {
  std::array<Cls, 256> t{};
  for (int c = 0; c < 256; ++c) {
    Cls k = Cls::kIgnorable;  // controls and DEL
    if (c >= 0x80)
      k = Cls::kHigh;
    else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      k = Cls::kSpace;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      k = Cls::kLetter;
    else if (c >= '0' && c <= '9')
      k = Cls::kDigit;
    else if (c == '\'' || c == '-')
      k = Cls::kJoiner;
    else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
             c == '|' || c == '~')
      k = Cls::kSymbol;
    else if (c > 32 && c < 127)
      k = Cls::kPunct;
    t[c] = k;
  }
  return t;
}
constexpr std::array<Cls, 256> kTable = MakeTable();

inline bool LetterOrDigit(Cls c) { return c <= Cls::kDigit; }
inline bool IsDigit(unsigned char b) { return b >= '0' && b <= '9'; }

// The first index >= i (at most `end`) whose byte is not an ASCII letter or digit, eight bytes
// at a time (SWAR). For a byte b < 0x80, b + c (c <= 0x50) sets the high bit exactly when
// b >= 0x80 - c and carries into no other byte. Bytes >= 0x80 stop the scan by their own high
// bit; they may carry into later bytes, but those lie past the stop and are never looked at.
inline size_t SkipAlnum(const unsigned char* p, size_t i, size_t end,
                        const unsigned char* text_end) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  while (i < end) {
    if (p + i + 8 > text_end) {  // the last bytes of the text: one at a time
      while (i < end && LetterOrDigit(kTable[p[i]])) ++i;
      return i;
    }
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    const uint64_t upper = (x + kOnes * 0x3F) & ~(x + kOnes * 0x25);  // 'A'..'Z'
    const uint64_t lower = (x + kOnes * 0x1F) & ~(x + kOnes * 0x05);  // 'a'..'z'
    const uint64_t digit = (x + kOnes * 0x50) & ~(x + kOnes * 0x46);  // '0'..'9'
    const uint64_t other = ~(upper | lower | digit) & kHigh & ~x;
    const uint64_t stop = other | (x & kHigh);
    if (stop != 0) return std::min(end, i + static_cast<size_t>(__builtin_ctzll(stop)) / 8);
    i += 8;
  }
  return end;
}

}  // namespace

void AppendTokens(std::string_view text, Span range, std::vector<LineToken>* out) {
  const size_t end = std::min<size_t>(range.end, text.size());
  size_t i = std::min<size_t>(range.start, end);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* text_end = p + text.size();
  auto emit = [out](size_t a, size_t b, TokenKind k) {
    out->push_back(
        LineToken{Span{static_cast<uint32_t>(a), static_cast<uint32_t>(b)}, k, /*ascii=*/true});
  };
  // The current chunk (bytes since the last ASCII white space) and where its tokens begin in
  // *out: a non-ASCII byte sends the whole chunk to text::Tokenize instead.
  size_t chunk = i, mark = out->size();
  while (i < end) {
    const Cls cls = kTable[p[i]];
    // Words and spaces first: most of the bytes, tested before the switch's jump table.
    if (cls == Cls::kLetter) {
      // Letters and digits; one joiner or ignorable between two of them stays inside.
      size_t j = SkipAlnum(p, i + 1, end, text_end), last = j;
      while (j + 1 < end && (kTable[p[j]] == Cls::kJoiner || kTable[p[j]] == Cls::kIgnorable) &&
             LetterOrDigit(kTable[p[j + 1]]))
        last = j = SkipAlnum(p, j + 1, end, text_end);
      emit(i, last, TokenKind::kWord);
      i = last;
      continue;
    }
    if (cls == Cls::kSpace) {
      ++i;
      chunk = i;
      mark = out->size();
      continue;
    }
    switch (cls) {
      case Cls::kLetter:  // handled above
      case Cls::kSpace:
        break;
      case Cls::kIgnorable:
        ++i;
        break;
      case Cls::kDigit: {
        // Digits with inner , . : separators followed by a digit.
        size_t j = i + 1;
        while (j < end) {
          if (IsDigit(p[j])) {
            ++j;
          } else if ((p[j] == ',' || p[j] == '.' || p[j] == ':') && j + 1 < end &&
                     IsDigit(p[j + 1])) {
            j += 2;
          } else {
            break;
          }
        }
        emit(i, j, TokenKind::kNumber);
        i = j;
        break;
      }
      case Cls::kJoiner:
      case Cls::kPunct:
        emit(i, i + 1, TokenKind::kPunct);
        ++i;
        break;
      case Cls::kSymbol:
        emit(i, i + 1, TokenKind::kSymbol);
        ++i;
        break;
      case Cls::kHigh: {
        out->resize(mark);
        size_t e = i;
        while (e < end && kTable[p[e]] != Cls::kSpace) ++e;
        for (const text::Token& t :
             text::Tokenize(text, Span{static_cast<uint32_t>(chunk), static_cast<uint32_t>(e)})) {
          bool ascii = true;
          for (uint32_t k = t.span.start; k < t.span.end; ++k) ascii &= p[k] < 0x80;
          out->push_back(LineToken{t.span, t.kind, ascii});
        }
        i = chunk = e;
        mark = out->size();
        break;
      }
    }
  }
}

}  // namespace parallax::entities
