#include "src/text/tokens.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/base/hash.h"
#include "src/base/utf8.h"

namespace parallax::text {
namespace {

// ---------------------------------------------------------------------------------------------
// Character classes. ASCII goes through one table; other code points through utf8proc's
// category table (a two-level lookup, no allocation).

enum class CharClass : uint8_t {
  kSpace,
  kLetter,  // letters and combining marks
  kDigit,
  kJoiner,  // apostrophes and hyphens: inside a word when a letter follows
  kPunct,
  kSymbol,
  kIgnorable,  // format characters (soft hyphen, zero-width joiner) and controls: dropped
  kIdeograph,  // Han and kana: one token per code point (no word boundaries in the text)
};

constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kIgnorable;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      k = CharClass::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      k = CharClass::kLetter;
    } else if (c >= '0' && c <= '9') {
      k = CharClass::kDigit;
    } else if (c == '\'' || c == '-') {
      k = CharClass::kJoiner;
    } else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
               c == '|' || c == '~') {
      k = CharClass::kSymbol;
    } else if (c > 32 && c < 127) {
      k = CharClass::kPunct;
    }
    t[c] = k;
  }
  return t;
}
constexpr std::array<CharClass, 128> kAscii = MakeAsciiTable();

bool IsIdeograph(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // Hiragana, Katakana
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK Extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK Unified Ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // CJK Compatibility Ideographs
         (c >= 0x20000 && c <= 0x3134F);  // CJK Extensions B..G
}

CharClass Classify(char32_t c) {
  if (c < 0x80) return kAscii[c];
  if (utf8::IsSpace(c)) return CharClass::kSpace;
  if (c == 0x2019 || c == 0x2010 || c == 0x2011 || c == 0x02BC) return CharClass::kJoiner;
  if (IsIdeograph(c)) return CharClass::kIdeograph;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CN:
      return CharClass::kIgnorable;
    default:  // Sm Sc Sk So Nl No Co
      return CharClass::kSymbol;
  }
}

// Class of the code point at text[i]; `next` receives the index after it.
inline CharClass ClassAt(std::string_view text, size_t i, size_t* next) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    *next = i + 1;
    return kAscii[b];
  }
  size_t j = i;
  char32_t c = utf8::Next(text, &j);
  *next = j;
  return Classify(c);
}

// ---------------------------------------------------------------------------------------------
// Stemmers: one per language per thread, created on first use.

