#include "src/extract/lexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "src/base/hash.h"
#include "src/base/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax::extract {
namespace {

// Base letters for U+00C0..U+00FF and U+0100..U+017F; '*' marks a non-letter (× ÷).
constexpr std::string_view kLatin1Base =
    "aaaaaaaceeeeiiii"
    "dnooooo*ouuuuyts"
    "aaaaaaaceeeeiiii"
    "dnooooo*ouuuuyty";
constexpr std::string_view kLatinABase =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iijjjjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oooorrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

// Folds one code point: returns 0 for a separator, 1 for a dropped mark, else the folded code
// point (a Latin letter may fold to ASCII).
char32_t FoldChar(char32_t c) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
    return 0;
  }
  if (c >= 0xC0 && c <= 0xFF) {
    char b = kLatin1Base[c - 0xC0];
    return b == '*' ? 0 : static_cast<char32_t>(b);
  }
  if (c >= 0x100 && c <= 0x17F) return static_cast<char32_t>(kLatinABase[c - 0x100]);
  if (c >= 0x180 && c <= 0x24F) return c;  // Latin Extended-B: kept as is
  if (c >= 0x300 && c <= 0x36F) return 1;  // combining marks
  if (c >= 0x391 && c <= 0x3A9) return c + 0x20;
  if (c >= 0x3AA && c <= 0x3FF) return c;
  if (c >= 0x400 && c <= 0x40F) return c == 0x401 ? 0x435 : c + 0x50;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c == 0x451) return 0x435;  // ё -> е
  if (c >= 0x430 && c <= 0x52F) return c;
  if (c >= 0x483 && c <= 0x489) return 1;
  // General punctuation, arrows, symbols, CJK punctuation, fullwidth punctuation: separators.
  if (c >= 0x2000 && c <= 0x2BFF) return 0;
  if (c >= 0x1F000 && c <= 0x1FAFF) return 0;  // emoji and pictographs
  if (c >= 0x3000 && c <= 0x303F) return 0;
  if (c >= 0xFE30 && c <= 0xFE4F) return 0;
  if (c >= 0xFF00 && c <= 0xFF0F) return 0;
  if (c == 0xFFFD || c == 0xFEFF || c < 0xC0) return 0;
  return c;  // letters of other scripts (CJK, Arabic, Hebrew ...)
}

size_t PutUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// ASCII folding: lower-case letters and digits; 0 for separators.
constexpr auto kAsciiFold = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'A' && c <= 'Z') t[c] = static_cast<char>(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) t[c] = static_cast<char>(c);
  }
  return t;
}();

// Folding never makes a code point longer in UTF-8 and writes at most one space per separator
// run, so the output fits in the input size plus one; writing through a raw pointer keeps the
// per-character cost to a table lookup.
#if defined(__SSE2__)
// 0xFF in the lanes of `v` whose byte is in [lo, lo + span] (unsigned; wrapping subtraction).
inline __m128i InRange(__m128i v, char lo, char span) {
  const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(lo));
  const __m128i top = _mm_set1_epi8(span);
  return _mm_cmpeq_epi8(_mm_max_epu8(d, top), top);
}
#endif

// The output buffer has 16 bytes of slack past the input size: word runs are stored 16 bytes
// at a time (lexicon_test.cc checks FoldText on words of every length against a byte loop).
template <typename Sink>
void FoldTokens(std::string_view text, std::string* out, Sink&& on_token) {
  out->resize(text.size() + 20);
  char* const base = out->data();
  size_t o = 0;
  size_t i = 0;
  bool in_token = false;
  uint32_t token_start = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    char32_t f;
    if (b < 0x80) {
      ++i;
      f = static_cast<unsigned char>(kAsciiFold[b]);
      // An apostrophe inside a word does not split it: "don't" -> "dont".
      if (f == 0 && b == '\'' && in_token && i < n && text[i] >= 'a' && text[i] <= 'z') continue;
    } else if (b >= 0xE0 && b < 0xF0 && b != 0xE2 && b != 0xE3 && b != 0xEF && i + 2 < n) {
      // Three-byte characters outside the punctuation blocks (U+2000.., U+3000.., U+FExx,
      // U+FFxx) fold to themselves: copy them without decoding (Devanagari, CJK, Arabic ...).
      if (!in_token) {
        if (o > 0) base[o++] = ' ';
        token_start = static_cast<uint32_t>(o);
        in_token = true;
      }
      base[o] = text[i];
      base[o + 1] = text[i + 1];
      base[o + 2] = text[i + 2];
      o += 3;
      i += 3;
      continue;
    } else if (b == 0xE2 && i + 2 < n && static_cast<unsigned char>(text[i + 1]) <= 0xAF &&
               (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
      // U+2000..U+2BFF (quotes, dashes, bullets, arrows, symbols) are separators, FoldChar's
      // rule, taken without decoding: they are most of the non-ASCII bytes of English news.
      // A right single quote inside a word is an apostrophe, as below.
      const bool apostrophe = text[i + 1] == '\x80' && text[i + 2] == '\x99';
      i += 3;
      if (apostrophe && in_token && i < n && text[i] >= 'a' && text[i] <= 'z') continue;
      f = 0;
    } else {
      char32_t c = utf8::Next(text, &i);
      if (c == 0x2019 && in_token && i < n && text[i] >= 'a' && text[i] <= 'z') continue;
      f = FoldChar(c);
      if (f == 1) continue;
    }
    if (f == 0) {
      if (in_token) {
        on_token(token_start, static_cast<uint32_t>(o));
        in_token = false;
      }
      continue;
    }
    if (!in_token) {
      if (o > 0) base[o++] = ' ';
      token_start = static_cast<uint32_t>(o);
      in_token = true;
    }
    if (f < 0x80) {
      base[o++] = static_cast<char>(f);
      // ASCII words and the ASCII separators between them, without going back to the loop
      // above: it would only end each word at its separator, skip the separators, and start
      // the next word with a space, as done here.
      for (;;) {
        // The rest of an ASCII word: 16 bytes at a time (letters lower-cased, stored whole,
        // kept up to the first byte that is not an ASCII letter or digit), then a tight loop.
#if defined(__SSE2__)
        while (i + 16 <= n) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
          const __m128i lower = InRange(v, 'a', 25);
          const __m128i upper = InRange(v, 'A', 25);
          const __m128i digit = InRange(v, '0', 9);
          const __m128i folded = _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
          _mm_storeu_si128(reinterpret_cast<__m128i*>(base + o), folded);
          const unsigned word = static_cast<unsigned>(
              _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(lower, upper), digit)));
          const unsigned run = static_cast<unsigned>(__builtin_ctz(~word));  // 0..16
          o += run;
          i += run;
          if (run < 16) break;
        }
#endif
        while (i < n) {
          unsigned char nb = static_cast<unsigned char>(text[i]);
          if (nb >= 0x80) break;
          char nf = kAsciiFold[nb];
          if (nf == 0) break;
          base[o++] = nf;
          ++i;
        }
        // The word ends at an ASCII separator other than an apostrophe (which may join the
        // word to what follows: the loop above decides): the word is a token, and the
        // separators after it fold to nothing.
        if (i >= n) break;
        const unsigned char sep = static_cast<unsigned char>(text[i]);
        if (sep >= 0x80 || sep == '\'') break;
        on_token(token_start, static_cast<uint32_t>(o));
        in_token = false;
        ++i;
        while (i < n && static_cast<unsigned char>(text[i]) < 0x80 &&
               kAsciiFold[static_cast<unsigned char>(text[i])] == 0)
          ++i;
        if (i >= n || static_cast<unsigned char>(text[i]) >= 0x80) break;
        // The next ASCII word.
        base[o++] = ' ';
        token_start = static_cast<uint32_t>(o);
        in_token = true;
        base[o++] = kAsciiFold[static_cast<unsigned char>(text[i])];
        ++i;
      }
    } else {
      o += PutUtf8(f, base + o);
    }
  }
  if (in_token) on_token(token_start, static_cast<uint32_t>(o));
  out->resize(o);
}

