#include "src/html/metadata.h"

#include <simdjson.h>

#include "src/html/entities.h"
#include "src/html/visible_text.h"

namespace parallax::html {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// schema.org types whose object describes the article itself.
bool IsArticleType(std::string_view t) {
  return EndsWith(t, "Article") || EndsWith(t, "BlogPosting") || t == "Report" ||
         t == "LiveBlogPosting" || t == "SocialMediaPosting";
}

// JSON-LD strings often carry HTML character references ("Fish &amp; chips"); decode them.
void SetIfEmpty(std::string* field, std::string_view value) {
  if (!field->empty() || value.empty()) return;
  if (value.find('&') == std::string_view::npos) {
    *field = NormalizeSpace(value);
    return;
  }
  std::string decoded;
  AppendDecoded(value, /*in_attribute=*/false, &decoded);
  *field = NormalizeSpace(decoded);
}

using simdjson::dom::element;

std::string_view StringOf(element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return s;
  return {};
}

// A name: a string, or an object with "name", or the first of an array of those.
std::string NameOf(element e) {
  if (e.is_string()) return std::string(StringOf(e));
  if (e.is_object()) {
    element n;
    if (e["name"].get(n) == simdjson::SUCCESS) return NameOf(n);
  }
  if (e.is_array()) {
    for (element x : e.get_array()) {
      std::string s = NameOf(x);
      if (!s.empty()) return s;
    }
  }
  return {};
}

bool TypeMatches(element obj) {
  element t;
  if (obj["@type"].get(t) != simdjson::SUCCESS) return false;
  if (t.is_string()) return IsArticleType(StringOf(t));
  if (t.is_array())
    for (element x : t.get_array())
      if (x.is_string() && IsArticleType(StringOf(x))) return true;
  return false;
}

void ReadArticleObject(element obj, PageMetadata* meta) {
  element v;
  meta->ld_article = true;
  if (obj["@type"].get(v) == simdjson::SUCCESS) SetIfEmpty(&meta->ld_type, NameOf(v));
  if (obj["headline"].get(v) == simdjson::SUCCESS) SetIfEmpty(&meta->ld_headline, NameOf(v));
  if (obj["datePublished"].get(v) == simdjson::SUCCESS)
    SetIfEmpty(&meta->ld_date_published, StringOf(v));
  if (obj["articleBody"].get(v) == simdjson::SUCCESS && meta->ld_body.empty())
    meta->ld_body = std::string(StringOf(v));
  if (obj["articleSection"].get(v) == simdjson::SUCCESS) SetIfEmpty(&meta->ld_section, NameOf(v));
  if (obj["inLanguage"].get(v) == simdjson::SUCCESS) SetIfEmpty(&meta->ld_language, NameOf(v));
  if (obj["url"].get(v) == simdjson::SUCCESS) SetIfEmpty(&meta->ld_url, StringOf(v));
  if (obj["description"].get(v) == simdjson::SUCCESS)
    SetIfEmpty(&meta->ld_description, StringOf(v));
  if (obj["publisher"].get(v) == simdjson::SUCCESS) SetIfEmpty(&meta->ld_publisher, NameOf(v));
  if (obj["author"].get(v) == simdjson::SUCCESS && meta->ld_authors.empty()) {
    if (v.is_array()) {
      for (element a : v.get_array()) {
        std::string n = NameOf(a);
        if (!n.empty()) meta->ld_authors.push_back(NormalizeSpace(n));
      }
    } else {
      std::string n = NameOf(v);
      if (!n.empty()) meta->ld_authors.push_back(NormalizeSpace(n));
    }
  }
}

void Walk(element e, int depth, PageMetadata* meta) {
  if (depth > 8) return;
  if (e.is_array()) {
    for (element x : e.get_array()) Walk(x, depth + 1, meta);
    return;
  }
  if (!e.is_object()) return;
  if (TypeMatches(e)) ReadArticleObject(e, meta);
  element g;
  if (e["@graph"].get(g) == simdjson::SUCCESS) Walk(g, depth + 1, meta);
  if (e["mainEntity"].get(g) == simdjson::SUCCESS) Walk(g, depth + 1, meta);
}

}  // namespace

