// HTML character references: named (&amp; &nbsp; &mdash; ... a table of the ~330 entities news
// pages actually use: all of HTML 4 plus the common HTML5 additions), decimal and hexadecimal
// (&#8212; &#x2014;), with the HTML5 repairs: &#128;-&#159; are read as Windows-1252 (&#150; is
// an en dash), NUL, surrogates and values past U+10FFFF become U+FFFD.
//
//   std::string out;
//   AppendDecoded("Fish &amp; chips &mdash; &#163;5", /*in_attribute=*/false, &out);
//   // out == "Fish & chips — £5"
#ifndef PARALLAX_HTML_ENTITIES_H_
#define PARALLAX_HTML_ENTITIES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax::html {

// Decodes the character reference at the start of `s` (s[0] == '&'). On success appends its
// UTF-8 to *out, sets *consumed to the bytes read (including ';' when present) and returns true.
// Returns false (nothing appended) when `s` does not start a reference: the caller keeps '&'.
// Legacy names that may omit ';' (&amp &copy &eacute ...) are accepted without it, except in
// attribute values when the next character is alphanumeric or '=' (as HTML5 prescribes, so
// "?a=1&copy=2" stays as written).
bool DecodeCharRef(std::string_view s, bool in_attribute, size_t* consumed, std::string* out);

// Appends `raw` with every character reference decoded.
void AppendDecoded(std::string_view raw, bool in_attribute, std::string* out);

// The code point of a named entity given without '&' and ';' ("mdash" -> 0x2014), or 0 when the
// table does not hold it. Case-sensitive, as HTML is ("Eacute" and "eacute" differ).
char32_t LookupEntity(std::string_view name);

// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates and values past U+10FFFF).
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace parallax::html

#endif  // PARALLAX_HTML_ENTITIES_H_
