#include "src/extract/line_shape.h"

#include <cstdint>

#include "src/base/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax::extract {
namespace {

bool IsUpperCp(char32_t c) { return utf8::IsUpper(c); }
bool IsLowerCp(char32_t c) { return utf8::IsLower(c); }

// What the byte loop carries from one byte to the next.
struct ScanState {
  bool in_word = false;
  bool word_cased = false;  // the current word's first letter or digit was seen
  bool any_letter = false;
  bool first_seen = false;  // the line's first letter or digit was seen
  int space_run = 0;        // ASCII spaces since the last non-white-space character
};

#if defined(__SSE2__)
// 0xFF in the lanes of `v` whose byte is in [lo, lo + span] (unsigned; wrapping subtraction).
inline __m128i InRange(__m128i v, char lo, char span) {
  const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(lo));
  const __m128i top = _mm_set1_epi8(span);
  return _mm_cmpeq_epi8(_mm_max_epu8(d, top), top);
}

// Bits set in a 16-bit mask. Written out because the baseline x86-64 target has no POPCNT
// instruction, and __builtin_popcount there is a call into libgcc (0.5% of a whole analysis).
inline unsigned Popcount(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

// The bytes p[0, m) of a line, where m is the number of leading bytes from ' ' to 0x7F (at most
// 16; p[0, 16) readable), taken at once in the steady state (the line's first letter already
// seen, so only word counts, word cases and spaces change): exactly what the byte loop below
// makes of them. Returns m (0: the byte loop takes p[0]).
inline unsigned ScanChunk(const char* p, ScanState* st, LineShape* out) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Bytes below ' ' (controls, tabs) or from 0x80 (signed: negative) end the chunk.
  const unsigned bad =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(' '))));
  const unsigned m = bad == 0 ? 16 : static_cast<unsigned>(__builtin_ctz(bad));
  if (m == 0) return 0;
  const unsigned valid = m == 16 ? 0xFFFFu : (1u << m) - 1;
  const unsigned space =
      static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')))) & valid;
  const unsigned upper = static_cast<unsigned>(_mm_movemask_epi8(InRange(v, 'A', 25))) & valid;
  const unsigned lower = static_cast<unsigned>(_mm_movemask_epi8(InRange(v, 'a', 25))) & valid;
  const unsigned digit = static_cast<unsigned>(_mm_movemask_epi8(InRange(v, '0', 9))) & valid;
  const unsigned alnum = upper | lower | digit;
  const unsigned non_space = ~space & valid;
  // A word starts at a non-space byte after a space (or after white space before the chunk).
  const unsigned starts = non_space & ((space << 1) | (st->in_word ? 0u : 1u));
  // The byte that decides each word's case: its first letter or digit. Most words start with
  // one; the others (and a word carried in undecided) are searched up to their next space.
  unsigned casing = starts & alnum;
  unsigned pending = starts & ~alnum;
  if (st->in_word && !st->word_cased) pending |= non_space & 1u;
  while (pending != 0) {
    const unsigned k = static_cast<unsigned>(__builtin_ctz(pending));
    pending &= pending - 1;
    const unsigned from = ~((1u << k) - 1);  // bits k and up
    const unsigned next_space = space & from;
    const unsigned word = next_space == 0 ? from : from & ((next_space & (0u - next_space)) - 1);
    const unsigned first = alnum & word;
    if (first != 0) casing |= first & (0u - first);
  }
  out->words += static_cast<int>(Popcount(starts));
  out->upper_words += static_cast<int>(Popcount(casing & upper));
  out->lower_words += static_cast<int>(Popcount(casing & lower));
  // Three spaces in a row, counting those just before the chunk.
  const unsigned carried = st->space_run >= 2 ? 3u : st->space_run == 1 ? 2u : 0u;
  const unsigned ext = (space << 2) | carried;
  if ((ext & (ext >> 1) & (ext >> 2)) != 0) out->wide_gap = true;
  // The state after byte m - 1.
  const unsigned last = 1u << (m - 1);
  if (non_space == 0) {
    st->space_run += static_cast<int>(m);
  } else {
    st->space_run = static_cast<int>(m - 1) - (31 - __builtin_clz(non_space));
  }
  if (space & last) {
    st->in_word = false;
  } else {
    // The last word: the bytes after the chunk's last space (all of them if it has none).
    const unsigned tail = space == 0 ? valid : valid & ~((2u << (31 - __builtin_clz(space))) - 1);
    st->word_cased =
        (casing & tail) != 0 || (space == 0 && st->in_word && st->word_cased && !(starts & tail));
    st->in_word = true;
  }
  return m;
}
#endif

