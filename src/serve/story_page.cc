#include "src/serve/story_page.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "src/serve/html_util.h"

namespace parallax::serve {
namespace {

using Json = nlohmann::json;

// The id prefix of the first screen's elements (compare.js uses a random one per drawing).
constexpr std::string_view kUid = "pcs";

// Typed reads that never throw: a missing or mistyped member reads as empty.
std::string_view Str(const Json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get_ref<const std::string&>();
}
int64_t Int(const Json& j, const char* key, int64_t fallback = -1) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return fallback;
  return it->get<int64_t>();
}
const Json& Arr(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  if (!j.is_object()) return kEmpty;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return kEmpty;
  return *it;
}

void Esc(std::string_view s, std::string* out) { AppendHtmlEscaped(s, out); }

// encodeURIComponent: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) as %XX of its UTF-8 bytes.
std::string UriComponent(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool keep =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        std::string_view("-_.!~*'()").find(static_cast<char>(c)) != std::string_view::npos;
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// app.js fmtDate: "undated" for none, the first 'T' of an ISO time as a space.
std::string FmtDate(std::string_view iso) {
  if (iso.empty()) return "undated";
  std::string s(iso);
  if (size_t t = s.find('T'); t != std::string::npos) s[t] = ' ';
  return s;
}

// compare.js short(): whitespace runs as one space, trimmed, at most `max` characters (code
// points here) with "…" as the last one when cut.
std::string Short(std::string_view text, size_t max) {
  std::string t;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool nbsp =
        c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !t.empty()) t.push_back(' ');
    space = false;
    t.push_back(static_cast<char>(c));
  }
  auto starts = [&](size_t i) { return (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80; };
  size_t total = 0;
  for (size_t i = 0; i < t.size(); ++i) total += starts(i);
  if (total <= max || max == 0) return t;
  size_t points = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (starts(i) && ++points == max) {  // keep max - 1 characters and the ellipsis
      t.resize(i);
      t += "\u2026";
      break;
    }
  }
  return t;
}

class Drawer {
 public:
  Drawer(const Json& story, const Json& record) : story_(story), record_(record) {}

  bool Draw(std::string* out);

 private:
  // The byte span [start, end) of article `index`'s text, clamped as compare.js does.
  std::string_view EvText(const Json& ev) const {
    const int64_t a = Int(ev, "article");
    if (a < 0 || static_cast<size_t>(a) >= articles_.size()) return {};
    const std::string_view text = Str(articles_[a], "text");
    const int64_t s = std::clamp<int64_t>(Int(ev, "start", 0), 0, text.size());
    const int64_t e = std::clamp<int64_t>(Int(ev, "end", 0), s, text.size());
    return text.substr(s, e - s);
  }
  std::string EvHref(const Json& ev) const {
    const int64_t a = Int(ev, "article");
    return "/article/" + UriComponent(Str(articles_[a], "id")) +
           "#s=" + std::to_string(Int(ev, "start", 0)) + "-" + std::to_string(Int(ev, "end", 0));
  }
  // An evidence link (compare.js evLink/evLinkHtml with the app's evidenceHref).
  void EvLink(const Json& ev, std::string_view label, std::string* out) const {
    const int64_t a = Int(ev, "article");
    if (a < 0 || static_cast<size_t>(a) >= articles_.size()) {
      Esc(label, out);
      return;
    }
    *out += "<a class=\"pc-ev\" href=\"";
    Esc(EvHref(ev), out);
    *out += "\" data-article=\"" + std::to_string(a) + "\" data-start=\"" +
            std::to_string(Int(ev, "start", 0)) + "\" data-end=\"" +
            std::to_string(Int(ev, "end", 0)) + "\">";
    Esc(label, out);
    *out += "</a>";
  }
  std::string OutletOf(size_t i) const;
  void StoryHead(std::string* out) const;
  void Headlines(std::string* out) const;
  void Claims(std::string* out) const;
  void Row(const Json& claim, size_t ci, std::string* out) const;
  void SectionOpen(std::string_view id, std::string_view title, std::string* out) const {
    *out += "<section class=\"pc-section\" id=\"" + std::string(kUid) + "-" + std::string(id) +
            "\" aria-labelledby=\"" + std::string(kUid) + "-" + std::string(id) + "-h\"><h2 id=\"" +
            std::string(kUid) + "-" + std::string(id) + "-h\">";
    Esc(title, out);
    *out += "</h2>";
  }

