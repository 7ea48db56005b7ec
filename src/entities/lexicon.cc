#include "src/entities/lexicon.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "src/base/hash.h"
#include "src/entities/lexicon_data.h"
#include "src/text/tokens.h"

namespace parallax::entities {
namespace {

constexpr const char* kIsoDir = "/usr/share/iso-codes/json/";
constexpr const char* kWordNetDir = "/usr/share/wordnet/";

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
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

// XXH3 (src/base/hash.h) is several times faster than std::hash on short words.
size_t Lexicon::Hash::operator()(std::string_view s) const {
  return static_cast<size_t>(Hash64(s));
}

void FoldInto(std::string_view s, std::string* out) {
  out->clear();
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    out->reserve(s.size());
    for (char c : s) out->push_back(IsAsciiUpper(c) ? static_cast<char>(c + 32) : c);
    return;
  }
  *out = text::Fold(s);
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

void Lexicon::Add(std::string_view folded, uint64_t flags) {
  if (folded.empty()) return;
  std::string key;
  FoldInto(folded, &key);
  int words = 1;
  for (char& c : key) {
    if (c == '_') c = ' ';
    if (c == ' ') ++words;
  }
  if (words > 1) {
    size_t sp = key.find(' ');
    phrase_starts_.emplace(key.substr(0, sp), words);
    if (words > max_phrase_words_) max_phrase_words_ = words;
  }
  map_[key] |= flags;
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

void Lexicon::LoadIsoCodes() {
  std::string bytes;
  if (!ReadFile(std::string(kIsoDir) + "iso_3166-1.json", &bytes)) {
    warnings_.push_back(std::string("iso-codes not found at ") + kIsoDir +
                        " (install iso-codes); using compiled country list only");
    return;
  }
  auto countries = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (countries.is_object() && countries.contains("3166-1")) {
    for (const auto& c : countries["3166-1"]) {
      for (const char* field : {"name", "common_name"}) {
        if (c.contains(field) && c[field].is_string()) {
          std::string name = c[field].get<std::string>();
          if (PlainName(name)) Add(name, kCountry);
        }
      }
    }
  }
  if (!ReadFile(std::string(kIsoDir) + "iso_3166-2.json", &bytes)) return;
  auto regions = nlohmann::json::parse(bytes, nullptr, false);
  if (!regions.is_object() || !regions.contains("3166-2")) return;
  for (const auto& r : regions["3166-2"]) {
    if (!r.contains("name") || !r["name"].is_string()) continue;
    std::string name = r["name"].get<std::string>();
    if (!PlainName(name) || name.size() < 4) continue;
    Add(name, kRegion);
  }
}

// WordNet data files: "offset lexfile ss_type w_cnt word lex_id ... p_cnt ptrs | gloss".
// Lexicographer files: 14 noun.group, 15 noun.location, 18 noun.person. A synset with an
// instance hypernym ("@i") names one thing: a proper noun.
void Lexicon::LoadWordNet() {
  static const char* kFiles[] = {"data.noun", "data.verb", "data.adj", "data.adv"};
  std::string bytes;
  bool any = false;
  for (const char* file : kFiles) {
    if (!ReadFile(std::string(kWordNetDir) + file, &bytes)) continue;
    any = true;
    const bool noun = std::string_view(file) == "data.noun";
    const bool adj = std::string_view(file) == "data.adj";
    std::string_view all(bytes);
    size_t pos = 0;
    std::vector<std::string_view> words;
    while (pos < all.size()) {
      size_t eol = all.find('\n', pos);
      if (eol == std::string_view::npos) eol = all.size();
      std::string_view line = all.substr(pos, eol - pos);
      pos = eol + 1;
      if (line.size() < 20 || line[0] == ' ') continue;
      // Fields split on spaces up to the gloss.
      size_t bar = line.find(" | ");
      std::string_view head = line.substr(0, bar == std::string_view::npos ? line.size() : bar);
      std::vector<std::string_view> f;
      size_t a = 0;
      while (a < head.size()) {
        size_t b = head.find(' ', a);
        if (b == std::string_view::npos) b = head.size();
        f.push_back(head.substr(a, b - a));
        a = b + 1;
      }
      if (f.size() < 6) continue;
      int lexfile = std::atoi(std::string(f[1]).c_str());
      int wcnt = static_cast<int>(std::strtol(std::string(f[3]).c_str(), nullptr, 16));
      words.clear();
      size_t k = 4;
      for (int w = 0; w < wcnt && k + 1 < f.size(); ++w, k += 2) words.push_back(f[k]);
      bool instance = false;
      for (size_t p = k + 1; p < f.size(); ++p)
        if (f[p] == "@i") instance = true;
      for (std::string_view w : words) {
        size_t paren = w.find('(');  // adjective markers "(a)", "(p)"
        if (paren != std::string_view::npos) w = w.substr(0, paren);
        if (w.empty()) continue;
        bool proper = false;
        for (char c : w)
          if (IsAsciiUpper(c)) proper = true;
        if (!proper) {
          if (w.find('_') == std::string_view::npos) Add(w, kCommon);
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
          if (group && s.find('_') == std::string_view::npos &&
              s.find('-') == std::string_view::npos)
            flag = kDemonym;
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