template <bool kChunks>
LineShape Scan(std::string_view s) {
  LineShape out;
  ScanState st;
  size_t i = 0;
  const size_t n = s.size();
  [[maybe_unused]] size_t retry_at = 0;  // the chunk path is not tried before this byte
  // ASCII bytes take a fast path; only the first letter of each word and the first letter of
  // the line need classifying. Inside a decided word, multi-byte characters are skipped by
  // their lead byte unless they may be a space (leads C2, E2, E3, EF).
  while (i < n) {
#if defined(__SSE2__)
    if constexpr (kChunks) {
      if (st.first_seen && st.any_letter && i + 16 <= n && i >= retry_at) {
        const unsigned m = ScanChunk(s.data() + i, &st, &out);
        i += m;
        if (m == 16) continue;
        retry_at = i + 1;  // the byte that ended the chunk goes through the loop below first
        if (i >= n) break;
        if (m != 0) continue;
      }
    }
#endif
    unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    if (b < 0x80) {
      ++i;
      if (b <= ' ' && (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v')) {
        st.in_word = false;
        if (b == ' ' && ++st.space_run >= 3) out.wide_gap = true;
        continue;
      }
      st.space_run = 0;
      if (st.in_word && st.word_cased && st.any_letter) {
        // Inside a decided word: nothing to learn until the next space or non-ASCII byte.
#if defined(__SSE2__)
        // 16 bytes at a time: bytes above ' ' and below 0x80 are exactly those greater than
        // 0x20 as signed chars.
        while (i + 16 <= n) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
          const unsigned plain =
              static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(' '))));
          const unsigned run = static_cast<unsigned>(__builtin_ctz(~plain));  // 0..16
          i += run;
          if (run < 16) break;
        }
#endif
        while (i < n) {
          unsigned char nb = static_cast<unsigned char>(s[i]);
          if (nb <= ' ' || nb >= 0x80) break;
          ++i;
        }
        continue;
      }
      c = b;
    } else {
      st.space_run = 0;
      if (st.in_word && st.word_cased && st.any_letter && st.first_seen && b != 0xC2 && b != 0xE2 &&
          b != 0xE3 && b != 0xEF) {
        i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        continue;
      }
      c = utf8::Next(s, &i);
      if (utf8::IsSpace(c)) {
        st.in_word = false;
        continue;
      }
    }
    if (!st.in_word) {
      st.in_word = true;
      st.word_cased = false;
      ++out.words;
    }
    if (st.word_cased && st.any_letter && st.first_seen) continue;
    bool upper, lower, letter;
    if (c < 0x80) {  // ASCII without the general classifiers
      upper = c >= 'A' && c <= 'Z';
      lower = c >= 'a' && c <= 'z';
      letter = upper || lower;
    } else {
      upper = IsUpperCp(c);
      lower = IsLowerCp(c);
      letter = upper || lower || IsLetterCodePoint(c);
    }
    if (letter) st.any_letter = true;
    if (!st.word_cased && (letter || (c >= '0' && c <= '9'))) {
      // The word's first letter decides it (uncased scripts count as neither).
      st.word_cased = true;
      out.upper_words += upper;
      out.lower_words += lower;
    }
    if (!st.first_seen && (letter || (c >= '0' && c <= '9'))) {
      st.first_seen = true;
      out.first_upper = IsUpperCp(c) || (c >= '0' && c <= '9') || (letter && !IsLowerCp(c));
    }
  }
  out.any_letter = st.any_letter;
  return out;
}

}  // namespace

bool IsLetterCodePoint(char32_t c) {
  if (IsUpperCp(c) || IsLowerCp(c)) return true;
  if (c < 0x80) return false;
  if (c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF0F) || c == 0xFFFD || c == 0xFEFF ||
      (c >= 0x80 && c <= 0xBF) || (c >= 0x300 && c <= 0x36F))
    return false;
  return true;
}

LineShape ScanLineShape(std::string_view line) { return Scan<true>(line); }

namespace internal {
LineShape ScanLineShapeByteByByte(std::string_view line) { return Scan<false>(line); }
}  // namespace internal

}  // namespace parallax::extract