  const Json& story_;
  const Json& record_;
  std::vector<Json> articles_;
  std::vector<std::string> outlets_;
  std::vector<std::string> article_outlet_;
};

// compare.js outletOfArticle.
std::string Drawer::OutletOf(size_t i) const {
  const std::string_view outlet = Str(articles_[i], "outlet");
  const auto listed = [&](std::string_view o) {
    return std::find(outlets_.begin(), outlets_.end(), o) != outlets_.end();
  };
  if (!outlet.empty() && listed(outlet)) return std::string(outlet);
  const std::string unknown = "(unknown: " + std::string(Str(articles_[i], "source")) + ")";
  if (listed(unknown)) return unknown;
  return outlet.empty() ? unknown : std::string(outlet);
}

// app.js storyPage: heading, dates and counts, the articles table.
void Drawer::StoryHead(std::string* out) const {
  const int64_t id = Int(story_, "id", 0);
  const std::string label = Str(story_, "label").empty() ? "Story " + std::to_string(id)
                                                         : std::string(Str(story_, "label"));
  *out += "<h1>";
  Esc(label, out);
  *out += "</h1><p class=\"sub\">";
  Esc(FmtDate(Str(story_, "first")) + " \u2013 " + FmtDate(Str(story_, "last")) + " \u00B7 " +
          std::to_string(Int(story_, "article_count", 0)) + " articles from " +
          std::to_string(Int(story_, "outlet_count", 0)) + " outlets \u00B7 ",
      out);
  *out += "<a href=\"/report/story/" + std::to_string(id) + "\" download=\"parallax-story-" +
          std::to_string(id) + ".html\" class=\"noprint\">single-file report</a></p>";
  *out +=
      "<details class=\"articles\"><summary>Articles of this story</summary><div "
      "class=\"scroll\"><table class=\"plain\"><thead><tr><th>Outlet</th><th>Published</th>"
      "<th>Headline</th></tr></thead><tbody>";
  for (const Json& a : Arr(story_, "articles")) {
    const std::string_view outlet = Str(a, "outlet");
    const std::string_view headline = Str(a, "headline");
    *out += "<tr><td><a href=\"/outlet/";
    Esc(UriComponent(outlet), out);
    *out += "\">";
    Esc(outlet, out);
    *out += "</a></td><td>";
    Esc(FmtDate(Str(a, "published")), out);
    *out += "</td><td><a href=\"/article/";
    Esc(UriComponent(Str(a, "id")), out);
    *out += "\">";
    Esc(headline.empty() ? Str(a, "id") : headline, out);
    *out += "</a>";
    if (a.is_object() && a.contains("duplicate_of") && !a["duplicate_of"].is_null()) {
      *out += "<span class=\"pc-badge\">copy</span>";
    }
    *out += "</td></tr>";
  }
  *out += "</tbody></table></div></details>";
}

// compare.js: the headline cards.
void Drawer::Headlines(std::string* out) const {
  SectionOpen("headlines", "Headlines", out);
  *out += "<div class=\"pc-cards\">";
  const Json& framings = Arr(record_, "headlines");
  for (size_t i = 0; i < articles_.size(); ++i) {
    const Json* framing = nullptr;
    for (const Json& f : framings) {
      if (Int(f, "article") == static_cast<int64_t>(i)) {
        framing = &f;
        break;
      }
    }
    const Json* evidence = nullptr;
    if (framing != nullptr && framing->is_object() && framing->contains("evidence") &&
        (*framing)["evidence"].is_object()) {
      evidence = &(*framing)["evidence"];
    }
    std::string headline(Str(articles_[i], "headline"));
    if (headline.empty() && framing != nullptr) headline = Str(*framing, "text");
    if (headline.empty() && evidence != nullptr) headline = EvText(*evidence);
    if (headline.empty()) headline = "(no headline)";
    const std::string_view published = Str(articles_[i], "published");
    *out += "<article class=\"pc-card\"><p class=\"pc-card-outlet\">";
    Esc(article_outlet_[i], out);
    *out += "</p><p class=\"pc-card-date\">";
    Esc(published.empty() ? "undated" : published, out);
    *out += "</p><h3 class=\"pc-card-headline\">";
    if (evidence != nullptr) {
      EvLink(*evidence, headline, out);
    } else {
      Esc(headline, out);
    }
    *out += "</h3>";
    const Json& terms = framing != nullptr ? Arr(*framing, "terms") : Arr(Json(), "terms");
    bool first = true;
    for (const Json& t : terms) {
      if (!t.is_string()) continue;
      *out += first ? "<p class=\"pc-terms\">Only this headline: <em>" : ", <em>";
      first = false;
      Esc(t.get_ref<const std::string&>(), out);
      *out += "</em>";
    }
    if (!first) *out += "</p>";
    *out += "</article>";
  }
  *out += "</div></section>";
}

