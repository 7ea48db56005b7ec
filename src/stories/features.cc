#include "src/stories/features.h"

#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "src/base/utf8.h"
#include "src/text/language.h"
#include "src/text/tokens.h"

namespace parallax::stories {
namespace {

constexpr float kHeadlineWeight = 3.0f;
constexpr float kLeadWeight = 2.0f;
constexpr float kBodyWeight = 1.0f;
constexpr float kTailWeight = 0.5f;
constexpr size_t kLeadWords = 50;
constexpr size_t kTailWords = 400;
constexpr size_t kMaxBodyWords = 2000;
constexpr float kWordBoost = 1.0f;
constexpr float kEntityBoost = 2.0f;
constexpr float kNumberBoost = 1.5f;
constexpr size_t kMaxHeadlineBytes = 200;

// English function words: frequent everywhere, so they say nothing about a story. IDF would
// learn this too, but only after many articles; the list keeps the first articles of a corpus
// (and short corpora) from clustering on "the" and "said".
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "a",       "about",     "above",     "after",    "again",     "against",   "all",
      "also",    "am",        "an",        "and",      "any",       "are",       "as",
      "at",      "be",        "because",   "been",     "before",    "being",     "below",
      "between", "both",      "but",       "by",       "can",       "could",     "did",
      "do",      "does",      "doing",     "down",     "during",    "each",      "even",
      "few",     "for",       "from",      "further",  "had",       "has",       "have",
      "having",  "he",        "her",       "here",     "hers",      "herself",   "him",
      "himself", "his",       "how",       "i",        "if",        "in",        "into",
      "is",      "it",        "it's",      "its",      "itself",    "just",      "last",
      "like",    "many",      "may",       "me",       "might",     "more",      "most",
      "much",    "must",      "my",        "myself",   "new",       "no",        "nor",
      "not",     "now",       "of",        "off",      "on",        "once",      "one",
      "only",    "or",        "other",     "our",      "ours",      "ourselves", "out",
      "over",    "own",       "said",      "same",     "says",      "say",       "she",
      "should",  "since",     "so",        "some",     "still",     "such",      "than",
      "that",    "that's",    "the",       "their",    "theirs",    "them",      "themselves",
      "then",    "there",     "these",     "they",     "this",      "those",     "through",
      "to",      "told",      "too",       "two",      "under",     "until",     "up",
      "upon",    "us",        "very",      "was",      "we",        "were",      "what",
      "when",    "where",     "which",     "while",    "who",       "whom",      "whose",
      "why",     "will",      "with",      "would",    "year",      "years",     "yet",
      "you",     "your",      "yours",     "yourself", "according", "another",   "around",
      "back",    "made",      "make",      "get",      "got",       "including", "mr",
      "mrs",     "ms",        "per",       "via",      "within",    "without",   "week",
      "day",     "first",     "time",      "people",   "well",      "way",       "new",
      "monday",  "tuesday",   "wednesday", "thursday", "friday",    "saturday",  "sunday",
      "today",   "yesterday", "tomorrow",  "don't",    "can't",     "won't",     "isn't",
      "wasn't",  "didn't",    "doesn't",   "i'm",      "he's",      "she's",     "we're",
      "they're", "there's",   "let",       "three",    "going",     "go",        "see",
      "know",    "think",     "want",      "take",     "come",      "put",       "use",
      "used",    "among",     "though",    "although", "however",   "whether",   "every",
      "never",   "ever",      "always",    "often",    "less",      "least",     "lot",
      "thing",   "things"};
  return kWords;
}

inline bool IsUpperStart(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t i = 0;
  char32_t cp = utf8::Next(word, &i);
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  return p->category == UTF8PROC_CATEGORY_LU || p->category == UTF8PROC_CATEGORY_LT;
}

inline bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string FoldWord(std::string_view w) {
  if (IsAscii(w)) {
    std::string out(w);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  }
  return text::Fold(w);
}