enum Mode : uint8_t { kWhole = 1, kPrefix = 2, kAny = 4 };

struct Phrase {
  Furniture kind = Furniture::kNone;
  uint8_t modes = 0;
  uint8_t max_words = 0;  // the line may have at most this many tokens for the match to count
};

struct Entry {
  const char* text;
  Furniture kind;
  uint8_t modes;
  uint8_t max_words;
};

// Open addressing keyed by the 64-bit hash of the folded text. Keys are never compared as
// strings: with a few hundred entries a 64-bit collision is not a practical concern, and
// skipping the compare halves the cost of the per-token lookups.
template <typename V>
class FlatTable {
 public:
  V* Find(std::string_view key) {
    if (slots_.empty() || key.empty()) return nullptr;
    // Most tokens and n-grams are in no table. A bit per (first byte, last byte, length) rules
    // most of them out in a few instructions; a bit per 16-bit fingerprint most of the rest,
    // before the string is hashed.
    if (!(ends_[EndsSlot(key)] & LengthBit(key.size()))) return nullptr;
    uint32_t fp = Fingerprint(key);
    if (!(filter_[fp >> 6] & (uint64_t{1} << (fp & 63)))) return nullptr;
    uint64_t h = Key(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].first == h) return &slots_[i].second;
      if (slots_[i].first == 0) return nullptr;
    }
  }
  const V* Find(std::string_view key) const { return const_cast<FlatTable*>(this)->Find(key); }
  // Inserts a default value when absent.
  V& operator[](std::string_view key) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    if (!key.empty()) {
      uint32_t fp = Fingerprint(key);
      filter_[fp >> 6] |= uint64_t{1} << (fp & 63);
      ends_[EndsSlot(key)] |= LengthBit(key.size());
    }
    uint64_t h = Key(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].first == h) return slots_[i].second;
      if (slots_[i].first == 0) {
        slots_[i].first = h;
        ++used_;
        return slots_[i].second;
      }
    }
  }

 private:
  static size_t EndsSlot(std::string_view s) {
    return (static_cast<size_t>(static_cast<unsigned char>(s[0]) & 31) << 5) |
           (static_cast<unsigned char>(s.back()) & 31);
  }
  static uint32_t LengthBit(size_t n) { return uint32_t{1} << std::min<size_t>(n, 31); }
  static uint32_t Fingerprint(std::string_view s) {
    const size_t n = s.size();
    uint32_t f = static_cast<uint32_t>(n) * 0x9E37u ^ static_cast<unsigned char>(s[0]) * 0x85EBu ^
                 static_cast<unsigned char>(s[n - 1]) * 0xC2B3u ^
                 static_cast<unsigned char>(s[n / 2]) * 0x27D5u;
    f ^= f >> 16;
    f *= 0x7FEB352Du;
    return (f >> 16) & 0xFFFF;
  }
  static uint64_t Key(std::string_view s) {
    uint64_t h = Hash64(s);
    return h == 0 ? 1 : h;
  }
  void Grow() {
    std::vector<std::pair<uint64_t, V>> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, {0, V{}});
    mask_ = slots_.size() - 1;
    for (auto& [h, v] : old) {
      if (h == 0) continue;
      size_t i = h & mask_;
      while (slots_[i].first != 0) i = (i + 1) & mask_;
      slots_[i] = {h, v};
    }
  }
  std::vector<std::pair<uint64_t, V>> slots_;
  std::array<uint64_t, 1024> filter_{};  // 65,536 bits
  std::array<uint32_t, 1024> ends_{};    // length bits (31 = 31 or more) per first/last byte
  size_t mask_ = 0;
  size_t used_ = 0;
};

struct Tables {
  FlatTable<Phrase> phrases;
  FlatTable<uint8_t> words;
  size_t longest_word_bytes = 0;
  int longest = 1;  // tokens in the longest phrase
  // The largest max_words of a phrase that may open a line: longer lines match no opening.
  size_t longest_prefix_line = 0;
};

using F = Furniture;

