#include "src/ingest/decode.h"

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/base/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax::ingest {
namespace {

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";
constexpr size_t kSampleBytes = size_t{64} << 10;  // binary and charset sniffing look this far

// ---------------------------------------------------------------------------------------------
// UTF-8 validation and lossy decoding.
//
// Hand-written rather than delegated because this is the hot path of every article: news text
// is mostly ASCII, and an 8-bytes-at-a-time ASCII skip makes validation run at memory speed.
// ICU can only validate by converting (to UTF-16, allocating), and utf8proc decodes one code
// point per call; both are kept as the oracles in decode_test.cc. The same sequence rules drive
// the replacing decoder so that it matches ICU's "maximal subpart" replacement (Unicode 3.9,
// D93b): one U+FFFD per maximal ill-formed subpart.

// Returns the length (1..4) of the well-formed sequence at p[i], or minus the length of its
// maximal ill-formed subpart (at least 1). Sets *truncated when the subpart runs into the end
// of the input (a sequence cut short rather than a wrong byte). Table 3-7 of the standard.
inline int SequenceAt(const unsigned char* p, size_t n, size_t i, bool* truncated) {
  const unsigned c = p[i];
  if (c < 0x80) return 1;
  int len;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c == 0xE0) {
    len = 3, lo = 0xA0;
  } else if (c >= 0xE1 && c <= 0xEC) {
    len = 3;
  } else if (c == 0xED) {
    len = 3, hi = 0x9F;
  } else if (c == 0xEE || c == 0xEF) {
    len = 3;
  } else if (c == 0xF0) {
    len = 4, lo = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3) {
    len = 4;
  } else if (c == 0xF4) {
    len = 4, hi = 0x8F;
  } else {
    return -1;
  }
  if (i + 1 >= n) {
    *truncated = true;
    return -1;
  }
  if (p[i + 1] < lo || p[i + 1] > hi) return -1;
  for (int k = 2; k < len; ++k) {
    if (i + k >= n) {
      *truncated = true;
      return -k;
    }
    if ((p[i + k] & 0xC0) != 0x80) return -k;
  }
  return len;
}

// Index of the first non-ASCII byte at or after `i`, or n.
inline size_t SkipAscii(const unsigned char* p, size_t n, size_t i) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  while (i + 16 <= n) {
    uint64_t a, b;
    std::memcpy(&a, p + i, 8);
    std::memcpy(&b, p + i + 8, 8);
    if ((a | b) & kHigh) break;
    i += 16;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

struct Utf8Stats {
  size_t multibyte = 0;  // well-formed sequences of 2..4 bytes
  size_t invalid = 0;    // maximal ill-formed subparts
  bool truncated_tail = false;
};

Utf8Stats ScanUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  Utf8Stats stats;
  size_t i = 0;
  while ((i = SkipAscii(p, n, i)) < n) {
    bool truncated = false;
    int len = SequenceAt(p, n, i, &truncated);
    if (len > 0) {
      ++stats.multibyte;
      i += len;
    } else {
      ++stats.invalid;
      stats.truncated_tail = truncated;
      i += -len;
    }
  }
  return stats;
}

// Appends `s` to *out with each maximal ill-formed subpart replaced by U+FFFD; returns how many.
size_t AppendUtf8Lossy(std::string_view s, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t replaced = 0, i = 0, run = 0;  // [run, i) is well-formed and not yet copied
  out->reserve(out->size() + n + 16);
  while ((i = SkipAscii(p, n, i)) < n) {
    bool truncated = false;
    int len = SequenceAt(p, n, i, &truncated);
    if (len > 0) {
      i += len;
      continue;
    }
    out->append(s.data() + run, i - run);
    out->append(kReplacementUtf8, 3);
    ++replaced;
    i += -len;
    run = i;
  }
  out->append(s.data() + run, n - run);
  return replaced;
}

// ---------------------------------------------------------------------------------------------
// Binary detection.

struct Magic {
  std::string_view prefix;
  std::string_view what;
};

// Signatures of the binary files most often dropped by mistake into a folder of articles.
constexpr Magic kMagics[] = {
    {"\x89PNG\r\n\x1a\n", "PNG image"},
    {"\xFF\xD8\xFF", "JPEG image"},
    {"GIF87a", "GIF image"},
    {"GIF89a", "GIF image"},
    {"%PDF-", "PDF document"},
    {"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"},
    {"PK\x05\x06", "ZIP archive (empty)"},
    {"\x1F\x8B", "gzip-compressed data"},
    {"\x7F"
     "ELF",
     "ELF executable"},
    {"BZh", "bzip2-compressed data"},
    {"\xFD"
     "7zXZ",
     "xz-compressed data"},
    {"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
    {"\x28\xB5\x2F\xFD", "zstd-compressed data"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE2 document (doc/xls/msg)"},
    {"SQLite format 3", "SQLite database"},
};

bool IsControl(unsigned char c) {
  // C0 controls that do not occur in text files (tab, LF, VT, FF, CR and ESC do), and DEL.
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B) ||
         c == 0x7F;
}

std::optional<std::string> MagicReason(std::string_view bytes) {
  for (const Magic& m : kMagics) {
    if (bytes.substr(0, m.prefix.size()) == m.prefix) {
      // "BZh" is also an English-looking prefix; demand the block-size digit and magic.
      if (m.prefix == "BZh" && (bytes.size() < 10 || bytes[3] < '1' || bytes[3] > '9' ||
                                bytes.substr(4, 6) != "1AY&SY")) {
        continue;
      }
      return "binary content: " + std::string(m.what);
    }
  }
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP")
    return std::string("binary content: WebP image");
  return std::nullopt;
}

// Share of control characters in `sample` in percent (0..100), counted on bytes.
int ControlPercent(std::string_view sample) {
  if (sample.empty()) return 0;
  return static_cast<int>(CountControlBytes(sample) * 100 / sample.size());
}

// A UTF-16 text without a BOM has NUL as every other byte for its ASCII characters. Returns
// "UTF-16LE"/"UTF-16BE" when the sample looks like that, or nullptr.
const char* GuessBomlessUtf16(std::string_view sample) {
  if (sample.size() < 4) return nullptr;
  size_t pairs = sample.size() / 2, even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i + 1 < sample.size(); i += 2) {
    even_nul += sample[i] == '\0';
    odd_nul += sample[i + 1] == '\0';
  }
  if (odd_nul * 10 >= pairs * 4 && even_nul * 20 < pairs) return "UTF-16LE";
  if (even_nul * 10 >= pairs * 4 && odd_nul * 20 < pairs) return "UTF-16BE";
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// ICU conversion.

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Converters are opened once per thread and name: ucnv_open is a table lookup plus allocation,
// too slow to repeat for every article of a legacy-encoded crawl.
UConverter* CachedConverter(const std::string& name) {
  thread_local std::unordered_map<std::string, ConverterPtr> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) conv = nullptr;
  // Unknown names are cached too (as null) so a crawl repeating a bad label costs one lookup.
  cache.emplace(name, ConverterPtr(conv));
  return conv;
}

void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to substitute
  ++*static_cast<size_t*>(const_cast<void*>(context));
  *status = U_ZERO_ERROR;
  static const UChar kFffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, status);
}

