// Format sniffing for raw inputs: by file name, by content, and the charset an HTML page
// declares in its first bytes. Pure functions over bytes; no I/O.
//
//   InputFormat f = FormatFromName("a/b/page.html.gz");   // kHtml
//   if (f == InputFormat::kAuto) f = LooksLikeHtml(head) ? InputFormat::kHtml : InputFormat::kText;
#ifndef PARALLAX_INGEST_SNIFF_H_
#define PARALLAX_INGEST_SNIFF_H_

#include <string>
#include <string_view>

#include "parallax/pipeline.h"

namespace parallax::ingest {

// kJsonl for .jsonl/.ndjson, kHtml for .html/.htm/.xhtml, kText for .txt/.text/.md (each also
// with .gz appended; case-insensitive), kAuto otherwise.
InputFormat FormatFromName(std::string_view path);

// True when `head` (the first bytes of a file; a BOM and leading space are skipped) starts an
// HTML document: <!doctype html, <html, <?xml followed by <html, or a first tag that is a
// comment or one of head/body/p/div/meta/title/... with such a tag within the first 2 KiB.
bool LooksLikeHtml(std::string_view head);

// Stricter: only a doctype or an <html> tag at the start. For strings that are text unless
// they are clearly a whole page (JSONL text fields).
bool LooksLikeHtmlDocument(std::string_view head);

// The charset named by <meta charset="..."> or <meta http-equiv content="...; charset=...">
// within the first 4 KiB of `html`, or "" when none.
std::string FindMetaCharset(std::string_view html);

// True when `s` holds only ASCII whitespace.
bool IsAsciiSpace(std::string_view s);

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_SNIFF_H_
