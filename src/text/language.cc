#include "src/text/language.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cld2/public/compact_lang_det.h>

#include <cstdio>
#include <string>

namespace parallax::text {
namespace {

// CLD2 runs at about 30 MB/s, slower than the whole rest of the per-article pipeline, so it
// reads a window: kFirstWindow bytes first, and only when that is not reliable kMaxBytes.
// 2 KiB of prose identifies a language reliably (measured: bench/text_bench.cc).
constexpr size_t kFirstWindow = 2 * 1024;
constexpr size_t kMaxBytes = 32 * 1024;

// Fewer letters than this cannot be identified with any confidence.
constexpr size_t kMinBytes = 12;

// The longest prefix of `s` no longer than `n` bytes that ends on a code point boundary.
std::string_view Prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// CLD2 on a prefix of `utf8`; UNKNOWN_LANGUAGE when not reliable.
CLD2::Language Detect(std::string_view utf8, size_t max_bytes) {
  std::string_view s = Prefix(utf8, max_bytes);
  bool reliable = false;
  int valid_prefix = 0;
  // The checking variant: CLD2 reads past malformed UTF-8 otherwise, and a caller may hand us
  // text that did not come through ingest.
  CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(s.data(), static_cast<int>(s.size()),
                                    /*is_plain_text=*/true, &reliable, &valid_prefix);
  return reliable ? lang : CLD2::UNKNOWN_LANGUAGE;
}

}  // namespace

std::string DetectLanguage(std::string_view utf8) {
  if (utf8.size() < kMinBytes) return "";
  CLD2::Language lang = Detect(utf8, kFirstWindow);
  if (lang == CLD2::UNKNOWN_LANGUAGE && utf8.size() > kFirstWindow) lang = Detect(utf8, kMaxBytes);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 keeps a few legacy or regional codes; ISO 639-1 wants the modern two letters.
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "zh-Hant") return "zh";
  if (code == "mo") return "ro";
  if (code.size() > 2 && code[2] == '-') code.resize(2);
  if (code.size() != 2) return "";  // "xx-Qaai" and other non-language results
  return code;
}

}  // namespace parallax::text