// The charset's preferred public name: "windows-1251" rather than ICU's "ibm-5347_P100-1998".
std::string PublicName(UConverter* conv) {
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getName(conv, &status);
  if (U_FAILURE(status) || name == nullptr) return "unknown";
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode s = U_ZERO_ERROR;
    const char* alias = ucnv_getStandardName(name, standard, &s);
    if (U_SUCCESS(s) && alias != nullptr) return alias;
  }
  return name;
}

// Converts `bytes` with `conv` to UTF-8, replacing (and counting) what the charset cannot map.
Result<Decoded> ConvertWith(UConverter* conv, std::string_view bytes) {
  Decoded out;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_reset(conv);
  ucnv_setToUCallBack(conv, CountingSubstitute, &out.replaced, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return Status::Internal("ucnv_setToUCallBack failed");

  // One UChar per input byte suffices for every single-byte and UTF charset; grow if not.
  std::vector<UChar> utf16(bytes.size() + 16);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  size_t written = 0;
  for (;;) {
    UChar* target = utf16.data() + written;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv, &target, utf16.data() + utf16.size(), &src, src_end, nullptr,
                   /*flush=*/true, &status);
    written = target - utf16.data();
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      utf16.resize(utf16.size() * 2);
      continue;
    }
    break;
  }
  UErrorCode reset_status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr,
                      &reset_status);
  if (U_FAILURE(status)) {
    return Status::InvalidArgument(std::string("cannot decode as ") + PublicName(conv) + ": " +
                                   u_errorName(status));
  }
  out.text.resize(written * 3);
  int32_t length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.text.data(), static_cast<int32_t>(out.text.size()), &length, utf16.data(),
                     static_cast<int32_t>(written), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return Status::Internal("u_strToUTF8WithSub failed");
  out.text.resize(length);
  out.charset = PublicName(conv);
  return out;
}

