#include "src/base/json_string.h"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax {

namespace {

// kEscape[c]: byte c needs escaping in a JSON string (below 0x20, '"' or '\\').
constexpr auto kEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

// High bit set in the lowest byte of x (little-endian) that needs escaping, and possibly in
// bytes above it (a byte below 0x20 borrows into its neighbour), none when no byte does: so
// the lowest set bit, if any, is exact.
inline uint64_t EscapeBits8(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t quote = x ^ (kOnes * '"');
  const uint64_t backslash = x ^ (kOnes * '\\');
  return ((x - kOnes * 0x20) & ~x & kHigh) | ((quote - kOnes) & ~quote & kHigh) |
         ((backslash - kOnes) & ~backslash & kHigh);
}

}  // namespace

// Article text is almost all plain bytes, so with SSE2 16 bytes are skipped at a time, then 8
// (the names and keys of a record are short), then byte by byte. json_string_test.cc checks it
// against a plain byte loop.
size_t NextJsonEscape(const char* s, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i max_control = _mm_set1_epi8(0x1F);
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    // v <= 0x1F (unsigned) exactly when max(v, 0x1F) == 0x1F.
    __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, max_control), max_control);
    __m128i hit =
        _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i + 8 <= n) {
    uint64_t x;
    std::memcpy(&x, s + i, 8);
    if (const uint64_t bits = EscapeBits8(x); bits != 0)
      return i + static_cast<size_t>(__builtin_ctzll(bits)) / 8;
    i += 8;
  }
  for (; i < n; ++i)
    if (kEscape[static_cast<unsigned char>(s[i])]) return i;
  return n;
}

char* WriteJsonEscape(unsigned char c, char* p) {
  // The letter after the backslash of a two-byte escape (a newline is written \n); 0 for the
  // bytes written \u00XX.
  static constexpr auto kShort = [] {
    std::array<char, 256> t{};
    t['"'] = '"';
    t['\\'] = '\\';
    t['\n'] = 'n';
    t['\r'] = 'r';
    t['\t'] = 't';
    t['\b'] = 'b';
    t['\f'] = 'f';
    return t;
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  p[0] = '\\';
  if (const char e = kShort[c]; e != 0) {
    p[1] = e;
    return p + 2;
  }
  std::memcpy(p + 1, "u00", 3);
  p[4] = kHex[c >> 4];
  p[5] = kHex[c & 0xF];
  return p + 6;
}

void AppendJsonStringContent(std::string_view s, std::string* out) {
  const size_t n = s.size();
  size_t i = NextJsonEscape(s.data(), 0, n);
  if (i == n) {  // nothing to escape (most strings): one append
    out->append(s);
    return;
  }
  // Written through a raw pointer into room made up front (every escape grows the output by at
  // most 5 bytes; the room is topped up when it runs short), instead of two appends per escape:
  // article text has a quote or a newline every few dozen bytes.
  size_t o = out->size();
  size_t room = n + 16;
  out->resize(o + room);
  char* base = out->data();
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  while (i < n) {
    const size_t len = i - run;
    if (o + len + 6 > out->size()) {
      room = (out->size() - o) + len + 6 + (n - i) + 16;
      out->resize(o + room);
      base = out->data();
    }
    std::memcpy(base + o, s.data() + run, len);
    o += len;
    o = static_cast<size_t>(WriteJsonEscape(static_cast<unsigned char>(s[i]), base + o) - base);
    run = i + 1;
    i = NextJsonEscape(s.data(), i + 1, n);
  }
  const size_t len = n - run;
  if (o + len > out->size()) out->resize(o + len);
  std::memcpy(out->data() + o, s.data() + run, len);
  out->resize(o + len);
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  AppendJsonStringContent(s, out);
  out->push_back('"');
}

}  // namespace parallax
