// Finds the article inside a web page: parses the HTML, sets `article->text` to the page's
// visible text in reading order, gives every block of it a role (headline, standfirst, byline,
// timestamp, body, caption, credit, boilerplate with its reason) and fills the metadata the page
// states (JSON-LD, OpenGraph/Twitter meta, <time datetime>, bylines, canonical URL, <html lang>).
#ifndef PARALLAX_HTML_HTML_EXTRACTOR_H_
#define PARALLAX_HTML_HTML_EXTRACTOR_H_

#include <string_view>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax::html {

// `html` is valid UTF-8 (ingest decoded it). On success article->text, blocks and metadata are
// set; a page that holds no article gets an empty body and a warning, not an error.
// Errors: none expected for any input; a Status is returned for limits only.
Status ExtractFromHtml(std::string_view html, Article* article);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_HTML_EXTRACTOR_H_
