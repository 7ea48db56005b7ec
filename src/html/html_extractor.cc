// Article extraction from a parsed page.
//
// The rules, in order (general ones only; nothing is keyed to a site):
//  1. Elements that are page furniture are set aside with a reason: by tag (nav, aside, footer,
//     header, form, button, select), by ARIA role, by the hidden attribute, and by a
//     class/id vocabulary (comments, share bars, related links, newsletter boxes, cookie
//     notices, ads, menus ...). An element is not set aside when it holds most of the page's
//     prose or an explicit article marker (<article>, itemprop=articleBody): wrappers named
//     "page-with-sidebar" exist.
//  2. Paragraph-like blocks (>= 25 bytes, link density <= 0.5) score 1 + commas + length/100
//     (at most 3), credited to their container ancestors with decay (the idea Arc90's
//     Readability made popular); containers start from a tag prior and a class/id weight and
//     are discounted by their link density. The best container wins, climbs to an ancestor
//     when several near-equal candidates share it, and takes in sibling containers and
//     sibling paragraphs that look like article text.
//  3. When JSON-LD gives an articleBody, the element whose blocks agree best with it (word
//     overlap, +words for agreeing blocks, -words for others) replaces the winner if it covers
//     most of articleBody: a strong signal, checked against the DOM rather than trusted.
//  4. Inside the winner, sub-containers with a negative class/id or link-heavy with few commas
//     are removed; h1 is the headline, figure captions are captions, bylines and timestamps
//     get their roles, short stock phrases ("Advertisement", "Share this") are boilerplate.
//  5. A page whose winner holds little prose, or mostly headline links, is not an article
//     (a section front or menu page): empty body and a warning.
#include "src/html/html_extractor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_set>

#include "src/base/utf8.h"
#include "src/extract/dates.h"
#include "src/html/dom.h"
#include "src/html/metadata.h"
#include "src/html/visible_text.h"

namespace parallax::html {
namespace {

constexpr size_t kMaxHtmlBytes = size_t{1} << 30;

// ---------------------------------------------------------------------------------------------
// Class/id vocabulary.

enum class Signal : uint8_t { kNeutral, kPositive, kWeakNegative, kStrongNegative };

struct ClassInfo {
  Signal signal = Signal::kNeutral;
  const char* reason = nullptr;  // for negatives
};

// Substrings of the lower-cased "class id" that mark furniture whatever else the name says.
struct Word {
  const char* word;
  const char* reason;
};
constexpr Word kStrongNegative[] = {
    {"comment", "comments"},
    {"disqus", "comments"},
    {"share", "share bar"},
    {"sharing", "share bar"},
    {"social", "share bar"},
    {"related", "related links"},
    {"recommend", "related links"},
    {"more-stories", "related links"},
    {"read-more", "related links"},
    {"readmore", "related links"},
    {"trending", "related links"},
    {"popular", "related links"},
    {"outbrain", "ad"},
    {"taboola", "ad"},
    {"newsletter", "newsletter box"},
    {"subscribe", "newsletter box"},
    {"signup", "newsletter box"},
    {"sign-up", "newsletter box"},
    {"cookie", "cookie notice"},
    {"consent", "cookie notice"},
    {"gdpr", "cookie notice"},
    {"advert", "ad"},
    {"sponsor", "ad"},
    {"promo", "promotion"},
    {"sidebar", "sidebar"},
    {"footer", "footer"},
    {"breadcrumb", "navigation"},
    {"pagination", "navigation"},
    {"pager", "navigation"},
    {"popup", "popup"},
    {"modal", "popup"},
    {"masthead", "page header"},
    {"skip-link", "navigation"},
    {"skiplink", "navigation"},
    {"author-bio", "author box"},
    {"newsfeed", "related links"},
    {"paywall", "paywall notice"},
    {"login", "login box"},
    {"toolbar", "tools"},
    {"print-only", "print only"},
    {"caption", "caption"},
    {"credit", "credit"},
};
// Substrings overridden by a positive word in the same name ("article-nav" stays).
constexpr Word kWeakNegative[] = {
    {"nav", "navigation"}, {"menu", "navigation"}, {"widget", "widget"},      {"banner", "banner"},
    {"tools", "tools"},    {"meta", "metadata"},   {"byline", "byline"},      {"tags", "tags"},
    {"topics", "tags"},    {"hidden", "hidden"},   {"header", "page header"}, {"aside", "sidebar"},
};
constexpr const char* kPositive[] = {"article", "content", "story",  "entry", "post",
                                     "body",    "text",    "main",   "prose", "blog",
                                     "hentry",  "column",  "detail", "copy"};
// Whole tokens (split at space, '-', '_') that are too short to match as substrings.
constexpr Word kNegativeTokens[] = {{"ad", "ad"},     {"ads", "ad"},         {"dfp", "ad"},
                                    {"gpt", "ad"},    {"nav", "navigation"}, {"share", "share bar"},
                                    {"tag", "tags"},  {"rss", "feed links"}, {"hide", "hidden"},
                                    {"sr", "hidden"}, {"modal", "popup"}};

ClassInfo Classify(std::string_view cls, std::string_view id) {
  ClassInfo info;
  if (cls.empty() && id.empty()) return info;
  char buf[256];
  size_t n = 0;
  for (std::string_view part : {cls, id}) {
    for (char c : part) {
      if (n + 2 >= sizeof(buf)) break;
      buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    if (n + 1 < sizeof(buf)) buf[n++] = ' ';
  }
  std::string_view s(buf, n);
  for (const Word& w : kStrongNegative) {
    if (s.find(w.word) != std::string_view::npos) {
      info.signal = Signal::kStrongNegative;
      info.reason = w.reason;
      return info;
    }
  }
  // Whole tokens.
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == '_')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '-' && s[j] != '_') ++j;
    std::string_view tok = s.substr(i, j - i);
    for (const Word& w : kNegativeTokens) {
      if (tok == w.word) {
        info.signal = Signal::kStrongNegative;
        info.reason = w.reason;
        return info;
      }
    }
    i = j;
  }
  bool positive = false;
  for (const char* p : kPositive)
    if (s.find(p) != std::string_view::npos) positive = true;
  if (positive) {
    info.signal = Signal::kPositive;
    return info;
  }
  for (const Word& w : kWeakNegative) {
    if (s.find(w.word) != std::string_view::npos) {
      info.signal = Signal::kWeakNegative;
      info.reason = w.reason;
      return info;
    }
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Small text helpers.

int CountCommas(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') {
      ++n;
    } else if (s[i] == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBC' && s[i + 2] == '\x8C') {
      ++n;  // U+FF0C FULLWIDTH COMMA
    } else if (s[i] == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x81') {
      ++n;  // U+3001 IDEOGRAPHIC COMMA
    }
  }
  return n;
}