// Phrase lists. Each is folded with FoldText when the tables are built, so entries may be
// written with accents and capitals. max_words bounds how long a line may be for the phrase to
// decide it: "Read more" opens link lines, not 40-word sentences.
const Entry kEntries[] = {
    // Ads.
    {"advertisement", F::kAd, kWhole | kPrefix, 4},
    {"advertising", F::kAd, kWhole, 2},
    {"ad", F::kAd, kWhole, 1},
    {"ads", F::kAd, kWhole, 1},
    {"sponsored", F::kAd, kWhole | kPrefix, 4},
    {"sponsored content", F::kAd, kWhole | kPrefix | kAny, 8},
    {"paid content", F::kAd, kWhole | kPrefix, 6},
    {"promoted content", F::kAd, kWhole | kPrefix, 6},
    {"ad free", F::kAd, kAny, 12},
    {"all ads", F::kAd, kAny, 20},
    {"ad blocker", F::kAd, kAny, 30},
    {"adblocker", F::kAd, kAny, 30},
    {"adblock", F::kAd, kAny, 30},
    {"anzeige", F::kAd, kWhole, 1},
    {"werbung", F::kAd, kWhole | kPrefix, 3},
    {"werbefrei", F::kAd, kAny, 20},
    {"publicite", F::kAd, kWhole | kPrefix, 3},
    {"sans publicite", F::kAd, kAny, 20},
    {"publicidad", F::kAd, kWhole | kPrefix, 3},
    {"sin publicidad", F::kAd, kAny, 20},
    {"реклама", F::kAd, kWhole | kPrefix, 3},
    {"без рекламы", F::kAd, kAny, 20},
    {"блокировщик рекламы", F::kAd, kAny, 30},
    {"партнерский материал", F::kAd, kWhole | kPrefix, 4},
    {"новости партнеров", F::kAd, kWhole, 2},
    {"партнерские материалы", F::kAd, kWhole, 2},
    {"partner content", F::kAd, kWhole | kPrefix, 4},

    // Donation appeals.
    {"support us", F::kDonation, kWhole | kPrefix | kAny, 12},
    {"support our journalism", F::kDonation, kAny, 30},
    {"support our work", F::kDonation, kAny, 30},
    {"support independent journalism", F::kDonation, kWhole | kPrefix | kAny, 30},
    {"support independent media", F::kDonation, kAny, 30},
    {"your support", F::kDonation, kAny, 30},
    {"make a donation", F::kDonation, kAny, 30},
    {"donate now", F::kDonation, kWhole | kAny, 20},
    {"donate today", F::kDonation, kAny, 20},
    {"become a supporter", F::kDonation, kAny, 25},
    {"become a member", F::kDonation, kAny, 25},
    {"become a patron", F::kDonation, kAny, 25},
    {"we need your help", F::kDonation, kAny, 30},
    {"need your support", F::kDonation, kAny, 30},
    {"readers like you", F::kDonation, kAny, 30},
    {"reader supported", F::kDonation, kAny, 30},
    {"please support", F::kDonation, kAny, 30},
    {"make a contribution", F::kDonation, kAny, 30},
    {"every contribution", F::kDonation, kAny, 30},
    {"our journalism", F::kDonation, kAny, 25},
    {"поддержите нас", F::kDonation, kWhole | kPrefix | kAny, 30},
    {"поддержите", F::kDonation, kWhole | kPrefix, 12},
    {"поддержать нас", F::kDonation, kAny, 30},
    {"поддержать", F::kDonation, kWhole, 1},
    {"ваша поддержка", F::kDonation, kAny, 30},
    {"вашей поддержки", F::kDonation, kAny, 30},
    {"сделать пожертвование", F::kDonation, kAny, 30},
    {"нужна ваша помощь", F::kDonation, kAny, 30},
    {"unterstutzen sie uns", F::kDonation, kWhole | kPrefix | kAny, 30},
    {"unterstutzen sie", F::kDonation, kPrefix, 12},
    {"ihre unterstutzung", F::kDonation, kAny, 30},
    {"jetzt spenden", F::kDonation, kWhole | kAny, 20},
    {"jetzt unterstutzen", F::kDonation, kWhole | kAny, 20},
    {"soutenez nous", F::kDonation, kWhole | kPrefix | kAny, 30},
    {"soutenez", F::kDonation, kPrefix, 12},
    {"votre soutien", F::kDonation, kAny, 30},
    {"faire un don", F::kDonation, kWhole | kAny, 20},
    {"je fais un don", F::kDonation, kWhole | kAny, 20},
    {"apoyanos", F::kDonation, kWhole | kPrefix | kAny, 30},
    {"apoya", F::kDonation, kPrefix, 12},
    {"apoya nuestro periodismo", F::kDonation, kAny, 30},
    {"tu apoyo", F::kDonation, kAny, 30},
    {"su apoyo", F::kDonation, kAny, 30},
    {"haz una donacion", F::kDonation, kAny, 30},
    {"dona ahora", F::kDonation, kWhole | kAny, 20},

    // Appeal headers: they open a furniture region.
    {"a message from", F::kAppealHeader, kPrefix, 10},
    {"a note to readers", F::kAppealHeader, kPrefix, 10},
    {"a note from", F::kAppealHeader, kPrefix, 8},
    {"dear readers", F::kAppealHeader, kWhole | kPrefix, 8},
    {"dear reader", F::kAppealHeader, kWhole | kPrefix, 8},
    {"дорогие читатели", F::kAppealHeader, kWhole | kPrefix, 8},
    {"уважаемые читатели", F::kAppealHeader, kWhole | kPrefix, 8},
    {"дорогие друзья", F::kAppealHeader, kWhole, 3},
    {"liebe leserinnen und leser", F::kAppealHeader, kWhole | kPrefix, 8},
    {"liebe leser", F::kAppealHeader, kWhole | kPrefix, 8},
    {"liebe leserin lieber leser", F::kAppealHeader, kWhole | kPrefix, 8},
    {"chers lecteurs", F::kAppealHeader, kWhole | kPrefix, 8},
    {"cheres lectrices", F::kAppealHeader, kWhole | kPrefix, 10},
    {"queridos lectores", F::kAppealHeader, kWhole | kPrefix, 8},
    {"estimados lectores", F::kAppealHeader, kWhole | kPrefix, 8},

    // Payment widgets.
    {"once", F::kPayment, kWhole, 1},
    {"one time", F::kPayment, kWhole, 2},
    {"monthly", F::kPayment, kWhole, 1},
    {"annual", F::kPayment, kWhole, 1},
    {"annually", F::kPayment, kWhole, 1},
    {"yearly", F::kPayment, kWhole, 1},
    {"continue", F::kPayment, kWhole, 1},
    {"donate", F::kPayment, kWhole, 1},
    {"other amount", F::kPayment, kWhole, 2},
    {"payment methods", F::kPayment, kWhole, 2},
    {"remind me later", F::kPayment, kWhole, 3},
    {"not ready to support today", F::kPayment, kWhole | kPrefix, 8},
    {"maybe later", F::kPayment, kWhole, 2},
    {"einmalig", F::kPayment, kWhole, 1},
    {"monatlich", F::kPayment, kWhole, 1},
    {"jahrlich", F::kPayment, kWhole, 1},
    {"weiter", F::kPayment, kWhole, 1},
    {"spenden", F::kPayment, kWhole, 1},
    {"единоразово", F::kPayment, kWhole, 1},
    {"разово", F::kPayment, kWhole, 1},
    {"ежемесячно", F::kPayment, kWhole, 1},
    {"ежегодно", F::kPayment, kWhole, 1},
    {"продолжить", F::kPayment, kWhole, 1},
    {"пожертвовать", F::kPayment, kWhole, 1},
    {"une fois", F::kPayment, kWhole, 2},
    {"mensuel", F::kPayment, kWhole, 1},
    {"annuel", F::kPayment, kWhole, 1},
    {"continuer", F::kPayment, kWhole, 1},
    {"una vez", F::kPayment, kWhole, 2},
    {"mensual", F::kPayment, kWhole, 1},
    {"anual", F::kPayment, kWhole, 1},
    {"continuar", F::kPayment, kWhole, 1},
    {"donar", F::kPayment, kWhole, 1},

    // Subscription and paywall prompts.
    {"subscribe", F::kSubscription, kWhole | kPrefix, 12},
    {"subscribe now", F::kSubscription, kWhole | kPrefix | kAny, 15},
    {"already a subscriber", F::kSubscription, kPrefix | kAny, 15},
    {"subscribers only", F::kSubscription, kAny, 15},
    {"for subscribers", F::kSubscription, kAny, 12},
    {"free trial", F::kSubscription, kAny, 15},
    {"unlock this article", F::kSubscription, kAny, 20},
    {"to continue reading", F::kSubscription, kPrefix | kAny, 20},
    {"continue reading", F::kSubscription, kWhole | kPrefix, 10},
    {"create an account", F::kSubscription, kPrefix | kAny, 15},
    {"create a free account", F::kSubscription, kAny, 20},
    {"подпишитесь", F::kSubscription, kWhole | kPrefix, 15},
    {"подписывайтесь", F::kSubscription, kWhole | kPrefix, 15},
    {"подписаться", F::kSubscription, kWhole | kPrefix, 8},
    {"оформить подписку", F::kSubscription, kWhole | kPrefix | kAny, 15},
    {"оформите подписку", F::kSubscription, kWhole | kPrefix | kAny, 15},
    {"abonnieren", F::kSubscription, kWhole, 1},
    {"jetzt abonnieren", F::kSubscription, kWhole | kPrefix | kAny, 15},
    {"abonnieren sie", F::kSubscription, kPrefix, 15},
    {"bereits abonnent", F::kSubscription, kPrefix | kAny, 15},
    {"jetzt weiterlesen", F::kSubscription, kWhole | kPrefix, 10},
    {"abonnez vous", F::kSubscription, kWhole | kPrefix | kAny, 15},
    {"s abonner", F::kSubscription, kWhole | kPrefix, 8},
    {"deja abonne", F::kSubscription, kPrefix | kAny, 15},
    {"suscribete", F::kSubscription, kWhole | kPrefix, 15},
    {"suscribirse", F::kSubscription, kWhole | kPrefix, 8},
    {"ya eres suscriptor", F::kSubscription, kPrefix | kAny, 15},

    // Sign-in prompts.
    {"sign in", F::kSignIn, kWhole | kPrefix, 6},
    {"log in", F::kSignIn, kWhole | kPrefix, 6},
    {"login", F::kSignIn, kWhole, 1},
    {"sign up", F::kSignIn, kWhole, 2},
    {"register", F::kSignIn, kWhole, 1},
    {"войти", F::kSignIn, kWhole, 1},
    {"вход", F::kSignIn, kWhole, 1},
    {"anmelden", F::kSignIn, kWhole, 1},
    {"einloggen", F::kSignIn, kWhole, 1},
    {"se connecter", F::kSignIn, kWhole, 2},
    {"connexion", F::kSignIn, kWhole, 1},
    {"iniciar sesion", F::kSignIn, kWhole, 2},

    // Read-more links.
    {"read more", F::kReadMore, kWhole | kPrefix, 20},
    {"read also", F::kReadMore, kWhole | kPrefix, 20},
    {"read the full", F::kReadMore, kPrefix, 20},
    {"full story", F::kReadMore, kWhole | kPrefix, 12},
    {"learn more", F::kReadMore, kWhole | kPrefix, 12},
    {"see more", F::kReadMore, kWhole | kPrefix, 12},
    {"show more", F::kReadMore, kWhole, 2},
    {"load more", F::kReadMore, kWhole, 2},
    {"читать далее", F::kReadMore, kWhole | kPrefix, 20},
    {"читать полностью", F::kReadMore, kWhole | kPrefix, 20},
    {"читать также", F::kReadMore, kWhole | kPrefix, 20},
    {"подробнее", F::kReadMore, kWhole | kPrefix, 12},
    {"mehr lesen", F::kReadMore, kWhole | kPrefix, 20},
    {"weiterlesen", F::kReadMore, kWhole | kPrefix, 20},
    {"lesen sie auch", F::kReadMore, kWhole | kPrefix, 20},
    {"lesen sie mehr", F::kReadMore, kWhole | kPrefix, 20},
    {"lire la suite", F::kReadMore, kWhole | kPrefix, 20},
    {"lire aussi", F::kReadMore, kWhole | kPrefix, 20},
    {"leer mas", F::kReadMore, kWhole | kPrefix, 20},
    {"lee tambien", F::kReadMore, kWhole | kPrefix, 20},
    {"lea tambien", F::kReadMore, kWhole | kPrefix, 20},
    {"seguir leyendo", F::kReadMore, kWhole | kPrefix, 20},
    {"sigue leyendo", F::kReadMore, kWhole | kPrefix, 20},

    // Related-links headers.
    {"related", F::kRelated, kWhole | kPrefix, 3},
    {"related articles", F::kRelated, kWhole | kPrefix, 4},
    {"related stories", F::kRelated, kWhole | kPrefix, 4},
    {"related news", F::kRelated, kWhole | kPrefix, 4},
    {"related content", F::kRelated, kWhole | kPrefix, 4},
    {"related coverage", F::kRelated, kWhole | kPrefix, 4},
    {"see also", F::kRelated, kWhole | kPrefix, 15},
    {"you may also like", F::kRelated, kWhole | kPrefix, 8},
    {"you might also like", F::kRelated, kWhole | kPrefix, 8},
    {"recommended", F::kRelated, kWhole, 1},
    {"recommended for you", F::kRelated, kWhole, 3},
    {"more from", F::kRelated, kPrefix, 6},
    {"more stories", F::kRelated, kWhole | kPrefix, 5},
    {"more news", F::kRelated, kWhole, 2},
    {"most read", F::kRelated, kWhole | kPrefix, 4},
    {"most popular", F::kRelated, kWhole | kPrefix, 4},
    {"trending", F::kRelated, kWhole, 2},
    {"по теме", F::kRelated, kWhole | kPrefix, 15},
    {"читайте также", F::kRelated, kWhole | kPrefix, 20},
    {"смотрите также", F::kRelated, kWhole | kPrefix, 20},
    {"еще по теме", F::kRelated, kWhole | kPrefix, 15},
    {"похожие новости", F::kRelated, kWhole, 2},
    {"другие новости", F::kRelated, kWhole, 2},
    {"самое читаемое", F::kRelated, kWhole, 2},
    {"auch interessant", F::kRelated, kWhole | kPrefix, 15},
    {"mehr zum thema", F::kRelated, kWhole | kPrefix, 15},
    {"das konnte sie auch interessieren", F::kRelated, kWhole | kPrefix, 15},
    {"weitere artikel", F::kRelated, kWhole | kPrefix, 6},
    {"meistgelesen", F::kRelated, kWhole, 2},
    {"a lire aussi", F::kRelated, kWhole | kPrefix, 20},
    {"sur le meme sujet", F::kRelated, kWhole | kPrefix, 15},
    {"voir aussi", F::kRelated, kWhole | kPrefix, 15},
    {"les plus lus", F::kRelated, kWhole, 3},
    {"te puede interesar", F::kRelated, kWhole | kPrefix, 15},
    {"tambien te puede interesar", F::kRelated, kWhole | kPrefix, 15},
    {"noticias relacionadas", F::kRelated, kWhole | kPrefix, 4},
    {"mas noticias", F::kRelated, kWhole, 2},
    {"lo mas leido", F::kRelated, kWhole, 3},

    // Share bars (also: any line made only of share words, see MatchFurniture).
    {"share this", F::kShare, kPrefix, 6},
    {"share this article", F::kShare, kWhole | kPrefix, 6},
    {"share on", F::kShare, kPrefix, 5},
    {"поделиться", F::kShare, kWhole | kPrefix, 6},
    {"teilen", F::kShare, kWhole | kPrefix, 6},
    {"artikel teilen", F::kShare, kWhole | kPrefix, 6},
    {"partager", F::kShare, kWhole | kPrefix, 6},
    {"compartir", F::kShare, kWhole | kPrefix, 6},
    {"copy link", F::kShare, kWhole, 2},

    // Cookie notices.
    {"we use cookies", F::kCookie, kAny, 80},
    {"uses cookies", F::kCookie, kAny, 80},
    {"use of cookies", F::kCookie, kAny, 80},
    {"accept cookies", F::kCookie, kAny, 80},
    {"accept all cookies", F::kCookie, kAny, 80},
    {"cookie policy", F::kCookie, kAny, 80},
    {"cookie settings", F::kCookie, kAny, 80},
    {"cookie preferences", F::kCookie, kAny, 80},
    {"accept all", F::kCookie, kWhole, 2},
    {"reject all", F::kCookie, kWhole, 2},
    {"manage preferences", F::kCookie, kWhole, 2},
    {"verwendet cookies", F::kCookie, kAny, 80},
    {"verwenden cookies", F::kCookie, kAny, 80},
    {"nutzt cookies", F::kCookie, kAny, 80},
    {"einsatz von cookies", F::kCookie, kAny, 80},
    {"cookie einstellungen", F::kCookie, kAny, 80},
    {"alle akzeptieren", F::kCookie, kWhole | kAny, 10},
    {"utilise des cookies", F::kCookie, kAny, 80},
    {"utilisons des cookies", F::kCookie, kAny, 80},
    {"accepter les cookies", F::kCookie, kAny, 80},
    {"tout accepter", F::kCookie, kWhole | kAny, 10},
    {"utiliza cookies", F::kCookie, kAny, 80},
    {"utilizamos cookies", F::kCookie, kAny, 80},
    {"usamos cookies", F::kCookie, kAny, 80},
    {"aceptar cookies", F::kCookie, kAny, 80},
    {"aceptar todo", F::kCookie, kWhole | kAny, 10},
    {"использует cookie", F::kCookie, kAny, 80},
    {"используем cookie", F::kCookie, kAny, 80},
    {"файлы cookie", F::kCookie, kAny, 80},
    {"использование cookie", F::kCookie, kAny, 80},

    // Newsletter boxes.
    {"newsletter", F::kNewsletter, kWhole | kPrefix, 12},
    {"sign up for our newsletter", F::kNewsletter, kPrefix | kAny, 40},
    {"subscribe to our newsletter", F::kNewsletter, kPrefix | kAny, 40},
    {"our newsletter", F::kNewsletter, kAny, 25},
    {"in your inbox", F::kNewsletter, kAny, 25},
    {"enter your email", F::kNewsletter, kAny, 25},
    {"your email address", F::kNewsletter, kAny, 25},
    {"рассылка", F::kNewsletter, kWhole | kPrefix, 8},
    {"подпишитесь на рассылку", F::kNewsletter, kPrefix | kAny, 30},
    {"newsletter abonnieren", F::kNewsletter, kPrefix | kAny, 30},
    {"lettre d information", F::kNewsletter, kAny, 25},
    {"inscrivez vous a notre newsletter", F::kNewsletter, kAny, 40},
    {"boletin", F::kNewsletter, kWhole | kPrefix, 8},
    {"nuestro boletin", F::kNewsletter, kAny, 25},

    // Copyright lines.
    {"copyright", F::kCopyright, kPrefix, 25},
    {"all rights reserved", F::kCopyright, kAny, 30},
    {"alle rechte vorbehalten", F::kCopyright, kAny, 30},
    {"tous droits reserves", F::kCopyright, kAny, 30},
    {"todos los derechos reservados", F::kCopyright, kAny, 30},
    {"все права защищены", F::kCopyright, kAny, 30},

    // Navigation.
    {"skip to content", F::kNavigation, kWhole | kPrefix, 5},
    {"skip to main content", F::kNavigation, kWhole | kPrefix, 6},
    {"menu", F::kNavigation, kWhole, 1},
    {"home", F::kNavigation, kWhole, 1},
    {"search", F::kNavigation, kWhole, 1},
    {"close", F::kNavigation, kWhole, 1},
    {"back to top", F::kNavigation, kWhole, 3},
    {"next article", F::kNavigation, kWhole | kPrefix, 15},
    {"previous article", F::kNavigation, kWhole | kPrefix, 15},
    {"перейти к содержанию", F::kNavigation, kWhole, 3},
    {"главная", F::kNavigation, kWhole, 1},
    {"меню", F::kNavigation, kWhole, 1},
    {"поиск", F::kNavigation, kWhole, 1},
    {"zum inhalt springen", F::kNavigation, kWhole, 3},
    {"startseite", F::kNavigation, kWhole, 1},
    {"suche", F::kNavigation, kWhole, 1},
    {"aller au contenu", F::kNavigation, kWhole | kPrefix, 5},
    {"accueil", F::kNavigation, kWhole, 1},
    {"rechercher", F::kNavigation, kWhole, 1},
    {"inicio", F::kNavigation, kWhole, 1},
    {"buscar", F::kNavigation, kWhole, 1},
    {"ir al contenido", F::kNavigation, kWhole | kPrefix, 5},

    // Comments.
    {"comments", F::kComments, kWhole, 1},
    {"comment", F::kComments, kWhole, 1},
    {"leave a comment", F::kComments, kWhole | kPrefix, 6},
    {"leave a reply", F::kComments, kWhole | kPrefix, 6},
    {"post a comment", F::kComments, kWhole | kPrefix, 6},
    {"add a comment", F::kComments, kWhole | kPrefix, 6},
    {"show comments", F::kComments, kWhole, 3},
    {"join the discussion", F::kComments, kWhole | kPrefix, 6},
    {"комментарии", F::kComments, kWhole, 1},
    {"комментариев", F::kComments, kWhole, 1},
    {"комментарий", F::kComments, kWhole, 1},
    {"оставить комментарий", F::kComments, kWhole | kPrefix, 5},
    {"kommentare", F::kComments, kWhole, 1},
    {"kommentar", F::kComments, kWhole, 1},
    {"kommentieren", F::kComments, kWhole, 1},
    {"commentaires", F::kComments, kWhole, 1},
    {"commentaire", F::kComments, kWhole, 1},
    {"laisser un commentaire", F::kComments, kWhole | kPrefix, 6},
    {"comentarios", F::kComments, kWhole, 1},
    {"comentario", F::kComments, kWhole, 1},
    {"deja un comentario", F::kComments, kWhole | kPrefix, 6},

    // Tag lists.
    {"tags", F::kTags, kWhole | kPrefix, 30},
    {"topics", F::kTags, kWhole, 1},
    {"теги", F::kTags, kWhole | kPrefix, 30},
    {"темы", F::kTags, kWhole, 1},
    {"schlagworte", F::kTags, kWhole | kPrefix, 30},
    {"themen", F::kTags, kWhole, 1},
    {"mots cles", F::kTags, kWhole | kPrefix, 30},
    {"etiquetas", F::kTags, kWhole | kPrefix, 30},

    // Italian and Polish furniture.
    {"pubblicita", F::kAd, kWhole | kPrefix, 3},
    {"reklama", F::kAd, kWhole | kPrefix, 3},
    {"leggi anche", F::kRelated, kWhole | kPrefix, 20},
    {"potrebbe interessarti", F::kRelated, kWhole | kPrefix, 15},
    {"czytaj takze", F::kRelated, kWhole | kPrefix, 20},
    {"czytaj rowniez", F::kRelated, kWhole | kPrefix, 20},
    {"zobacz takze", F::kRelated, kWhole | kPrefix, 20},
    {"condividi", F::kShare, kWhole | kPrefix, 6},
    {"condividi su", F::kShare, kPrefix, 6},
    {"udostepnij", F::kShare, kWhole | kPrefix, 6},
    {"skomentuj", F::kComments, kWhole, 1},
    {"komentarze", F::kComments, kWhole, 1},
    {"commenti", F::kComments, kWhole, 1},
    {"iscriviti alla newsletter", F::kNewsletter, kPrefix | kAny, 30},
    {"zapisz sie do newslettera", F::kNewsletter, kPrefix | kAny, 30},
    {"riproduzione riservata", F::kCopyright, kWhole | kPrefix | kAny, 20},
    {"wszelkie prawa zastrzezone", F::kCopyright, kAny, 30},
    {"utilizza cookie", F::kCookie, kAny, 80},
    {"utilizza i cookie", F::kCookie, kAny, 80},
    {"uso dei cookie", F::kCookie, kAny, 80},
    {"accetta", F::kCookie, kWhole, 1},
    {"rifiuta", F::kCookie, kWhole, 1},
    {"accetta tutti", F::kCookie, kWhole, 2},
    {"plikow cookies", F::kCookie, kAny, 80},
    {"plikow cookie", F::kCookie, kAny, 80},
    {"pliki cookies", F::kCookie, kAny, 80},
    {"zgadzam sie", F::kCookie, kWhole, 2},
    {"akceptuje", F::kCookie, kWhole, 1},
    {"abbonati", F::kSubscription, kWhole | kPrefix, 12},
    {"prenumerata", F::kSubscription, kWhole | kPrefix, 12},

    // More cookie and consent banners, privacy notices.
    {"continuer sans accepter", F::kCookie, kWhole | kAny, 10},
    {"accepter et fermer", F::kCookie, kWhole | kAny, 10},
    {"parametrer les cookies", F::kCookie, kWhole | kAny, 10},
    {"gerer les cookies", F::kCookie, kWhole | kAny, 10},
    {"manage options", F::kCookie, kWhole, 2},
    {"manage cookies", F::kCookie, kWhole, 2},
    {"we value your privacy", F::kCookie, kWhole | kPrefix, 10},
    {"use cookies", F::kCookie, kAny, 80},
    {"privacy policy", F::kCookie, kAny, 16},
    {"privacy notice", F::kCookie, kAny, 16},
    {"datenschutzerklarung", F::kCookie, kAny, 16},
    {"terms and conditions", F::kNavigation, kWhole | kPrefix, 6},
    {"terms of use", F::kNavigation, kWhole | kPrefix, 6},
    {"about us", F::kNavigation, kWhole | kPrefix, 16},
    {"page you were looking for", F::kNavigation, kAny, 20},
    {"page you are looking for", F::kNavigation, kAny, 20},
    {"return to the homepage", F::kNavigation, kAny, 20},
    {"all news", F::kNavigation, kWhole, 2},
    {"все новости", F::kNavigation, kWhole, 2},
    {"alle nachrichten", F::kNavigation, kWhole, 2},
    {"loading", F::kNavigation, kWhole, 1},
    {"like loading", F::kShare, kWhole, 2},
    {"read next", F::kRelated, kWhole | kPrefix, 6},
    {"our standards", F::kNavigation, kPrefix, 10},
    {"enditem", F::kCopyright, kWhole, 1},
    {"may not be published broadcast rewritten or redistributed", F::kCopyright, kAny, 30},
    {"may not be published", F::kCopyright, kAny, 30},
    {"media contact", F::kCopyright, kWhole | kPrefix, 6},
    {"press contact", F::kCopyright, kWhole | kPrefix, 6},
    {"contact presse", F::kCopyright, kWhole | kPrefix, 6},
    {"pressekontakt", F::kCopyright, kWhole | kPrefix, 6},
    {"got a story", F::kFollow, kPrefix, 20},
    {"got a news tip", F::kFollow, kPrefix, 20},
    {"got a tip", F::kFollow, kPrefix, 20},
    {"sign up for", F::kNewsletter, kPrefix, 10},

    // Paywall teasers.
    {"article reserve aux abonnes", F::kSubscription, kWhole | kPrefix | kAny, 15},
    {"reservee aux abonnes", F::kSubscription, kAny, 25},
    {"reserve aux abonnes", F::kSubscription, kAny, 25},
    {"il vous reste", F::kSubscription, kPrefix, 25},
    {"nur fur abonnenten", F::kSubscription, kAny, 20},
    {"exklusiv fur abonnenten", F::kSubscription, kAny, 20},
    {"solo para suscriptores", F::kSubscription, kAny, 20},
    {"e paper", F::kSubscription, kAny, 16},
    {"epaper", F::kSubscription, kAny, 16},
    {"gratis testen", F::kSubscription, kAny, 16},
    {"become a member", F::kDonation, kWhole | kPrefix | kAny, 25},
    {"skip advertisement", F::kAd, kWhole, 2},
    {"live", F::kNavigation, kWhole, 1},
    {"for immediate release", F::kNavigation, kWhole, 3},
    {"news release", F::kNavigation, kWhole, 2},
    {"press release", F::kNavigation, kWhole, 2},
    {"share full article", F::kShare, kWhole, 3},
    {"sign up to", F::kNewsletter, kPrefix, 25},
    {"explore more on these topics", F::kTags, kWhole | kPrefix, 30},
    {"more on this story", F::kRelated, kWhole | kPrefix, 6},
    {"reuse this content", F::kCopyright, kWhole, 3},
    {"most viewed", F::kRelated, kWhole, 2},
    {"filed under", F::kTags, kPrefix, 30},

    // Follow and app prompts.
    {"follow us", F::kFollow, kWhole | kPrefix, 15},
    {"follow us on", F::kFollow, kPrefix | kAny, 20},
    {"download our app", F::kFollow, kPrefix | kAny, 20},
    {"get the app", F::kFollow, kWhole | kPrefix, 10},
    {"подписывайтесь на нас", F::kFollow, kPrefix | kAny, 20},
    {"скачайте приложение", F::kFollow, kPrefix | kAny, 20},
    {"folgen sie uns", F::kFollow, kPrefix | kAny, 20},
    {"suivez nous", F::kFollow, kPrefix | kAny, 20},
    {"siguenos", F::kFollow, kPrefix | kAny, 20},
};

