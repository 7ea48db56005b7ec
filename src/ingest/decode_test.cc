#include "src/ingest/decode.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <utf8proc.h>

#include <random>
#include <string>
#include <vector>

namespace parallax::ingest {
namespace {

using namespace std::string_literals;

// Encodes UTF-8 `text` into `charset` with ICU (the test's own legacy samples).
std::string EncodeAs(const std::string& text, const char* charset) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << charset;
  // Fail rather than substitute: a sample the charset cannot represent proves nothing.
  ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string out(u.length() * 4 + 8, '\0');
  int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(),
                              u.length(), &status);
  ucnv_close(conv);
  EXPECT_TRUE(U_SUCCESS(status)) << charset << " " << u_errorName(status);
  out.resize(n);
  return out;
}

// Oracle 1: ICU refuses to convert ill-formed UTF-8.
bool IcuSaysValid(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> buf(s.size() + 1);
  int32_t len = 0;
  u_strFromUTF8(buf.data(), static_cast<int32_t>(buf.size()), &len, s.data(),
                static_cast<int32_t>(s.size()), &status);
  return U_SUCCESS(status);
}

// Oracle 2: utf8proc walks code points and reports ill-formed sequences.
bool Utf8procSaysValid(const std::string& s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t i = 0, n = static_cast<utf8proc_ssize_t>(s.size());
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p + i, n - i, &cp);
    if (k <= 0 || cp < 0) return false;
    i += k;
  }
  return true;
}

// ICU's lossy conversion: one U+FFFD per maximal ill-formed subpart.
std::string IcuLossy(const std::string& s, int32_t* substitutions) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> buf(s.size() + 1);
  int32_t len = 0;
  u_strFromUTF8WithSub(buf.data(), static_cast<int32_t>(buf.size()), &len, s.data(),
                       static_cast<int32_t>(s.size()), 0xFFFD, substitutions, &status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  icu::UnicodeString(buf.data(), len).toUTF8String(out);
  return out;
}

std::string RandomUtf8ish(std::mt19937* rng, size_t max_len) {
  // Biased towards the bytes where UTF-8 validation goes wrong: leads, continuations, the
  // boundaries of Table 3-7 (E0, ED, F0, F4), and ASCII runs for the word-at-a-time skip.
  static const unsigned char kInteresting[] = {
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
      0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};
  std::uniform_int_distribution<size_t> len_dist(0, max_len);
  std::uniform_int_distribution<int> kind(0, 9), byte(0, 255), pick(0, sizeof(kInteresting) - 1);
  std::string s;
  size_t len = len_dist(*rng);
  while (s.size() < len) {
    int k = kind(*rng);
    if (k < 4) {
      s.append(static_cast<size_t>(k * 5 + 1), 'a' + static_cast<char>(k));
    } else if (k < 7) {
      s.push_back(static_cast<char>(kInteresting[pick(*rng)]));
    } else if (k < 9) {
      // A well-formed code point.
      char32_t cp;
      do {
        cp = static_cast<char32_t>(std::uniform_int_distribution<uint32_t>(0x80, 0x10FFFF)(*rng));
      } while (cp >= 0xD800 && cp <= 0xDFFF);
      utf8proc_uint8_t buf[4];
      utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
      s.append(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
    } else {
      s.push_back(static_cast<char>(byte(*rng)));
    }
  }
  return s;
}

TEST(IsValidUtf8Test, EdgeCasesAgreeWithIcuAndUtf8proc) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"", true},
      {"plain ASCII text, long enough for the 16-byte skip", true},
      {"\xC2\xA0", true},           // NBSP
      {"\xC0\x80", false},          // overlong NUL
      {"\xC1\xBF", false},          // overlong
      {"\xE0\x80\x80", false},      // overlong 3-byte
      {"\xE0\xA0\x80", true},       // U+0800
      {"\xED\x9F\xBF", true},       // U+D7FF
      {"\xED\xA0\x80", false},      // surrogate U+D800
      {"\xEF\xBF\xBF", true},       // U+FFFF
      {"\xF0\x8F\xBF\xBF", false},  // overlong 4-byte
      {"\xF0\x90\x80\x80", true},   // U+10000
      {"\xF4\x8F\xBF\xBF", true},   // U+10FFFF
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xF5\x80\x80\x80", false},
      {"\xFF", false},
      {"\x80", false},                         // lone continuation
      {"abc\xE2\x82", false},                  // truncated at the end
      {"0123456789abcdef\xE2\x82\xAC", true},  // € right after a 16-byte ASCII block
      {"0123456789abcde\xE2\x82\xAC", true},
      {"0123456789abcdefghijklmnopqrstu\x80", false},
      {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", true},  // Hebrew (RTL)
      {"\xE6\x96\xB0\xE9\x97\xBB", true},          // CJK
      {"e\xCC\x81", true},                         // combining acute
  };
  for (const auto& [s, valid] : cases) {
    EXPECT_EQ(IsValidUtf8(s), valid) << testing::PrintToString(s);
    EXPECT_EQ(IsValidUtf8Scalar(s), valid) << testing::PrintToString(s);
    EXPECT_EQ(IcuSaysValid(s), valid) << testing::PrintToString(s);
    EXPECT_EQ(Utf8procSaysValid(s), valid) << testing::PrintToString(s);
  }
}

