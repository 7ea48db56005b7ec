// Compare: claim alignment, quote selection, voices, omissions and disagreements. Wording and
// headlines are in wording.cc, the reports in report.cc.
#include "parallax/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "src/compare/similarity.h"
#include "src/compare/story.h"
#include "src/text/tokens.h"

namespace parallax {

std::string_view ClaimStatusName(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kShared:
      return "shared";
    case ClaimStatus::kPartial:
      return "partial";
    case ClaimStatus::kUnique:
      return "unique";
  }
  return "unique";
}

std::string_view QuoteUseName(QuoteUse use) {
  switch (use) {
    case QuoteUse::kSame:
      return "same";
    case QuoteUse::kTrimmed:
      return "trimmed";
    case QuoteUse::kParaphrased:
      return "paraphrased";
    case QuoteUse::kDifferent:
      return "different";
    case QuoteUse::kOnly:
      return "only";
  }
  return "only";
}

std::string_view DisagreementKindName(DisagreementKind kind) {
  switch (kind) {
    case DisagreementKind::kNumber:
      return "number";
    case DisagreementKind::kDate:
      return "date";
    case DisagreementKind::kCount:
      return "count";
  }
  return "number";
}

namespace compare {

std::string OutletName(const Article& article) {
  if (!article.outlet.empty()) return article.outlet;
  return "(unknown: " + article.source + ")";
}

std::vector<WordToken> FoldedWords(std::string_view text, Span span) {
  std::vector<WordToken> out;
  for (const text::Token& t : text::Tokenize(text, span)) {
    if (t.kind != text::TokenKind::kWord) continue;
    std::string f = text::Fold(text.substr(t.span.start, t.span.size()));
    if (!f.empty()) out.push_back({std::move(f), t.span});
  }
  return out;
}

namespace {

// Union-find over claim units.
struct Sets {
  explicit Sets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  std::vector<uint32_t> parent;
};

bool IsPronoun(std::string_view folded) {
  static const std::set<std::string_view> kPronouns = {
      "he",  "she",  "it",   "they",  "we",    "i",   "you", "him", "her", "them", "us", "me",
      "who", "this", "that", "these", "those", "one", "он",  "она", "они", "мы",   "я"};
  return kPronouns.count(folded) > 0;
}

bool IsMonth(std::string_view folded) {
  static const std::set<std::string_view> kMonths = {
      "january",   "february", "march",     "april",    "may",    "june",     "july",  "august",
      "september", "october",  "november",  "december", "jan",    "feb",      "mar",   "apr",
      "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",   "dec",
      "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kMonths.count(folded) > 0;
}

struct NumberToken {
  std::string canon;
  Span span;
  DisagreementKind kind;
};

// Canonical value of a number as written: thousands separators dropped, "3,5" kept apart from
// "3.5" only by the separator rule of claim.cc (grouping when exactly three digits follow).
std::string CanonicalDigits(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == ',' || c == ' ') {
      size_t j = i + 1;
      while (j < raw.size() && raw[j] >= '0' && raw[j] <= '9') ++j;
      if (j - i - 1 == 3) continue;
      out.push_back('.');
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::vector<NumberToken> Numbers(std::string_view text, Span span) {
  std::vector<NumberToken> out;
  std::vector<text::Token> tokens = text::Tokenize(text, span);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != text::TokenKind::kNumber) continue;
    std::string_view raw = text.substr(tokens[i].span.start, tokens[i].span.size());
    NumberToken n{CanonicalDigits(raw), tokens[i].span, DisagreementKind::kNumber};
    auto word_at = [&](size_t k) -> std::string {
      if (k >= tokens.size() || tokens[k].kind != text::TokenKind::kWord) return "";
      return text::Fold(text.substr(tokens[k].span.start, tokens[k].span.size()));
    };
    std::string prev = i > 0 ? word_at(i - 1) : "";
    std::string next = word_at(i + 1);
    bool year = raw.size() == 4 && raw >= "1800" && raw <= "2100";
    if (year || IsMonth(prev) || IsMonth(next) || raw.find(':') != std::string_view::npos ||
        raw.find('-') != std::string_view::npos) {
      n.kind = DisagreementKind::kDate;
    } else if (!next.empty() && next != "percent" && next != "per" && next != "cent" &&
               next != "times" && next != "km" && next != "kilometres" && next != "kilometers" &&
               next != "miles" && next != "am" && next != "pm") {
      n.kind = DisagreementKind::kCount;
    }
    out.push_back(std::move(n));
  }
  return out;
}

// Word sequences of a quote's content, for same/trimmed tests.
std::vector<std::string> ContentWords(std::string_view text, Span span) {
  std::vector<std::string> out;
  for (const text::Token& t : text::Tokenize(text, span)) {
    if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber)
      out.push_back(text::Fold(text.substr(t.span.start, t.span.size())));
  }
  return out;
}

bool Contains(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  if (shorter.empty() || shorter.size() > longer.size()) return false;
  return std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) != longer.end();
}

