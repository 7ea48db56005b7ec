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

// Decodes `bytes`. Order: BOM (UTF-8, UTF-16LE/BE, UTF-32LE/BE; the BOM is removed, nothing
// else: line endings stay as they are, so spans refer to the decoded input), then binary
// detection, then `declared` (a charset named by the container: HTTP header, <meta charset>;
// names ICU does not know are ignored; Latin-1/ASCII labels mean windows-1252 as in browsers),
// then valid UTF-8, then statistical detection among legacy single-byte charsets
// (windows-1251/1252, KOI8-R, ISO-8859-x). A declared legacy charset loses to input that is
// (mostly) well-formed multi-byte UTF-8. Input that is mostly valid UTF-8 with a few bad bytes
// stays UTF-8 with U+FFFD replacements counted in `replaced`; so do a few stray NUL bytes.
// Errors: InvalidArgument "empty input..." for empty input or whitespace only (NBSP included);
// Unsupported "binary content: <what>" for binary content (PNG/JPEG/GIF/PDF/ZIP/gzip/ELF ...
// signatures, NUL bytes, more than 10% control characters).
// Thread safety: safe to call from several threads (ICU objects are cached per thread).
Result<Decoded> Decode(std::string_view bytes, std::string_view declared = {});

// Decode() of bytes the caller gives away: valid UTF-8 input becomes the result's text without
// a copy. Same results as Decode(bytes, declared).
Result<Decoded> DecodeOwned(std::string bytes, std::string_view declared = {});

// True when `bytes` is entirely valid UTF-8 (the fast path of Decode). simdjson's validator.
bool IsValidUtf8(std::string_view bytes);
// The same answer from parallax's own scalar rules (those that drive lossy decoding), kept so
// that tests can hold the rules and the library to each other.
bool IsValidUtf8Scalar(std::string_view bytes);

// The number of control bytes in `bytes`: C0 controls other than TAB, LF, VT, FF, CR and ESC,
// and DEL (what binary detection counts). Exposed for tests.
size_t CountControlBytes(std::string_view bytes);

// `bytes` as UTF-8 with each maximal ill-formed subsequence replaced by one U+FFFD (the
// Unicode/WHATWG practice, as ICU does); adds the number of replacements to *replaced when
// non-null. Valid input comes back unchanged.
std::string ToUtf8Lossy(std::string_view bytes, size_t* replaced = nullptr);

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_DECODE_H_
