// Escaping for text placed into HTML documents by the server and the report.
#ifndef PARALLAX_SERVE_HTML_UTIL_H_
#define PARALLAX_SERVE_HTML_UTIL_H_

#include <string>
#include <string_view>

namespace parallax::serve {

// Appends JSON text so that it can sit inside <script type="application/json">: every '<',
// '>' and '&' becomes \u003c, \u003e, \u0026 and U+2028/U+2029 become \u2028/\u2029. In valid
// JSON these characters occur only inside strings, where the escapes mean the same characters,
// so the JSON parses to the same value, and no "</script>" or "<!--" can end the element.
// Any other byte is copied as is.
void AppendScriptSafeJson(std::string_view json, std::string* out);

// Appends `text` with &, <, >, " and ' replaced by character references.
void AppendHtmlEscaped(std::string_view text, std::string* out);

}  // namespace parallax::serve

#endif  // PARALLAX_SERVE_HTML_UTIL_H_
