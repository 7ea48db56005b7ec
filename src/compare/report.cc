// The two renderings of a Comparison: the parallax.comparison/1 JSON record and the Markdown
// report (100 columns).
#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "parallax/compare.h"

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

Json EvidenceJson(const Evidence& e) {
  return Json{{"article", e.article}, {"start", e.span.start}, {"end", e.span.end}};
}

// Collapses white space; cuts at a word boundary to at most `max_bytes` (UTF-8 safe) with "…".
std::string Excerpt(std::string_view s, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(s.size(), max_bytes + 4));
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  size_t sp = out.rfind(' ', cut);
  if (sp != std::string::npos && sp > max_bytes / 2) cut = sp;
  out.resize(cut);
  out += "\xE2\x80\xA6";
  return out;
}

std::string_view ViewOf(std::span<const Article> articles, const Evidence& e) {
  if (e.article >= articles.size()) return {};
  const Article& a = articles[e.article];
  if (e.span.end > a.text.size() || e.span.start > e.span.end) return {};
  return a.View(e.span);
}

// Display width in code points (close enough for Latin and Cyrillic text).
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Wraps `text` at 100 columns; the first line starts with `first`, the rest with `indent`.
void Wrapped(std::string* out, std::string_view first, std::string_view indent,
             std::string_view text) {
  constexpr size_t kColumns = 100;
  std::string line(first);
  size_t width = Width(first);
  bool at_start = true;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view word = text.substr(i, j - i);
    i = j;
    if (word.empty()) continue;
    size_t w = Width(word);
    if (!at_start && width + 1 + w > kColumns) {
      *out += line;
      *out += '\n';
      line = std::string(indent);
      width = Width(indent);
      at_start = true;
    }
    if (!at_start) {
      line += ' ';
      ++width;
    }
    line += word;
    width += w;
    at_start = false;
  }
  *out += line;
  *out += '\n';
}

std::string Quoted(std::string_view s) { return "\xE2\x80\x9C" + std::string(s) + "\xE2\x80\x9D"; }

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.*f", digits, v);
  return buf;
}

}  // namespace

std::string ComparisonToJson(const Comparison& c, std::span<const Article> articles, bool pretty) {
  Json j;
  j["schema"] = std::string(Comparison::kSchema);
  j["story"] = c.story ? Json(*c.story) : Json(nullptr);
  j["outlets"] = c.outlets;
  Json arts = Json::array();
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    Json r;
    r["id"] = a.id;
    r["source"] = a.source;
    r["outlet"] = i < c.article_outlet.size() ? c.article_outlet[i] : a.outlet;
    r["headline"] = a.headline;
    r["published"] = a.published ? Json(a.published->value) : Json(nullptr);
    r["language"] = a.language;
    r["text"] = a.text;
    arts.push_back(std::move(r));
  }
  j["articles"] = std::move(arts);
  Json claims = Json::array();
  for (const ClaimGroup& g : c.claims) {
    Json r;
    r["id"] = g.id;
    r["text"] = g.evidence.empty() ? "" : Excerpt(ViewOf(articles, g.evidence[0]), 1u << 20);
    r["status"] = std::string(ClaimStatusName(g.status));
    r["outlets"] = g.outlets;
    r["weight"] = g.weight;
    Json ev = Json::array();
    for (const Evidence& e : g.evidence) ev.push_back(EvidenceJson(e));
    r["evidence"] = std::move(ev);
    claims.push_back(std::move(r));
  }
  j["claims"] = std::move(claims);
  Json quotes = Json::array();
  for (const SpeakerQuotes& s : c.quotes) {
    Json r;
    r["speaker"] = s.speaker;
    r["key"] = s.key;
    r["outlets"] = s.outlets;
    Json st = Json::array();
    for (const QuoteStatement& q : s.statements) {
      st.push_back(Json{{"id", q.id},
                        {"outlet", q.outlet},
                        {"article", q.article},
                        {"quote", q.quote},
                        {"direct", q.direct},
                        {"group", q.group},
                        {"use", std::string(QuoteUseName(q.use))},
                        {"evidence", EvidenceJson(q.evidence)}});
    }
    r["statements"] = std::move(st);
    quotes.push_back(std::move(r));
  }
  j["quotes"] = std::move(quotes);
  Json voices = Json::array();
  for (const OutletVoices& v : c.voices)
    voices.push_back(Json{{"outlet", v.outlet}, {"only_here", v.only_here}});
  j["voices"] = std::move(voices);
  Json omissions = Json::array();
  for (const OutletOmissions& o : c.omissions) {
    Json list = Json::array();
    for (const OmittedClaim& m : o.claims)
      list.push_back(Json{{"claim", m.claim}, {"score", m.score}});
    omissions.push_back(Json{{"outlet", o.outlet}, {"claims", std::move(list)}});
  }
  j["omissions"] = std::move(omissions);
  Json wording = Json::array();
  for (const OutletWording& w : c.wording) {
    Json r;
    r["outlet"] = w.outlet;
    Json terms = Json::array();
    for (const TermScore& t : w.terms)
      terms.push_back(Json{{"term", t.term}, {"score", t.score}, {"count", t.count}});
    r["terms"] = std::move(terms);
    Json attribution = Json::array();
    for (const VerbCount& v : w.attribution)
      attribution.push_back(Json{{"verb", v.verb}, {"count", v.count}});
    r["attribution"] = std::move(attribution);
    Json hedges = Json::array();
    for (const Evidence& e : w.hedges) hedges.push_back(EvidenceJson(e));
    r["hedges"] = std::move(hedges);
    Json scare = Json::array();
    for (const Evidence& e : w.scare_quotes) scare.push_back(EvidenceJson(e));
    r["scare_quotes"] = std::move(scare);
    Json labels = Json::array();
    for (const ActorLabel& l : w.labels)
      labels.push_back(
          Json{{"actor", l.actor}, {"label", l.label}, {"evidence", EvidenceJson(l.evidence)}});
    r["labels"] = std::move(labels);
    wording.push_back(std::move(r));
  }
  j["wording"] = std::move(wording);
  Json disagreements = Json::array();
  for (const Disagreement& d : c.disagreements) {
    Json values = Json::array();
    for (const DisagreementValue& v : d.values)
      values.push_back(
          Json{{"outlet", v.outlet}, {"value", v.value}, {"evidence", EvidenceJson(v.evidence)}});
    disagreements.push_back(Json{{"kind", std::string(DisagreementKindName(d.kind))},
                                 {"about", d.about.empty() ? Json(nullptr) : Json(d.about)},
                                 {"values", std::move(values)}});
  }
  j["disagreements"] = std::move(disagreements);
  Json headlines = Json::array();
  for (const HeadlineFraming& h : c.headlines) {
    Json r;
    r["outlet"] = h.outlet;
    r["article"] = h.article;
    r["text"] = h.article < articles.size() ? articles[h.article].headline : "";
    r["evidence"] = h.evidence ? EvidenceJson(*h.evidence) : Json(nullptr);
    r["terms"] = h.terms;
    headlines.push_back(std::move(r));
  }
  j["headlines"] = std::move(headlines);
  j["warnings"] = c.warnings;
  // Article text is valid UTF-8 by the document model's invariant; replace rather than throw
  // if a caller breaks it.
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

