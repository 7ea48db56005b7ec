#include "src/compare/claim.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/compare/idf.h"
#include "src/text/tokens.h"

namespace parallax::compare {
namespace {

// The share of its IDF weight a function word keeps. 1 (IDF alone) won on the MRPC tuning part
// against 0.1, 0.3 and 0.6 (accuracy .776 vs .770/.770/.769); kept as a named knob because on a
// two-sentence comparison IDF cannot tell function words apart.
constexpr float kStopwordFactor = 1.0f;

// Function words, folded. Written for this project; short on purpose (IDF does the rest).
const std::unordered_set<std::string_view>& EnglishStopwords() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "a",      "an",      "the",     "and",    "or",      "but",   "if",      "then",  "than",
      "so",     "of",      "in",      "on",     "at",      "to",    "for",     "from",  "by",
      "with",   "without", "about",   "as",     "into",    "onto",  "over",    "under", "after",
      "before", "between", "through", "during", "against", "among", "is",      "are",   "was",
      "were",   "be",      "been",    "being",  "am",      "do",    "does",    "did",   "have",
      "has",    "had",     "having",  "it",     "its",     "it's",  "this",    "that",  "these",
      "those",  "there",   "here",    "he",     "him",     "his",   "she",     "her",   "hers",
      "they",   "them",    "their",   "we",     "us",      "our",   "you",     "your",  "i",
      "me",     "my",      "who",     "whom",   "whose",   "which", "what",    "when",  "where",
      "why",    "how",     "all",     "any",    "both",    "each",  "more",    "most",  "other",
      "some",   "such",    "no",      "nor",    "not",     "only",  "own",     "same",  "too",
      "very",   "can",     "will",    "just",   "should",  "would", "could",   "may",   "might",
      "must",   "shall",   "also",    "'s",     "s",       "n't",   "up",      "out",   "off",
      "while",  "because", "until",   "upon",   "per",     "via",   "whether", "yet",   "again",
      "once",   "ever"};
  return *set;
}

const std::unordered_set<std::string_view>& RussianStopwords() {
  static const auto* set = new std::unordered_set<std::string_view>{
      "и",       "в",        "во",    "не",      "что",     "он",      "на",      "я",
      "с",       "со",       "как",   "а",       "то",      "все",     "она",     "так",
      "его",     "но",       "да",    "ты",      "к",       "у",       "же",      "вы",
      "за",      "бы",       "по",    "только",  "ее",      "мне",     "было",    "вот",
      "от",      "меня",     "еще",   "нет",     "о",       "об",      "из",      "ему",
      "когда",   "даже",     "ли",    "если",    "уже",     "или",     "ни",      "быть",
      "был",     "была",     "были",  "будет",   "него",    "до",      "вас",     "там",
      "себя",    "ей",       "они",   "тут",     "где",     "есть",    "ней",     "для",
      "мы",      "их",       "чем",   "сам",     "чтобы",   "без",     "чего",    "тоже",
      "себе",    "под",      "ж",     "тогда",   "кто",     "этот",    "того",    "этого",
      "это",     "эти",      "этой",  "этом",    "эту",     "тем",     "при",     "после",
      "над",     "тот",      "через", "нас",     "про",     "них",     "перед",   "том",
      "им",      "между",    "также", "который", "которая", "которое", "которые", "которых",
      "которой", "которого", "ним",   "ими",     "свой",    "своей",   "свою",    "своих",
      "её"};
  return *set;
}

bool IsNegation(std::string_view w, std::string_view language) {
  if (language == "ru")
    return w == "не" || w == "нет" || w == "ни" || w == "никогда" || w == "никто" ||
           w == "ничего" || w == "без";
  if (w.size() > 3 && w.ends_with("n't")) return true;
  return w == "not" || w == "no" || w == "never" || w == "nor" || w == "neither" || w == "none" ||
         w == "nobody" || w == "nothing" || w == "nowhere" || w == "without" || w == "cannot" ||
         w == "n't";
}

