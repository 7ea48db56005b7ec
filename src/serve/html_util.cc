#include "src/serve/html_util.h"

namespace parallax::serve {

void AppendScriptSafeJson(std::string_view json, std::string* out) {
  out->reserve(out->size() + json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    switch (c) {
      case '<':
        out->append("\\u003c");
        break;
      case '>':
        out->append("\\u003e");
        break;
      case '&':
        out->append("\\u0026");
        break;
      case '\xE2':
        // U+2028 / U+2029 (E2 80 A8 / E2 80 A9): line terminators for older JS parsers.
        if (i + 2 < json.size() && json[i + 1] == '\x80' &&
            (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
          out->append(json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029");
          i += 2;
          break;
        }
        out->push_back(c);
        break;
      default:
        out->push_back(c);
    }
  }
}

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      default:
        out->push_back(c);
    }
  }
}

}  // namespace parallax::serve