bool IsWordCp(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation and spaces
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  return true;
}

// Calls f(word_hash) for each word of s (ASCII lower-cased).
template <typename F>
void ForEachWord(std::string_view s, F f) {
  size_t i = 0;
  uint64_t h = 0;
  bool in = false;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = utf8::Next(s, &i);
    if (IsWordCp(c)) {
      if (!in) h = 1469598103934665603ull, in = true;
      for (size_t k = at; k < i; ++k) {
        unsigned char b = static_cast<unsigned char>(s[k]);
        if (b >= 'A' && b <= 'Z') b += 32;
        h = (h ^ b) * 1099511628211ull;
      }
    } else if (in) {
      f(h);
      in = false;
    }
  }
  if (in) f(h);
}

bool StartsWithNoCase(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

// True when one of the tokens of `lc` (split at space, '-', '_') is in `words`.
bool HasToken(std::string_view lc, std::initializer_list<std::string_view> words) {
  size_t i = 0;
  while (i < lc.size()) {
    while (i < lc.size() && (lc[i] == ' ' || lc[i] == '-' || lc[i] == '_')) ++i;
    size_t j = i;
    while (j < lc.size() && lc[j] != ' ' && lc[j] != '-' && lc[j] != '_') ++j;
    for (std::string_view w : words)
      if (lc.substr(i, j - i) == w) return true;
    i = j;
  }
  return false;
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

// "By Mia Chen", "Von Jana Vogt", "Par ...", "Por ...", "Di ...", "Автор: ...".
bool IsBylineLine(std::string_view s) {
  for (std::string_view p : {"by ", "von ", "par ", "por ", "di ", "door ", "av ",
                             "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80:"})
    if (StartsWithNoCase(s, p) && s.size() > p.size() + 2) return CountWords(s) <= 8;
  return false;
}

// Short stock phrases that are never article text.
constexpr std::string_view kStockPhrases[] = {"advertisement",
                                              "advertising",
                                              "sponsored",
                                              "share this",
                                              "share on",
                                              "share:",
                                              "read more",
                                              "read next",
                                              "related:",
                                              "related articles",
                                              "related stories",
                                              "recommended",
                                              "sign up",
                                              "subscribe",
                                              "follow us",
                                              "click here",
                                              "comments",
                                              "leave a comment",
                                              "print",
                                              "email",
                                              "tweet",
                                              "skip to",
                                              "back to top",
                                              "next article",
                                              "previous article",
                                              "continue reading",
                                              "see also",
                                              "more from",
                                              "you may also like",
                                              "this content",
                                              "loading",
                                              "your browser",
                                              "getty images",
                                              "photo:",
                                              "image:",
                                              "reklama",
                                              "anzeige",
                                              "publicité",
                                              "publicidad",
                                              "werbung",
                                              "реклама",
                                              "читайте также",
                                              "подписывайтесь",
                                              "lesen sie auch",
                                              "lire aussi",
                                              "leer más",
                                              "más información"};

bool IsStockPhrase(std::string_view block) {
  if (block.size() > 60) return false;
  for (std::string_view p : kStockPhrases)
    if (StartsWithNoCase(block, p)) return true;
  return false;
}

// A block that is a bare URL or ISO timestamp: microdata shown as text. (Bare numbers are table
// cells and stay.)
bool IsBareValue(std::string_view s) {
  if (s.size() > 200 || s.find(' ') != std::string_view::npos) return false;
  if (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")) return true;
  if (s.size() < 16 || s[4] != '-' || s[7] != '-' || s.find(':') == std::string_view::npos)
    return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == '-' || c == ':' || c == '+' || c == 'T' || c == '.' ||
          c == 'Z'))
      return false;
  return true;
}

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == ')')) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':') return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||  // ”
                           s.substr(s.size() - 3) == "\xE3\x80\x82" ||  // 。
                           s.substr(s.size() - 3) == "\xE2\x80\xA6");   // …
}

