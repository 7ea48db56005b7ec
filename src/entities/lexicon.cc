#include "src/entities/lexicon.h"

#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "src/entities/lexicon_data.h"
#include "src/text/tokens.h"

namespace parallax::entities {
namespace {

constexpr const char* kIsoDir = "/usr/share/iso-codes/json/";
constexpr const char* kWordNetDir = "/usr/share/wordnet/";

bool ReadFile(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  out->clear();
  if (std::fseek(f, 0, SEEK_END) == 0) {
    long size = std::ftell(f);
    if (size > 0) out->reserve(static_cast<size_t>(size));
    std::fseek(f, 0, SEEK_SET);
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Iso-codes and WordNet names contain parentheses and commas ("Korea, Republic of"); keep
// only plain names.
bool PlainName(std::string_view s) {
  for (char c : s)
    if (c == '(' || c == ',' || c == ')' || c == ';' || c == '[') return false;
  return !s.empty();
}

}  // namespace

void FoldInto(std::string_view s, std::string* out) {
  out->clear();
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    out->resize(s.size());
    char* d = out->data();
    for (size_t i = 0; i < s.size(); ++i)
      d[i] = IsAsciiUpper(s[i]) ? static_cast<char>(s[i] + 32) : s[i];
    return;
  }
  *out = text::Fold(s);
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

void Lexicon::Insert(uint64_t h, uint64_t flags) {
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? (1u << 18) : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    used_ = 0;
    for (const Slot& o : old)
      if (o.hash) Insert(o.hash, o.flags);
  }
  size_t i = static_cast<size_t>(h) & mask_;
  while (slots_[i].hash != 0 && slots_[i].hash != h) i = (i + 1) & mask_;
  if (slots_[i].hash == 0) {
    slots_[i].hash = h;
    ++used_;
  }
  slots_[i].flags |= flags;
}

void Lexicon::Add(std::string_view folded, uint64_t flags) {
  if (folded.empty()) return;
  FoldInto(folded, &key_);
  int words = 1;
  size_t first_space = std::string::npos;
  for (size_t i = 0; i < key_.size(); ++i) {
    char& c = key_[i];
    if (c == '_') c = ' ';
    if (c == ' ') {
      ++words;
      if (first_space == std::string::npos) first_space = i;
    }
  }
  if (words > 1) {
    Insert(KeyHash(std::string_view(key_).substr(0, first_space)), kPhraseStartBit);
    for (size_t i = first_space + 1; i < key_.size(); ++i)
      if (key_[i] == ' ') Insert(KeyHash(std::string_view(key_).substr(0, i)), kPhrasePrefixBit);
    if (words > max_phrase_words_) max_phrase_words_ = words;
  }
  Insert(KeyHash(key_), flags);
}

void Lexicon::AddList(std::string_view list, uint64_t flags) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && list[i] == ' ') ++i;
    size_t j = i;
    while (j < list.size() && list[j] != ' ') ++j;
    if (j > i) Add(list.substr(i, j - i), flags);
    i = j;
  }
}

Lexicon::Lexicon() {
  AddList(data::kMaleNames, kGivenMale);
  AddList(data::kFemaleNames, kGivenFemale);
  AddList(data::kNeutralNames, kGivenMale | kGivenFemale);
  AddList(data::kHonorifics, kHonorific);
  AddList(data::kMaleTitles, kMaleTitle);
  AddList(data::kFemaleTitles, kFemaleTitle);
  AddList(data::kTitles, kTitle);
  AddList(data::kRoleModifiers, kRoleModifier);
  AddList(data::kOrgHeads, kOrgHead);
  AddList(data::kOrgSuffixes, kOrgSuffix);
  AddList(data::kTeamHeads, kTeamHead);
  AddList(data::kLocHeads, kLocHead);
  AddList(data::kLocPrefixes, kLocPrefix);
  AddList(data::kCountries, kCountry);
  AddList(data::kCities, kCity);
  AddList(data::kRegions, kRegion);
  AddList(data::kDemonyms, kDemonym);
  AddList(data::kKnownOrgs, kKnownOrg);
  AddList(data::kKnownMisc, kKnownMisc);
  AddList(data::kStopCaps, kStopCap);
  AddList(data::kTimeWords, kTimeWord);
  AddList(data::kCommonWords, kCommon);
  AddList(data::kParticles, kParticle);
  AddList(data::kLocCues, kLocCue);
  AddList(data::kSpeechVerbs, kSpeechVerb);
  AddList(data::kPersonCues, kPersonCue);
  AddList(data::kMiscHeads, kMiscHead);
  AddList(data::kSportWords, kSportWord);
  AddList(data::kBusinessWords, kBusinessWord);
  LoadIsoCodes();
  LoadWordNet();
}

