#include "src/html/entities.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace parallax::html {
namespace {

struct Named {
  const char* name;
  char32_t cp;
};

// The Latin-1 supplement entities, U+00A0..U+00FF in code point order. These are also the names
// that HTML5 still accepts without a terminating ';'.
constexpr const char* kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// Legacy names outside Latin-1 that may also omit ';'.
constexpr Named kLegacyAscii[] = {{"amp", '&'},   {"lt", '<'},  {"gt", '>'}, {"quot", '"'},
                                  {"AMP", '&'},   {"LT", '<'},  {"GT", '>'}, {"QUOT", '"'},
                                  {"COPY", 0xA9}, {"REG", 0xAE}};

// Everything else: the rest of HTML 4 (Latin Extended, punctuation, Greek, arrows, maths) and the
// HTML5 names that appear in real pages (ASCII punctuation names, Central European letters,
// spaces and the long CamelCase quote names).
constexpr Named kOther[] = {
    {"apos", 0x27},
    {"OElig", 0x152},
    {"oelig", 0x153},
    {"Scaron", 0x160},
    {"scaron", 0x161},
    {"Yuml", 0x178},
    {"fnof", 0x192},
    {"circ", 0x2C6},
    {"tilde", 0x2DC},
    {"ensp", 0x2002},
    {"emsp", 0x2003},
    {"thinsp", 0x2009},
    {"zwnj", 0x200C},
    {"zwj", 0x200D},
    {"lrm", 0x200E},
    {"rlm", 0x200F},
    {"ndash", 0x2013},
    {"mdash", 0x2014},
    {"lsquo", 0x2018},
    {"rsquo", 0x2019},
    {"sbquo", 0x201A},
    {"ldquo", 0x201C},
    {"rdquo", 0x201D},
    {"bdquo", 0x201E},
    {"dagger", 0x2020},
    {"Dagger", 0x2021},
    {"bull", 0x2022},
    {"hellip", 0x2026},
    {"permil", 0x2030},
    {"prime", 0x2032},
    {"Prime", 0x2033},
    {"lsaquo", 0x2039},
    {"rsaquo", 0x203A},
    {"oline", 0x203E},
    {"frasl", 0x2044},
    {"euro", 0x20AC},
    {"image", 0x2111},
    {"weierp", 0x2118},
    {"real", 0x211C},
    {"trade", 0x2122},
    {"alefsym", 0x2135},
    {"larr", 0x2190},
    {"uarr", 0x2191},
    {"rarr", 0x2192},
    {"darr", 0x2193},
    {"harr", 0x2194},
    {"crarr", 0x21B5},
    {"lArr", 0x21D0},
    {"uArr", 0x21D1},
    {"rArr", 0x21D2},
    {"dArr", 0x21D3},
    {"hArr", 0x21D4},
    {"forall", 0x2200},
    {"part", 0x2202},
    {"exist", 0x2203},
    {"empty", 0x2205},
    {"nabla", 0x2207},
    {"isin", 0x2208},
    {"notin", 0x2209},
    {"ni", 0x220B},
    {"prod", 0x220F},
    {"sum", 0x2211},
    {"minus", 0x2212},
    {"lowast", 0x2217},
    {"radic", 0x221A},
    {"prop", 0x221D},
    {"infin", 0x221E},
    {"ang", 0x2220},
    {"and", 0x2227},
    {"or", 0x2228},
    {"cap", 0x2229},
    {"cup", 0x222A},
    {"int", 0x222B},
    {"there4", 0x2234},
    {"sim", 0x223C},
    {"cong", 0x2245},
    {"asymp", 0x2248},
    {"ne", 0x2260},
    {"equiv", 0x2261},
    {"le", 0x2264},
    {"ge", 0x2265},
    {"sub", 0x2282},
    {"sup", 0x2283},
    {"nsub", 0x2284},
    {"sube", 0x2286},
    {"supe", 0x2287},
    {"oplus", 0x2295},
    {"otimes", 0x2297},
    {"perp", 0x22A5},
    {"sdot", 0x22C5},
    {"lceil", 0x2308},
    {"rceil", 0x2309},
    {"lfloor", 0x230A},
    {"rfloor", 0x230B},
    {"lang", 0x27E8},
    {"rang", 0x27E9},
    {"loz", 0x25CA},
    {"spades", 0x2660},
    {"clubs", 0x2663},
    {"hearts", 0x2665},
    {"diams", 0x2666},
    {"Alpha", 0x391},
    {"Beta", 0x392},
    {"Gamma", 0x393},
    {"Delta", 0x394},
    {"Epsilon", 0x395},
    {"Zeta", 0x396},
    {"Eta", 0x397},
    {"Theta", 0x398},
    {"Iota", 0x399},
    {"Kappa", 0x39A},
    {"Lambda", 0x39B},
    {"Mu", 0x39C},
    {"Nu", 0x39D},
    {"Xi", 0x39E},
    {"Omicron", 0x39F},
    {"Pi", 0x3A0},
    {"Rho", 0x3A1},
    {"Sigma", 0x3A3},
    {"Tau", 0x3A4},
    {"Upsilon", 0x3A5},
    {"Phi", 0x3A6},
    {"Chi", 0x3A7},
    {"Psi", 0x3A8},
    {"Omega", 0x3A9},
    {"alpha", 0x3B1},
    {"beta", 0x3B2},
    {"gamma", 0x3B3},
    {"delta", 0x3B4},
    {"epsilon", 0x3B5},
    {"zeta", 0x3B6},
    {"eta", 0x3B7},
    {"theta", 0x3B8},
    {"iota", 0x3B9},
    {"kappa", 0x3BA},
    {"lambda", 0x3BB},
    {"mu", 0x3BC},
    {"nu", 0x3BD},
    {"xi", 0x3BE},
    {"omicron", 0x3BF},
    {"pi", 0x3C0},
    {"rho", 0x3C1},
    {"sigmaf", 0x3C2},
    {"sigma", 0x3C3},
    {"tau", 0x3C4},
    {"upsilon", 0x3C5},
    {"phi", 0x3C6},
    {"chi", 0x3C7},
    {"psi", 0x3C8},
    {"omega", 0x3C9},
    {"thetasym", 0x3D1},
    {"upsih", 0x3D2},
    {"piv", 0x3D6},
    {"ohm", 0x3A9},
    {"Tab", 0x09},
    {"NewLine", 0x0A},
    {"excl", 0x21},
    {"num", 0x23},
    {"dollar", 0x24},
    {"percnt", 0x25},
    {"lpar", 0x28},
    {"rpar", 0x29},
    {"ast", 0x2A},
    {"plus", 0x2B},
    {"comma", 0x2C},
    {"period", 0x2E},
    {"sol", 0x2F},
    {"colon", 0x3A},
    {"semi", 0x3B},
    {"equals", 0x3D},
    {"quest", 0x3F},
    {"commat", 0x40},
    {"lsqb", 0x5B},
    {"lbrack", 0x5B},
    {"bsol", 0x5C},
    {"rsqb", 0x5D},
    {"rbrack", 0x5D},
    {"Hat", 0x5E},
    {"lowbar", 0x5F},
    {"grave", 0x60},
    {"lcub", 0x7B},
    {"lbrace", 0x7B},
    {"verbar", 0x7C},
    {"vert", 0x7C},
    {"rcub", 0x7D},
    {"rbrace", 0x7D},
    {"NonBreakingSpace", 0xA0},
    {"centerdot", 0xB7},
    {"half", 0xBD},
    {"Amacr", 0x100},
    {"amacr", 0x101},
    {"Abreve", 0x102},
    {"abreve", 0x103},
    {"Aogon", 0x104},
    {"aogon", 0x105},
    {"Cacute", 0x106},
    {"cacute", 0x107},
    {"Ccaron", 0x10C},
    {"ccaron", 0x10D},
    {"Dcaron", 0x10E},
    {"dcaron", 0x10F},
    {"Dstrok", 0x110},
    {"dstrok", 0x111},
    {"Emacr", 0x112},
    {"emacr", 0x113},
    {"Eogon", 0x118},
    {"eogon", 0x119},
    {"Ecaron", 0x11A},
    {"ecaron", 0x11B},
    {"Gbreve", 0x11E},
    {"gbreve", 0x11F},
    {"Imacr", 0x12A},
    {"imacr", 0x12B},
    {"Idot", 0x130},
    {"imath", 0x131},
    {"inodot", 0x131},
    {"Lstrok", 0x141},
    {"lstrok", 0x142},
    {"Nacute", 0x143},
    {"nacute", 0x144},
    {"Ncaron", 0x147},
    {"ncaron", 0x148},
    {"Odblac", 0x150},
    {"odblac", 0x151},
    {"Rcaron", 0x158},
    {"rcaron", 0x159},
    {"Sacute", 0x15A},
    {"sacute", 0x15B},
    {"Scedil", 0x15E},
    {"scedil", 0x15F},
    {"Tcaron", 0x164},
    {"tcaron", 0x165},
    {"Umacr", 0x16A},
    {"umacr", 0x16B},
    {"Uring", 0x16E},
    {"uring", 0x16F},
    {"Udblac", 0x170},
    {"udblac", 0x171},
    {"Zacute", 0x179},
    {"zacute", 0x17A},
    {"Zdot", 0x17B},
    {"zdot", 0x17C},
    {"Zcaron", 0x17D},
    {"zcaron", 0x17E},
    {"numsp", 0x2007},
    {"puncsp", 0x2008},
    {"ThinSpace", 0x2009},
    {"hairsp", 0x200A},
    {"ZeroWidthSpace", 0x200B},
    {"hyphen", 0x2010},
    {"dash", 0x2010},
    {"horbar", 0x2015},
    {"lsquor", 0x201A},
    {"rsquor", 0x2019},
    {"ldquor", 0x201E},
    {"rdquor", 0x201D},
    {"bullet", 0x2022},
    {"nldr", 0x2025},
    {"mldr", 0x2026},
    {"caret", 0x2041},
    {"MediumSpace", 0x205F},
    {"NoBreak", 0x2060},
    {"OpenCurlyQuote", 0x2018},
    {"CloseCurlyQuote", 0x2019},
    {"OpenCurlyDoubleQuote", 0x201C},
    {"CloseCurlyDoubleQuote", 0x201D},
    {"numero", 0x2116},
    {"copysr", 0x2117},
    {"TRADE", 0x2122},
    {"frac13", 0x2153},
    {"frac23", 0x2154},
    {"frac18", 0x215B},
    {"starf", 0x2605},
    {"star", 0x2606},
    {"phone", 0x260E},
    {"female", 0x2640},
    {"male", 0x2642},
    {"flat", 0x266D},
    {"natural", 0x266E},
    {"sharp", 0x266F},
    {"check", 0x2713},
    {"cross", 0x2717},
    {"emsp13", 0x2004},
    {"emsp14", 0x2005},
};

// HTML5's table for &#128;-&#159;: what Windows-1252 puts there (0 = keep the value).
constexpr char16_t kWin1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                   0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct Tables {
  std::unordered_map<std::string_view, char32_t> all;
  std::unordered_map<std::string_view, char32_t> legacy;  // may omit ';'
  Tables() {
    for (int i = 0; i < 96; ++i) {
      all.emplace(kLatin1Names[i], 0xA0 + i);
      legacy.emplace(kLatin1Names[i], 0xA0 + i);
    }
    for (const Named& n : kLegacyAscii) {
      all.emplace(n.name, n.cp);
      legacy.emplace(n.name, n.cp);
    }
    for (const Named& n : kOther) all.emplace(n.name, n.cp);
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void AppendUtf8(char32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t LookupEntity(std::string_view name) {
  const auto& all = GetTables().all;
  auto it = all.find(name);
  return it == all.end() ? 0 : it->second;
}

bool DecodeCharRef(std::string_view s, bool in_attribute, size_t* consumed, std::string* out) {
  if (s.size() < 2 || s[0] != '&') return false;
  if (s[1] == '#') {
    size_t i = 2;
    bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    size_t digits_start = i;
    uint32_t value = 0;
    bool overflow = false;
    for (; i < s.size(); ++i) {
      int d = hex ? HexValue(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
      if (d < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (value > 0x10FFFF) overflow = true, value = 0x110000;
    }
    if (i == digits_start) return false;  // "&#" or "&#x" with no digits: not a reference
    if (i < s.size() && s[i] == ';') ++i;
    char32_t cp = overflow ? 0xFFFD : value;
    if (cp == 0) cp = 0xFFFD;
    if (cp >= 0x80 && cp <= 0x9F && kWin1252[cp - 0x80] != 0) cp = kWin1252[cp - 0x80];
    AppendUtf8(cp, out);
    *consumed = i;
    return true;
  }
  // Named: the longest alphanumeric run, then ';'.
  size_t end = 1;
  while (end < s.size() && end <= 33 && IsAlnum(s[end])) ++end;
  if (end == 1) return false;
  const Tables& t = GetTables();
  if (end < s.size() && s[end] == ';') {
    auto it = t.all.find(s.substr(1, end - 1));
    if (it != t.all.end()) {
      AppendUtf8(it->second, out);
      *consumed = end + 1;
      return true;
    }
  }
  // Without ';': the longest legacy name that prefixes the run ("&notit" reads as "¬it").
  for (size_t len = std::min<size_t>(end - 1, 6); len >= 2; --len) {
    auto it = t.legacy.find(s.substr(1, len));
    if (it == t.legacy.end()) continue;
    size_t next = 1 + len;
    if (in_attribute && next < s.size() && (IsAlnum(s[next]) || s[next] == '=')) return false;
    AppendUtf8(it->second, out);
    *consumed = next;
    return true;
  }
  return false;
}

void AppendDecoded(std::string_view raw, bool in_attribute, std::string* out) {
  size_t i = 0;
  while (i < raw.size()) {
    const void* hit = std::memchr(raw.data() + i, '&', raw.size() - i);
    size_t amp = hit ? static_cast<size_t>(static_cast<const char*>(hit) - raw.data()) : raw.size();
    out->append(raw.data() + i, amp - i);
    if (amp == raw.size()) break;
    size_t consumed = 0;
    if (DecodeCharRef(raw.substr(amp), in_attribute, &consumed, out)) {
      i = amp + consumed;
    } else {
      out->push_back('&');
      i = amp + 1;
    }
  }
}

}  // namespace parallax::html