// English number words that are not also common pronouns ("one" is left out).
double EnglishNumberWord(std::string_view w) {
  static const auto* map = new std::unordered_map<std::string_view, double>{
      {"two", 2},     {"three", 3},      {"four", 4},      {"five", 5},     {"six", 6},
      {"seven", 7},   {"eight", 8},      {"nine", 9},      {"ten", 10},     {"eleven", 11},
      {"twelve", 12}, {"twenty", 20},    {"thirty", 30},   {"fifty", 50},   {"hundred", 100},
      {"dozen", 12},  {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};
  auto it = map->find(w);
  return it == map->end() ? -1 : it->second;
}

// A scale word after a number ("2.5 billion", "3 млн"); 0 when `w` is none.
double ScaleWord(std::string_view w) {
  if (w == "thousand" || w == "thousands" || w == "тыс" || w.starts_with("тысяч")) return 1e3;
  if (w == "million" || w == "millions" || w == "mln" || w == "млн" || w.starts_with("миллион"))
    return 1e6;
  if (w == "billion" || w == "billions" || w == "bn" || w == "млрд" || w.starts_with("миллиард"))
    return 1e9;
  if (w == "trillion" || w == "trillions" || w == "трлн" || w.starts_with("триллион")) return 1e12;
  return 0;
}

// The canonical spelling of a number token: thousands separators dropped, a decimal comma
// read as a point, trailing zeros gone ("10,000" = "10000", "3,5" = "3.5", "2.50" = "2.5").
// Tokens that are not plain numbers ("18:21", "2023-12-25") stay as written.
std::string CanonicalNumber(std::string_view raw, double scale) {
  std::string digits;
  digits.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == ',' || c == '.' || c == ' ') {
      // A separator followed by exactly three digits (then a non-digit) groups thousands.
      size_t j = i + 1;
      while (j < raw.size() && raw[j] >= '0' && raw[j] <= '9') ++j;
      bool thousands = (j - i - 1) == 3 && (c == ',' || c == ' ') &&
                       (j == raw.size() || raw[j] == ',' || raw[j] == ' ');
      if (c == '.' && (j - i - 1) == 3 && j < raw.size() && raw[j] == '.') thousands = true;
      if (thousands) continue;
      digits.push_back('.');
      continue;
    }
    digits.push_back(c);
  }
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (digits.empty() || end != digits.c_str() + digits.size() ||
      std::count(digits.begin(), digits.end(), '.') > 1)
    return std::string(raw);
  if (scale > 0) v *= scale;
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  return buf;
}

bool StartsUpper(std::string_view raw) {
  if (raw.empty()) return false;
  size_t i = 0;
  char32_t c = utf8::Next(raw, &i);
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t h = a * 0x9E3779B97F4A7C15ull;
  h ^= (b + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2));
  return h * 0xBF58476D1CE4E5B9ull;
}

bool UsesWordNet(std::string_view language) { return language.empty() || language == "en"; }

// Concepts of a word, memoised per thread: the same words recur across the sentences of a
// story, and a lookup parses a few synset lines.
const std::vector<SynsetId>& CachedConcepts(const WordNet& wn, std::string_view word,
                                            const ConceptOptions& options) {
  struct Cache {
    const WordNet* wordnet = nullptr;
    ConceptOptions options;
    std::unordered_map<std::string, std::vector<SynsetId>> map;
  };
  thread_local Cache cache;
  if (cache.wordnet != &wn || cache.options.max_senses != options.max_senses ||
      cache.options.derivations != options.derivations ||
      cache.options.similar_adjectives != options.similar_adjectives ||
      cache.map.size() > (1u << 16)) {
    cache.map.clear();
    cache.wordnet = &wn;
    cache.options = options;
  }
  auto it = cache.map.find(std::string(word));
  if (it != cache.map.end()) return it->second;
  std::vector<SynsetId> concepts;
  wn.Concepts(word, options, &concepts);
  return cache.map.emplace(std::string(word), std::move(concepts)).first->second;
}

// True when WordNet knows `word` (inflected or not) as a common word.
bool IsCommonWord(const WordNet& wn, std::string_view word) {
  if (word.empty()) return false;
  for (int p = 0; p < kWordNetPosCount; ++p)
    if (!wn.Lemmas(word, static_cast<WordNetPos>(p)).empty()) return true;
  return false;
}

struct RawTerm {
  uint64_t id;
  uint8_t flags;
  std::string lookup;  // the folded word for WordNet ("" = none)
  std::string word;    // the folded word ("" for numbers)
};

}  // namespace

uint64_t TermId(std::string_view stem) { return Hash64(stem); }

bool IsStopword(std::string_view w, std::string_view language) {
  if (language == "en") return EnglishStopwords().count(w) > 0;
  if (language == "ru") return RussianStopwords().count(w) > 0;
  return false;
}