// "2019-11-19T21:41:38Z" -> "2019-11-19T21:41"; other forms via FindDate; "" when no date.
std::string IsoDate(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  auto digits = [&](size_t at, size_t n) {
    if (v.size() < at + n) return false;
    for (size_t i = at; i < at + n; ++i)
      if (v[i] < '0' || v[i] > '9') return false;
    return true;
  };
  if (digits(0, 4) && v.size() >= 10 && v[4] == '-' && digits(5, 2) && v[7] == '-' &&
      digits(8, 2)) {
    std::string out(v.substr(0, 10));
    if (v.size() >= 16 && (v[10] == 'T' || v[10] == ' ') && digits(11, 2) && v[13] == ':' &&
        digits(14, 2)) {
      out.push_back('T');
      out.append(v.substr(11, 5));
    }
    return out;
  }
  std::optional<extract::DateMatch> m = extract::FindDate(v);
  if (m && m->year > 0) return m->Iso();
  return {};
}

std::string LanguageCode(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c < 'a' || c > 'z') return {};
    out.push_back(c);
  }
  return out.size() == 2 ? out : std::string();
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

// "Headline | Site Name" -> "Headline" when the tail is the outlet or a short name.
std::string StripSiteName(std::string headline, std::string_view outlet) {
  static constexpr std::string_view kSeps[] = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xAB ", " \xC2\xBB ", " / "};
  for (int round = 0; round < 2; ++round) {
    size_t best = std::string::npos;
    size_t sep_len = 0;
    for (std::string_view sep : kSeps) {
      size_t at = headline.rfind(sep);
      if (at != std::string::npos && (best == std::string::npos || at > best)) {
        best = at;
        sep_len = sep.size();
      }
    }
    if (best == std::string::npos || best == 0) break;
    std::string_view tail = std::string_view(headline).substr(best + sep_len);
    std::string_view head = std::string_view(headline).substr(0, best);
    bool is_outlet = !outlet.empty() && EqualsNoCase(tail, outlet);
    bool short_tail = CountWords(tail) <= 4 && CountWords(head) > CountWords(tail) + 1;
    if (!is_outlet && !short_tail) break;
    headline.resize(best);
  }
  return headline;
}

// ---------------------------------------------------------------------------------------------

struct NodeInfo {
  // Aggregates over the blocks in the subtree (all blocks / blocks not set aside).
  uint32_t all_prose = 0;
  uint32_t text = 0;
  uint32_t links = 0;
  uint32_t commas = 0;
  uint16_t paras = 0;
  uint16_t list_items = 0;
  uint16_t link_blocks = 0;
  float score = 0;
  float ld_score = 0;  // JSON-LD agreement
  bool candidate = false;
  bool marker = false;  // holds <article> or itemprop=articleBody
  bool in_content = false;
  ClassInfo cls;
  const char* aside = nullptr;    // why the subtree is set aside (propagated down)
  const char* removed = nullptr;  // removed inside the content (propagated down)
};

struct Scratch {
  Document doc;
  VisibleText vt;
  PageMetadata meta;
  std::vector<NodeInfo> info;
};

const char* TagReason(const Document& doc, uint32_t i) {
  const Node& n = doc.nodes[i];
  switch (n.tag) {
    case Tag::kNav:
      return "navigation";
    case Tag::kAside:
      return "sidebar";
    case Tag::kFooter:
      return "footer";
    case Tag::kHeader:
      return "page header";
    case Tag::kForm:
      return "form";
    case Tag::kButton:
    case Tag::kSelect:
    case Tag::kOption:
    case Tag::kLabel:
      return "control";
    case Tag::kDialog:
      return "popup";
    default:
      break;
  }
  std::string_view role = doc.Attr(i, "role");
  if (!role.empty()) {
    if (EqualsNoCase(role, "navigation") || EqualsNoCase(role, "menu") ||
        EqualsNoCase(role, "menubar"))
      return "navigation";
    if (EqualsNoCase(role, "contentinfo")) return "footer";
    if (EqualsNoCase(role, "complementary")) return "sidebar";
    if (EqualsNoCase(role, "banner")) return "page header";
    if (EqualsNoCase(role, "dialog") || EqualsNoCase(role, "alertdialog")) return "popup";
  }
  if (doc.HasAttr(i, "hidden")) return "hidden";
  std::string_view aria = doc.Attr(i, "aria-hidden");
  if (EqualsNoCase(aria, "true")) return "hidden";
  std::string_view style = doc.Attr(i, "style");
  if (!style.empty()) {
    std::string compact;
    for (char c : style)
      if (c != ' ') compact.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    if (compact.find("display:none") != std::string::npos ||
        compact.find("visibility:hidden") != std::string::npos)
      return "hidden";
  }
  return nullptr;
}

bool IsAncestor(const Document& doc, uint32_t anc, uint32_t node) {
  for (uint32_t p = node; p != kNoNode; p = doc.nodes[p].parent)
    if (p == anc) return true;
  return false;
}

// Innermost ancestor-or-self of `node` with tag `t`, or kNoNode (stops at `stop`).
uint32_t Enclosing(const Document& doc, uint32_t node, Tag t, uint32_t stop = kNoNode) {
  for (uint32_t p = node; p != kNoNode && p != stop; p = doc.nodes[p].parent)
    if (doc.nodes[p].tag == t) return p;
  return kNoNode;
}