std::string ComparisonToMarkdown(const Comparison& c, std::span<const Article> articles) {
  std::string out;
  std::map<std::string, const ClaimGroup*> by_id;
  for (const ClaimGroup& g : c.claims) by_id[g.id] = &g;
  auto excerpt = [&](const Evidence& e, size_t n) { return Excerpt(ViewOf(articles, e), n); };
  auto outlet_of = [&](uint32_t article) -> std::string {
    return article < c.article_outlet.size() ? c.article_outlet[article] : "?";
  };

  out += "# Comparison: " + std::to_string(articles.size()) + " article(s), " +
         std::to_string(c.outlets.size()) + " outlet(s)\n\n";
  if (c.story) out += "Story " + std::to_string(*c.story) + ".\n\n";
  for (size_t i = 0; i < articles.size(); ++i) {
    std::string line = "[" + std::to_string(i) + "] " + outlet_of(static_cast<uint32_t>(i)) +
                       " \xE2\x80\x94 " + articles[i].source;
    if (articles[i].published) line += " (" + articles[i].published->value + ")";
    Wrapped(&out, "- ", "  ", line);
  }
  out += "\n## Headlines\n\n";
  for (const HeadlineFraming& h : c.headlines) {
    std::string line = "**" + h.outlet + "**: " + Quoted(articles[h.article].headline);
    if (!h.terms.empty()) {
      line += " \xE2\x80\x94 framing:";
      for (size_t k = 0; k < h.terms.size(); ++k) line += (k ? ", " : " ") + h.terms[k];
    }
    Wrapped(&out, "- ", "  ", line);
  }
  const ClaimStatus kOrder[] = {ClaimStatus::kShared, ClaimStatus::kPartial, ClaimStatus::kUnique};
  const char* kTitle[] = {"Shared claims (every outlet)", "Partly shared claims",
                          "Claims one outlet only carries"};
  for (int s = 0; s < 3; ++s) {
    size_t count = 0;
    for (const ClaimGroup& g : c.claims) count += g.status == kOrder[s];
    out += "\n## " + std::string(kTitle[s]) + " (" + std::to_string(count) + ")\n";
    if (kOrder[s] == ClaimStatus::kUnique) {
      for (const std::string& outlet : c.outlets) {
        bool header = false;
        for (const ClaimGroup& g : c.claims) {
          if (g.status != ClaimStatus::kUnique || g.outlets.empty() || g.outlets[0] != outlet)
            continue;
          if (!header) out += "\n### Only " + outlet + "\n\n";
          header = true;
          Wrapped(&out, "- ", "  ", g.id + ": " + Quoted(excerpt(g.evidence[0], 200)));
        }
      }
      continue;
    }
    for (const ClaimGroup& g : c.claims) {
      if (g.status != kOrder[s]) continue;
      std::string head = "\n**" + g.id + "** (";
      for (size_t k = 0; k < g.outlets.size(); ++k) head += (k ? ", " : "") + g.outlets[k];
      out += head + ")\n\n";
      for (const Evidence& e : g.evidence)
        Wrapped(&out, "- ", "  ", outlet_of(e.article) + ": " + Quoted(excerpt(e, 200)));
    }
  }
  out += "\n## Quotes by speaker\n";
  for (const SpeakerQuotes& s : c.quotes) {
    std::string head = "\n### " + s.speaker + " \xE2\x80\x94 ";
    for (size_t k = 0; k < s.outlets.size(); ++k) head += (k ? ", " : "") + s.outlets[k];
    out += head + "\n\n";
    for (const QuoteStatement& q : s.statements) {
      std::string line = q.outlet + " (" + std::string(QuoteUseName(q.use)) +
                         (q.direct ? ", direct" : ", reported") + ", " + q.group +
                         "): " + Quoted(excerpt(q.evidence, 200));
      Wrapped(&out, "- ", "  ", line);
    }
  }
  out += "\n## Voices only one outlet gives\n\n";
  for (const OutletVoices& v : c.voices) {
    std::string line = "**" + v.outlet + "**:";
    if (v.only_here.empty()) line += " none";
    for (size_t k = 0; k < v.only_here.size(); ++k) line += (k ? ", " : " ") + v.only_here[k];
    Wrapped(&out, "- ", "  ", line);
  }
  out += "\n## Omissions (claims others carry, most weighty first)\n";
  for (const OutletOmissions& o : c.omissions) {
    out += "\n### " + o.outlet + " leaves out " + std::to_string(o.claims.size()) + "\n\n";
    size_t shown = 0;
    for (const OmittedClaim& m : o.claims) {
      if (++shown > 10) {
        out += "- \xE2\x80\xA6 and " + std::to_string(o.claims.size() - 10) + " more\n";
        break;
      }
      const ClaimGroup* g = by_id[m.claim];
      std::string line = m.claim + " (score " + Fixed(m.score, 2) + "): " +
                         (g && !g->evidence.empty() ? Quoted(excerpt(g->evidence[0], 160)) : "");
      Wrapped(&out, "- ", "  ", line);
    }
  }
  out += "\n## Wording\n";
  for (const OutletWording& w : c.wording) {
    out += "\n### " + w.outlet + "\n\n";
    std::string terms = "distinctive terms:";
    for (size_t k = 0; k < w.terms.size(); ++k)
      terms += (k ? ", " : " ") + w.terms[k].term + " (" + Fixed(w.terms[k].score, 1) + ")";
    if (w.terms.empty()) terms += " none";
    Wrapped(&out, "- ", "  ", terms);
    std::string verbs = "attribution:";
    for (size_t k = 0; k < w.attribution.size(); ++k)
      verbs += (k ? ", " : " ") + w.attribution[k].verb + " \xC3\x97" +
               std::to_string(w.attribution[k].count);
    if (w.attribution.empty()) verbs += " none";
    Wrapped(&out, "- ", "  ", verbs);
    std::string hedges = "hedges:";
    for (size_t k = 0; k < w.hedges.size(); ++k)
      hedges += (k ? ", " : " ") + std::string(ViewOf(articles, w.hedges[k]));
    if (w.hedges.empty()) hedges += " none";
    Wrapped(&out, "- ", "  ", hedges);
    std::string scare = "scare quotes:";
    for (size_t k = 0; k < w.scare_quotes.size(); ++k)
      scare += (k ? ", " : " ") + Excerpt(ViewOf(articles, w.scare_quotes[k]), 60);
    if (w.scare_quotes.empty()) scare += " none";
    Wrapped(&out, "- ", "  ", scare);
    for (const ActorLabel& l : w.labels)
      Wrapped(&out, "- ", "  ", "label: " + Quoted(l.label) + " for " + Quoted(l.actor));
  }
  out += "\n## Disagreements\n\n";
  if (c.disagreements.empty()) out += "None found.\n";
  for (const Disagreement& d : c.disagreements) {
    std::string line = std::string(DisagreementKindName(d.kind));
    if (!d.about.empty()) line += " in " + d.about;
    line += ":";
    for (size_t k = 0; k < d.values.size(); ++k)
      line += (k ? "; " : " ") + d.values[k].outlet + " says " + d.values[k].value;
    Wrapped(&out, "- ", "  ", line);
  }
  if (!c.warnings.empty()) {
    out += "\n## Warnings\n\n";
    for (const std::string& w : c.warnings) Wrapped(&out, "- ", "  ", w);
  }
  return out;
}

}  // namespace parallax
