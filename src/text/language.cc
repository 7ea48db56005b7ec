#include "src/text/language.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cld2/public/compact_lang_det.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

namespace parallax::text {
namespace {

// CLD2 runs at about 30 MB/s, slower than the whole rest of the per-article pipeline, so it
// reads a window: kFirstWindow bytes first, and only when that is not reliable kMaxBytes.
// 2 KiB of prose identifies a language reliably (measured: bench/text_bench.cc).
constexpr size_t kFirstWindow = 2 * 1024;  // bytes
constexpr size_t kMaxBytes = kLanguageReadBytes;

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

// English function words. A window of Latin-script text in which they make up a large share
// of the words is English: no other language shares more than a few of them.
constexpr std::array<std::string_view, 40> kEnglishFunctionWords = {
    "the",  "of",  "and",  "to",  "a",    "in",    "is",   "that", "for",  "on",
    "with", "was", "as",   "by",  "at",   "it",    "he",   "said", "from", "be",
    "are",  "has", "have", "his", "her",  "they",  "this", "an",   "were", "will",
    "not",  "but", "who",  "had", "been", "their", "its",  "she",  "we",   "would"};

// A word of at most 8 bytes packed into an integer (little end first, zero padded).
constexpr uint64_t PackWord(std::string_view w) {
  uint64_t v = 0;
  for (size_t i = 0; i < w.size() && i < 8; ++i)
    v |= uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
  return v;
}

// The function words as an open-addressing set of packed words, built once: one multiply and
// usually one compare per word instead of forty string compares.
class FunctionWordSet {
 public:
  constexpr FunctionWordSet() {
    for (std::string_view f : kEnglishFunctionWords) {
      uint64_t key = PackWord(f);
      size_t i = Slot(key);
      while (slots_[i] != 0) i = (i + 1) % kSlots;
      slots_[i] = key;
    }
  }
  constexpr bool Contains(uint64_t key) const {
    for (size_t i = Slot(key);; i = (i + 1) % kSlots) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  static constexpr size_t kSlots = 128;  // a power of two, over three times the word count
  static constexpr size_t Slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> 57; }
  std::array<uint64_t, kSlots> slots_{};
};

// Built at compile time: no guard to check on the per-word path.
constexpr FunctionWordSet kFunctionWords;

// The fast path: CLD2 costs ~300 instructions a byte, more than the rest of the text stage.
// On a window of kFastWindow bytes with almost no non-ASCII letters, and in which English
// function words are at least kFastShare of at least kFastMinWords words, answer "en" without
// CLD2. Tests check that this agrees with CLD2 on English and never fires on other languages.
constexpr size_t kFastWindow = 1024;
constexpr size_t kFastMinWords = 40;
constexpr double kFastShare = 0.25;

bool LooksEnglish(std::string_view utf8) {
  std::string_view s = utf8.substr(0, kFastWindow);
  size_t words = 0, function_words = 0, non_ascii = 0;
  uint64_t packed = 0;  // the word so far, lower-cased, as PackWord packs it
  size_t len = 0;
  bool too_long = false;
  auto end_word = [&] {
    if (len > 0 || too_long) {
      ++words;
      if (!too_long && kFunctionWords.Contains(packed)) ++function_words;
    }
    packed = 0;
    len = 0;
    too_long = false;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Count code points that may be letters of another script or accented Latin; curly
      // quotes and dashes (U+2000..U+203F: E2 80 xx), NBSP and Latin-1 punctuation (C2 xx)
      // are English typography.
      bool punctuation = c == 0xC2 || (c == 0xE2 && i + 1 < s.size() &&
                                       static_cast<unsigned char>(s[i + 1]) == 0x80);
      if (c >= 0xC0 && !punctuation) ++non_ascii;
      end_word();
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      if (len < 8) {
        packed |= uint64_t{static_cast<unsigned char>(c | 0x20)} << (8 * len);
        ++len;
      } else {
        too_long = true;
      }
    } else {
      end_word();
    }
  }
  end_word();
  return non_ascii * 20 < words && words >= kFastMinWords && function_words >= kFastShare * words;
}

}  // namespace

bool LooksEnglishFast(std::string_view utf8) {
  static_assert(kFastWindow <= kEnglishReadBytes);
  return utf8.size() >= kMinBytes && LooksEnglish(utf8);
}

std::string DetectLanguage(std::string_view utf8) {
  if (LooksEnglishFast(utf8)) return "en";
  return DetectLanguageCld2(utf8);
}

std::string DetectLanguageCld2(std::string_view utf8) {
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