TEST(IsValidUtf8Test, RandomInputsAgreeWithOracles) {
  std::mt19937 rng(20240117);
  int valid_seen = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomUtf8ish(&rng, i % 10 == 0 ? 300 : 40);
    bool valid = IsValidUtf8(s);
    ASSERT_EQ(valid, IcuSaysValid(s)) << testing::PrintToString(s);
    ASSERT_EQ(valid, Utf8procSaysValid(s)) << testing::PrintToString(s);
    ASSERT_EQ(valid, IsValidUtf8Scalar(s)) << testing::PrintToString(s);
    valid_seen += valid;
  }
  // The generator must exercise both outcomes, or the comparison proves little.
  EXPECT_GT(valid_seen, 1000);
  EXPECT_LT(valid_seen, 19000);
}

// The byte-by-byte definition of a control byte that CountControlBytes vectorises.
size_t ScalarControls(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    n += (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B) ||
         c == 0x7F;
  }
  return n;
}

TEST(CountControlBytesTest, EveryByteValueAtEveryPosition) {
  EXPECT_EQ(CountControlBytes(""), 0u);
  for (int b = 0; b < 256; ++b) {
    for (size_t len : {1u, 15u, 16u, 17u, 33u}) {
      for (size_t at = 0; at < len; at += 7) {
        std::string s(len, 'a');
        s[at] = static_cast<char>(b);
        ASSERT_EQ(CountControlBytes(s), ScalarControls(s)) << b << " " << len << " " << at;
      }
    }
  }
}

TEST(CountControlBytesTest, RandomBytesAgreeWithScalarCount) {
  std::mt19937 rng(77);
  for (int i = 0; i < 2000; ++i) {
    std::string s(rng() % 200, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() % 0x21 : rng() % 256);
    ASSERT_EQ(CountControlBytes(s), ScalarControls(s)) << testing::PrintToString(s);
  }
}

TEST(ToUtf8LossyTest, MatchesIcuReplacementOnRandomInputs) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomUtf8ish(&rng, 60);
    int32_t icu_subs = 0;
    std::string expected = IcuLossy(s, &icu_subs);
    size_t replaced = 0;
    std::string got = ToUtf8Lossy(s, &replaced);
    ASSERT_EQ(got, expected) << testing::PrintToString(s);
    ASSERT_EQ(replaced, static_cast<size_t>(icu_subs)) << testing::PrintToString(s);
    ASSERT_TRUE(IsValidUtf8(got));
  }
}

TEST(ToUtf8LossyTest, MaximalSubparts) {
  size_t replaced = 0;
  // E0 A0 is a maximal subpart of an unfinished 3-byte sequence: one U+FFFD, then 'A'.
  EXPECT_EQ(ToUtf8Lossy("\xE0\xA0"
                        "A",
                        &replaced),
            "\xEF\xBF\xBD"
            "A");
  EXPECT_EQ(replaced, 1u);
  replaced = 0;
  // Each byte of an overlong form is its own subpart.
  EXPECT_EQ(ToUtf8Lossy("\xC0\x80", &replaced), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 2u);
}

struct DecodeCase {
  const char* name;
  std::string bytes;
  std::string declared;
  std::string text;
  std::string charset;
  size_t replaced;
};