class Extractor {
 public:
  Extractor(Scratch* s, Article* article) : s_(*s), doc_(s->doc), a_(article) {}

  void Run(std::string_view html, std::vector<HtmlRange>* sources) {
    Parse(html, &doc_);
    BuildVisibleText(doc_, &s_.vt);
    ReadMetadata(doc_, &s_.meta);
    const auto& blocks = s_.vt.blocks;
    a_->text = s_.vt.text;
    a_->blocks.clear();
    a_->blocks.resize(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i) a_->blocks[i].span = blocks[i].span;
    if (sources) {
      sources->resize(blocks.size());
      for (size_t i = 0; i < blocks.size(); ++i)
        (*sources)[i] = HtmlRange{blocks[i].html_begin, blocks[i].html_end};
    }
    s_.info.assign(doc_.nodes.size(), NodeInfo());
    MarkAside();
    Aggregate();
    std::vector<uint32_t> roots = SelectContent();
    MarkContent(roots);
    CleanContent();
    AssignRoles(!roots.empty());
    FillMetadata();
  }

 private:
  std::string_view BlockText(size_t b) const {
    const TextBlock& tb = s_.vt.blocks[b];
    return std::string_view(s_.vt.text).substr(tb.span.start, tb.span.size());
  }
  NodeInfo& I(uint32_t n) { return s_.info[n]; }
  const Node& N(uint32_t n) const { return doc_.nodes[n]; }

  bool IsProse(size_t b) const {
    const TextBlock& tb = s_.vt.blocks[b];
    return tb.span.size() >= 80 && tb.link_bytes * 10 < tb.span.size() * 3;
  }

  // Step 1: furniture, with the guard that a wrapper of most prose is never set aside.
  void MarkAside() {
    const auto& nodes = doc_.nodes;
    auto& info = s_.info;
    uint32_t total_prose = 0;
    for (size_t b = 0; b < s_.vt.blocks.size(); ++b) {
      if (!IsProse(b)) continue;
      uint32_t len = s_.vt.blocks[b].span.size();
      info[s_.vt.blocks[b].node].all_prose += len;
      total_prose += len;
    }
    for (uint32_t i = 1; i < nodes.size(); ++i) {
      if (nodes[i].type != NodeType::kElement) continue;
      bool marker = nodes[i].tag == Tag::kArticle || nodes[i].tag == Tag::kMain;
      if (!marker) {
        std::string_view ip = doc_.Attr(i, "itemprop");
        marker = EqualsNoCase(ip, "articleBody");
      }
      info[i].marker = marker;
    }
    for (uint32_t i = static_cast<uint32_t>(nodes.size()); i-- > 1;) {
      uint32_t p = nodes[i].parent;
      if (p == kNoNode) continue;
      info[p].all_prose += info[i].all_prose;
      info[p].marker = info[p].marker || info[i].marker;
    }
    for (uint32_t i = 1; i < nodes.size(); ++i) {
      const Node& n = nodes[i];
      if (n.type != NodeType::kElement) continue;
      uint32_t p = n.parent;
      if (p != kNoNode && info[p].aside) {
        info[i].aside = info[p].aside;
        continue;
      }
      info[i].cls = Classify(doc_.Attr(i, "class"), doc_.Attr(i, "id"));
      if (n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kArticle ||
          n.tag == Tag::kMain)
        continue;
      const char* reason = TagReason(doc_, i);
      bool from_class = false;
      if (!reason && (info[i].cls.signal == Signal::kStrongNegative ||
                      info[i].cls.signal == Signal::kWeakNegative)) {
        reason = info[i].cls.reason;
        from_class = true;
      }
      if (!reason) continue;
      bool holds_article = info[i].marker && !info[i].cls.reason;
      bool holds_prose = total_prose > 0 && info[i].all_prose * 2 > total_prose;
      if (holds_prose && (from_class || n.tag == Tag::kForm || n.tag == Tag::kHeader ||
                          n.tag == Tag::kAside || n.tag == Tag::kFooter))
        continue;
      // A weak name ("meta", "widget", "tools") does not outweigh a fair share of the prose.
      if (from_class && info[i].cls.signal == Signal::kWeakNegative &&
          info[i].all_prose * 4 > total_prose)
        continue;
      if (holds_article && n.tag != Tag::kNav) continue;
      info[i].aside = reason;
    }
  }

  // Aggregates of blocks that were not set aside, per element subtree.
  void Aggregate() {
    const auto& nodes = doc_.nodes;
    auto& info = s_.info;
    for (size_t b = 0; b < s_.vt.blocks.size(); ++b) {
      const TextBlock& tb = s_.vt.blocks[b];
      NodeInfo& o = info[tb.node];
      if (o.aside) continue;
      o.text += tb.span.size();
      o.links += tb.link_bytes;
      o.commas += static_cast<uint32_t>(CountCommas(BlockText(b)));
      Tag t = nodes[tb.node].tag;
      if (t == Tag::kP) ++o.paras;
      if (t == Tag::kLi) ++o.list_items;
      if (tb.link_bytes * 10 >= tb.span.size() * 8) ++o.link_blocks;
    }
    for (uint32_t i = static_cast<uint32_t>(nodes.size()); i-- > 1;) {
      uint32_t p = nodes[i].parent;
      if (p == kNoNode) continue;
      info[p].text += info[i].text;
      info[p].links += info[i].links;
      info[p].commas += info[i].commas;
      info[p].paras = static_cast<uint16_t>(std::min(65535, info[p].paras + info[i].paras));
      info[p].list_items =
          static_cast<uint16_t>(std::min(65535, info[p].list_items + info[i].list_items));
      info[p].link_blocks =
          static_cast<uint16_t>(std::min(65535, info[p].link_blocks + info[i].link_blocks));
    }
  }

