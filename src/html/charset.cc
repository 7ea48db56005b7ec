#include "src/html/charset.h"

#include "src/ingest/sniff.h"

namespace parallax::html {

std::string SniffCharset(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  std::string label = ingest::FindMetaCharset(bytes);
  std::string out;
  for (char c : label) {
    if (c == ' ' || c == '\t' || c == '"' || c == '\'') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  return out;
}

}  // namespace parallax::html