struct WordEntry {
  const char* list;  // space separated, folded with FoldText
  uint8_t cls;
};

const WordEntry kWords[] = {
    {"support supporting supporter supporters donate donation donations donor donors "
     "contribution contributions contribute journalism journalists independent subscribe "
     "subscription subscriber subscribers readers membership paywall ads "
     "поддержка поддержки поддержку поддержать поддержите журналистика журналистики журналистику "
     "журналисты независимая независимой независимые независимых читатели читателей подписка "
     "подписку подписки пожертвование пожертвования донат "
     "unterstutzung unterstutzen spende spenden journalismus unabhangigen unabhangiger "
     "unabhangigen leser leserinnen abo abonnement "
     "soutien soutenir soutenez don dons journalisme independant independante lecteurs "
     "abonnement "
     "apoyo apoya apoyar donacion donaciones periodismo independiente lectores suscripcion",
     kWordAppeal},
    {"we our us ours мы нас наш наша наше наши нашей нашу нашего нам wir uns unser unsere "
     "unseren unserer unserem nous notre nos nosotros nosotras nuestro nuestra nuestros nuestras",
     kWordWe},
    {"you your yours вы вас ваш ваша ваше ваши вашей вашу вам ihr ihre ihren ihrer vous votre vos "
     "usted ustedes tu tus",
     kWordYou},
    {"share shares tweet facebook twitter whatsapp telegram vk vkontakte odnoklassniki ok email "
     "mail print copy link linkedin reddit pinterest x messenger viber flipboard pocket threads "
     "bluesky mastodon поделиться teilen partager compartir imprimer drucken imprimir "
     "ссылку скопировать копировать",
     kWordShare},
    {"once monthly annual annually yearly continue donate einmalig monatlich jahrlich weiter "
     "spenden единоразово разово ежемесячно ежегодно продолжить пожертвовать mensuel annuel "
     "continuer mensual anual continuar donar",
     kWordPayment},
    {"by von par por автор авторы text texte texto author authors", kWordByCue},
    {"http https www", kWordUrl},
};