  double LinkDensity(uint32_t n) {
    const NodeInfo& i = I(n);
    return i.text == 0 ? 0.0 : static_cast<double>(i.links) / i.text;
  }

  double ClassWeight(uint32_t n) {
    const NodeInfo& i = I(n);
    double w = 0;
    if (i.cls.signal == Signal::kPositive) w += 25;
    if (i.cls.signal == Signal::kStrongNegative || i.cls.signal == Signal::kWeakNegative) w -= 25;
    if (EqualsNoCase(doc_.Attr(n, "itemprop"), "articleBody")) w += 25;
    return w;
  }

  void InitCandidate(uint32_t n) {
    NodeInfo& i = I(n);
    if (i.candidate) return;
    i.candidate = true;
    double s = 0;
    switch (N(n).tag) {
      case Tag::kDiv:
        s = 5;
        break;
      case Tag::kArticle:
        s = 8;
        break;
      case Tag::kPre:
      case Tag::kTd:
      case Tag::kBlockquote:
        s = 3;
        break;
      case Tag::kAddress:
      case Tag::kOl:
      case Tag::kUl:
      case Tag::kDl:
      case Tag::kDd:
      case Tag::kDt:
      case Tag::kLi:
      case Tag::kForm:
        s = -3;
        break;
      case Tag::kH1:
      case Tag::kH2:
      case Tag::kH3:
      case Tag::kH4:
      case Tag::kH5:
      case Tag::kH6:
      case Tag::kTh:
        s = -5;
        break;
      default:
        break;
    }
    i.score = static_cast<float>(s + ClassWeight(n));
  }

  bool Stop(uint32_t n) const {
    return n == kNoNode || n == 0 || N(n).tag == Tag::kBody || N(n).tag == Tag::kHtml;
  }

  // Step 2 and 3: the element(s) that hold the article.
  std::vector<uint32_t> SelectContent() {
    const auto& blocks = s_.vt.blocks;
    std::vector<uint32_t> touched;
    for (size_t b = 0; b < blocks.size(); ++b) {
      const TextBlock& tb = blocks[b];
      if (I(tb.node).aside) continue;
      uint32_t len = tb.span.size();
      if (len < 25 || tb.link_bytes * 2 > len) continue;
      double score = 1 + CountCommas(BlockText(b)) + std::min(len / 100.0, 3.0);
      // Text written straight into a container (<div>text<br>text</div>) makes the container
      // itself the paragraph's holder; a <p>, <li>, <h2> ... credits its parent.
      Tag owner_tag = N(tb.node).tag;
      bool container = owner_tag == Tag::kDiv || owner_tag == Tag::kSection ||
                       owner_tag == Tag::kArticle || owner_tag == Tag::kMain ||
                       owner_tag == Tag::kTd || owner_tag == Tag::kBody;
      uint32_t anc = container ? tb.node : N(tb.node).parent;
      for (int level = 0; level < 5 && !Stop(anc); ++level, anc = N(anc).parent) {
        if (!I(anc).candidate) {
          InitCandidate(anc);
          touched.push_back(anc);
        }
        double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        I(anc).score += static_cast<float>(score / div);
      }
    }
    uint32_t top = kNoNode;
    for (uint32_t n : touched) {
      I(n).score *= static_cast<float>(1 - LinkDensity(n));
      if (top == kNoNode || I(n).score > I(top).score) top = n;
    }
    // JSON-LD decides only when its articleBody is the size of an article, not a teaser.
    uint32_t ld_root = JsonLdRoot();
    if (ld_root != kNoNode && (top == kNoNode || s_.meta.ld_body.size() * 10 >= I(top).text * 6u ||
                               IsAncestor(doc_, ld_root, top)))
      return {ld_root};
    if (top == kNoNode) return {};

    // Several near-equal candidates under one ancestor: the ancestor holds the article.
    std::vector<uint32_t> sorted = touched;
    std::sort(sorted.begin(), sorted.end(),
              [&](uint32_t x, uint32_t y) { return I(x).score > I(y).score; });
    std::vector<uint32_t> alternatives;
    for (size_t k = 1; k < sorted.size() && k < 5; ++k)
      if (I(sorted[k]).score >= 0.75 * I(top).score) alternatives.push_back(sorted[k]);
    if (alternatives.size() >= 3) {
      for (uint32_t p = N(top).parent; !Stop(p); p = N(p).parent) {
        int contained = 0;
        for (uint32_t alt : alternatives)
          if (IsAncestor(doc_, p, alt)) ++contained;
        if (contained >= 3) {
          top = p;
          InitCandidate(top);
          break;
        }
      }
    }
    // Climb while the parent scores higher (the article is split over siblings).
    double last = I(top).score;
    double threshold = last / 3;
    for (uint32_t p = N(top).parent; !Stop(p); p = N(p).parent) {
      if (!I(p).candidate) continue;
      double ps = I(p).score;
      if (ps < threshold) break;
      if (ps > last) {
        top = p;
        break;
      }
      last = ps;
    }
    // An only child: its parent holds the same text.
    while (!Stop(N(top).parent) && I(N(top).parent).text == I(top).text && !I(N(top).parent).aside)
      top = N(top).parent;

    std::vector<uint32_t> roots;
    uint32_t parent = N(top).parent;
    if (Stop(parent) && parent != kNoNode && parent != 0 && false) return {top};
    double sib_threshold = std::max(10.0, I(top).score * 0.2);
    std::string_view top_class = doc_.Attr(top, "class");
    for (uint32_t c = parent == kNoNode ? top : N(parent).first_child; c != kNoNode;
         c = N(c).next_sibling) {
      if (c == top) {
        roots.push_back(c);
        continue;
      }
      if (parent == kNoNode) break;
      if (N(c).type != NodeType::kElement || I(c).aside || I(c).text == 0) continue;
      double bonus =
          (!top_class.empty() && doc_.Attr(c, "class") == top_class) ? I(top).score * 0.2 : 0;
      if (I(c).candidate && I(c).score + bonus >= sib_threshold) {
        roots.push_back(c);
        continue;
      }
      if (N(c).tag == Tag::kP || N(c).tag == Tag::kBlockquote) {
        double ld = LinkDensity(c);
        uint32_t len = I(c).text;
        if (len > 80 && ld < 0.25) {
          roots.push_back(c);
        } else if (len > 0 && len <= 80 && ld == 0 && I(c).commas + 1 > 0) {
          // A short paragraph that reads as a sentence.
          for (size_t b = 0; b < s_.vt.blocks.size(); ++b) {
            if (s_.vt.blocks[b].node == c && EndsSentence(BlockText(b))) {
              roots.push_back(c);
              break;
            }
          }
        }
      }
    }
    return roots;
  }

