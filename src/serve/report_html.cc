#include "src/serve/report_html.h"

#include "src/serve/assets.h"
#include "src/serve/html_util.h"

namespace parallax::serve {

std::string ComparisonHtml(std::string_view comparison_json) {
  std::string out;
  out.reserve(comparison_json.size() + 64 * 1024);
  // The CSP forbids every fetch: the page is complete as it is, and a hostile record cannot
  // make it load anything.
  out +=
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"generator\" content=\"parallax\">\n"
      "<title>parallax comparison</title>\n<style>\n";
  out += AssetData("base.css");
  out += AssetData("compare.css");
  out +=
      "</style>\n</head>\n<body>\n<main class=\"page\" id=\"main\">\n"
      "<h1 id=\"report-title\">Comparison</h1>\n<p class=\"sub\" id=\"report-sub\"></p>\n"
      "<noscript><p>This report draws its tables with JavaScript; the comparison record is "
      "embedded below as JSON.</p></noscript>\n<div id=\"pc\"></div>\n</main>\n"
      "<script type=\"application/json\" id=\"parallax-record\">";
  AppendScriptSafeJson(comparison_json, &out);
  out += "</script>\n<script>\n";
  out += AssetData("compare.js");
  out += AssetData("report.js");
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace parallax::serve