bool InBody(const Article& a, uint32_t pos) {
  for (const Block& b : a.blocks)
    if (b.span.start <= pos && pos < b.span.end) return b.role == BlockRole::kBody;
  return false;
}

double ClaimWeight(const ClaimFeatures& f) {
  double w = 0;
  for (size_t k = 0; k < f.terms.size(); ++k) {
    if (f.flags[k] & kTermStopword) continue;
    bool anchor = f.flags[k] & (kTermEntity | kTermNumber);
    w += f.weights[k] * (anchor ? 2.0 : 1.0);
  }
  w = w / 4.0 + 0.5 * static_cast<double>(f.entity_keys.size());
  return std::round(w * 100) / 100;
}

// Pairs the model scores below this are never aligned.
constexpr double kMinCandidateScore = 0.2;
// The overlap rule: two claims also align when each matches at least kMinMatchedTerms content
// terms of the other (same stem or WordNet concept) covering at least kMinCoverage of each
// one's content IDF weight. The MRPC model (fitted on near-paraphrase pairs) misses two
// outlets' sentences about one fact that each add details of their own ("tried to storm city
// hall ... but police dispersed the protesters" / "demonstrators tried to storm city hall but
// were pushed back by police using pepper spray"): such pairs share many rare words, unrelated
// sentences of one story share two or three.
constexpr int kMinMatchedTerms = 4;
constexpr double kMinCoverage = 0.35;

// > 0 when the claims align (the larger, the better the match); 0 otherwise. Numbers that
// differ still align (and are reported as a disagreement); a negation or a different actor
// makes it another claim.
double AlignScore(const ClaimFeatures& a, const ClaimFeatures& b, double threshold) {
  PairDecision d = Decide(a, b);
  if (d.disagreements & kNegationDiffers) return 0;
  if (d.score < kMinCandidateScore && d.score < threshold) return 0;
  ContentOverlap o = ComputeContentOverlap(a, b);
  bool overlap = o.matched_min() >= kMinMatchedTerms && o.coverage_min() >= kMinCoverage;
  // Names on both sides that the other lacks are a swap of actors in a short claim, but in two
  // long sentences sharing many rare words they are each outlet's own details.
  if ((d.disagreements & kNamesDiffer) && !(overlap && o.matched_min() >= kMinMatchedTerms + 1))
    return 0;
  if (d.score < threshold && !overlap) return 0;
  return 0.5 * d.score + 0.5 * o.coverage_min();
}