const Tables& GetTables() {
  static const Tables* const kTables = [] {
    auto* t = new Tables;
    for (const Entry& e : kEntries) {
      std::string key = FoldText(e.text);
      Phrase& p = t->phrases[key];
      if (p.modes == 0) {
        p = Phrase{e.kind, e.modes, e.max_words};
      } else {
        p.modes |= e.modes;
        p.max_words = std::max(p.max_words, e.max_words);
      }
      if (p.modes & kPrefix)
        t->longest_prefix_line = std::max<size_t>(t->longest_prefix_line, p.max_words);
      int n = 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
      t->longest = std::max(t->longest, n);
      if (e.modes & kAny) {
        std::string first = key.substr(0, key.find(' '));
        t->words[first] |= kWordPhraseStart;
        t->longest_word_bytes = std::max(t->longest_word_bytes, first.size());
      }
    }
    for (const WordEntry& w : kWords) {
      std::string folded = FoldText(w.list);
      size_t i = 0;
      while (i < folded.size()) {
        size_t j = folded.find(' ', i);
        if (j == std::string::npos) j = folded.size();
        t->words[folded.substr(i, j - i)] |= w.cls;
        t->longest_word_bytes = std::max(t->longest_word_bytes, j - i);
        i = j + 1;
      }
    }
    return t;
  }();
  return *kTables;
}