Result<Decoded> ConvertNamed(const std::string& name, std::string_view bytes) {
  UConverter* conv = CachedConverter(name);
  if (conv == nullptr) return Status::Internal("ICU has no converter for " + name);
  PARALLAX_ASSIGN_OR_RETURN(Decoded d, ConvertWith(conv, bytes));
  d.charset = name;
  return d;
}

// ---------------------------------------------------------------------------------------------
// Declared and detected legacy charsets.

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kJunk = " \t\r\n\"'";
  size_t b = s.find_first_not_of(kJunk);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(kJunk) - b + 1);
}

enum class DeclaredKind { kNone, kUtf8, kLegacy };

struct DeclaredCharset {
  DeclaredKind kind = DeclaredKind::kNone;
  UConverter* conv = nullptr;
};

DeclaredCharset ResolveDeclared(std::string_view declared) {
  std::string label = AsciiLower(Trim(declared));
  if (label.empty()) return {};
  // As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252, whose
  // 0x80-0x9F are the curly quotes and dashes that pages declared as Latin-1 really contain;
  // UTF-16/32 without a BOM is never what a declaration in an ASCII-compatible page means.
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "l1" ||
      label == "us-ascii" || label == "ascii" || label == "iso_8859-1" || label == "cp819" ||
      label == "ibm819" || label == "x-cp1252") {
    label = "windows-1252";
  }
  if (label.rfind("utf-16", 0) == 0 || label.rfind("utf-32", 0) == 0 ||
      label.rfind("utf16", 0) == 0 || label.rfind("utf32", 0) == 0 || label == "ucs-2" ||
      label == "unicode") {
    return {};
  }
  UConverter* conv = CachedConverter(label);
  if (conv == nullptr) return {};
  switch (ucnv_getType(conv)) {
    case UCNV_UTF8:
      return {DeclaredKind::kUtf8, conv};
    case UCNV_UTF16_BigEndian:
    case UCNV_UTF16_LittleEndian:
    case UCNV_UTF16:
    case UCNV_UTF32_BigEndian:
    case UCNV_UTF32_LittleEndian:
    case UCNV_UTF32:
      return {};
    default:
      return {DeclaredKind::kLegacy, conv};
  }
}

// Maps what ICU's detector names to the charset to decode with, or "" for results that are not
// plausible for a news article (multi-byte East Asian guesses on short Latin text, UTF-16/32
// without NULs, ISO-2022 without escapes). Latin-1 and Latin-5 become their Windows supersets.
std::string_view AllowedDetection(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kAllowed[] = {
      {"windows-1250", "windows-1250"}, {"windows-1251", "windows-1251"},
      {"windows-1252", "windows-1252"}, {"windows-1253", "windows-1253"},
      {"windows-1254", "windows-1254"}, {"windows-1255", "windows-1255"},
      {"windows-1256", "windows-1256"}, {"KOI8-R", "KOI8-R"},
      {"ISO-8859-1", "windows-1252"},   {"ISO-8859-2", "ISO-8859-2"},
      {"ISO-8859-5", "ISO-8859-5"},     {"ISO-8859-6", "ISO-8859-6"},
      {"ISO-8859-7", "ISO-8859-7"},     {"ISO-8859-8", "ISO-8859-8"},
      {"ISO-8859-8-I", "ISO-8859-8"},   {"ISO-8859-9", "windows-1254"},
  };
  for (const auto& [from, to] : kAllowed)
    if (from == name) return to;
  return {};
}