namespace {

// Calls f(value) for every string value of `"key": "..."` in iso-codes JSON (flat records of
// string fields). A value with escapes is decoded by the JSON library.
template <typename F>
void ForEachField(std::string_view json, std::string_view key, F f) {
  std::string pattern = "\"" + std::string(key) + "\"";
  size_t pos = 0;
  std::string decoded;
  while ((pos = json.find(pattern, pos)) != std::string_view::npos) {
    size_t i = pos + pattern.size();
    pos = i;
    while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n')) ++i;
    if (i >= json.size() || json[i] != ':') continue;
    ++i;
    while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n')) ++i;
    if (i >= json.size() || json[i] != '"') continue;
    const size_t start = ++i;
    bool escaped = false;
    while (i < json.size() && json[i] != '"') {
      if (json[i] == '\\') {
        escaped = true;
        ++i;
      }
      ++i;
    }
    if (i >= json.size()) return;
    std::string_view value = json.substr(start, i - start);
    pos = i + 1;
    if (escaped) {
      auto v = nlohmann::json::parse(json.substr(start - 1, i - start + 2), nullptr, false);
      if (!v.is_string()) continue;
      decoded = v.get<std::string>();
      value = decoded;
    }
    f(value);
  }
}

}  // namespace

void Lexicon::LoadIsoCodes() {
  std::string bytes;
  if (!ReadFile(std::string(kIsoDir) + "iso_3166-1.json", &bytes)) {
    warnings_.push_back(std::string("iso-codes not found at ") + kIsoDir +
                        " (install iso-codes); using compiled country list only");
    return;
  }
  // Records are flat objects of strings: a field scan instead of a full JSON parse.
  for (const char* field : {"name", "common_name"}) {
    ForEachField(bytes, field, [&](std::string_view name) {
      if (PlainName(name)) Add(name, kCountry);
    });
  }
  if (!ReadFile(std::string(kIsoDir) + "iso_3166-2.json", &bytes)) return;
  ForEachField(bytes, "name", [&](std::string_view name) {
    if (PlainName(name) && name.size() >= 4) Add(name, kRegion);
  });
}

