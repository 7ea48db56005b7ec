#include "src/text/sentences.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "src/base/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax::text {
namespace {

// Bytes that can start something the splitter must look at: terminal punctuation, newlines and
// the lead bytes of the multi-byte terminals (… U+2026, 。U+3002, ！U+FF01, ？U+FF1F, ｡ U+FF61).
// Everything else is skipped with one table load per byte.
constexpr std::array<bool, 256> MakeInterestingTable() {
  std::array<bool, 256> t{};
  t['.'] = t['!'] = t['?'] = t['\n'] = true;
  t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}
constexpr std::array<bool, 256> kInteresting = MakeInterestingTable();

// Index of the first interesting byte in data[i, end), or end. Prose has one every hundred
// bytes or so, and the byte-by-byte table loop cost ~5 instructions a byte: with SSE2, 16
// bytes are tested at a time for . ! ? \n and bytes >= 0xE2 (a superset of the lead bytes; the
// table decides each candidate). sentences_test.cc checks the splitter on texts of every
// length around the 16-byte steps.
inline size_t NextInteresting(const char* data, size_t i, size_t end) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!');
  const __m128i question = _mm_set1_epi8('?');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i lead = _mm_set1_epi8(static_cast<char>(0xE2));
  while (i + 16 <= end) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(v, newline)));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(v, lead), v));  // v >= 0xE2
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    while (mask != 0) {
      size_t k = i + static_cast<size_t>(__builtin_ctz(mask));
      if (kInteresting[static_cast<unsigned char>(data[k])]) return k;
      mask &= mask - 1;
    }
    i += 16;
  }
#endif
  while (i < end && !kInteresting[static_cast<unsigned char>(data[i])]) ++i;
  return i;
}

// Length of the terminal punctuation at text[i], 0 when none. `cjk` is set for the full-width
// stops that end a sentence without a following space.
size_t TerminalAt(std::string_view text, size_t i, size_t end, bool* cjk) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  *cjk = false;
  if (b == '.' || b == '!' || b == '?') return 1;
  if (i + 3 > end) return 0;
  unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
  unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
  if (b == 0xE2 && b1 == 0x80 && b2 == 0xA6) return 3;                                // …
  if (b == 0xE2 && b1 == 0x80 && b2 == 0xBC) return 3;                                // ‼
  if (b == 0xE2 && b1 == 0x81 && (b2 == 0x87 || b2 == 0x88 || b2 == 0x89)) return 3;  // ⁇ ⁈ ⁉
  if ((b == 0xE3 && b1 == 0x80 && b2 == 0x82) ||                                      // 。
      (b == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F)) ||                      // ！？
      (b == 0xEF && b1 == 0xBD && b2 == 0xA1)) {                                      // ｡
    *cjk = true;
    return 3;
  }
  return 0;
}

// Closing quotes and brackets that stay with the sentence they close: " ' ) ] } ” ’ » « “
// (German closes with “) 」 』 ） 〉 》 】.
size_t CloserAt(std::string_view text, size_t i, size_t end) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b == '"' || b == '\'' || b == ')' || b == ']' || b == '}') return 1;
  if (b < 0x80) return 0;
  size_t j = i;
  char32_t c = utf8::Next(text.substr(0, end), &j);
  switch (c) {
    case 0x201D:
    case 0x2019:
    case 0x00BB:
    case 0x00AB:
    case 0x201C:
    case 0x203A:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
    case 0x3009:
    case 0x300B:
    case 0x3011:
    case 0xFF02:
      return j - i;
    default:
      return 0;
  }
}

// White space other than newline; returns the index after it and whether it held a newline.
size_t SkipSpace(std::string_view text, size_t i, size_t end, int* newlines) {
  *newlines = 0;
  while (i < end) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v') {
      ++i;
    } else if (b == '\n') {
      ++*newlines;
      ++i;
    } else if (b >= 0x80) {
      size_t j = i;
      char32_t c = utf8::Next(text.substr(0, end), &j);
      if (!utf8::IsSpace(c)) break;
      if (c == 0x2028 || c == 0x2029 || c == 0x85) ++*newlines;
      i = j;
    } else {
      break;
    }
  }
  return i;
}