// Letter-case test for Cyrillic single-byte text, used where ICU's detector is weak (short
// lines). In windows-1251 the lower-case letters are 0xE0-0xFF and the capitals 0xC0-0xDF; in
// KOI8-R it is the other way round. Running text is mostly lower case, so the half of the high
// range that dominates tells the two apart. Returns "" when the text does not look Cyrillic:
// most letters ASCII (Western European text with a few accented letters), or no letters in
// one of the halves (Hebrew, whose letters are all in 0xE0-0xFA), or Greek: in ISO-8859-7 and
// windows-1253 the accented vowels at 0xDC-0xDF (ά έ ή ί) follow lower-case letters inside
// words, where windows-1251 would have capitals (Ь Э Ю Я) after lower case. Markup is skipped.
std::string_view GuessCyrillic(std::string_view sample) {
  size_t ascii_letters = 0, c0_df = 0, e0_ff = 0, greek_tonos = 0;
  unsigned char prev = 0;
  bool in_tag = false;
  for (size_t i = 0; i < sample.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(sample[i]);
    if (in_tag) {
      in_tag = c != '>';
      continue;
    }
    if (c == '<' && i + 1 < sample.size()) {
      const unsigned char n = static_cast<unsigned char>(sample[i + 1]);
      if (n == '/' || n == '!' || ((n | 0x20) >= 'a' && (n | 0x20) <= 'z')) {
        in_tag = true;
        continue;
      }
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++ascii_letters;
    } else if (c >= 0xC0 && c <= 0xDF) {
      ++c0_df;
      greek_tonos += c >= 0xDC && prev >= 0xE0;
    } else if (c >= 0xE0) {
      ++e0_ff;
    }
    prev = c;
  }
  const size_t high_letters = c0_df + e0_ff;
  if (high_letters < 3 || high_letters < 2 * ascii_letters || c0_df == 0 || e0_ff == 0) return {};
  if (e0_ff >= c0_df) {
    if (greek_tonos >= 2 && greek_tonos * 20 >= e0_ff) return {};
    return "windows-1251";
  }
  return "KOI8-R";
}

bool IsCyrillicCharset(std::string_view name) {
  return name == "windows-1251" || name == "KOI8-R" || name == "ISO-8859-5";
}

// True when `sample` decodes in `charset` without unassigned bytes (ISO-8859-8 has no letters
// at 0xC0-0xDF, for one: Cyrillic text is not Hebrew however the detector scores it).
bool MapsCleanly(const std::string& charset, std::string_view sample) {
  UConverter* conv = CachedConverter(charset);
  if (conv == nullptr) return false;
  Result<Decoded> d = ConvertWith(conv, sample.substr(0, 4096));
  return d.ok() && d->replaced == 0;
}

std::string DetectLegacy(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, kSampleBytes);
  const std::string_view cyrillic = GuessCyrillic(sample);
  struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
  };
  thread_local std::unique_ptr<UCharsetDetector, DetectorCloser> detector;
  UErrorCode status = U_ZERO_ERROR;
  if (!detector) {
    detector.reset(ucsdet_open(&status));
    if (U_FAILURE(status)) detector.reset();
  }
  if (detector) {
    status = U_ZERO_ERROR;
    // Markup would drown the letter statistics of a page: let ICU strip tags.
    size_t first = sample.find_first_not_of(" \t\r\n");
    ucsdet_enableInputFilter(detector.get(),
                             first != std::string_view::npos && sample[first] == '<');
    ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
      UErrorCode s = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &s);
      const int32_t confidence = ucsdet_getConfidence(matches[i], &s);
      if (U_FAILURE(s) || name == nullptr) continue;
      const std::string allowed(AllowedDetection(name));
      if (allowed.empty() || !MapsCleanly(allowed, sample)) continue;
      if (cyrillic.empty()) return allowed;
      if (IsCyrillicCharset(allowed)) {
        // Between windows-1251 and KOI8-R the detector needs a few sentences; on a headline
        // the letter-case test is the better judge.
        if (allowed != "ISO-8859-5" && sample.size() < 2048) return std::string(cyrillic);
        return allowed;
      }
      // A confident non-Cyrillic verdict (Greek scores ~60 even on a headline) stands; a weak
      // one on text whose letters look Cyrillic does not.
      return confidence >= 50 ? allowed : std::string(cyrillic);
    }
  }
  return cyrillic.empty() ? "windows-1252" : std::string(cyrillic);
}

