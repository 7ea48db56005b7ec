#include "src/entities/key.h"

#include <array>

#include "src/base/utf8.h"
#include "src/text/tokens.h"

namespace parallax::entities {
namespace {

// Lower-case Cyrillic (Russian, Ukrainian, Serbian, Belarusian, Macedonian) to Latin, after
// the spellings most English-language news uses ("Песков" -> "peskov").
const char* CyrillicToLatin(char32_t c) {
  switch (c) {
    case U'а':
      return "a";
    case U'б':
      return "b";
    case U'в':
      return "v";
    case U'г':
      return "g";
    case U'д':
      return "d";
    case U'е':
      return "e";
    case U'ё':
      return "e";
    case U'ж':
      return "zh";
    case U'з':
      return "z";
    case U'и':
      return "i";
    case U'й':
      return "y";
    case U'к':
      return "k";
    case U'л':
      return "l";
    case U'м':
      return "m";
    case U'н':
      return "n";
    case U'о':
      return "o";
    case U'п':
      return "p";
    case U'р':
      return "r";
    case U'с':
      return "s";
    case U'т':
      return "t";
    case U'у':
      return "u";
    case U'ф':
      return "f";
    case U'х':
      return "kh";
    case U'ц':
      return "ts";
    case U'ч':
      return "ch";
    case U'ш':
      return "sh";
    case U'щ':
      return "shch";
    case U'ъ':
      return "";
    case U'ы':
      return "y";
    case U'ь':
      return "";
    case U'э':
      return "e";
    case U'ю':
      return "yu";
    case U'я':
      return "ya";
    case U'і':
      return "i";
    case U'ї':
      return "yi";
    case U'є':
      return "ye";
    case U'ґ':
      return "g";
    case U'ў':
      return "u";
    case U'ђ':
      return "dj";
    case U'ј':
      return "j";
    case U'љ':
      return "lj";
    case U'њ':
      return "nj";
    case U'ћ':
      return "c";
    case U'џ':
      return "dz";
    case U'ѓ':
      return "gj";
    case U'ќ':
      return "kj";
    case U'ѕ':
      return "dz";
    // Greek, lower case.
    case U'α':
      return "a";
    case U'β':
      return "v";
    case U'γ':
      return "g";
    case U'δ':
      return "d";
    case U'ε':
      return "e";
    case U'ζ':
      return "z";
    case U'η':
      return "i";
    case U'θ':
      return "th";
    case U'ι':
      return "i";
    case U'κ':
      return "k";
    case U'λ':
      return "l";
    case U'μ':
      return "m";
    case U'ν':
      return "n";
    case U'ξ':
      return "x";
    case U'ο':
      return "o";
    case U'π':
      return "p";
    case U'ρ':
      return "r";
    case U'σ':
      return "s";
    case U'ς':
      return "s";
    case U'τ':
      return "t";
    case U'υ':
      return "y";
    case U'φ':
      return "f";
    case U'χ':
      return "ch";
    case U'ψ':
      return "ps";
    case U'ω':
      return "o";
    default:
      return nullptr;
  }
}

// The spelling rules of NormaliseWordInto over a word of n bytes read through at(k), which
// gives '\0' past the end. Returns the length written to s.
template <class At>
size_t NormaliseWith(size_t n, At at, char* s) {
  size_t len = 0;
  // Doubled letters once ("ii" from "iy", "ll" in "Aleksandr Kotelllnikov"): a key, not a
  // word. Comparing with the last byte written drops the same bytes as a second pass would.
  auto put = [&](char c) {
    if (len == 0 || s[len - 1] != c) s[len++] = c;
  };
  for (size_t i = 0; i < n; ++i) {
    const char c = at(i);
    switch (c) {
      case 's':
        if (at(i + 1) == 'h' && at(i + 2) == 'c' && at(i + 3) == 'h') {
          i += 3;  // "shch"
        } else if (at(i + 1) == 'c' && at(i + 2) == 'h') {
          i += 2;  // "sch"
        } else if (at(i + 1) == 'h') {
          ++i;  // "sh"
        }
        put('s');
        break;
      case 't':
        if (at(i + 1) == 'c' && at(i + 2) == 'h') {
          i += 2;  // "tch"
          put('c');
        } else if (at(i + 1) == 's' || at(i + 1) == 'z') {
          ++i;  // "ts", "tz"
          put('c');
        } else {
          put('t');
        }
        break;
      case 'c':
        if (at(i + 1) == 'h') ++i;
        put('c');
        break;
      case 'z':
        if (at(i + 1) == 'h') ++i;
        put('z');
        break;
      case 'k':
        if (at(i + 1) == 'h') {
          ++i;
          put('h');
        } else {
          put('k');
        }
        break;
      case 'x':
        put('k');
        put('s');
        break;
      case 'y':
      case 'j':
        put('i');
        break;
      case 'w':
        put('v');
        break;
      default:
        put(c);
    }
  }
  return len;
}

// Spelling normalisation of one lower-case Latin word (see key.h) into s, which has room for
// 2 * w.size() bytes (a word at most doubles: "x" -> "ks"). Returns the length written.
size_t NormaliseWordInto(std::string_view w, char* s) {
  const size_t n = w.size();
  return NormaliseWith(
      n, [&](size_t k) { return k < n ? w[k] : '\0'; }, s);
}

void NormaliseWord(std::string_view w, std::string* out) {
  char small[128];
  std::string big;
  char* s = small;
  if (w.size() * 2 > sizeof(small)) {
    big.resize(w.size() * 2);
    s = big.data();
  }
  out->append(s, NormaliseWordInto(w, s));
}

// EntityKey for ASCII names of at most kMaxAsciiKey bytes: the general path below without its
// strings, one table lookup per byte (keys are computed for every entity of every article).
// Same output.
constexpr size_t kMaxAsciiKey = 256;

// kKeyChar[b]: what byte b is to a key: its lower-case form for an ASCII letter or digit, '\''
// for the apostrophe, 0 for a separator (space, hyphen, dot, other ASCII), 1 for a byte >= 0x80
// (not for the ASCII path).
constexpr std::array<char, 256> MakeKeyChars() {
  std::array<char, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 0x80)
      t[b] = 1;
    else if (b >= 'A' && b <= 'Z')
      t[b] = static_cast<char>(b + 32);
    else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '\'')
      t[b] = static_cast<char>(b);
  }
  return t;
}
constexpr std::array<char, 256> kKeyChar = MakeKeyChars();