// WordNet data files: "offset lexfile ss_type w_cnt word lex_id ... p_cnt ptrs | gloss".
// Lexicographer files: 14 noun.group, 15 noun.location, 18 noun.person. A synset with an
// instance hypernym ("@i") names one thing: a proper noun.
void Lexicon::LoadWordNet() {
  static const char* kFiles[] = {"data.noun", "data.verb", "data.adj", "data.adv"};
  std::string bytes;
  bool any = false;
  std::string_view words[64];
  for (const char* file : kFiles) {
    if (!ReadFile(std::string(kWordNetDir) + file, &bytes)) continue;
    any = true;
    const bool noun = std::string_view(file) == "data.noun";
    const bool adj = std::string_view(file) == "data.adj";
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    while (p < end) {
      const char* eol = static_cast<const char*>(std::memchr(p, '\n', end - p));
      if (!eol) eol = end;
      const char* line = p;
      p = eol + 1;
      if (eol - line < 20 || line[0] == ' ') continue;
      // Fields: offset, lexfile, ss_type, w_cnt (hex), w_cnt x (word lex_id), p_cnt, pointers.
      const char* q = line;
      auto field = [&]() {
        while (q < eol && *q == ' ') ++q;
        const char* b = q;
        while (q < eol && *q != ' ') ++q;
        return std::string_view(b, q - b);
      };
      field();  // offset
      std::string_view lexf = field();
      field();  // ss_type
      std::string_view wc = field();
      if (lexf.empty() || wc.empty()) continue;
      int lexfile = 0;
      for (char c : lexf) lexfile = lexfile * 10 + (c - '0');
      int wcnt = 0;
      for (char c : wc) wcnt = wcnt * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
      int nw = 0;
      for (int w = 0; w < wcnt; ++w) {
        std::string_view word = field();
        std::string_view lex_id = field();
        if (word.empty() || word == "|" || lex_id.empty() || lex_id == "|") break;
        if (nw < 64) words[nw++] = word;
      }
      if (nw == 0) continue;
      // The pointer list matters only for nouns with a capitalised word: skip it otherwise.
      bool any_proper = false;
      for (int wi = 0; wi < nw && !any_proper; ++wi)
        for (char c : words[wi])
          if (IsAsciiUpper(c)) {
            any_proper = true;
            break;
          }
      field();  // p_cnt
      bool instance = false;
      while (noun && any_proper && q < eol) {
        std::string_view f = field();
        if (f.empty() || f == "|") break;
        if (f.size() == 2 && f[0] == '@' && f[1] == 'i') {
          instance = true;
          break;
        }
      }
      for (int wi = 0; wi < nw; ++wi) {
        std::string_view w = words[wi];
        size_t paren = w.find('(');  // adjective markers "(a)", "(p)"
        if (paren != std::string_view::npos) w = w.substr(0, paren);
        if (w.empty()) continue;
        bool proper = false, underscore = false;
        for (char c : w) {
          if (IsAsciiUpper(c)) proper = true;
          if (c == '_') underscore = true;
        }
        if (!proper) {
          if (!underscore) Add(w, kCommon);
          continue;
        }
        if (!PlainName(w)) continue;
        uint64_t flag = 0;
        if (noun && instance) {
          flag = lexfile == 18   ? kWnPerson
                 : lexfile == 15 ? kWnLocation
                 : lexfile == 14 ? kWnOrg
                                 : kWnOther;
        } else if (noun || adj) {
          // "Serbian" the person or the adjective: a group word. Titles ("Prime Minister")
          // are capitalised person nouns too, hence the suffix test.
          if (noun && lexfile != 18) continue;
          std::string_view s = w;
          bool group =
              s.size() > 3 && (s.ends_with("an") || s.ends_with("ese") || s.ends_with("ish") ||
                               s.ends_with("ic") || s.ends_with("i") || s.ends_with("ch"));
          if (group && !underscore && s.find('-') == std::string_view::npos) flag = kDemonym;
        }
        if (flag) Add(w, flag);
      }
    }
  }
  if (any && ReadFile(std::string(kWordNetDir) + "noun.exc", &bytes)) {
    // Irregular plurals ("women woman"): the plural is as common as its singular.
    std::string_view all(bytes);
    size_t pos = 0;
    while (pos < all.size()) {
      size_t eol = all.find('\n', pos);
      if (eol == std::string_view::npos) eol = all.size();
      std::string_view line = all.substr(pos, eol - pos);
      pos = eol + 1;
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) continue;
      std::string_view plural = line.substr(0, sp);
      if (plural.find('_') == std::string_view::npos) Add(plural, kCommon);
    }
  }
  if (!any)
    warnings_.push_back(std::string("WordNet not found at ") + kWordNetDir +
                        " (install wordnet-base); entity typing uses compiled lists only");
}

}  // namespace parallax::entities