bool IsAllSpace(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (!utf8::IsSpace(utf8::Next(text, &i))) return false;
  }
  return true;
}

// Replaces stray NUL characters (too few to call the input binary) by U+FFFD.
void ReplaceNuls(Decoded* d) {
  if (d->text.find('\0') == std::string::npos) return;
  std::string out;
  out.reserve(d->text.size() + 16);
  for (char c : d->text) {
    if (c == '\0') {
      out.append(kReplacementUtf8, 3);
      ++d->replaced;
    } else {
      out.push_back(c);
    }
  }
  d->text = std::move(out);
}

Result<Decoded> Finish(Decoded d) {
  ReplaceNuls(&d);
  if (IsAllSpace(d.text)) return Status::InvalidArgument("empty input: whitespace only");
  return d;
}

Decoded Utf8Lossy(std::string_view bytes) {
  Decoded d;
  d.charset = "UTF-8";
  d.replaced = AppendUtf8Lossy(bytes, &d.text);
  return d;
}

// Decoded text with a BOM-named UTF-16/32 charset must still look like text.
Result<Decoded> CheckDecodedText(Decoded d) {
  std::string_view sample = std::string_view(d.text).substr(0, kSampleBytes);
  if (std::count(sample.begin(), sample.end(), '\0') * 1000 > static_cast<ptrdiff_t>(sample.size()))
    return Status::Unsupported("binary content: NUL characters in " + d.charset + " text");
  int percent = ControlPercent(sample);
  if (percent > 10) {
    return Status::Unsupported("binary content: " + std::to_string(percent) +
                               "% control characters");
  }
  return Finish(std::move(d));
}

Result<Decoded> DecodeAs(const std::string& name, std::string_view bytes) {
  PARALLAX_ASSIGN_OR_RETURN(Decoded d, ConvertNamed(name, bytes));
  return CheckDecodedText(std::move(d));
}

}  // namespace

size_t CountControlBytes(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  // Every article's first 64 KiB is counted: a byte loop cost ~10 instructions a byte, more
  // than the UTF-8 check. 16 bytes a step: c <= 0x1F and not TAB..CR (9..13) nor ESC, or DEL.
  const __m128i max_control = _mm_set1_epi8(0x1F);
  const __m128i tab = _mm_set1_epi8(9);
  const __m128i four = _mm_set1_epi8(4);
  const __m128i esc = _mm_set1_epi8(0x1B);
  const __m128i del = _mm_set1_epi8(0x7F);
  // Per-lane hit counts (a hit is -1) summed into `count` every 255 steps, before a lane can
  // wrap.
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= n) {
    __m128i lanes = zero;
    for (int step = 0; step < 255 && i + 16 <= n; ++step, i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(v, max_control), max_control);
      __m128i t = _mm_sub_epi8(v, tab);  // 9..13 -> 0..4; everything else above 4 (wrapping)
      __m128i space =
          _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(t, four), four), _mm_cmpeq_epi8(v, esc));
      __m128i hit = _mm_or_si128(_mm_andnot_si128(space, low), _mm_cmpeq_epi8(v, del));
      lanes = _mm_sub_epi8(lanes, hit);
    }
    __m128i sums = _mm_sad_epu8(lanes, zero);
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  }
#endif
  for (; i < n; ++i) count += IsControl(p[i]);
  return count;
}

bool IsValidUtf8(std::string_view bytes) {
  // simdjson's validator (SIMD, picked for the CPU at run time) costs a fraction of an
  // instruction per byte, a third of the scalar check below (which applies the rules that
  // ScanUtf8 and the lossy decoder use). Tests hold both to ICU and utf8proc.
  return simdjson::validate_utf8(bytes.data(), bytes.size());
}

bool IsValidUtf8Scalar(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  bool truncated = false;
  while ((i = SkipAscii(p, n, i)) < n) {
    int len = SequenceAt(p, n, i, &truncated);
    if (len < 0) return false;
    i += len;
  }
  return true;
}

std::string ToUtf8Lossy(std::string_view bytes, size_t* replaced) {
  std::string out;
  size_t n = AppendUtf8Lossy(bytes, &out);
  if (replaced != nullptr) *replaced += n;
  return out;
}