ClaimFeatures ExtractClaim(std::string_view text, const ClaimOptions& options) {
  ClaimFeatures f;
  const std::string& lang = options.language;
  const WordNet* wn = nullptr;
  if (options.synonyms && UsesWordNet(lang))
    wn = options.wordnet ? options.wordnet : WordNet::Default();

  std::vector<text::Token> tokens =
      text::Tokenize(text, Span{0, static_cast<uint32_t>(std::min<size_t>(text.size(), ~0u))});
  // Term indexes are 16-bit (ConceptRef::term).
  const size_t max_tokens = std::min<size_t>(options.max_tokens, 65535);
  if (tokens.size() > max_tokens) tokens.resize(max_tokens);

  // Pass 1: one RawTerm per word or number token (-1 in `order` marks a break for bigrams).
  std::vector<RawTerm> raw;
  std::vector<int> order;
  std::vector<bool> capitalised;
  raw.reserve(tokens.size());
  std::vector<std::string> folded_words(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == text::TokenKind::kWord)
      folded_words[i] = text::Fold(text.substr(tokens[i].span.start, tokens[i].span.size()));
  }
  bool scale_taken = false;  // the previous number consumed this token as its scale word
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (scale_taken) {
      scale_taken = false;
      ++f.word_count;
      continue;
    }
    const text::Token& t = tokens[i];
    std::string_view token_text = text.substr(t.span.start, t.span.size());
    if (t.kind == text::TokenKind::kNumber) {
      double scale = 0;
      if (i + 1 < tokens.size() && tokens[i + 1].kind == text::TokenKind::kWord)
        scale = ScaleWord(folded_words[i + 1]);
      scale_taken = scale > 0;
      std::string canon = "#" + CanonicalNumber(token_text, scale);
      raw.push_back({TermId(canon), kTermNumber, {}, {}});
      order.push_back(static_cast<int>(raw.size() - 1));
      capitalised.push_back(false);
      ++f.word_count;
      continue;
    }
    if (t.kind != text::TokenKind::kWord) {
      if (t.kind == text::TokenKind::kPunct) order.push_back(-1);
      continue;
    }
    const std::string& folded = folded_words[i];
    if (folded.empty()) continue;
    ++f.word_count;
    if (IsNegation(folded, lang)) ++f.negations;
    if (lang == "en") {
      double number = EnglishNumberWord(folded);
      if (number > 0) {
        char buf[40];
        std::snprintf(buf, sizeof(buf), "#%.6g", number);
        raw.push_back({TermId(buf), kTermNumber, {}, {}});
        order.push_back(static_cast<int>(raw.size() - 1));
        capitalised.push_back(false);
        continue;
      }
    }
    bool stop = IsStopword(folded, lang);
    std::string stem = lang.empty() ? folded : text::Stem(folded, lang);
    bool upper = StartsUpper(token_text);
    uint8_t flags = stop ? kTermStopword : 0;
    std::string lookup;
    if (wn && !stop && folded.size() >= 3) {
      lookup = folded;
      if (lookup.ends_with("'s")) lookup.resize(lookup.size() - 2);
      if (lookup.ends_with("'")) lookup.pop_back();
    }
    raw.push_back({TermId(stem), flags, std::move(lookup), folded});
    order.push_back(static_cast<int>(raw.size() - 1));
    capitalised.push_back(upper && !stop);
  }

  // Entity words: capitalised words, except the sentence's first word when it is a common
  // word, and none at all in a headline in title case (every content word capitalised).
  size_t content = 0, content_upper = 0;
  for (size_t r = 0; r < raw.size(); ++r) {
    if (raw[r].flags & (kTermNumber | kTermStopword)) continue;
    ++content;
    content_upper += capitalised[r];
  }
  bool title_case = content >= 3 && content_upper == content;
  if (!title_case) {
    bool first = true;
    for (size_t r = 0; r < raw.size(); ++r) {
      if (raw[r].flags & kTermNumber) {
        first = false;
        continue;
      }
      if (capitalised[r]) {
        bool common_first = first && (wn ? IsCommonWord(*wn, raw[r].lookup)
                                         : !(r + 1 < raw.size() && capitalised[r + 1]));
        if (!common_first) {
          raw[r].flags |= kTermEntity;
          raw[r].lookup.clear();  // names are not looked up as common words ("Bush")
        }
      }
      first = false;
    }
  }

  // Terms: sorted, merged by id.
  std::vector<uint64_t> ids;
  ids.reserve(raw.size());
  for (const RawTerm& r : raw) ids.push_back(r.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  f.terms = ids;
  f.flags.assign(ids.size(), 0);
  auto index_of = [&](uint64_t id) {
    return static_cast<uint16_t>(std::lower_bound(f.terms.begin(), f.terms.end(), id) -
                                 f.terms.begin());
  };
  std::vector<uint16_t> raw_index(raw.size());
  for (size_t r = 0; r < raw.size(); ++r) {
    raw_index[r] = index_of(raw[r].id);
    f.flags[raw_index[r]] |= raw[r].flags;
  }
  // A term is a stopword only if every occurrence was.
  for (size_t r = 0; r < raw.size(); ++r)
    if (!(raw[r].flags & kTermStopword)) f.flags[raw_index[r]] &= ~kTermStopword;
  f.weights.resize(f.terms.size());
  for (size_t k = 0; k < f.terms.size(); ++k)
    f.weights[k] = (f.flags[k] & kTermStopword) ? kStopwordFactor : 1.0f;
  f.total_weight = 0;
  for (float w : f.weights) f.total_weight += w;

  // Concepts: each word's own, then two-word collocations ("pushed back" -> push_back).
  if (wn) {
    for (size_t r = 0; r < raw.size(); ++r) {
      if (raw[r].lookup.empty()) continue;
      for (SynsetId c : CachedConcepts(*wn, raw[r].lookup, options.concepts))
        f.concepts.push_back({c, raw_index[r]});
    }
    for (size_t k = 0; k + 1 < order.size(); ++k) {
      int a = order[k], b = order[k + 1];
      if (a < 0 || b < 0 || raw[a].lookup.empty()) continue;
      if (raw[b].flags & (kTermNumber | kTermEntity)) continue;
      // The second word may be a particle ("back", "up", "off"): any word will do.
      if (raw[b].word.empty()) continue;
      std::string colloc = raw[a].lookup + "_" + raw[b].word;
      const std::vector<SynsetId>& cs = CachedConcepts(*wn, colloc, options.concepts);
      for (SynsetId c : cs) {
        f.concepts.push_back({c, raw_index[a]});
        f.concepts.push_back({c, raw_index[b]});
      }
    }
    std::sort(f.concepts.begin(), f.concepts.end(), [](const ConceptRef& x, const ConceptRef& y) {
      return x.synset != y.synset ? x.synset < y.synset : x.term < y.term;
    });
    f.concepts.erase(std::unique(f.concepts.begin(), f.concepts.end()), f.concepts.end());
  }

  // Bigrams of adjacent terms (not across punctuation), unless both are function words.
  for (size_t k = 0; k + 1 < order.size(); ++k) {
    int a = order[k], b = order[k + 1];
    if (a < 0 || b < 0) continue;
    if ((raw[a].flags & kTermStopword) && (raw[b].flags & kTermStopword)) continue;
    f.bigrams.push_back(Mix(raw[a].id, raw[b].id));
  }
  std::sort(f.bigrams.begin(), f.bigrams.end());
  f.bigrams.erase(std::unique(f.bigrams.begin(), f.bigrams.end()), f.bigrams.end());

  for (const std::string& key : options.entity_keys)
    if (!key.empty()) f.entity_keys.push_back(Hash64(key));
  std::sort(f.entity_keys.begin(), f.entity_keys.end());
  f.entity_keys.erase(std::unique(f.entity_keys.begin(), f.entity_keys.end()), f.entity_keys.end());
  return f;
}