bool ReadJsonLd(std::string_view json, PageMetadata* meta) {
  size_t first = json.find_first_of("{[");
  size_t last = json.find_last_of("}]");
  if (first == std::string_view::npos || last == std::string_view::npos || last < first)
    return false;
  std::string buf(json.substr(first, last - first + 1));
  // Raw control characters are invalid JSON but common inside JSON-LD strings; as whitespace
  // they are harmless outside strings and the sane reading inside them.
  for (char& c : buf)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(buf).get(root) != simdjson::SUCCESS) return false;
  Walk(root, 0, meta);
  return true;
}

void ReadMetadata(const Document& doc, PageMetadata* meta) {
  *meta = PageMetadata();
  meta->lang = doc.lang;
  const auto& nodes = doc.nodes;
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    if (n.type != NodeType::kElement) continue;
    switch (n.tag) {
      case Tag::kMeta: {
        std::string key = Lower(doc.Attr(i, "property"));
        if (key.empty()) key = Lower(doc.Attr(i, "name"));
        if (key.empty()) key = Lower(doc.Attr(i, "itemprop"));
        if (key.empty()) {
          if (Lower(doc.Attr(i, "http-equiv")) == "content-language")
            SetIfEmpty(&meta->content_language, doc.AttrDecoded(i, "content"));
          continue;
        }
        std::string value = doc.AttrDecoded(i, "content");
        if (value.empty()) continue;
        if (key == "og:title")
          SetIfEmpty(&meta->og_title, value);
        else if (key == "og:site_name")
          SetIfEmpty(&meta->og_site_name, value);
        else if (key == "og:url")
          SetIfEmpty(&meta->og_url, value);
        else if (key == "og:description")
          SetIfEmpty(&meta->og_description, value);
        else if (key == "og:type")
          SetIfEmpty(&meta->og_type, value);
        else if (key == "og:locale")
          SetIfEmpty(&meta->og_locale, value);
        else if (key == "twitter:title")
          SetIfEmpty(&meta->twitter_title, value);
        else if (key == "description")
          SetIfEmpty(&meta->description, value);
        else if (key == "article:section")
          SetIfEmpty(&meta->section, value);
        else if (key == "application-name")
          SetIfEmpty(&meta->application_name, value);
        else if (key == "article:published_time" || key == "datepublished" ||
                 key == "og:article:published_time" || key == "date" || key == "pubdate" ||
                 key == "publish-date" || key == "dc.date" || key == "dc.date.issued" ||
                 key == "dcterms.created" || key == "sailthru.date" || key == "parsely-pub-date")
          SetIfEmpty(&meta->published_time, value);
        else if (key == "author" || key == "article:author" || key == "dc.creator" ||
                 key == "sailthru.author" || key == "parsely-author") {
          // article:author is often a profile URL; keep names only.
          if (value.find("://") == std::string::npos) meta->meta_authors.push_back(value);
        }
        break;
      }
      case Tag::kLink: {
        std::string rel = Lower(doc.Attr(i, "rel"));
        if (rel == "canonical") SetIfEmpty(&meta->canonical, doc.AttrDecoded(i, "href"));
        break;
      }
      case Tag::kTitle:
        if (meta->title.empty() && n.first_child != kNoNode)
          meta->title = NormalizeSpace(doc.Text(nodes[n.first_child]));
        break;
      case Tag::kScript: {
        std::string type = Lower(doc.Attr(i, "type"));
        if (type.find("ld+json") != std::string::npos && n.first_child != kNoNode)
          (void)ReadJsonLd(doc.Text(nodes[n.first_child]), meta);
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace parallax::html