enum class Starter {
  kNo,     // lower case, punctuation: the sentence goes on
  kYes,    // upper case, digit, opening quote or bracket, letter of a script without case
  kDigit,  // a digit (abbreviations such as "No." and "Dec." hold before one)
};

// Whether the code point at text[i] can open a new sentence.
Starter StarterAt(std::string_view text, size_t i, size_t end) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    if (b >= 'A' && b <= 'Z') return Starter::kYes;
    if (b >= '0' && b <= '9') return Starter::kDigit;
    if (b == '"' || b == '\'' || b == '(' || b == '[' || b == '{') return Starter::kYes;
    return Starter::kNo;
  }
  size_t j = i;
  char32_t c = utf8::Next(text.substr(0, end), &j);
  switch (c) {
    case 0x201C:  // “
    case 0x2018:  // ‘
    case 0x00AB:  // «
    case 0x00BB:  // » (opens in German and Danish)
    case 0x201E:  // „
    case 0x201A:  // ‚
    case 0x2039:  // ‹
    case 0x00BF:  // ¿
    case 0x00A1:  // ¡
    case 0x2014:  // — (a dash opening reported speech in Russian)
    case 0x2013:  // –
    case 0x300C:  // 「
    case 0x300E:  // 『
      return Starter::kYes;
    default:
      break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LO:  // Arabic, Hebrew, CJK, Devanagari ... have no case
      return Starter::kYes;
    case UTF8PROC_CATEGORY_ND:
      return Starter::kDigit;
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PI:
      return Starter::kYes;
    default:
      return Starter::kNo;
  }
}

// How an abbreviation holds a following capital or digit.
enum class Hold : uint8_t {
  kAlways,       // "Mr. Smith", "Dr. No", "U.S. President"
  kBeforeDigit,  // "No. 5", "Dec. 17", "p. 12": only a digit follows an abbreviation
};

const std::unordered_map<std::string_view, Hold>& Abbreviations() {
  static const auto* const kMap = [] {
    auto* m = new std::unordered_map<std::string_view, Hold>;
    // Lower-case forms of the word before the dot. Multi-dot forms ("u.s.", "e.g.", "z.b.",
    // "т.е.") are abbreviations by shape and need no entry.
    for (std::string_view a :
         {// English titles and company forms
          "mr", "mrs", "ms", "messrs", "dr", "drs", "prof", "gen", "gens", "sen", "sens", "rep",
          "reps", "gov", "govs", "lt", "col", "capt", "cmdr", "cdr", "sgt", "maj", "adm", "brig",
          "cpl", "pvt", "rev", "hon", "pres", "supt", "det", "insp", "st", "jr", "sr", "vs", "v",
          "inc", "corp", "ltd", "co", "plc", "llc", "bros", "mt", "ft", "ave", "blvd", "rd", "dept",
          "univ", "assn", "approx", "al", "cf", "ca", "esp", "fmr", "sq",
          // Russian
          "г", "гг", "им", "ул", "пр", "просп", "пер", "обл", "ген", "проф", "акад", "тов", "гр",
          "т", "др", "см", "тыс", "млн", "млрд", "руб", "долл", "коп", "р", "ст",
          // German
          "nr", "bzw", "ca", "vgl", "hr", "fr", "str", "inkl", "evtl", "ggf", "sog", "bzgl", "abs",
          // French and Spanish
          "mme", "mlle", "mgr", "av", "sra", "srta", "dra", "ud", "uds", "lic", "ing", "arq", "av",
          "pág", "núm", "vda"}) {
      m->emplace(a, Hold::kAlways);
    }
    for (std::string_view a :
         {"no",  "nos", "art",  "arts", "p",    "pp",  "vol", "vols", "fig", "figs",
          "ch",  "sec", "para", "tel",  "ed",   "jan", "feb", "mar",  "apr", "jun",
          "jul", "aug", "sep",  "sept", "oct",  "nov", "dec", "янв",  "фев", "февр",
          "мар", "апр", "авг",  "сен",  "сент", "окт", "ноя", "нояб", "дек", "д",
          "с",   "стр", "n",    "nº",   "núm",  "s"}) {
      m->emplace(a, Hold::kBeforeDigit);
    }
    return m;
  }();
  return *kMap;
}