// Lower rank = stronger when two phrases match one line.
int Rank(Furniture k) {
  switch (k) {
    case F::kAppealHeader:
      return 0;
    case F::kCookie:
      return 1;
    case F::kCopyright:
      return 2;
    case F::kNewsletter:
      return 3;
    case F::kComments:
      return 4;
    default:
      return 10;
  }
}

}  // namespace

std::string_view FurnitureReason(Furniture kind) {
  switch (kind) {
    case F::kNone:
      return "";
    case F::kAd:
      return "ad notice";
    case F::kDonation:
      return "donation appeal";
    case F::kAppealHeader:
      return "donation appeal";
    case F::kPayment:
      return "payment widget";
    case F::kSubscription:
      return "subscription prompt";
    case F::kSignIn:
      return "sign-in prompt";
    case F::kReadMore:
      return "read-more link";
    case F::kRelated:
      return "related links";
    case F::kShare:
      return "share bar";
    case F::kCookie:
      return "cookie notice";
    case F::kNewsletter:
      return "newsletter box";
    case F::kCopyright:
      return "copyright notice";
    case F::kNavigation:
      return "navigation";
    case F::kComments:
      return "comments";
    case F::kTags:
      return "tag list";
    case F::kFollow:
      return "follow prompt";
    case F::kAboutBox:
      return "about box";
    case F::kPhotoCredit:
      return "";
  }
  return "";
}

