// Language identification with CLD2 over plain text.
//
//   std::string code = parallax::text::DetectLanguage(article.Body());  // "en", "ru" or ""
#ifndef PARALLAX_TEXT_LANGUAGE_H_
#define PARALLAX_TEXT_LANGUAGE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax::text {

// ISO 639-1 code of the main language of `utf8` ("en", "ru", "he" — never CLD2's legacy "iw"),
// or "" when CLD2 is not reliable, the text is shorter than a dozen bytes, or it is not valid
// UTF-8. Reads the first 2 KiB, and up to 32 KiB only when that was not reliable (CLD2 runs at
// about 30 MB/s; the window keeps the cost per article bounded). Thread-safe.
std::string DetectLanguage(std::string_view utf8);

// DetectLanguage and DetectLanguageCld2 read no byte at or past this offset: a caller may pass
// a prefix of at least kLanguageReadBytes + 1 bytes of a longer text and get the same answer.
inline constexpr size_t kLanguageReadBytes = 32 * 1024;

// DetectLanguage's fast path for English alone: true when DetectLanguage(utf8) answers "en"
// without CLD2. Reads no byte at or past kEnglishReadBytes, so a caller may pass a prefix of at
// least that many bytes of a longer text (and run DetectLanguage on more only when it is
// false).
bool LooksEnglishFast(std::string_view utf8);
inline constexpr size_t kEnglishReadBytes = 1024;

// The reference path: CLD2 alone, without DetectLanguage's fast path for English (which the
// tests check against this).
std::string DetectLanguageCld2(std::string_view utf8);

}  // namespace parallax::text

#endif  // PARALLAX_TEXT_LANGUAGE_H_