  // The element whose blocks agree best with JSON-LD articleBody, when it covers most of it.
  uint32_t JsonLdRoot() {
    const std::string& body = s_.meta.ld_body;
    if (body.size() < 200) return kNoNode;
    std::unordered_set<uint64_t> words;
    size_t ld_words = 0;
    ForEachWord(body, [&](uint64_t h) {
      words.insert(h);
      ++ld_words;
    });
    if (ld_words < 40) return kNoNode;
    const auto& blocks = s_.vt.blocks;
    std::vector<float> support(doc_.nodes.size(), 0);
    std::vector<float> agree(doc_.nodes.size(), 0);
    for (size_t b = 0; b < blocks.size(); ++b) {
      const TextBlock& tb = blocks[b];
      if (I(tb.node).aside) continue;
      size_t n = 0, hit = 0;
      ForEachWord(BlockText(b), [&](uint64_t h) {
        ++n;
        if (words.count(h)) ++hit;
      });
      if (n == 0) continue;
      bool ok = hit * 10 >= n * 8;
      support[tb.node] += ok ? static_cast<float>(n) : -static_cast<float>(n);
      if (ok) agree[tb.node] += static_cast<float>(n);
    }
    const auto& nodes = doc_.nodes;
    for (uint32_t i = static_cast<uint32_t>(nodes.size()); i-- > 1;) {
      uint32_t p = nodes[i].parent;
      if (p == kNoNode) continue;
      support[p] += support[i];
      agree[p] += agree[i];
    }
    uint32_t best = kNoNode;
    for (uint32_t i = 1; i < nodes.size(); ++i) {
      if (nodes[i].type != NodeType::kElement || I(i).aside) continue;
      if (best == kNoNode || support[i] > support[best]) best = i;
    }
    if (best == kNoNode || agree[best] < 0.6 * ld_words) return kNoNode;
    return best;
  }

  void MarkContent(const std::vector<uint32_t>& roots) {
    for (uint32_t r : roots) I(r).in_content = true;
    const auto& nodes = doc_.nodes;
    for (uint32_t i = 1; i < nodes.size(); ++i) {
      uint32_t p = nodes[i].parent;
      if (p != kNoNode && I(p).in_content) I(i).in_content = true;
    }
    roots_ = roots;
  }

  // Step 4: sub-containers inside the content that are not article text.
  void CleanContent() {
    const auto& nodes = doc_.nodes;
    for (uint32_t i = 1; i < nodes.size(); ++i) {
      NodeInfo& info = I(i);
      if (!info.in_content || nodes[i].type != NodeType::kElement) continue;
      uint32_t p = nodes[i].parent;
      if (p != kNoNode && I(p).removed) {
        info.removed = I(p).removed;
        continue;
      }
      if (std::find(roots_.begin(), roots_.end(), i) != roots_.end()) continue;
      Tag t = nodes[i].tag;
      bool container = t == Tag::kDiv || t == Tag::kSection || t == Tag::kUl || t == Tag::kOl ||
                       t == Tag::kTable || t == Tag::kDl || t == Tag::kFigure ||
                       t == Tag::kUnknown || t == Tag::kSpan;
      if (!container || info.text == 0) continue;
      double ld = LinkDensity(i);
      double weight = ClassWeight(i);
      if (info.commas < 10) {
        if ((weight < 25 && ld > 0.33 && info.text < 1000) || ld > 0.5) {
          info.removed = "link list";
          continue;
        }
        if (info.link_blocks >= 3 && info.link_blocks * 2 > info.paras + info.list_items + 1) {
          info.removed = "link list";
          continue;
        }
      }
    }
  }