// UTF-8-safe prefix of at most `max_bytes` bytes, white space collapsed.
std::string Label(std::string_view s, size_t max_bytes) {
  std::string out;
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = utf8::Next(s, &i);
    if (utf8::IsSpace(cp)) {
      space = !out.empty();
      continue;
    }
    size_t need = (i - start) + (space ? 1 : 0);
    if (out.size() + need > max_bytes) break;
    if (space) out.push_back(' ');
    space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

struct Accumulator {
  struct Entry {
    float tf = 0;
    TermKind kind = TermKind::kWord;
    std::string text;
  };
  std::unordered_map<uint64_t, Entry> terms;
  bool keep_text = false;

  void Add(TermKind kind, std::string_view form, float weight) {
    Entry& e = terms[TermKey(kind, form)];
    if (e.tf == 0) {
      e.kind = kind;
      if (keep_text) {
        e.text.assign(kind == TermKind::kWord ? "w:" : kind == TermKind::kEntity ? "e:" : "n:");
        e.text.append(form);
      }
    }
    e.tf += weight;
  }
};

// One region of text to read with one position weight (the body switches weights by word count).
struct Region {
  std::string_view text;
  Span span;
  bool body = false;
  float weight = kBodyWeight;
};

struct Featurizer {
  const Article& article;
  const FeatureOptions& options;
  std::string language;
  Accumulator acc;
  std::unordered_map<std::string, uint64_t> stem_cache;  // folded word -> stem (as key text)
  size_t body_words = 0;
  bool use_proxy = true;

  struct Cap {
    std::string folded;
    float weight;
    bool mid;        // preceded by a word, number or comma in the same region
    bool run_start;  // first capitalised word of its run
  };
  std::vector<Cap> caps;

  float BodyWeight() const {
    if (body_words < kLeadWords) return kLeadWeight;
    if (body_words < kTailWords) return kBodyWeight;
    return kTailWeight;
  }

  void AddWord(const std::string& folded, float weight) {
    if (folded.size() < 2 || StopWords().count(folded) > 0) return;
    auto it = stem_cache.find(folded);
    if (it == stem_cache.end()) {
      std::string stem = text::Stem(folded, language);
      if (stem.empty()) stem = folded;
      acc.Add(TermKind::kWord, stem, weight);
      stem_cache.emplace(folded, TermKey(TermKind::kWord, stem));
      return;
    }
    // Cached: add by key.
    Accumulator::Entry& e = acc.terms[it->second];
    e.tf += weight;
  }

  void AddNumber(std::string_view tok, float weight) {
    std::string n;
    for (char c : tok)
      if (c != ',' && c != ' ' && c != '\'') n.push_back(c);
    if (n.size() < 2) return;
    acc.Add(TermKind::kNumber, n, weight);
  }

  // Returns false when the body word limit is reached.
  bool Read(const Region& r) {
    std::vector<text::Token> tokens = text::Tokenize(r.text, r.span);
    bool prev_mid = false;  // the previous token lets a capitalised word count as mid-sentence
    bool prev_cap = false;
    for (const text::Token& t : tokens) {
      std::string_view s = r.text.substr(t.span.start, t.span.size());
      float w = r.body ? BodyWeight() : r.weight;
      if (t.kind == text::TokenKind::kWord) {
        if (r.body && ++body_words > kMaxBodyWords) return false;
        std::string folded = FoldWord(s);
        bool cap = r.body && use_proxy && IsUpperStart(s) && folded.size() >= 2 &&
                   StopWords().count(folded) == 0;
        if (cap) caps.push_back({folded, w, prev_mid, !prev_cap});
        prev_cap = cap;
        AddWord(folded, w);
        prev_mid = true;
      } else if (t.kind == text::TokenKind::kNumber) {
        if (r.body && ++body_words > kMaxBodyWords) return false;
        AddNumber(s, w);
        prev_mid = true;
        prev_cap = false;
      } else {
        prev_mid = s == ",";
        prev_cap = false;
      }
    }
    return true;
  }

  // Capitalised runs become entity features: a run inside a sentence, a run of two or more
  // words, or a sentence-initial word the article also capitalises mid-sentence.
  void AddProxyEntities() {
    std::unordered_set<std::string> mid_forms;
    for (size_t i = 0; i < caps.size(); ++i)
      if (caps[i].mid) mid_forms.insert(caps[i].folded);
    for (size_t i = 0; i < caps.size();) {
      size_t j = i + 1;
      while (j < caps.size() && !caps[j].run_start) ++j;
      bool accept = caps[i].mid || j - i >= 2 || mid_forms.count(caps[i].folded) > 0;
      if (accept) {
        std::string run;
        for (size_t k = i; k < j; ++k) {
          acc.Add(TermKind::kEntity, caps[k].folded, caps[k].weight);
          if (!run.empty()) run.push_back(' ');
          run += caps[k].folded;
        }
        if (j - i >= 2) acc.Add(TermKind::kEntity, run, caps[i].weight);
      }
      i = j;
    }
  }

  void AddArticleEntities(Span headline_span, uint32_t lead_end, uint32_t tail_start) {
    for (const Entity& e : article.entities) {
      if (e.key.empty()) continue;
      for (const Span& m : e.mentions) {
        float w = kBodyWeight;
        if (!headline_span.empty() && m.start >= headline_span.start && m.end <= headline_span.end)
          w = kHeadlineWeight;
        else if (m.start < lead_end)
          w = kLeadWeight;
        else if (m.start >= tail_start)
          w = kTailWeight;
        acc.Add(TermKind::kEntity, e.key, w);
      }
      if (e.mentions.empty()) acc.Add(TermKind::kEntity, e.key, kBodyWeight);
    }
  }
};

}  // namespace