void AlignClaims(StoryContext* st, const CompareOptions& options, Comparison* out,
                 std::vector<int>* claim_of_unit) {
  const SimilarityModel& model = SimilarityModel::Default();
  const double threshold = options.align_threshold > 0 ? options.align_threshold : model.threshold;
  const size_t n = st->units.size();
  std::vector<uint32_t> groups(n);
  for (size_t i = 0; i < n; ++i) groups[i] = st->units[i].article;
  AllPairsOptions all;
  // Candidates: every pair sharing a content term or concept with a score worth a look; the
  // overlap rule of AlignScore admits pairs the model scores below its threshold.
  all.min_score = std::min(threshold, kMinCandidateScore);
  std::vector<ScoredPair> pairs = ScoreAllPairs(st->features, groups, all, model);
  struct Accepted {
    uint32_t a, b;
    double score;
  };
  std::vector<Accepted> accepted;
  for (const ScoredPair& p : pairs) {
    double score = AlignScore(st->features[p.a], st->features[p.b], threshold);
    if (score > 0) accepted.push_back({p.a, p.b, score});
  }
  std::stable_sort(accepted.begin(), accepted.end(),
                   [](const Accepted& x, const Accepted& y) { return x.score > y.score; });
  Sets sets(n);
  std::vector<std::vector<uint32_t>> members(n);
  for (uint32_t i = 0; i < n; ++i) members[i] = {i};
  auto article_member = [&](uint32_t root, uint32_t article) -> int {
    for (uint32_t m : members[root])
      if (st->units[m].article == article) return static_cast<int>(m);
    return -1;
  };
  for (const Accepted& p : accepted) {
    uint32_t ra = sets.Find(p.a), rb = sets.Find(p.b);
    if (ra == rb) continue;
    bool disjoint = true;
    for (uint32_t m : members[ra])
      if (article_member(rb, st->units[m].article) >= 0) disjoint = false;
    if (!disjoint) {
      // An article that repeats itself may bring a second span: a singleton joins a group
      // holding another claim of its article when it repeats or continues that claim.
      bool join = false;
      for (auto [single, root] : {std::pair{ra, rb}, std::pair{rb, ra}}) {
        if (members[single].size() != 1) continue;
        uint32_t u = members[single][0];
        int twin = article_member(root, st->units[u].article);
        if (twin < 0) continue;
        // It repeats (or continues) that member: they align, or they are at most two
        // sentences apart (one fact told over nearby sentences: the attempt, then the
        // dispersal).
        uint32_t su = st->units[u].sentence, st_twin = st->units[twin].sentence;
        uint32_t gap = su > st_twin ? su - st_twin : st_twin - su;
        if (gap <= 2 || AlignScore(st->features[u], st->features[twin], threshold) > 0) join = true;
      }
      if (!join) continue;
    }
    if (members[ra].size() < members[rb].size()) std::swap(ra, rb);
    sets.parent[rb] = ra;
    members[ra].insert(members[ra].end(), members[rb].begin(), members[rb].end());
    members[rb].clear();
  }
  // Claim groups.
  struct Group {
    std::vector<uint32_t> units;
    std::set<uint32_t> outlets;
  };
  std::vector<Group> built;
  for (uint32_t r = 0; r < n; ++r) {
    if (sets.Find(r) != r) continue;
    Group g;
    g.units = members[r];
    std::sort(g.units.begin(), g.units.end());  // units are in article, then text order
    for (uint32_t u : g.units) g.outlets.insert(st->outlet_of[st->units[u].article]);
    built.push_back(std::move(g));
  }
  const size_t outlet_count = st->outlets.size();
  auto status_of = [&](const Group& g) {
    if (g.outlets.size() >= 2 && g.outlets.size() == outlet_count) return ClaimStatus::kShared;
    return g.outlets.size() >= 2 ? ClaimStatus::kPartial : ClaimStatus::kUnique;
  };
  std::stable_sort(built.begin(), built.end(), [&](const Group& x, const Group& y) {
    int sx = static_cast<int>(status_of(x)), sy = static_cast<int>(status_of(y));
    if (sx != sy) return sx < sy;
    return x.units.front() < y.units.front();
  });
  claim_of_unit->assign(n, -1);
  for (size_t k = 0; k < built.size(); ++k) {
    const Group& g = built[k];
    ClaimGroup c;
    c.id = "c" + std::to_string(k + 1);
    c.status = status_of(g);
    for (uint32_t o : g.outlets) c.outlets.push_back(st->outlets[o]);
    for (uint32_t u : g.units) {
      c.evidence.push_back({st->units[u].article, st->units[u].span});
      c.weight = std::max(c.weight, ClaimWeight(st->features[u]));
      (*claim_of_unit)[u] = static_cast<int>(k);
    }
    out->claims.push_back(std::move(c));
  }
  for (const Accepted& p : accepted) {
    if (sets.Find(p.a) != sets.Find(p.b)) continue;
    if (st->outlet_of[st->units[p.a].article] == st->outlet_of[st->units[p.b].article]) continue;
    st->aligned.emplace_back(std::min(p.a, p.b), std::max(p.a, p.b));
  }
  std::sort(st->aligned.begin(), st->aligned.end());
}