  void SetRole(size_t b, BlockRole role, const char* reason) {
    a_->blocks[b].role = role;
    if (reason) a_->blocks[b].reason = reason;
  }

  // Walks up from the block's element to the first element with a byline/date-ish class,
  // stopping at `stop`.
  const char* SmallRole(uint32_t node, uint32_t stop) {
    for (uint32_t p = node; p != kNoNode && p != stop && p != 0; p = N(p).parent) {
      if (N(p).tag == Tag::kTime) return "timestamp";
      if (N(p).tag == Tag::kFigcaption || N(p).tag == Tag::kFigure) return "caption";
      std::string_view cls = doc_.Attr(p, "class");
      std::string_view rel = doc_.Attr(p, "rel");
      std::string_view ip = doc_.Attr(p, "itemprop");
      if (EqualsNoCase(rel, "author") || EqualsNoCase(ip, "author")) return "byline";
      std::string lc;
      for (char c : cls) lc.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
      if (lc.find("byline") != std::string::npos || lc.find("author") != std::string::npos)
        return "byline";
      if (HasToken(lc, {"date", "time", "timestamp", "dateline", "datetime", "pubdate", "published",
                        "posted", "updated"}))
        return "timestamp";
      if (lc.find("caption") != std::string::npos) return "caption";
      if (lc.find("credit") != std::string::npos) return "credit";
    }
    return nullptr;
  }

  void AssignRoles(bool have_content) {
    const auto& blocks = s_.vt.blocks;
    size_t body_bytes = 0, prose_blocks = 0, teaser_links = 0;
    headline_block_ = SIZE_MAX;
    for (size_t b = 0; b < blocks.size(); ++b) {
      const TextBlock& tb = blocks[b];
      const NodeInfo& info = I(tb.node);
      std::string_view text = BlockText(b);
      uint32_t len = tb.span.size();
      bool heading = HasFlag(N(tb.node).tag, kTagHeading);
      uint32_t h1 = Enclosing(doc_, tb.node, Tag::kH1);
      if (h1 != kNoNode && headline_block_ == SIZE_MAX && !info.aside) {
        SetRole(b, BlockRole::kHeadline, "h1");
        headline_block_ = b;
        continue;
      }
      if (!info.in_content) {
        const char* small = SmallRole(tb.node, kNoNode);
        if (!small && !info.aside && len < 80 && IsBylineLine(text)) small = "byline";
        if (small && len < 200 && std::strcmp(small, "byline") == 0 && !info.aside) {
          SetRole(b, BlockRole::kByline, "byline element");
        } else if (small && len < 100 && std::strcmp(small, "timestamp") == 0) {
          SetRole(b, BlockRole::kTimestamp, "date element");
        } else {
          SetRole(b, BlockRole::kBoilerplate, info.aside ? info.aside : "outside the article");
        }
        continue;
      }
      if (info.aside) {
        SetRole(b, BlockRole::kBoilerplate, info.aside);
        continue;
      }
      if (info.removed) {
        if (len <= 80 && tb.link_bytes * 10 >= len * 8) ++teaser_links;
        SetRole(b, BlockRole::kBoilerplate, info.removed);
        continue;
      }
      uint32_t root = kNoNode;
      for (uint32_t r : roots_)
        if (IsAncestor(doc_, r, tb.node)) root = r;
      const char* small = SmallRole(tb.node, root);
      if (small && std::strcmp(small, "caption") == 0) {
        SetRole(b, BlockRole::kCaption, "figure caption");
        continue;
      }
      if (small && std::strcmp(small, "credit") == 0 && len < 150) {
        SetRole(b, BlockRole::kCredit, "credit");
        continue;
      }
      if (small && std::strcmp(small, "byline") == 0 && len < 150) {
        SetRole(b, BlockRole::kByline, "byline element");
        continue;
      }
      if (small && std::strcmp(small, "timestamp") == 0 && len < 100) {
        SetRole(b, BlockRole::kTimestamp, "date element");
        continue;
      }
      if (len < 60 && extract::IsTimestampLine(text)) {
        SetRole(b, BlockRole::kTimestamp, "date line");
        continue;
      }
      if (len < 80 && IsBylineLine(text)) {
        SetRole(b, BlockRole::kByline, "byline line");
        continue;
      }
      if (tb.link_bytes * 10 >= len * 6 && !heading) {
        if (len <= 200) ++teaser_links;
        SetRole(b, BlockRole::kBoilerplate, "link");
        continue;
      }
      if (heading && tb.link_bytes * 10 >= len * 8) {
        ++teaser_links;
        SetRole(b, BlockRole::kBoilerplate, "headline link");
        continue;
      }
      if (IsBareValue(text)) {
        SetRole(b, BlockRole::kBoilerplate, "bare value");
        continue;
      }
      if (IsStockPhrase(text)) {
        SetRole(b, BlockRole::kBoilerplate, "stock phrase");
        continue;
      }
      SetRole(b, BlockRole::kBody, nullptr);
      body_bytes += len;
      if (IsProse(b)) ++prose_blocks;
    }
    // Step 5: not an article.
    // Pages that call themselves articles (og:type, JSON-LD type, a publication time, or a
    // single <article> element: section fronts hold one per teaser) keep even a short body;
    // others must show prose rather than a list of headline links.
    const PageMetadata& m = s_.meta;
    size_t article_elements = 0;
    for (const Node& n : doc_.nodes)
      if (n.type == NodeType::kElement && n.tag == Tag::kArticle) ++article_elements;
    bool says_article = m.ld_article || EqualsNoCase(m.og_type, "article") ||
                        !m.published_time.empty() || article_elements == 1;
    bool teaser_page = teaser_links >= 6 && teaser_links > 2 * prose_blocks;
    bool not_article = !have_content || body_bytes == 0 ||
                       (!says_article && (body_bytes < 150 || teaser_page ||
                                          (prose_blocks < 2 && body_bytes < 300)));
    if (not_article) {
      for (Block& blk : a_->blocks)
        if (blk.role == BlockRole::kBody) {
          blk.role = BlockRole::kBoilerplate;
          blk.reason = "not an article";
        }
      a_->warnings.push_back(
          "no article found: the page looks like a section front, menu or index page");
    }
  }

