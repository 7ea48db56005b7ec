// The charset an HTML page declares for itself, for ingest::Decode: a byte-order mark first, then
// <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=..."> in the
// first 4 KiB (what browsers prescan).
//
//   std::string cs = SniffCharset(bytes);                 // "utf-8", "windows-1251", "" ...
//   auto decoded = parallax::ingest::Decode(bytes, cs);
#ifndef PARALLAX_HTML_CHARSET_H_
#define PARALLAX_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace parallax::html {

// "UTF-8", "UTF-16LE", "UTF-16BE" for a BOM; else the declared label lower-cased and trimmed
// ("windows-1251"); "" when the page declares nothing.
std::string SniffCharset(std::string_view bytes);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_CHARSET_H_
