// Finds the article inside a web page: parses the HTML, sets `article->text` to the page's
// visible text in reading order, gives every block of it a role (headline, standfirst, byline,
// timestamp, body, caption, credit, boilerplate with its reason) and fills the metadata the page
// states (JSON-LD, OpenGraph/Twitter meta, <time datetime>, bylines, canonical URL, <html lang>).
//
//   parallax::Article a;
//   PARALLAX_RETURN_IF_ERROR(parallax::html::ExtractFromHtml(utf8_html, &a));
//   std::string body = a.Body();  // what the page holds as its article text
//
// Thread safety: safe to call from several threads (scratch buffers are per thread).
#ifndef PARALLAX_HTML_HTML_EXTRACTOR_H_
#define PARALLAX_HTML_HTML_EXTRACTOR_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax::html {

// `html` is valid UTF-8 (ingest decoded it). On success article->text, blocks and metadata are
// set; a page that holds no article gets an empty body and a warning, not an error.
// Errors: none expected for any input; a Status is returned for limits only
// (ResourceExhausted for html of 1 GiB or more: offsets are 32-bit).
Status ExtractFromHtml(std::string_view html, Article* article);

// As above, and *sources[i] is the byte range of `html` that article->blocks[i] came from
// (from the first to the last of its text nodes). Until Block grows a field for it, this is how
// a block is traced back to its markup.
struct HtmlRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};
Status ExtractFromHtml(std::string_view html, Article* article, std::vector<HtmlRange>* sources);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_HTML_EXTRACTOR_H_
