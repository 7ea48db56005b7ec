// The story page's first screen drawn by the server, so that a visit to /story/ID paints the
// comparison without waiting for any script: the story's heading, its articles, and the top of
// the comparison (outlets, section list, headlines side by side, the first rows of the claim
// matrix, the empty reader). It is the markup app.js and compare.js draw for the same part
// (same elements and classes, so bundle.css styles it the same); the script then fetches the
// record and draws the whole page over it.
//
//   std::string html = StoryFirstScreenHtml(story_json, comparison_json);
//   if (!html.empty()) page.replace(placeholder_at, placeholder_size, html);
#ifndef PARALLAX_SERVE_STORY_PAGE_H_
#define PARALLAX_SERVE_STORY_PAGE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax::serve {

// Rows of the claim matrix in the first screen (compare.js kFirstRows: the same number).
inline constexpr size_t kFirstScreenClaimRows = 10;

// The first screen of the story page: <h1>, the summary line, the articles table and
// <div id="comparison" data-ssr="1">…</div>. `story_json` is the API's story object (id, label,
// first, last, article_count, outlet_count, articles[]), `comparison_json` a
// parallax.comparison/1 record. Every text and attribute value is HTML-escaped; there are no
// inline styles or scripts (the server's CSP refuses them). Returns "" when either is not a
// JSON object of that shape (the script then draws the page alone).
std::string StoryFirstScreenHtml(std::string_view story_json, std::string_view comparison_json);

}  // namespace parallax::serve

#endif  // PARALLAX_SERVE_STORY_PAGE_H_