void AddDisagreements(const StoryContext& st, const std::vector<int>& claim_of_unit,
                      Comparison* out) {
  std::map<std::pair<int, int>, size_t> index;  // (claim, kind) -> disagreement
  for (auto [a, b] : st.aligned) {
    PairDecision d = Decide(st.features[a], st.features[b]);
    if (!(d.disagreements & kNumbersDisagree)) continue;
    const ClaimUnit& ua = st.units[a];
    const ClaimUnit& ub = st.units[b];
    const Article& aa = st.articles[ua.article];
    const Article& ab = st.articles[ub.article];
    std::vector<NumberToken> na = Numbers(aa.text, ua.span);
    std::vector<NumberToken> nb = Numbers(ab.text, ub.span);
    auto missing = [](const NumberToken& x, const std::vector<NumberToken>& other) {
      for (const NumberToken& y : other)
        if (y.canon == x.canon) return false;
      return true;
    };
    auto add = [&](const NumberToken& t, const ClaimUnit& u, const Article& art) {
      int claim = claim_of_unit[&u - st.units.data()];
      auto key = std::make_pair(claim, static_cast<int>(t.kind));
      auto it = index.find(key);
      if (it == index.end()) {
        parallax::Disagreement dis;
        dis.kind = t.kind;
        dis.about = claim >= 0 ? out->claims[claim].id : "";
        out->disagreements.push_back(std::move(dis));
        it = index.emplace(key, out->disagreements.size() - 1).first;
      }
      parallax::Disagreement& dis = out->disagreements[it->second];
      Evidence ev{u.article, t.span};
      for (const DisagreementValue& v : dis.values)
        if (v.evidence == ev) return;
      dis.values.push_back(
          {st.outlets[st.outlet_of[u.article]], std::string(art.View(t.span)), ev});
    };
    for (const NumberToken& t : na)
      if (missing(t, nb)) add(t, ua, aa);
    for (const NumberToken& t : nb)
      if (missing(t, na)) add(t, ub, ab);
  }
  // A disagreement needs values from two outlets.
  std::erase_if(out->disagreements, [](const parallax::Disagreement& d) {
    std::set<std::string> outlets;
    for (const DisagreementValue& v : d.values) outlets.insert(v.outlet);
    return outlets.size() < 2;
  });
  for (parallax::Disagreement& d : out->disagreements)
    std::stable_sort(d.values.begin(), d.values.end(),
                     [](const DisagreementValue& x, const DisagreementValue& y) {
                       return x.evidence.article != y.evidence.article
                                  ? x.evidence.article < y.evidence.article
                                  : x.evidence.span.start < y.evidence.span.start;
                     });
}

