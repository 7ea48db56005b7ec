// Wording per outlet (distinctive terms, attribution verbs, hedges, scare quotes, labels) and
// headline framing.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "src/compare/story.h"
#include "src/compare/wordnet.h"
#include "src/text/tokens.h"

namespace parallax::compare {
namespace {

std::string LanguageOf(const Article& a) { return a.language.empty() ? "en" : a.language; }

bool HasLetter(std::string_view w) {
  for (unsigned char c : w)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}

// Words that distance the writer from a claim. Written for this project; English and Russian.
bool IsHedge(std::string_view folded) {
  static const std::set<std::string_view> kHedges = {
      "allegedly",     "alleged",    "reportedly",  "purportedly",
      "purported",     "apparently", "supposedly",  "so-called",
      "claimed",       "claims",     "claim",       "possibly",
      "perhaps",       "likely",     "unlikely",    "unconfirmed",
      "unverified",    "suspected",  "might",       "may",
      "could",         "appears",    "appeared",    "seems",
      "seemingly",     "seemed",     "suggests",    "suggested",
      "rumored",       "rumoured",   "presumably",  "arguably",
      "probably",      "unclear",    "якобы",       "предположительно",
      "возможно",      "вероятно",   "по-видимому", "так называемый",
      "так называемые"};
  return kHedges.count(folded) > 0;
}

bool IsNegationWord(std::string_view folded) {
  return folded == "no" || folded == "not" || folded == "never" || folded == "nor" ||
         folded == "нет" || folded == "не" || folded == "ни";
}

// Distinctive terms: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi and
// Quinn 2008, "Fightin' Words"), each outlet against all the others, the prior proportional to
// the story's own counts (alpha_w = alpha_0 * share of w in the story).
void AddTerms(const StoryContext& st, const CompareOptions& options, Comparison* out) {
  const size_t outlets = st.outlets.size();
  std::vector<std::unordered_map<std::string, uint32_t>> counts(outlets);
  std::unordered_map<std::string, uint32_t> total;
  std::unordered_map<std::string, std::map<std::string, uint32_t>> forms;
  std::vector<uint64_t> n(outlets, 0);
  uint64_t n_total = 0;
  for (uint32_t ai = 0; ai < st.articles.size(); ++ai) {
    const Article& a = st.articles[ai];
    std::string lang = LanguageOf(a);
    uint32_t o = st.outlet_of[ai];
    for (Span s : BodySentences(a)) {
      for (WordToken& w : FoldedWords(a.text, s)) {
        if (w.folded.size() < 2 || !HasLetter(w.folded) || IsStopword(w.folded, lang)) continue;
        std::string stem = text::Stem(w.folded, lang);
        ++counts[o][stem];
        ++total[stem];
        ++forms[stem][w.folded];
        ++n[o];
        ++n_total;
      }
    }
  }
  const double a0 = options.prior_strength;
  for (uint32_t o = 0; o < outlets; ++o) {
    OutletWording& ow = out->wording[o];
    if (outlets < 2 || n[o] == 0) continue;
    const double ni = static_cast<double>(n[o]);
    const double nj = static_cast<double>(n_total - n[o]);
    std::vector<TermScore> scored;
    for (const auto& [stem, yi_count] : counts[o]) {
      double yi = yi_count;
      double yj = static_cast<double>(total[stem]) - yi;
      double aw = a0 * static_cast<double>(total[stem]) / static_cast<double>(n_total);
      double delta =
          std::log((yi + aw) / (ni + a0 - yi - aw)) - std::log((yj + aw) / (nj + a0 - yj - aw));
      double var = 1.0 / (yi + aw) + 1.0 / (yj + aw);
      double z = delta / std::sqrt(var);
      if (z < options.min_term_score) continue;
      const auto& f = forms[stem];
      std::string form = f.begin()->first;
      uint32_t best = 0;
      for (const auto& [word, c] : f)
        if (c > best) best = c, form = word;
      scored.push_back({form, std::round(z * 100) / 100, yi_count});
    }
    std::sort(scored.begin(), scored.end(), [](const TermScore& x, const TermScore& y) {
      return x.score != y.score ? x.score > y.score : x.term < y.term;
    });
    if (scored.size() > options.max_terms) scored.resize(options.max_terms);
    ow.terms = std::move(scored);
  }
}

void AddAttributionAndHedges(const StoryContext& st, Comparison* out) {
  std::vector<std::map<std::string, uint32_t>> verbs(st.outlets.size());
  for (uint32_t ai = 0; ai < st.articles.size(); ++ai) {
    const Article& a = st.articles[ai];
    uint32_t o = st.outlet_of[ai];
    std::set<uint32_t> cue_seen;  // one quote's cue counts once even when it has two contents
    for (const Quote& q : a.quotes) {
      if (!q.cue || q.cue->end > a.text.size() || !cue_seen.insert(q.cue->start).second) continue;
      std::string verb = text::Fold(a.View(*q.cue));
      if (!verb.empty()) ++verbs[o][verb];
    }
    for (Span s : BodySentences(a)) {
      for (const WordToken& w : FoldedWords(a.text, s)) {
        if (!IsHedge(w.folded)) continue;
        // "May" the month is not a hedge.
        if (w.folded == "may" && a.text[w.span.start] == 'M') continue;
        out->wording[o].hedges.push_back({ai, w.span});
      }
    }
  }
  for (size_t o = 0; o < st.outlets.size(); ++o) {
    for (const auto& [verb, count] : verbs[o]) out->wording[o].attribution.push_back({verb, count});
    std::stable_sort(out->wording[o].attribution.begin(), out->wording[o].attribution.end(),
                     [](const VerbCount& x, const VerbCount& y) { return x.count > y.count; });
  }
}

// Opening and closing marks: straight double, curly double, guillemets, curly single, straight
// single (the last only at a word boundary, so apostrophes are never taken for quotes).
struct MarkPair {
  std::string_view open, close;
};
constexpr MarkPair kMarks[] = {{"\"", "\""},
                               {"\xE2\x80\x9C", "\xE2\x80\x9D"},
                               {"\xC2\xAB", "\xC2\xBB"},
                               {"\xE2\x80\x98", "\xE2\x80\x99"},
                               {"'", "'"}};

bool LetterOrDigitAt(std::string_view t, size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  return std::isalnum(c) || c >= 0x80;
}

void FindScareQuotes(const Article& a, uint32_t ai, Span block, std::vector<Evidence>* out) {
  std::string_view t = a.text;
  size_t i = block.start;
  while (i < block.end) {
    bool matched = false;
    for (const MarkPair& m : kMarks) {
      if (t.compare(i, m.open.size(), m.open) != 0) continue;
      size_t body = i + m.open.size();
      bool straight_single = m.open == "'";
      // An opening mark starts a word: nothing letter-like before it, a letter after it.
      if (i > block.start && LetterOrDigitAt(t, i - 1)) break;
      if (!LetterOrDigitAt(t, body)) break;
      size_t limit = std::min<size_t>(block.end, body + 80);
      size_t close = std::string_view::npos;
      for (size_t j = body; j + m.close.size() <= limit; ++j) {
        if (t.compare(j, m.close.size(), m.close) != 0) continue;
        // A straight single quote closes only before a non-letter ("don't" is no closing).
        if (straight_single && LetterOrDigitAt(t, j + 1)) continue;
        if (m.open == "\xE2\x80\x98" && LetterOrDigitAt(t, j + 3)) continue;
        close = j;
        break;
      }
      if (close == std::string_view::npos) break;
      std::string_view content = t.substr(body, close - body);
      size_t words = CountWords(content);
      bool sentence_inside = content.find(". ") != std::string_view::npos ||
                             content.find("? ") != std::string_view::npos ||
                             content.find("! ") != std::string_view::npos;
      Span span{static_cast<uint32_t>(i), static_cast<uint32_t>(close + m.close.size())};
      if (words >= 1 && words <= 4 && !sentence_inside) {
        // Attributed speech (a quote the quotes stage found around it) is not a scare quote.
        bool attributed = false;
        for (const Quote& q : a.quotes)
          if (q.content.start < span.end && span.start < q.content.end) attributed = true;
        if (!attributed) out->push_back({ai, span});
      }
      i = span.end;
      matched = true;
      break;
    }
    if (!matched) ++i;
  }
}

void AddScareQuotes(const StoryContext& st, Comparison* out) {
  for (uint32_t ai = 0; ai < st.articles.size(); ++ai) {
    const Article& a = st.articles[ai];
    for (const Block& b : a.blocks) {
      if (b.role != BlockRole::kBody && b.role != BlockRole::kHeadline) continue;
      if (b.span.end > a.text.size()) continue;
      FindScareQuotes(a, ai, b.span, &out->wording[st.outlet_of[ai]].scare_quotes);
    }
  }
}

// Labels: (1) the roles an outlet gives an entity that other outlets also name but describe
// differently; (2) in aligned claims, the words an outlet uses where another uses a different
// word of the same WordNet concept ("protesters" / "demonstrators").
void AddLabels(const StoryContext& st, Comparison* out) {
  // (1) Roles by entity key and outlet.
  std::map<std::string, std::map<uint32_t, std::vector<std::pair<uint32_t, const Entity*>>>> keyed;
  for (uint32_t ai = 0; ai < st.articles.size(); ++ai)
    for (const Entity& e : st.articles[ai].entities)
      if (!e.key.empty()) keyed[e.key][st.outlet_of[ai]].push_back({ai, &e});
  for (const auto& [key, per_outlet] : keyed) {
    if (per_outlet.size() < 2) continue;
    std::map<uint32_t, std::set<std::string>> roles;
    for (const auto& [o, list] : per_outlet)
      for (const auto& [ai, e] : list)
        for (const std::string& r : e->roles) roles[o].insert(text::Fold(r));
    for (const auto& [o, list] : per_outlet) {
      std::set<std::string> done;
      for (const auto& [ai, e] : list) {
        for (const std::string& r : e->roles) {
          std::string folded = text::Fold(r);
          bool elsewhere = false;
          for (const auto& [o2, rs] : roles)
            if (o2 != o && rs.count(folded)) elsewhere = true;
          if (elsewhere || !done.insert(folded).second) continue;
          const Article& a = st.articles[ai];
          size_t at = a.text.find(r);
          Span span = at != std::string::npos
                          ? Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + r.size())}
                          : (e->mentions.empty() ? Span{} : e->mentions.front());
          out->wording[o].labels.push_back({e->name, r, {ai, span}});
        }
      }
    }
  }
  // (2) Concept-matched words in aligned claims.
  const WordNet* wn = st.claim_options.synonyms ? WordNet::Default() : nullptr;
  if (!wn) return;
  std::unordered_map<std::string, std::vector<SynsetId>> memo;
  auto concepts = [&](const std::string& w) -> const std::vector<SynsetId>& {
    auto it = memo.find(w);
    if (it != memo.end()) return it->second;
    std::vector<SynsetId> c;
    wn->Concepts(w, st.claim_options.concepts, &c);
    std::sort(c.begin(), c.end());
    return memo.emplace(w, std::move(c)).first->second;
  };
  struct Word {
    WordToken token;
    std::string stem;
  };
  auto content_words = [&](uint32_t u) {
    const ClaimUnit& unit = st.units[u];
    const Article& a = st.articles[unit.article];
    std::string lang = LanguageOf(a);
    std::vector<Word> out_words;
    if (lang != "en") return out_words;
    for (WordToken& w : FoldedWords(a.text, unit.span)) {
      if (w.folded.size() < 3 || IsStopword(w.folded, lang)) continue;
      char first = a.text[w.span.start];
      if (first >= 'A' && first <= 'Z') continue;  // names are entities, not labels
      std::string stem = text::Stem(w.folded, lang);
      out_words.push_back({std::move(w), std::move(stem)});
    }
    return out_words;
  };
  std::set<std::pair<uint32_t, std::string>> seen;  // (outlet, label)
  for (auto [ua, ub] : st.aligned) {
    std::vector<Word> wa = content_words(ua), wb = content_words(ub);
    std::set<std::string> stems_a, stems_b;
    for (const Word& w : wa) stems_a.insert(w.stem);
    for (const Word& w : wb) stems_b.insert(w.stem);
    for (const Word& x : wa) {
      if (stems_b.count(x.stem)) continue;
      const auto& cx = concepts(x.token.folded);
      if (cx.empty()) continue;
      for (const Word& y : wb) {
        if (stems_a.count(y.stem) || x.stem == y.stem) continue;
        const auto& cy = concepts(y.token.folded);
        bool shared = false;
        for (size_t i = 0, j = 0; i < cx.size() && j < cy.size();) {
          if (cx[i] < cy[j]) {
            ++i;
          } else if (cy[j] < cx[i]) {
            ++j;
          } else {
            shared = true;
            break;
          }
        }
        if (!shared) continue;
        uint32_t oa = st.outlet_of[st.units[ua].article];
        uint32_t ob = st.outlet_of[st.units[ub].article];
        if (seen.insert({oa, x.token.folded}).second)
          out->wording[oa].labels.push_back(
              {y.token.folded, x.token.folded, {st.units[ua].article, x.token.span}});
        if (seen.insert({ob, y.token.folded}).second)
          out->wording[ob].labels.push_back(
              {x.token.folded, y.token.folded, {st.units[ub].article, y.token.span}});
        break;
      }
    }
  }
}

}  // namespace