// compare.js rowHtml: one claim's row of the matrix.
void Drawer::Row(const Json& claim, size_t ci, std::string* out) const {
  const std::string_view claim_id = Str(claim, "id");
  const std::string_view status = Str(claim, "status");
  std::set<std::string> differing;  // outlets whose figures differ on this claim
  if (!claim_id.empty()) {
    for (const Json& d : Arr(record_, "disagreements")) {
      if (Str(d, "about") != claim_id) continue;
      for (const Json& v : Arr(d, "values")) differing.insert(std::string(Str(v, "outlet")));
    }
  }
  const Json& evidence = Arr(claim, "evidence");
  const Json& claim_outlets = Arr(claim, "outlets");
  std::string cells;
  for (size_t oi = 0; oi < outlets_.size(); ++oi) {
    const std::string& o = outlets_[oi];
    // compare.js cellState: which of this outlet's articles carry the claim.
    std::vector<int64_t> mine;
    for (size_t i = 0; i < article_outlet_.size(); ++i) {
      if (article_outlet_[i] == o) mine.push_back(static_cast<int64_t>(i));
    }
    const Json* first_ev = nullptr;
    std::set<int64_t> carrying;
    for (const Json& e : evidence) {
      const int64_t a = Int(e, "article");
      if (std::find(mine.begin(), mine.end(), a) == mine.end()) continue;
      if (first_ev == nullptr) first_ev = &e;
      carrying.insert(a);
    }
    std::string_view state;
    if (carrying.empty()) {
      bool listed = false;
      for (const Json& x : claim_outlets) listed = listed || (x.is_string() && x == o);
      state = listed ? "carried" : "absent";
    } else {
      state = carrying.size() < mine.size() ? "partly" : "carried";
    }
    const bool differs = differing.count(o) > 0;
    const std::string_view mark = state == "carried"  ? "\u25CF"
                                  : state == "partly" ? "\u25D0"
                                                      : "\u25CB";
    const std::string_view word =
        state == "partly" ? "partly: not every article of this outlet" : state;
    std::string label;
    Esc(std::string(claim_id) + ", " + o + ": " + std::string(word) +
            (differs ? ", figures differ" : ""),
        &label);
    std::string content(mark);
    if (differs) content += "<span class=\"pc-differs\">\u2260</span>";
    cells += "<td class=\"pc-cell pc-" + std::string(state) + "\">";
    if (first_ev == nullptr) {
      cells += "<span class=\"pc-cellmark\" role=\"img\" aria-label=\"" + label + "\" title=\"" +
               label + "\">" + content + "</span>";
    } else {
      cells += "<a href=\"#" + std::string(kUid) +
               "-reader\" role=\"button\" class=\"pc-cellbtn\" aria-label=\"" + label +
               "\" title=\"" + label + "\" data-row=\"" + std::to_string(ci) + "\" data-col=\"" +
               std::to_string(oi) + "\">" + content + "</a>";
    }
    cells += "</td>";
  }
  const Json* first = evidence.empty() || !evidence[0].is_object() ? nullptr : &evidence[0];
  const std::string_view claim_text = Str(claim, "text");
  const std::string text = Short(!claim_text.empty() ? claim_text
                                 : first != nullptr  ? EvText(*first)
                                                     : "",
                                 220);
  *out += "<tr id=\"";
  Esc(std::string(kUid) + "-" + std::string(claim_id), out);
  *out += "\" class=\"pc-claim pc-status-";
  Esc(status, out);
  *out += "\"><th scope=\"row\" class=\"pc-claimtext\"><span class=\"pc-claimid\">";
  Esc(claim_id, out);
  *out += "</span> ";
  if (first != nullptr) {
    EvLink(*first, text, out);
  } else {
    Esc(text, out);
  }
  *out += " <span class=\"pc-badge pc-badge-";
  Esc(status, out);
  *out += "\">";
  Esc(status, out);
  *out += "</span></th>" + cells + "</tr>";
}