void AddQuotes(const StoryContext& st, Comparison* out) {
  struct Stmt {
    uint32_t article, quote;
    std::string name;
    ClaimFeatures features;
    std::vector<std::string> words;
  };
  std::map<std::string, std::vector<Stmt>> by_key;
  std::vector<std::string> key_order;
  for (uint32_t ai = 0; ai < st.articles.size(); ++ai) {
    const Article& a = st.articles[ai];
    for (uint32_t qi = 0; qi < a.quotes.size(); ++qi) {
      const Quote& q = a.quotes[qi];
      if (q.content.empty() || q.content.end > a.text.size() || !InBody(a, q.content.start))
        continue;
      std::string key, name;
      if (q.speaker.entity) {
        for (const Entity& e : a.entities) {
          if (e.id == *q.speaker.entity) {
            key = e.key;
            name = e.name;
            break;
          }
        }
      }
      if (key.empty()) {
        std::string folded = text::Fold(q.speaker.name);
        if (folded.empty() || IsPronoun(folded)) continue;
        key = "~" + folded;
        name = q.speaker.name;
      }
      Stmt s{ai, qi, name, {}, ContentWords(a.text, q.content)};
      if (s.words.empty()) continue;
      ClaimOptions opt = st.claim_options;
      if (!a.language.empty()) opt.language = a.language;
      s.features = ExtractClaim(a.View(q.content), opt);
      ApplyIdf(st.idf, &s.features);
      if (!by_key.count(key)) key_order.push_back(key);
      by_key[key].push_back(std::move(s));
    }
  }
  const double threshold = SimilarityModel::Default().threshold;
  int next_statement = 1, next_group = 1;
  std::vector<SpeakerQuotes> speakers;
  for (const std::string& key : key_order) {
    std::vector<Stmt>& stmts = by_key[key];
    SpeakerQuotes sq;
    sq.key = key[0] == '~' ? "" : key;
    std::set<uint32_t> outlets;
    for (const Stmt& s : stmts) {
      outlets.insert(st.outlet_of[s.article]);
      if (s.name.size() > sq.speaker.size()) sq.speaker = s.name;
    }
    for (uint32_t o : outlets) sq.outlets.push_back(st.outlets[o]);
    const size_t m = stmts.size();
    std::vector<int> best(m, static_cast<int>(QuoteUse::kDifferent));
    Sets groups(m);
    for (size_t i = 0; i < m; ++i) {
      for (size_t j = i + 1; j < m; ++j) {
        if (st.outlet_of[stmts[i].article] == st.outlet_of[stmts[j].article]) continue;
        QuoteUse use;
        if (stmts[i].words == stmts[j].words) {
          use = QuoteUse::kSame;
        } else if ((stmts[i].words.size() >= 3 && Contains(stmts[j].words, stmts[i].words)) ||
                   (stmts[j].words.size() >= 3 && Contains(stmts[i].words, stmts[j].words))) {
          use = QuoteUse::kTrimmed;
        } else if (Similarity(stmts[i].features, stmts[j].features) >= threshold) {
          use = QuoteUse::kParaphrased;
        } else {
          continue;
        }
        best[i] = std::min(best[i], static_cast<int>(use));
        best[j] = std::min(best[j], static_cast<int>(use));
        groups.parent[groups.Find(static_cast<uint32_t>(j))] =
            groups.Find(static_cast<uint32_t>(i));
      }
    }
    std::map<uint32_t, std::string> group_ids;
    for (size_t i = 0; i < m; ++i) {
      const Stmt& s = stmts[i];
      const Article& a = st.articles[s.article];
      QuoteStatement qs;
      qs.id = "q" + std::to_string(next_statement++);
      qs.outlet = st.outlets[st.outlet_of[s.article]];
      qs.article = s.article;
      qs.quote = s.quote;
      qs.direct = a.quotes[s.quote].direct;
      uint32_t root = groups.Find(static_cast<uint32_t>(i));
      auto it = group_ids.find(root);
      if (it == group_ids.end())
        it = group_ids.emplace(root, "g" + std::to_string(next_group++)).first;
      qs.group = it->second;
      qs.use = outlets.size() == 1 ? QuoteUse::kOnly : static_cast<QuoteUse>(best[i]);
      qs.evidence = {s.article, a.quotes[s.quote].content};
      sq.statements.push_back(std::move(qs));
    }
    speakers.push_back(std::move(sq));
  }
  std::stable_sort(speakers.begin(), speakers.end(),
                   [](const SpeakerQuotes& x, const SpeakerQuotes& y) {
                     if (x.outlets.size() != y.outlets.size())
                       return x.outlets.size() > y.outlets.size();
                     return x.statements.size() > y.statements.size();
                   });
  out->quotes = std::move(speakers);
  for (const std::string& outlet : out->outlets) {
    OutletVoices v;
    v.outlet = outlet;
    for (const SpeakerQuotes& sq : out->quotes)
      if (sq.outlets.size() == 1 && sq.outlets[0] == outlet && out->outlets.size() > 1)
        v.only_here.push_back(sq.speaker);
    out->voices.push_back(std::move(v));
  }
}