bool IsLetterCp(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

bool IsUpperCp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

// True when the '.' at text[dot] closes an abbreviation that holds the following `next`.
// `floor` is the earliest byte the word may start at.
bool HoldsAfterAbbreviation(std::string_view text, size_t floor, size_t dot, Starter next) {
  // The word before the dot: letters and inner dots ("U.S", "e.g", "т.е", "Ph.D").
  size_t ws = dot;
  int letters = 0;
  bool inner_dot = false;
  char32_t first = 0;
  while (ws > floor) {
    size_t k = ws;
    char32_t c = utf8::Prev(text, &k);
    if (k < floor) break;
    if (IsLetterCp(c)) {
      ++letters;
      first = c;
      ws = k;
    } else if (c == '.' && letters > 0 && k > floor) {
      size_t k2 = k;
      char32_t before = utf8::Prev(text, &k2);
      if (!IsLetterCp(before)) break;
      inner_dot = true;
      ws = k;
    } else {
      break;
    }
  }
  if (letters == 0) return false;  // "17." "). " end sentences
  // A word glued to something before it ("$5bn.", "3-D.") is not an abbreviation.
  if (ws > floor) {
    size_t k = ws;
    char32_t c = utf8::Prev(text, &k);
    if (!utf8::IsSpace(c) && c != '(' && c != '"' && c != 0x201C && c != 0x00AB && c != '\'' &&
        c != 0x2018 && c != '-' && c != 0x2014 && c != 0x2013 && c != '/') {
      return false;
    }
  }
  if (inner_dot) return true;
  if (letters == 1 && IsUpperCp(first)) return true;  // an initial: "J. K. Rowling", "В. Путин"
  // Lower-case the word into a small buffer for the table lookup.
  char buf[24];
  size_t n = 0;
  size_t i = ws;
  while (i < dot) {
    char32_t c = utf8::Next(text, &i);
    utf8proc_int32_t lc = utf8proc_tolower(static_cast<utf8proc_int32_t>(c));
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t len = utf8proc_encode_char(lc, enc);
    if (n + static_cast<size_t>(len) > sizeof(buf)) return false;
    for (utf8proc_ssize_t k = 0; k < len; ++k) buf[n++] = static_cast<char>(enc[k]);
  }
  const auto& map = Abbreviations();
  auto it = map.find(std::string_view(buf, n));
  if (it == map.end()) {
    // A single lower-case letter before a number: "p. 5", "д. 12".
    return letters == 1 && next == Starter::kDigit;
  }
  return it->second == Hold::kAlways || next == Starter::kDigit;
}

// Appends text[a, b) trimmed of white space to `out` when anything is left.
void Emit(std::string_view text, size_t a, size_t b, std::vector<Sentence>* out) {
  while (a < b) {
    size_t j = a;
    char32_t c = static_cast<unsigned char>(text[a]) < 0x80 ? static_cast<unsigned char>(text[a])
                                                            : utf8::Next(text, &j);
    if (!utf8::IsSpace(c)) break;
    a = static_cast<unsigned char>(text[a]) < 0x80 ? a + 1 : j;
  }
  while (b > a) {
    size_t k = b;
    char32_t c = utf8::Prev(text, &k);
    if (!utf8::IsSpace(c)) break;
    b = k;
  }
  if (b > a) out->push_back(Sentence{Span{static_cast<uint32_t>(a), static_cast<uint32_t>(b)}});
}

// True when text[span] holds nothing but quotation marks.
bool OnlyQuotes(std::string_view text, Span span) {
  size_t i = span.start;
  while (i < span.end) {
    char32_t c = utf8::Next(text, &i);
    if (c != '"' && c != '\'' && c != 0x201C && c != 0x201D && c != 0x2018 && c != 0x2019 &&
        c != 0x00AB && c != 0x00BB && c != 0x201E) {
      return false;
    }
  }
  return true;
}

// A stray quotation mark split off on its own (`he said. "` with a space before the closing
// mark) belongs to the sentence before it. Looks at (*out)[first ..] only.
void MergeQuoteFragments(std::string_view text, size_t first, std::vector<Sentence>* out) {
  size_t w = first;
  for (size_t r = first; r < out->size(); ++r) {
    Sentence s = (*out)[r];
    if (w > first && s.span.size() <= 3 && OnlyQuotes(text, s.span)) {
      (*out)[w - 1].span.end = s.span.end;
      continue;
    }
    (*out)[w++] = s;
  }
  out->resize(w);
}

bool LowerStartsAt(std::string_view text, size_t i, size_t end) {
  if (i >= end) return false;
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return b >= 'a' && b <= 'z';
  size_t j = i;
  char32_t c = utf8::Next(text.substr(0, end), &j);
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}

}  // namespace