TEST(DecodeTest, Table) {
  const std::vector<DecodeCase> cases = {
      {"ascii", "Hello, world.", "", "Hello, world.", "UTF-8", 0},
      {"utf8", "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D", "",
       "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D", "UTF-8", 0},
      {"utf8 bom removed", "\xEF\xBB\xBFText", "", "Text", "UTF-8", 0},
      {"bom wins over declared",
       "\xEF\xBB\xBF"
       "Caf\xC3\xA9",
       "windows-1251", "Caf\xC3\xA9", "UTF-8", 0},
      {"crlf kept", "line one\r\nline two\r\n", "", "line one\r\nline two\r\n", "UTF-8", 0},
      {"nbsp and text",
       "\xC2\xA0"
       "a",
       "",
       "\xC2\xA0"
       "a",
       "UTF-8", 0},
      {"utf16le bom", "\xFF\xFEH\0i\0"s, "", "Hi", "UTF-16LE", 0},
      {"utf16be bom", "\xFE\xFF\0H\0i"s, "", "Hi", "UTF-16BE", 0},
      {"utf16le no bom", "H\0e\0l\0l\0o\0 \0t\0h\0e\0r\0e\0"s, "", "Hello there", "UTF-16LE", 0},
      {"utf32le bom", "\xFF\xFE\0\0H\0\0\0i\0\0\0"s, "", "Hi", "UTF-32LE", 0},
      {"utf32be bom", "\0\0\xFE\xFF\0\0\0H\0\0\0i"s, "", "Hi", "UTF-32BE", 0},
      {"declared legacy", "Caf\xE9", "windows-1252", "Caf\xC3\xA9", "windows-1252", 0},
      {"declared latin1 means 1252", "\x93quoted\x94", "ISO-8859-1",
       "\xE2\x80\x9Cquoted\xE2\x80\x9D", "windows-1252", 0},
      {"declared quoted label", "Caf\xE9", " \"Windows-1252\" ", "Caf\xC3\xA9", "windows-1252", 0},
      {"declared unknown ignored", "Caf\xC3\xA9", "x-no-such-charset", "Caf\xC3\xA9", "UTF-8", 0},
      {"declared legacy loses to utf8", "\xD0\x9C\xD0\xB8\xD1\x80", "windows-1252",
       "\xD0\x9C\xD0\xB8\xD1\x80", "UTF-8", 0},
      {"declared utf-16 without bom ignored", "plain", "utf-16", "plain", "UTF-8", 0},
      {"declared utf8 keeps bad bytes replaced",
       "a\xFF"
       "b",
       "utf-8",
       "a\xEF\xBF\xBD"
       "b",
       "UTF-8", 1},
      {"mostly utf8", "\xD0\x9C\xD0\xB8\xD1\x80 \xD0\xB8 \xD0\xB4\xD1\x80\xD1\x83\xD0\xB3 \xFF ok",
       "", "\xD0\x9C\xD0\xB8\xD1\x80 \xD0\xB8 \xD0\xB4\xD1\x80\xD1\x83\xD0\xB3 \xEF\xBF\xBD ok",
       "UTF-8", 1},
      {"truncated tail stays utf8", "End \xE2\x80\x94 cut \xE2\x80", "",
       "End \xE2\x80\x94 cut \xEF\xBF\xBD", "UTF-8", 1},
      {"stray nul replaced",
       "A long enough line of text with one stray NUL byte in it,"
       " which is far less than one in a thousand bytes, honestly, "
       "and so on and so forth until we pass one thousand bytes of "
       "text. " +
           std::string(900, 'x') + "\0"s + "end",
       "", "", "UTF-8", 1},
  };
  for (const DecodeCase& c : cases) {
    Result<Decoded> d = Decode(c.bytes, c.declared);
    ASSERT_TRUE(d.ok()) << c.name << ": " << d.status().ToString();
    if (!c.text.empty()) {
      EXPECT_EQ(d->text, c.text) << c.name;
    }
    EXPECT_EQ(d->charset, c.charset) << c.name;
    EXPECT_EQ(d->replaced, c.replaced) << c.name;
    EXPECT_TRUE(IsValidUtf8(d->text)) << c.name;
  }
}

TEST(DecodeTest, EmptyAndWhitespace) {
  for (const std::string& s : {""s, " "s, "\r\n\t \n"s, "\xC2\xA0\xC2\xA0"s, "\xEF\xBB\xBF"s,
                               "\xEF\xBB\xBF  \n"s, "\xE3\x80\x80"s}) {
    Result<Decoded> d = Decode(s);
    ASSERT_FALSE(d.ok()) << testing::PrintToString(s);
    EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(d.status().message().rfind("empty", 0), 0u) << d.status().message();
  }
}