void ApplyIdf(const IdfTable& idf, ClaimFeatures* claim) {
  claim->total_weight = 0;
  for (size_t k = 0; k < claim->terms.size(); ++k) {
    float w = static_cast<float>(idf.Weight(claim->terms[k]));
    if (claim->flags[k] & kTermStopword) w *= kStopwordFactor;
    claim->weights[k] = w;
    claim->total_weight += w;
  }
}

void PruneConcepts(std::span<ClaimFeatures> claims) {
  // For each concept: the first term seen with it, and whether a second, different term has it.
  std::unordered_map<SynsetId, std::pair<uint64_t, bool>> seen;
  for (const ClaimFeatures& c : claims) {
    for (const ConceptRef& r : c.concepts) {
      uint64_t term = c.terms[r.term];
      auto [it, inserted] = seen.try_emplace(r.synset, term, false);
      if (!inserted && it->second.first != term) it->second.second = true;
    }
  }
  for (ClaimFeatures& c : claims) {
    std::erase_if(c.concepts, [&](const ConceptRef& r) { return !seen[r.synset].second; });
  }
}

std::vector<ClaimFeatures> ExtractClaims(std::span<const std::string_view> texts,
                                         const ClaimOptions& options, IdfTable* idf) {
  std::vector<ClaimFeatures> claims;
  claims.reserve(texts.size());
  for (std::string_view t : texts) claims.push_back(ExtractClaim(t, options));
  PruneConcepts(claims);
  if (idf->documents() == 0)
    for (const ClaimFeatures& c : claims) idf->AddClaim(c);
  for (ClaimFeatures& c : claims) ApplyIdf(*idf, &c);
  return claims;
}

}  // namespace parallax::compare