uint64_t TermKey(TermKind kind, std::string_view form) {
  // Frozen seed: term keys are stored in clusterer state.
  constexpr uint64_t kTermSeed = 0x70782d7465726d73ULL;  // "px-terms"
  uint64_t h = XXH3_64bits_withSeed(form.data(), form.size(), kTermSeed);
  return h ^ (static_cast<uint64_t>(kind) * 0x9E3779B97F4A7C15ULL);
}

std::optional<int32_t> ParseDay(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < lens[k]; ++i) {
      char c = iso[starts[k] + i];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  int y = v[0], m = v[1], d = v[2];
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Days from civil (proleptic Gregorian), after H. Hinnant's published algorithm.
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

ArticleFeatures Featurize(const Article& article, const FeatureOptions& options) {
  ArticleFeatures f;
  f.id = article.id;
  if (article.published) f.day = ParseDay(article.published->value);
  if (!f.day) f.day = ParseDay(article.hints.date);
  f.signature = dedup::ComputeSignature(article);

  const std::string_view text = article.text;
  std::vector<Region> regions;
  Span headline_span;
  std::vector<Span> body;
  for (const Block& b : article.blocks) {
    if (b.span.end > text.size()) continue;
    if (b.role == BlockRole::kBody) body.push_back(b.span);
    if (b.role == BlockRole::kHeadline && headline_span.empty()) headline_span = b.span;
  }
  if (article.blocks.empty() || body.empty()) body = {Span{0, static_cast<uint32_t>(text.size())}};

  std::string_view headline = article.headline;
  if (!headline.empty()) {
    regions.push_back(
        {headline, Span{0, static_cast<uint32_t>(headline.size())}, false, kHeadlineWeight});
  } else if (!headline_span.empty()) {
    headline = text.substr(headline_span.start, headline_span.size());
    regions.push_back({text, headline_span, false, kHeadlineWeight});
  }
  f.headline = Label(headline.empty() ? text.substr(body[0].start, body[0].size()) : headline,
                     kMaxHeadlineBytes);
  if (!article.standfirst.empty()) {
    regions.push_back({article.standfirst,
                       Span{0, static_cast<uint32_t>(article.standfirst.size())}, false,
                       kLeadWeight});
  } else {
    for (const Block& b : article.blocks)
      if (b.role == BlockRole::kStandfirst && b.span.end <= text.size())
        regions.push_back({text, b.span, false, kLeadWeight});
  }
  for (const Span& s : body) regions.push_back({text, s, true, kBodyWeight});

  Featurizer fz{article, options, article.language, {}, {}, 0, article.entities.empty(), {}};
  fz.acc.keep_text = options.keep_term_text;
  if (fz.language.empty()) {
    std::string_view sample = text.substr(body[0].start, std::min<size_t>(body[0].size(), 2000));
    fz.language = text::DetectLanguage(sample);
    if (fz.language.empty()) fz.language = "en";
  }
  for (const Region& r : regions)
    if (!fz.Read(r)) break;
  if (fz.use_proxy) {
    fz.AddProxyEntities();
  } else {
    // Lead and tail boundaries in bytes, for the mention weights: approximated by the body's
    // word positions already counted (the first body block's share).
    uint32_t lead_end = body[0].start + std::min<uint32_t>(body[0].size(), 350);
    uint32_t tail_start = body[0].start + 2800;
    fz.AddArticleEntities(headline_span, lead_end, tail_start);
  }

  std::vector<std::pair<Term, const std::string*>> terms;
  terms.reserve(fz.acc.terms.size());
  for (const auto& [key, e] : fz.acc.terms) {
    float boost = e.kind == TermKind::kEntity   ? kEntityBoost
                  : e.kind == TermKind::kNumber ? kNumberBoost
                                                : kWordBoost;
    float w = e.tf >= 1.0f ? boost * (1.0f + std::log(e.tf)) : boost * e.tf;
    terms.push_back({Term{key, w}, &e.text});
  }
  auto heavier = [](const auto& a, const auto& b) {
    return a.first.weight != b.first.weight ? a.first.weight > b.first.weight
                                            : a.first.key < b.first.key;
  };
  if (terms.size() > options.max_terms) {
    std::nth_element(terms.begin(), terms.begin() + options.max_terms, terms.end(), heavier);
    terms.resize(options.max_terms);
  }
  std::sort(terms.begin(), terms.end(),
            [](const auto& a, const auto& b) { return a.first.key < b.first.key; });
  f.terms.reserve(terms.size());
  for (const auto& [t, s] : terms) {
    f.terms.push_back(t);
    if (options.keep_term_text) f.term_text.push_back(*s);
  }
  return f;
}

}  // namespace parallax::stories