TEST(DecodeTest, BinaryIsUnsupportedWithReason) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s, "PNG"},
      {"\xFF\xD8\xFF\xE0\0\x10JFIF"s, "JPEG"},
      {"GIF89a\x01\0\x01\0"s, "GIF"},
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"s, "PDF"},
      {"PK\x03\x04\x14\0\x06\0"s, "ZIP"},
      {"\x1F\x8B\x08\0\0\0\0\0"s, "gzip"},
      {"\x7F"
       "ELF\x02\x01\x01\0"s,
       "ELF"},
      {"some text\0\0\0\x01\x02\x03\0\0\x05 more\0"s, "NUL bytes"},
      {"\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F text text"s, "control characters"},
  };
  for (const auto& [bytes, what] : cases) {
    Result<Decoded> d = Decode(bytes);
    ASSERT_FALSE(d.ok()) << what;
    EXPECT_EQ(d.status().code(), StatusCode::kUnsupported) << what;
    EXPECT_NE(d.status().message().find("binary content"), std::string::npos);
    EXPECT_NE(d.status().message().find(what), std::string::npos) << d.status().message();
  }
  // A declared charset does not turn an image into text.
  EXPECT_FALSE(Decode("\x89PNG\r\n\x1a\n\0\0"s, "windows-1252").ok());
}

// Texts written for these tests (fictional places and people).
const std::string kRussian =
    "Вчера в городе Северогорске открылся новый мост через реку Ясную. Мэр Иван Лебедев "
    "сказал журналистам, что строительство заняло три года и обошлось дешевле, чем "
    "ожидалось. «Мы сдержали слово», — добавил он. Жители ещё долго обсуждали это событие.";
// KOI8-R has no guillemets or dashes: the same text with ASCII punctuation.
const std::string kRussianPlain =
    "Вчера в городе Северогорске открылся новый мост через реку Ясную. Мэр Иван Лебедев "
    "сказал журналистам, что строительство заняло три года. \"Мы сдержали слово\", - добавил "
    "он. Жители ещё долго обсуждали это событие.";
const std::string kRussianHeadline = "Мост через Ясную открыт после трёх лет работ";
const std::string kGerman =
    "Die Bürgermeisterin von Grünau eröffnete am Montag die neue Brücke über die Lauter. "
    "„Wir sind stolz auf diese Straße“, sagte sie vor etwa dreihundert Gästen.";
const std::string kGermanHeadline = "Grünau eröffnet die neue Brücke über die Lauter";
const std::string kFrench =
    "Le maire de Valbonne a déclaré jeudi que la rénovation de l’école coûtera près de "
    "deux millions d’euros. « C’est un investissement pour nos enfants », a-t-il ajouté.";
const std::string kFrenchHeadline = "Valbonne : la rénovation de l’école coûtera deux millions";
const std::string kPolishHeadline = "Nowy most w Zielonej Łące otwarty w przyszłą środę";
const std::string kPolish =
    "Burmistrz Zielonej Łąki ogłosił w piątek, że nowy most zostanie otwarty w przyszłą "
    "środę. Mieszkańcy cieszą się z inwestycji, choć żałują, że budowa trwała tak długo. "
    "Według urzędników koszt przekroczył plan o kilkanaście procent.";

const std::string kGreek =
    "Ο δήμαρχος της Νεάπολης είπε στους δημοσιογράφους ότι η κατασκευή της γέφυρας κράτησε "
    "τρία χρόνια και κόστισε λιγότερο από ό,τι αναμενόταν.";
const std::string kGreekHeadline = "Νέα γέφυρα άνοιξε στη Νεάπολη μετά από τρία χρόνια";

struct LegacyCase {
  const char* name;
  const std::string* text;
  const char* charset;
};