  void FillMetadata() {
    const PageMetadata& m = s_.meta;
    a_->outlet = !m.og_site_name.empty()       ? m.og_site_name
                 : !m.ld_publisher.empty()     ? m.ld_publisher
                 : !m.application_name.empty() ? m.application_name
                                               : std::string();
    std::string headline = !m.ld_headline.empty()        ? m.ld_headline
                           : !m.og_title.empty()         ? m.og_title
                           : !m.twitter_title.empty()    ? m.twitter_title
                           : headline_block_ != SIZE_MAX ? std::string(BlockText(headline_block_))
                                                         : m.title;
    a_->headline = StripSiteName(headline, a_->outlet);
    a_->standfirst = !m.description.empty()      ? m.description
                     : !m.og_description.empty() ? m.og_description
                                                 : m.ld_description;
    if (!a_->standfirst.empty()) {
      for (size_t b = 0; b < a_->blocks.size(); ++b) {
        bool body = a_->blocks[b].role == BlockRole::kBody;
        if (BlockText(b) == a_->standfirst) {
          SetRole(b, BlockRole::kStandfirst, "description");
          break;
        }
        if (body) break;
      }
    }
    a_->section = !m.section.empty() ? m.section : m.ld_section;
    a_->url = !m.canonical.empty() ? m.canonical : !m.og_url.empty() ? m.og_url : m.ld_url;
    a_->language = LanguageCode(m.lang);
    if (a_->language.empty()) a_->language = LanguageCode(m.ld_language);
    if (a_->language.empty()) a_->language = LanguageCode(m.og_locale);
    if (a_->language.empty()) a_->language = LanguageCode(m.content_language);
    a_->byline = !m.ld_authors.empty() ? m.ld_authors : m.meta_authors;
    if (a_->byline.empty()) {
      for (size_t b = 0; b < a_->blocks.size(); ++b) {
        if (a_->blocks[b].role != BlockRole::kByline) continue;
        std::string_view t = BlockText(b);
        if (StartsWithNoCase(t, "by ")) t.remove_prefix(3);
        a_->byline.emplace_back(t);
        break;
      }
    }
    // Publication time: an explicit datePublished always beats anything else.
    std::string iso;
    if (!(iso = IsoDate(m.ld_date_published)).empty()) {
      a_->published = Published{iso, "html:json-ld datePublished", 0.95};
    } else if (!(iso = IsoDate(m.published_time)).empty()) {
      a_->published = Published{iso, "html:meta published_time", 0.9};
    } else if (!(iso = TimeElementDate()).empty()) {
      a_->published = Published{iso, "html:time datetime", 0.8};
    } else if (headline_block_ != SIZE_MAX) {
      size_t end = std::min(a_->blocks.size(), headline_block_ + 6);
      for (size_t b = headline_block_ + 1; b < end; ++b) {
        std::string_view t = BlockText(b);
        if (t.size() > 200) continue;
        std::optional<extract::DateMatch> d = extract::FindDate(t);
        if (d && d->year > 0) {
          a_->published = Published{d->Iso(), "html:text near headline", 0.5};
          break;
        }
      }
    }
  }

  // The datetime of the first <time> in the content, else the first on the page.
  std::string TimeElementDate() {
    std::string first, fallback;
    for (uint32_t i = 1; i < doc_.nodes.size(); ++i) {
      if (N(i).tag != Tag::kTime) continue;
      std::string v = IsoDate(doc_.Attr(i, "datetime"));
      if (v.empty()) continue;
      if (I(i).in_content) return v;
      if (first.empty() && !I(i).aside) first = v;
      if (fallback.empty()) fallback = v;
    }
    return first.empty() ? fallback : first;
  }

  Scratch& s_;
  Document& doc_;
  Article* a_;
  std::vector<uint32_t> roots_;
  size_t headline_block_ = SIZE_MAX;
};

}  // namespace

Status ExtractFromHtml(std::string_view html, Article* article, std::vector<HtmlRange>* sources) {
  if (html.size() >= kMaxHtmlBytes)
    return Status::ResourceExhausted("html larger than 1 GiB: offsets are 32-bit");
  thread_local Scratch scratch;
  Extractor extractor(&scratch, article);
  extractor.Run(html, sources);
  return Status::Ok();
}

Status ExtractFromHtml(std::string_view html, Article* article) {
  return ExtractFromHtml(html, article, nullptr);
}

}  // namespace parallax::html