void AddWording(const StoryContext& st, const CompareOptions& options, Comparison* out) {
  out->wording.clear();
  for (const std::string& outlet : st.outlets) {
    OutletWording w;
    w.outlet = outlet;
    out->wording.push_back(std::move(w));
  }
  AddTerms(st, options, out);
  AddAttributionAndHedges(st, out);
  AddScareQuotes(st, out);
  if (st.outlets.size() >= 2) AddLabels(st, out);
}

void AddHeadlines(const StoryContext& st, Comparison* out) {
  struct Head {
    uint32_t article;
    std::optional<Evidence> evidence;
    std::vector<std::pair<std::string, std::string>> words;  // (folded, stem)
  };
  std::vector<Head> heads;
  for (uint32_t ai = 0; ai < st.articles.size(); ++ai) {
    const Article& a = st.articles[ai];
    if (a.headline.empty()) continue;
    Head h{ai, std::nullopt, {}};
    for (const Block& b : a.blocks) {
      if (b.role == BlockRole::kHeadline && b.span.end <= a.text.size()) {
        h.evidence = Evidence{ai, b.span};
        break;
      }
    }
    if (!h.evidence) {
      size_t at = a.text.find(a.headline);
      if (at != std::string::npos)
        h.evidence = Evidence{
            ai, Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + a.headline.size())}};
    }
    std::string lang = LanguageOf(a);
    std::vector<WordToken> words =
        h.evidence ? FoldedWords(a.text, h.evidence->span)
                   : FoldedWords(a.headline, Span{0, static_cast<uint32_t>(a.headline.size())});
    for (WordToken& w : words) {
      if (!HasLetter(w.folded)) continue;
      if (IsStopword(w.folded, lang) && !IsNegationWord(w.folded)) continue;
      h.words.push_back({w.folded, text::Stem(w.folded, lang)});
    }
    heads.push_back(std::move(h));
  }
  for (const Head& h : heads) {
    HeadlineFraming f;
    f.article = h.article;
    f.outlet = st.outlets[st.outlet_of[h.article]];
    f.evidence = h.evidence;
    std::set<std::string> others;
    for (const Head& g : heads)
      if (st.outlet_of[g.article] != st.outlet_of[h.article])
        for (const auto& w : g.words) others.insert(w.second);
    std::set<std::string> emitted;
    for (const auto& [folded, stem] : h.words)
      if (!others.count(stem) && emitted.insert(folded).second) f.terms.push_back(folded);
    out->headlines.push_back(std::move(f));
  }
}

}  // namespace parallax::compare