TEST(DecodeTest, LegacyCharsetsRoundTrip) {
  const std::vector<LegacyCase> cases = {
      {"ru 1251", &kRussian, "windows-1251"},
      {"ru koi8", &kRussianPlain, "KOI8-R"},
      {"ru 8859-5", &kRussianPlain, "ISO-8859-5"},
      {"ru 1251 headline", &kRussianHeadline, "windows-1251"},
      {"ru koi8 headline", &kRussianHeadline, "KOI8-R"},
      {"de 1252", &kGerman, "windows-1252"},
      {"de 1252 headline", &kGermanHeadline, "windows-1252"},
      {"fr 1252", &kFrench, "windows-1252"},
      {"pl 8859-2", &kPolish, "ISO-8859-2"},
      {"fr 1252 headline", &kFrenchHeadline, "windows-1252"},
      {"pl 8859-2 headline", &kPolishHeadline, "ISO-8859-2"},
      {"pl 1250", &kPolish, "windows-1250"},
      {"el 8859-7", &kGreek, "ISO-8859-7"},
      {"el 8859-7 headline", &kGreekHeadline, "ISO-8859-7"},
  };
  for (const LegacyCase& c : cases) {
    std::string bytes = EncodeAs(*c.text, c.charset);
    ASSERT_FALSE(IsValidUtf8(bytes)) << c.name;
    Result<Decoded> d = Decode(bytes);
    ASSERT_TRUE(d.ok()) << c.name << ": " << d.status().ToString();
    EXPECT_EQ(d->text, *c.text) << c.name << " detected as " << d->charset;
    EXPECT_EQ(d->charset, c.charset) << c.name;
    EXPECT_EQ(d->replaced, 0u) << c.name;
    // Declared, the same bytes decode the same way.
    Result<Decoded> declared = Decode(bytes, c.charset);
    ASSERT_TRUE(declared.ok());
    EXPECT_EQ(declared->text, *c.text) << c.name;
    // Mis-declared as UTF-8 (a legacy page in a UTF-8 template): detection still wins.
    Result<Decoded> misdeclared = Decode(bytes, "utf-8");
    ASSERT_TRUE(misdeclared.ok());
    EXPECT_EQ(misdeclared->text, *c.text) << c.name;
  }
}

TEST(DecodeTest, LegacyHtmlPageWithoutDeclaration) {
  // Markup is mostly ASCII letters; detection must look at the text between the tags.
  std::string page = "<html><head><title>" + kRussianHeadline +
                     "</title><script>var analytics = {enabled: true, sampleRate: 0.5};"
                     "</script></head><body><div class=\"article-body\"><p>" +
                     kRussian + "</p></div></body></html>";
  for (const char* charset : {"windows-1251", "KOI8-R"}) {
    std::string bytes =
        EncodeAs(charset == std::string("KOI8-R")
                     ? std::string("<html><body><p>" + kRussianPlain + "</p></body></html>")
                     : page,
                 charset);
    Result<Decoded> d = Decode(bytes);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->charset, charset);
  }
}

TEST(DecodeTest, UnicodeScriptsPassThrough) {
  // RTL, CJK and combining marks are valid UTF-8 and come back byte for byte.
  for (const std::string& s :
       {"שלום עולם"s, "北京消息，新闻"s, "e\xCC\x81t\xC3\xA9"s, "«ёлка» — «ёлка»"s}) {
    Result<Decoded> d = Decode(s);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->text, s);
    EXPECT_EQ(d->charset, "UTF-8");
  }
}

TEST(DecodeTest, Utf16WithBomRoundTrips) {
  std::string le = "\xFF\xFE" + EncodeAs(kRussian + "\r\n", "UTF-16LE");
  Result<Decoded> d = Decode(le);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->text, kRussian + "\r\n");
  EXPECT_EQ(d->charset, "UTF-16LE");
  std::string be = "\xFE\xFF" + EncodeAs(kGerman, "UTF-16BE");
  d = Decode(be);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, kGerman);
  // A lone surrogate is replaced, not passed through as ill-formed UTF-8.
  d = Decode(
      "\xFF\xFE"
      "A\0\x00\xD8"
      "B\0"s);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text,
            "A\xEF\xBF\xBD"
            "B");
  EXPECT_EQ(d->replaced, 1u);
}

TEST(DecodeTest, ResultIsAlwaysValidUtf8) {
  std::mt19937 rng(99);
  for (int i = 0; i < 3000; ++i) {
    std::string s = RandomUtf8ish(&rng, 200);
    for (const char* declared : {"", "utf-8", "windows-1251", "KOI8-R", "bogus"}) {
      Result<Decoded> d = Decode(s, declared);
      Result<Decoded> owned = DecodeOwned(s, declared);
      ASSERT_EQ(d.ok(), owned.ok()) << testing::PrintToString(s);
      if (d.ok()) {
        ASSERT_TRUE(IsValidUtf8(d->text)) << testing::PrintToString(s);
        ASSERT_EQ(d->text, owned->text);
        ASSERT_EQ(d->charset, owned->charset);
        ASSERT_EQ(d->replaced, owned->replaced);
      } else {
        ASSERT_EQ(d.status().message(), owned.status().message());
      }
    }
  }
}

}  // namespace
}  // namespace parallax::ingest
