// Small UTF-8 helpers shared by the stages. Input is valid UTF-8 (ingest guarantees it).
#ifndef PARALLAX_BASE_UTF8_H_
#define PARALLAX_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parallax::utf8 {

// Decodes the code point at s[*i] and advances *i past it. Precondition: *i < s.size().
// Malformed sequences (not expected after ingest) yield U+FFFD and advance one byte.
inline char32_t Next(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), k = *i;
  unsigned char c = p[k];
  if (c < 0x80) {
    *i = k + 1;
    return c;
  }
  int len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 0;
  if (len == 0 || k + len > n) {
    *i = k + 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (int j = 1; j < len; ++j) {
    if ((p[k + j] & 0xC0) != 0x80) {
      *i = k + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (p[k + j] & 0x3F);
  }
  *i = k + len;
  return cp;
}

// Decodes the code point that ends just before s[*i] and moves *i to its first byte.
// Precondition: *i > 0.
inline char32_t Prev(std::string_view s, size_t* i) {
  size_t k = *i - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80 && *i - k < 4) --k;
  size_t j = k;
  char32_t cp = Next(s, &j);
  *i = k;
  return cp;
}

inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == 0xFEFF ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Upper/lower case for the scripts news text mostly uses (ASCII, Latin-1, Latin Extended-A,
// Greek, basic Cyrillic), without a Unicode table lookup: hot loops classify every letter.
// Other scripts (and caseless letters) answer false to both.
inline bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x138) || (c >= 0x400 && c <= 0x42F) ||
         (c >= 0x391 && c <= 0x3A9);
}

inline bool IsLower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 1) || (c >= 0x430 && c <= 0x45F) ||
         (c >= 0x3B1 && c <= 0x3C9);
}

}  // namespace parallax::utf8

#endif  // PARALLAX_BASE_UTF8_H_