bool IsTerminalFurniture(Furniture kind) {
  switch (kind) {
    case F::kAppealHeader:
    case F::kRelated:
    case F::kComments:
    case F::kCopyright:
    case F::kNewsletter:
    case F::kTags:
      return true;
    default:
      return false;
  }
}

void FoldLine(std::string_view text, FoldedLine* out) {
  const Tables& t = GetTables();
  // Tokens are written through a pointer into room for the most a line can hold (one per two
  // bytes: a token and a separator), then cut to what was found.
  out->tokens.resize(text.size() / 2 + 1);
  std::pair<uint32_t, uint32_t>* tokens = out->tokens.data();
  size_t count = 0;
  FoldTokens(text, &out->folded, [tokens, &count](uint32_t b, uint32_t e) {
    tokens[count++] = {b, e};
  });
  out->tokens.resize(count);
  out->classes.resize(count);
  uint8_t all = 0;
  const char* folded = out->folded.data();
  for (size_t i = 0; i < count; ++i) {
    const size_t len = tokens[i].second - tokens[i].first;
    const uint8_t* cls = len <= t.longest_word_bytes
                             ? t.words.Find(std::string_view(folded + tokens[i].first, len))
                             : nullptr;
    const uint8_t c = cls == nullptr ? 0 : *cls;
    out->classes[i] = c;
    all |= c;
  }
  out->class_union = all;
}