namespace {

// Decode; `owned`, when given, holds `bytes` and may be moved into the result (valid UTF-8
// without a BOM: no copy).
Result<Decoded> DecodeImpl(std::string_view bytes, std::string_view declared, std::string* owned) {
  if (bytes.empty()) return Status::InvalidArgument("empty input");

  // 1. A byte-order mark names the charset and wins over any declaration (as in browsers).
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return Finish(Utf8Lossy(bytes.substr(3)));
  if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4))
    return DecodeAs("UTF-32LE", bytes.substr(4));
  if (bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
    return DecodeAs("UTF-32BE", bytes.substr(4));
  if (bytes.substr(0, 2) == "\xFF\xFE") return DecodeAs("UTF-16LE", bytes.substr(2));
  if (bytes.substr(0, 2) == "\xFE\xFF") return DecodeAs("UTF-16BE", bytes.substr(2));

  // 2. Binary content: known signatures, NUL bytes, control characters.
  if (auto reason = MagicReason(bytes)) return Status::Unsupported(*reason);
  std::string_view sample = bytes.substr(0, kSampleBytes);
  // memchr first: almost no input holds a NUL, and it scans far faster than a counting loop.
  const size_t nuls = std::memchr(bytes.data(), 0, bytes.size()) == nullptr
                          ? 0
                          : static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
  if (nuls * 1000 > bytes.size()) {
    if (const char* utf16 = GuessBomlessUtf16(sample); utf16 != nullptr && bytes.size() % 2 == 0)
      return DecodeAs(utf16, bytes);
    return Status::Unsupported("binary content: NUL bytes");
  }
  if (int percent = ControlPercent(sample); percent > 10) {
    return Status::Unsupported("binary content: " + std::to_string(percent) +
                               "% control characters");
  }

  // 3. Valid UTF-8, or UTF-8 with a few damaged bytes. Checked before a declared legacy charset
  // because multi-byte UTF-8 sequences practically never arise by chance in legacy text, while
  // pages that say "iso-8859-1" over UTF-8 content are common.
  const bool valid = IsValidUtf8(bytes);
  Utf8Stats stats;
  if (!valid) stats = ScanUtf8(bytes);
  const bool mostly_utf8 =
      !valid && stats.multibyte > 0 &&
      ((stats.invalid == 1 && stats.truncated_tail) || stats.invalid * 4 <= stats.multibyte);
  const bool has_multibyte =
      valid && SkipAscii(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0) <
                   bytes.size();

  // 4. The container's declaration (HTTP header, <meta charset>), when ICU knows the name.
  DeclaredCharset decl = ResolveDeclared(declared);
  if (decl.kind == DeclaredKind::kLegacy && !has_multibyte && !mostly_utf8) {
    PARALLAX_ASSIGN_OR_RETURN(Decoded d, ConvertWith(decl.conv, bytes));
    return Finish(std::move(d));
  }
  if (valid) {
    Decoded d;
    if (owned != nullptr) {
      d.text = std::move(*owned);
    } else {
      d.text.assign(bytes);
    }
    d.charset = "UTF-8";
    return Finish(std::move(d));
  }
  if (mostly_utf8) return Finish(Utf8Lossy(bytes));
  // A UTF-8 declaration is trusted over a few bad bytes, not over a page full of them: that is
  // a legacy page whose template says UTF-8, and detection reads it better than U+FFFD soup.
  if (decl.kind == DeclaredKind::kUtf8 && stats.invalid <= std::max<size_t>(3, stats.multibyte))
    return Finish(Utf8Lossy(bytes));

  // 5. Statistical detection among single-byte legacy charsets.
  PARALLAX_ASSIGN_OR_RETURN(Decoded d, ConvertNamed(DetectLegacy(bytes), bytes));
  return Finish(std::move(d));
}

}  // namespace

Result<Decoded> Decode(std::string_view bytes, std::string_view declared) {
  return DecodeImpl(bytes, declared, nullptr);
}

Result<Decoded> DecodeOwned(std::string bytes, std::string_view declared) {
  std::string_view view(bytes);
  return DecodeImpl(view, declared, &bytes);
}

}  // namespace parallax::ingest
