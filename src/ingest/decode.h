// Charset detection and decoding of raw bytes to UTF-8.
//
// Invariant: a successful Decode() returns valid UTF-8 (invalid sequences replaced by U+FFFD and
// counted). Only ingest sees raw bytes; every later stage takes valid UTF-8 as given.
#ifndef PARALLAX_INGEST_DECODE_H_
#define PARALLAX_INGEST_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::ingest {

struct Decoded {
  std::string text;     // valid UTF-8, BOM removed
  std::string charset;  // canonical name of what was decoded: "UTF-8", "UTF-16LE", "windows-1251"
  size_t replaced = 0;  // invalid byte sequences replaced by U+FFFD
};

// Decodes `bytes`. Order: BOM (UTF-8, UTF-16LE/BE), then `declared` (a charset named by the
// container: HTTP header, <meta charset>), then valid UTF-8, then statistical detection among
// legacy single-byte charsets (windows-1251/1252, KOI8-R, ISO-8859-x).
// Errors: InvalidArgument for empty input or whitespace only; Unsupported for binary content
// (NUL bytes or control characters outside text, e.g. images, PDFs, executables).
Result<Decoded> Decode(std::string_view bytes, std::string_view declared = {});

// True when `bytes` is entirely valid UTF-8 (the fast path of Decode).
bool IsValidUtf8(std::string_view bytes);

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_DECODE_H_