// compare.js: the claims section with the matrix's first rows.
void Drawer::Claims(std::string* out) const {
  SectionOpen("claims", "Claims", out);
  const Json& claims = Arr(record_, "claims");
  if (claims.empty()) {
    *out += "<p>No claims were aligned.</p></section>";
    return;
  }
  *out +=
      "<div class=\"pc-scroll\" tabindex=\"0\" aria-label=\"Claim matrix\"><table "
      "class=\"pc-matrix\" data-outlets=\"" +
      std::to_string(outlets_.size()) +
      "\"><caption>Claims \u00D7 outlets: \u25CF carried, \u25D0 partly, "
      "\u25CB absent, \u2260 its figures differ</caption><colgroup><col>";
  for (size_t i = 0; i < outlets_.size(); ++i) *out += "<col class=\"pc-outletw\">";
  *out += "</colgroup><thead><tr><th scope=\"col\">Claim</th>";
  for (const std::string& o : outlets_) {
    *out += "<th scope=\"col\" class=\"pc-outletcol\">";
    Esc(o, out);
    *out += "</th>";
  }
  *out += "</tr></thead><tbody>";
  for (size_t ci = 0; ci < claims.size() && ci < kFirstScreenClaimRows; ++ci) {
    Row(claims[ci], ci, out);
  }
  *out += "</tbody></table></div></section>";
}

bool Drawer::Draw(std::string* out) {
  if (!story_.is_object() || !record_.is_object() || !record_.contains("articles") ||
      !record_["articles"].is_array()) {
    return false;
  }
  for (const Json& a : record_["articles"]) articles_.push_back(a.is_object() ? a : Json::object());
  for (const Json& o : Arr(record_, "outlets")) {
    if (o.is_string()) outlets_.push_back(o.get<std::string>());
  }
  for (size_t i = 0; i < articles_.size(); ++i) article_outlet_.push_back(OutletOf(i));

  StoryHead(out);
  *out +=
      "<div id=\"comparison\" data-ssr=\"1\"><div class=\"pc-root\"><header class=\"pc-head\">"
      "<p class=\"pc-outlets\" elementtiming=\"pc-first-screen\">" +
      std::to_string(outlets_.size()) + " outlets, " + std::to_string(articles_.size()) +
      " articles: ";
  for (size_t i = 0; i < outlets_.size(); ++i) {
    *out += i ? ", <strong>" : "<strong>";
    Esc(outlets_[i], out);
    *out += "</strong>";
  }
  *out += "</p>";
  bool any_warning = false;
  for (const Json& w : Arr(record_, "warnings")) {
    *out += any_warning ? "<li>" : "<ul class=\"pc-warnings\"><li>";
    any_warning = true;
    Esc(w.is_string() ? w.get<std::string>() : w.dump(), out);
    *out += "</li>";
  }
  if (any_warning) *out += "</ul>";
  *out += "</header><nav class=\"pc-toc\" aria-label=\"Sections\"><ul>";
  static const std::pair<const char*, const char*> kToc[] = {
      {"headlines", "Headlines"},
      {"claims", "Claims"},
      {"quotes", "Quotes by speaker"},
      {"voices", "Who gets a voice"},
      {"omissions", "What each outlet leaves out"},
      {"wording", "Wording"},
      {"disagreements", "Where the facts disagree"}};
  for (const auto& [id, title] : kToc) {
    *out += "<li><a href=\"#" + std::string(kUid) + "-" + id + "\">" + title + "</a></li>";
  }
  *out += "</ul></nav><div class=\"pc-layout\"><div class=\"pc-main\">";
  Headlines(out);
  Claims(out);
  *out += "</div><section class=\"pc-reader\" id=\"" + std::string(kUid) +
          "-reader\" aria-live=\"polite\" aria-label=\"Article text\"><h3 "
          "class=\"pc-reader-title\">Article text</h3><p class=\"pc-reader-link\"></p><div "
          "class=\"pc-reader-text\" tabindex=\"-1\"></div><p class=\"pc-hint\">Choose a cell of "
          "the claim matrix or any evidence link to see it in its article.</p></section></div>"
          "</div></div>";
  return true;
}

}  // namespace

std::string StoryFirstScreenHtml(std::string_view story_json, std::string_view comparison_json) {
  const Json story = Json::parse(story_json, nullptr, /*allow_exceptions=*/false);
  const Json record = Json::parse(comparison_json, nullptr, /*allow_exceptions=*/false);
  if (story.is_discarded() || record.is_discarded()) return {};
  std::string out;
  out.reserve(64 << 10);
  Drawer drawer(story, record);
  if (!drawer.Draw(&out)) return {};
  return out;
}

}  // namespace parallax::serve