void AddOmissions(Comparison* out) {
  for (const std::string& outlet : out->outlets) {
    OutletOmissions o;
    o.outlet = outlet;
    for (const ClaimGroup& c : out->claims) {
      if (std::find(c.outlets.begin(), c.outlets.end(), outlet) != c.outlets.end()) continue;
      double score = static_cast<double>(c.outlets.size()) * c.weight;
      o.claims.push_back({c.id, std::round(score * 100) / 100});
    }
    std::stable_sort(
        o.claims.begin(), o.claims.end(),
        [](const OmittedClaim& x, const OmittedClaim& y) { return x.score > y.score; });
    out->omissions.push_back(std::move(o));
  }
}

}  // namespace
}  // namespace compare

Result<Comparison> Compare(std::span<const Article> articles, const CompareOptions& options) {
  using namespace compare;  // NOLINT: the stage's own helpers
  if (articles.empty()) return Status::InvalidArgument("compare: no articles");
  if (articles.size() > options.max_articles)
    return Status::ResourceExhausted("compare: " + std::to_string(articles.size()) +
                                     " articles, more than max_articles " +
                                     std::to_string(options.max_articles));
  Comparison out;
  out.story = options.story;
  StoryContext st;
  st.articles = articles;
  st.claim_options.synonyms = options.synonyms;
  std::set<std::string> languages;
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    const Article& a = articles[ai];
    std::string outlet = OutletName(a);
    auto it = std::find(st.outlets.begin(), st.outlets.end(), outlet);
    if (it == st.outlets.end()) {
      st.outlets.push_back(outlet);
      it = st.outlets.end() - 1;
    }
    st.outlet_of.push_back(static_cast<uint32_t>(it - st.outlets.begin()));
    out.article_outlet.push_back(outlet);
    if (!a.language.empty()) languages.insert(a.language);
    std::vector<ClaimUnit> units = SplitClaims(a, ai);
    if (units.empty())
      out.warnings.push_back("article " + std::to_string(ai) + " (" + a.source +
                             ") has no body sentences");
    for (ClaimUnit& u : units) {
      ClaimOptions opt = st.claim_options;
      if (!a.language.empty()) opt.language = a.language;
      for (const Entity& e : a.entities) {
        if (e.key.empty()) continue;
        for (const Span& m : e.mentions) {
          bool excluded =
              !u.exclude.empty() && m.start >= u.exclude.start && m.end <= u.exclude.end;
          if (m.start >= u.span.start && m.end <= u.span.end && !excluded) {
            opt.entity_keys.push_back(e.key);
            break;
          }
        }
      }
      std::string_view view = u.features.empty() ? a.View(u.span) : std::string_view(u.features);
      st.features.push_back(ExtractClaim(view, opt));
      st.units.push_back(std::move(u));
    }
  }
  out.outlets = st.outlets;
  if (st.outlets.size() < 2) out.warnings.push_back("only one outlet: nothing to compare across");
  if (languages.size() > 1) {
    std::string list;
    for (const std::string& l : languages) list += (list.empty() ? "" : ", ") + l;
    out.warnings.push_back("articles in several languages (" + list +
                           "): claims align within a language only");
  }
  PruneConcepts(st.features);
  for (const ClaimFeatures& f : st.features) st.idf.AddClaim(f);
  for (ClaimFeatures& f : st.features) ApplyIdf(st.idf, &f);

  std::vector<int> claim_of_unit;
  AlignClaims(&st, options, &out, &claim_of_unit);
  AddDisagreements(st, claim_of_unit, &out);
  AddQuotes(st, &out);
  AddOmissions(&out);
  AddWording(st, options, &out);
  AddHeadlines(st, &out);
  return out;
}

}  // namespace parallax