namespace {

// SplitSentences appending to *out_vec (AnnotateSentences fills one vector for all blocks).
void SplitInto(std::string_view text, Span range, std::vector<Sentence>* out_vec) {
  std::vector<Sentence>& out = *out_vec;
  const size_t first = out.size();
  const size_t end = std::min<size_t>(range.end, text.size());
  size_t i = std::min<size_t>(range.start, end);
  size_t start = i;
  const char* data = text.data();
  while (i < end) {
    i = NextInteresting(data, i, end);
    if (i >= end) break;
    if (data[i] == '\n') {
      // A blank line always ends a sentence; a single newline does too, unless the next line
      // carries on in lower case (hard-wrapped prose).
      int newlines;
      size_t k = SkipSpace(text, i + 1, end, &newlines);
      if (newlines > 0 || !LowerStartsAt(text, k, end)) {
        Emit(text, start, i, &out);
        start = k;
      }
      i = k;
      continue;
    }
    bool cjk;
    size_t len = TerminalAt(text, i, end, &cjk);
    if (len == 0) {
      ++i;
      continue;
    }
    const size_t term = i;
    bool single_dot = data[i] == '.';
    size_t j = i + len;
    // The run of terminals and closers: "?!", "...", ".”", "!»)".
    while (j < end) {
      bool c2;
      size_t l2 = TerminalAt(text, j, end, &c2);
      if (l2 > 0) {
        single_dot = false;
        j += l2;
        continue;
      }
      size_t l3 = CloserAt(text, j, end);
      if (l3 == 0) break;
      j += l3;
    }
    if (cjk) {
      Emit(text, start, j, &out);
      start = i = j;
      continue;
    }
    int newlines;
    size_t k = SkipSpace(text, j, end, &newlines);
    if (k >= end) {
      i = k;  // the range end closes the sentence below
      continue;
    }
    if (k == j) {  // "3.5", "U.S.A", "Yahoo!News"
      i = j;
      continue;
    }
    Starter next = newlines > 0 ? Starter::kYes : StarterAt(text, k, end);
    if (next == Starter::kNo) {
      i = k;
      continue;
    }
    if (newlines == 0 && single_dot && HoldsAfterAbbreviation(text, start, term, next)) {
      i = k;
      continue;
    }
    Emit(text, start, j, &out);
    start = i = k;
  }
  Emit(text, start, end, &out);
  MergeQuoteFragments(text, first, &out);
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, Span range) {
  std::vector<Sentence> out;
  SplitInto(text, range, &out);
  return out;
}

void AnnotateSentences(Article* article) {
  article->sentences.clear();
  // About one sentence per 100 bytes of news prose: one allocation for most articles.
  article->sentences.reserve(article->text.size() / 96 + 4);
  for (const Block& b : article->blocks) {
    switch (b.role) {
      case BlockRole::kBoilerplate:
      case BlockRole::kCredit:
      case BlockRole::kSection:
      case BlockRole::kTimestamp:
        continue;
      default:
        break;
    }
    SplitInto(article->text, b.span, &article->sentences);
  }
  auto by_start = [](const Sentence& a, const Sentence& b) {
    return a.span.start < b.span.start || (a.span.start == b.span.start && a.span.end < b.span.end);
  };
  if (!std::is_sorted(article->sentences.begin(), article->sentences.end(), by_start)) {
    std::sort(article->sentences.begin(), article->sentences.end(), by_start);
  }
  auto same = [](const Sentence& a, const Sentence& b) { return a.span == b.span; };
  article->sentences.erase(std::unique(article->sentences.begin(), article->sentences.end(), same),
                           article->sentences.end());
}

}  // namespace parallax::text