// NormaliseWordInto for a word w[0, n) followed by three readable zero bytes (which stand for
// "past the end" in the look-ahead).
size_t NormalisePaddedInto(const char* w, size_t n, char* s) {
  return NormaliseWith(
      n, [w](size_t k) { return w[k]; }, s);
}

// The key of `name` (at most kMaxAsciiKey bytes) into *out; false (out unspecified) when the
// name has a byte >= 0x80.
bool AsciiEntityKey(std::string_view name, std::string* out) {
  char key[3 * kMaxAsciiKey + 8];  // normalised words (each at most doubles) + spaces
  char word[kMaxAsciiKey + 8];     // the word being read, then three zero bytes
  size_t n = 0, wl = 0;
  bool apostrophe = false;  // the word has an apostrophe inside
  auto flush = [&]() {
    // Possessive endings: "vucic's" -> "vucic".
    if (wl > 2 && word[wl - 2] == '\'' && word[wl - 1] == 's') wl -= 2;
    while (wl > 0 && word[wl - 1] == '\'') --wl;
    if (wl > 0) {
      if (n > 0) key[n++] = ' ';
      if (apostrophe) {  // apostrophes inside go: "o'neill" -> "oneill"
        size_t kept = 0;
        for (size_t i = 0; i < wl; ++i)
          if (word[i] != '\'') word[kept++] = word[i];
        wl = kept;
      }
      word[wl] = word[wl + 1] = word[wl + 2] = 0;
      n += NormalisePaddedInto(word, wl, key + n);
    }
    wl = 0;
    apostrophe = false;
  };
  for (const char b : name) {
    const char c = kKeyChar[static_cast<unsigned char>(b)];
    if (c > 1 && c != '\'') {
      word[wl++] = c;
    } else if (c == 1) {
      return false;
    } else if (c == '\'' && wl > 0) {
      word[wl++] = '\'';
      apostrophe = true;
    } else if (wl > 0) {
      flush();  // spaces, hyphens, dots, other punctuation separate words
    }
  }
  if (wl > 0) flush();
  out->assign(key, n);
  return true;
}

}  // namespace

std::string Transliterate(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  size_t i = 0;
  while (i < folded.size()) {
    size_t start = i;
    char32_t c = utf8::Next(folded, &i);
    const char* latin = c >= 0x370 && c < 0x530 ? CyrillicToLatin(c) : nullptr;
    if (latin) {
      out += latin;
    } else {
      out.append(folded.substr(start, i - start));
    }
  }
  return out;
}

std::string EntityKey(std::string_view name) {
  if (name.size() <= kMaxAsciiKey) {
    std::string key;
    if (AsciiEntityKey(name, &key)) return key;
  }
  return EntityKeyReference(name);
}

std::string EntityKeyReference(std::string_view name) {
  // ASCII names (most) fold by lower-casing alone and need no transliteration.
  thread_local std::string folded_buf;
  bool ascii = true;
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    folded_buf.resize(name.size());
    for (size_t k = 0; k < name.size(); ++k) {
      const char c = name[k];
      folded_buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
  } else {
    folded_buf = Transliterate(text::Fold(name));
  }
  const std::string& folded = folded_buf;
  std::string key;
  key.reserve(folded.size() * 2);
  thread_local std::string word, w;
  word.clear();
  auto flush = [&]() {
    // Possessive endings: "vucic's" -> "vucic".
    if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
    while (!word.empty() && word.back() == '\'') word.pop_back();
    if (word.empty()) return;
    if (!key.empty()) key += ' ';
    w.clear();
    for (char c : word)
      if (c != '\'') w += c;
    NormaliseWord(w, &key);
    word.clear();
  };
  size_t i = 0;
  while (i < folded.size()) {
    size_t start = i;
    char32_t c = utf8::Next(folded, &i);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += static_cast<char>(c);
    } else if ((c == '\'' || c == 0x2019) && !word.empty()) {
      word += '\'';
    } else if (c >= 0x80 && !utf8::IsSpace(c) && c != 0x2019 && c != 0x2018 && c != 0x2014 &&
               c != 0x2013 && c != 0xAB && c != 0xBB && c != 0x201C && c != 0x201D) {
      // Letters of other scripts (CJK, Arabic ...) stay as they are.
      word.append(folded.substr(start, i - start));
    } else {
      flush();  // spaces, hyphens, dots, other punctuation separate words
    }
  }
  flush();
  return key;
}

}  // namespace parallax::entities