std::string FoldText(std::string_view text) {
  std::string out;
  FoldTokens(text, &out, [](uint32_t, uint32_t) {});
  return out;
}

LexiconMatch MatchFurniture(const FoldedLine& line) {
  const Tables& t = GetTables();
  LexiconMatch best;
  const size_t n = line.tokens.size();
  if (n == 0) return best;
  std::string_view folded(line.folded);
  auto consider = [&](Furniture kind, bool strong, size_t first, size_t end) {
    if (best.kind == F::kNone || (strong && !best.strong) ||
        (strong == best.strong && Rank(kind) < Rank(best.kind))) {
      best = LexiconMatch{kind, strong, static_cast<uint32_t>(first), static_cast<uint32_t>(end)};
    }
  };
  auto lookup = [&](size_t first, size_t end) -> const Phrase* {
    std::string_view v = folded.substr(line.tokens[first].first,
                                       line.tokens[end - 1].second - line.tokens[first].first);
    return t.phrases.Find(v);
  };
  // A line of share words only ("Share Tweet Facebook 12") is a share bar.
  if (n <= 12) {
    size_t share = 0, numbers = 0;
    for (size_t i = 0; i < n; ++i) {
      if (line.classes[i] & kWordShare) {
        ++share;
      } else {
        std::string_view tok = line.Token(i);
        if (!tok.empty() && tok[0] >= '0' && tok[0] <= '9') ++numbers;
      }
    }
    if (share > 0 && share + numbers == n && n <= 12 &&
        (share >= 2 || line.Token(0) == "share" || n == 1)) {
      consider(F::kShare, true, 0, n);
    }
  }
  // Whole line, ignoring numbers ("12 comments", "Comments (3)").
  {
    size_t first = 0, end = n;
    while (first < end && line.Token(first)[0] >= '0' && line.Token(first)[0] <= '9') ++first;
    while (end > first && line.Token(end - 1)[0] >= '0' && line.Token(end - 1)[0] <= '9') --end;
    if (end > first && end - first <= static_cast<size_t>(t.longest)) {
      if (const Phrase* p = lookup(first, end); p && (p->modes & kWhole)) {
        consider(p->kind, true, first, end);
      }
    }
  }
  // Line openings (none can count in a line longer than every opening phrase allows).
  for (size_t k = 1; n <= t.longest_prefix_line && k <= std::min<size_t>(n, t.longest); ++k) {
    const Phrase* p = lookup(0, k);
    if (p && (p->modes & kPrefix) && n <= p->max_words) consider(p->kind, true, 0, k);
  }
  // Anywhere, only in lines short enough for such a phrase to matter.
  if (n <= 80) {
    for (size_t i = 0; i < n; ++i) {
      if (!(line.classes[i] & kWordPhraseStart)) continue;
      for (size_t k = 1; k <= std::min<size_t>(n - i, t.longest); ++k) {
        const Phrase* p = lookup(i, i + k);
        if (p && (p->modes & kAny)) consider(p->kind, n <= p->max_words, i, i + k);
      }
    }
  }
  return best;
}

WordCounts CountWords(const FoldedLine& line) {
  WordCounts c;
  // Most lines hold no class word at all.
  if ((line.class_union & (kWordAppeal | kWordWe | kWordYou | kWordShare | kWordPayment)) == 0)
    return c;
  for (uint8_t cls : line.classes) {
    c.appeal += (cls & kWordAppeal) != 0;
    c.we += (cls & kWordWe) != 0;
    c.you += (cls & kWordYou) != 0;
    c.share += (cls & kWordShare) != 0;
    c.payment += (cls & kWordPayment) != 0;
  }
  return c;
}

}  // namespace parallax::extract