const char* SnowballName(std::string_view language) {
  static const auto* const kNames = new std::unordered_map<std::string_view, const char*>{
      {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},
      {"el", "greek"},      {"en", "english"},    {"es", "spanish"},    {"eu", "basque"},
      {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},      {"hi", "hindi"},
      {"hu", "hungarian"},  {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},
      {"lt", "lithuanian"}, {"ne", "nepali"},     {"nl", "dutch"},      {"no", "norwegian"},
      {"nb", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},   {"ru", "russian"},
      {"sr", "serbian"},    {"sv", "swedish"},    {"ta", "tamil"},      {"tr", "turkish"},
      {"yi", "yiddish"},
  };
  auto it = kNames->find(language);
  return it == kNames->end() ? nullptr : it->second;
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A memo of recent stems: news copy repeats its words, and a lookup is several times cheaper
// than running Snowball again. Direct-mapped by the word's hash, words and stems stored inline
// (a node-based map allocated twice per new word and was most of the stories stage's
// featurizing cost); a word that does not fit, or whose slot another word took, is stemmed
// again.
class StemMemo {
 public:
  static constexpr size_t kMaxBytes = 30;  // longer words are not memoised
  // True, with *stem set, when `word` (whose hash is `hash`) is memoised.
  bool Find(std::string_view word, uint64_t hash, std::string* stem) const {
    const Entry& e = entries_[hash & kMask];
    if (e.hash != hash || e.word_size != word.size() ||
        std::memcmp(e.word, word.data(), word.size()) != 0)
      return false;
    stem->assign(e.stem, e.stem_size);
    return true;
  }
  void Put(std::string_view word, uint64_t hash, std::string_view stem) {
    if (word.size() > kMaxBytes || stem.size() > kMaxBytes) return;
    Entry& e = entries_[hash & kMask];
    e.hash = hash;
    e.word_size = static_cast<uint8_t>(word.size());
    e.stem_size = static_cast<uint8_t>(stem.size());
    std::memcpy(e.word, word.data(), word.size());
    std::memcpy(e.stem, stem.data(), stem.size());
  }

 private:
  struct Entry {
    uint64_t hash = 0;
    uint8_t word_size = 0xFF;  // never a real size: the slot is empty
    uint8_t stem_size = 0;
    char word[kMaxBytes];
    char stem[kMaxBytes];
  };
  static constexpr size_t kEntries = 1 << 14;  // ~1.1 MiB per thread and language
  static constexpr size_t kMask = kEntries - 1;
  std::vector<Entry> entries_ = std::vector<Entry>(kEntries);
};

// One language's Snowball stemmer on one thread, with its memo.
struct ThreadStemmer {
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer;  // null: no stemmer for the language
  StemMemo memo;
};

// The calling thread's stemmer for `language`, created on first use.
ThreadStemmer& StemmerFor(std::string_view language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<ThreadStemmer>> cache;
  // Callers stem word after word in one language: remember the last answer.
  thread_local std::string last_language;
  thread_local ThreadStemmer* last = nullptr;
  if (last != nullptr && language == last_language) return *last;
  std::string key(language);
  std::unique_ptr<ThreadStemmer>& slot = cache[key];
  if (slot == nullptr) {
    slot = std::make_unique<ThreadStemmer>();
    const char* name = SnowballName(language);
    if (name != nullptr) slot->stemmer.reset(sb_stemmer_new(name, "UTF_8"));
  }
  last_language = std::move(key);
  last = slot.get();
  return *last;
}

// Appends code point `c` as UTF-8.
void Append(char32_t c, std::string* out) {
  char buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c),
                                            reinterpret_cast<utf8proc_uint8_t*>(buf));
  out->append(buf, static_cast<size_t>(n));
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, Span range) {
  std::vector<Token> out;
  size_t end = std::min<size_t>(range.end, text.size());
  size_t i = std::min<size_t>(range.start, end);
  out.reserve((end - i) / 5 + 1);
  auto emit = [&](size_t a, size_t b, TokenKind k) {
    out.push_back(Token{Span{static_cast<uint32_t>(a), static_cast<uint32_t>(b)}, k});
  };
  while (i < end) {
    size_t next;
    CharClass k = ClassAt(text, i, &next);
    switch (k) {
      case CharClass::kSpace:
      case CharClass::kIgnorable:
        i = next;
        break;
      case CharClass::kIdeograph:
        emit(i, next, TokenKind::kWord);
        i = next;
        break;
      case CharClass::kLetter: {
        // Letters, marks and digits ("G7", "MH17"); an apostrophe or hyphen stays inside when a
        // letter or digit follows ("don't", "Botsan-Kharchenko", "COVID-19"); soft hyphens and
        // zero-width joiners inside are skipped over.
        size_t start = i;
        size_t j = next;
        size_t last = next;
        while (j < end) {
          size_t n2;
          CharClass c2 = ClassAt(text, j, &n2);
          if (c2 == CharClass::kLetter || c2 == CharClass::kDigit) {
            j = last = n2;
          } else if (c2 == CharClass::kJoiner || c2 == CharClass::kIgnorable) {
            if (n2 >= end) break;
            size_t n3;
            CharClass c3 = ClassAt(text, n2, &n3);
            if (c3 != CharClass::kLetter && c3 != CharClass::kDigit) break;
            j = n2;
          } else {
            break;
          }
        }
        emit(start, last, TokenKind::kWord);
        i = last;
        break;
      }
      case CharClass::kDigit: {
        // Digits with inner , . : separators followed by a digit: "10,000", "3.5", "18:21".
        size_t start = i;
        size_t j = next;
        while (j < end) {
          unsigned char b = static_cast<unsigned char>(text[j]);
          if (b >= '0' && b <= '9') {
            ++j;
            continue;
          }
          if ((b == ',' || b == '.' || b == ':') && j + 1 < end && text[j + 1] >= '0' &&
              text[j + 1] <= '9') {
            j += 2;
            continue;
          }
          if (b >= 0x80) {
            size_t n2;
            if (ClassAt(text, j, &n2) == CharClass::kDigit) {
              j = n2;
              continue;
            }
          }
          break;
        }
        emit(start, j, TokenKind::kNumber);
        i = j;
        break;
      }
      case CharClass::kJoiner:
      case CharClass::kPunct:
        emit(i, next, TokenKind::kPunct);
        i = next;
        break;
      case CharClass::kSymbol:
        emit(i, next, TokenKind::kSymbol);
        i = next;
        break;
    }
  }
  return out;
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // ASCII fast path: lower case only.
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
    char c = s[i];
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    ++i;
  }
  if (i == s.size()) return out;

  constexpr utf8proc_option_t kOptions =
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);
  utf8proc_int32_t buf[32];
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b));
      ++i;
      continue;
    }
    char32_t c = utf8::Next(s, &i);
    // Cyrillic й keeps its breve (it is a letter of its own, not и with an accent); ё is е.
    if (c == 0x0419 || c == 0x0439) {
      Append(0x0439, &out);
      continue;
    }
    if (c == 0x0306 && out.size() >= 2 && out.compare(out.size() - 2, 2, "\xd0\xb8") == 0) {
      out.replace(out.size() - 2, 2, "\xd0\xb9");  // NFD и + breve
      continue;
    }
    if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0xFF07) {
      out.push_back('\'');
      continue;
    }
    int last_boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buf, 32,
                                                 kOptions, &last_boundclass);
    if (n < 0 || n > 32) {  // not expected for valid code points; keep the original
      Append(c, &out);
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) Append(static_cast<char32_t>(buf[k]), &out);
  }
  return out;
}

std::string Stem(std::string_view folded_word, std::string_view language) {
  if (folded_word.empty()) return std::string();
  ThreadStemmer& ts = StemmerFor(language);
  if (ts.stemmer == nullptr) return std::string(folded_word);
  const uint64_t hash = Hash64(folded_word);
  std::string stem;
  if (ts.memo.Find(folded_word, hash, &stem)) return stem;
  sb_stemmer* s = ts.stemmer.get();
  const sb_symbol* r = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                       static_cast<int>(folded_word.size()));
  if (r == nullptr) return std::string(folded_word);  // out of memory inside Snowball
  stem.assign(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(s)));
  ts.memo.Put(folded_word, hash, stem);
  return stem;
}

}  // namespace parallax::text
