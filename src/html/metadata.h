// What a page says about itself: <meta> (OpenGraph, Twitter, article:*, Dublin Core, name=
// author/description/date), <link rel=canonical>, <html lang> and JSON-LD (schema.org
// NewsArticle and friends, inside @graph or arrays too). Values are decoded strings; empty when
// the page does not state them.
#ifndef PARALLAX_HTML_METADATA_H_
#define PARALLAX_HTML_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/html/dom.h"

namespace parallax::html {

struct PageMetadata {
  // JSON-LD (the first object whose @type is an article kind).
  bool ld_article = false;  // such an object exists
  std::string ld_type;
  std::string ld_headline;
  std::string ld_date_published;
  std::string ld_body;  // articleBody
  std::string ld_section;
  std::string ld_language;
  std::string ld_url;
  std::string ld_description;
  std::string ld_publisher;
  std::vector<std::string> ld_authors;
  // <meta>
  std::string og_title, og_site_name, og_url, og_description, og_type, og_locale;
  std::string twitter_title;
  std::string description;
  std::string published_time;  // article:published_time, or name=date/pubdate/dc.date...
  std::string section;         // article:section
  std::vector<std::string> meta_authors;
  std::string application_name;
  std::string content_language;
  // Other
  std::string canonical;
  std::string title;  // <title>
  std::string lang;   // <html lang>
};

// Reads the metadata of a parsed page.
void ReadMetadata(const Document& doc, PageMetadata* meta);

// Parses the JSON-LD in `json` into *meta (fields already set are kept). Tolerates what pages
// get wrong: raw control characters in strings, HTML comment or CDATA wrappers. Returns false
// when the text is not JSON.
bool ReadJsonLd(std::string_view json, PageMetadata* meta);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_METADATA_H_
