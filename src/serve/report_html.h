// The single-file HTML report of a comparison: one self-contained page (styles, script and the
// comparison record inlined; no request leaves the file) that renders the side-by-side view of
// a `parallax.comparison/1` record with the same renderer as the web app's story page, and
// prints readably.
#ifndef PARALLAX_SERVE_REPORT_HTML_H_
#define PARALLAX_SERVE_REPORT_HTML_H_

#include <string>
#include <string_view>

namespace parallax::serve {

// `comparison_json` is a parallax.comparison/1 record (docs/schema/comparison.md). Returns the
// whole HTML document. The JSON is embedded so that no "</script>" in article text can end the
// script element early.
std::string ComparisonHtml(std::string_view comparison_json);

}  // namespace parallax::serve

#endif  // PARALLAX_SERVE_REPORT_HTML_H_
