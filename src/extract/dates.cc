#include "src/extract/dates.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "src/base/utf8.h"

namespace parallax::extract {
namespace {

// ---------------------------------------------------------------------------------------------
// Characters.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsMark(char32_t c) { return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489); }

// A letter for the purpose of word boundaries. Broad on purpose: anything alphabetic-looking
// outside the punctuation, symbol and private-use blocks counts, so that a month name is never
// matched inside a longer word of any script.
bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xE000 && c <= 0xF8FF) return false;  // private use
  if (c >= 0xFE10 && c <= 0xFE6F) return false;  // vertical/small forms
  if (c >= 0xFF00 && c <= 0xFF20) return false;  // full-width punctuation and digits
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;  // specials, U+FFFD
  if (c >= 0x1F000) return false;                // emoji and pictographs
  return !IsMark(c);
}

// Latin Extended-A (Polish, Czech ...) pairs upper and lower case as neighbours: upper case on
// even code points in U+0100..U+0137 and U+014A..U+0177, on odd ones in U+0139..U+0148 and
// U+0179..U+017E.
bool IsUpperExtA(char32_t c) {
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c % 2 == 0;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1;
  return c == 0x178;
}

bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x400 && c <= 0x42F) || IsUpperExtA(c);
}

// Lower case for the scripts whose month names we know (Latin-1, Latin Extended-A, Cyrillic).
char32_t Lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c == 0x178) return 0xFF;
  if (IsUpperExtA(c)) return c + 1;
  return c;
}

size_t AppendUtf8(char32_t c, char* out, size_t cap, size_t n) {
  char buf[4];
  size_t len;
  if (c < 0x80) {
    buf[0] = static_cast<char>(c);
    len = 1;
  } else if (c < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (c >> 6));
    buf[1] = static_cast<char>(0x80 | (c & 0x3F));
    len = 2;
  } else if (c < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (c >> 12));
    buf[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (c & 0x3F));
    len = 3;
  } else {
    buf[0] = static_cast<char>(0xF0 | (c >> 18));
    buf[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    buf[3] = static_cast<char>(0x80 | (c & 0x3F));
    len = 4;
  }
  if (n + len > cap) return cap + 1;
  for (size_t i = 0; i < len; ++i) out[n + i] = buf[i];
  return n + len;
}

// ---------------------------------------------------------------------------------------------
// Name tables, built once.

// A spelling can have several kinds ("a" joins a date to its time and is part of a label).
constexpr uint8_t kMonth = 1;
constexpr uint8_t kWeekday = 2;
constexpr uint8_t kZone = 4;
constexpr uint8_t kLabel = 8;
constexpr uint8_t kJoiner = 16;
constexpr uint8_t kYearWord = 32;

struct NameInfo {
  uint8_t kinds = 0;  // kMonth | kWeekday | ... bits
  uint8_t month = 0;
  // A month spelling that is also a common word ("may", "march", Spanish "ago" = August vs
  // English "ago"): after a day number it needs a capital or a written year.
  bool ambiguous = false;
  // A month spelling of a language that never writes the month before the day (Polish,
  // Italian abbreviations): "Gen. Smith" and "Lip 5" are not dates.
  bool day_first_only = false;
};

using NameTable = std::unordered_map<std::string_view, NameInfo>;

void AddNames(NameTable* t, std::string_view list, uint8_t kind, int month = 0) {
  size_t i = 0;
  while (i < list.size()) {
    size_t j = list.find(' ', i);
    if (j == std::string_view::npos) j = list.size();
    if (j > i) {
      NameInfo& info = (*t)[list.substr(i, j - i)];
      info.kinds |= kind;
      if (month != 0) info.month = static_cast<uint8_t>(month);
    }
    i = j + 1;
  }
}

const NameTable& Names() {
  static const NameTable* const kTable = [] {
    auto* t = new NameTable;
    // Lowercase spellings; accented names also appear without accents, because the scanner
    // drops combining marks (NFD text) and some sites write without them.
    static const char* const kMonths[12] = {
        "january jan janv janvier enero ene januar jänner janner janeiro gennaio "
        "январь января янв",
        "february feb febr février fevrier fév fev févr fevr febrero februar fevereiro "
        "febbraio февраль февраля фев февр",
        "march mar mars marzo märz marz mär março marco март марта мар",
        "april apr avril avr abril abr aprile апрель апреля апр",
        "may mai mayo maio maggio май мая",
        "june jun juin junio juni junho giugno июнь июня июн",
        "july jul juil juillet julio juli julho luglio июль июля июл",
        "august aug août aout agosto ago агусто август августа авг",
        "september sep sept septembre septiembre setiembre set setembro settembre "
        "сентябрь сентября сен сент",
        "october oct octobre octubre oktober okt outubro out ottobre октябрь октября окт",
        "november nov novembre noviembre novembro ноябрь ноября ноя нояб",
        "december dec déc decembre décembre diciembre dic dezember dez dezembro dicembre "
        "декабрь декабря дек",
    };
    for (int m = 0; m < 12; ++m) AddNames(t, kMonths[m], kMonth, m + 1);
    // Polish (genitive as dates write them, nominative, abbreviations, with and without
    // diacritics) and Italian abbreviations; day-first only.
    static const char* const kDayFirstMonths[12] = {
        "stycznia styczeń styczen sty gen",
        "lutego luty lut",
        "marca marzec",
        "kwietnia kwiecień kwiecien kwi",
        "maja maj mag",
        "czerwca czerwiec cze giu",
        "lipca lipiec lip lug",
        "sierpnia sierpień sierpien sie",
        "września wrzesnia wrzesień wrzesien wrz",
        "października pazdziernika październik pazdziernik paź paz ott",
        "listopada listopad lis",
        "grudnia grudzień grudzien gru",
    };
    for (int m = 0; m < 12; ++m) {
      AddNames(t, kDayFirstMonths[m], kMonth, m + 1);
      std::string_view list = kDayFirstMonths[m];
      size_t i = 0;
      while (i < list.size()) {
        size_t j = std::min(list.find(' ', i), list.size());
        (*t)[list.substr(i, j - i)].day_first_only = true;
        i = j + 1;
      }
    }
    for (std::string_view a :
         {"may", "mar", "march", "ago", "set", "out", "mars", "sty", "lut", "kwi", "maj", "mag",
          "cze", "lip", "lug",   "sie", "wrz", "paz", "lis",  "gru", "gen", "giu", "ott"}) {
      (*t)[a].ambiguous = true;
    }
    AddNames(t,
             "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri "
             "saturday sat sunday sun "
             "lundi mardi mercredi jeudi vendredi samedi dimanche "
             "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
             "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
             "понедельник вторник среда четверг пятница суббота воскресенье "
             "пн вт ср чт пт сб вс",
             kWeekday);
    AddNames(t,
             "utc gmt msk мск cet cest eet eest wet west est edt cst cdt mst mdt pst pdt et pt "
             "ct bst ist jst kst hkt sgt aest aedt mez mesz",
             kZone);
    AddNames(t,
             "updated published posted modified created last first date on at le el am "
             "обновлено опубликовано изменено обновлено: дата публикации "
             "aktualisiert veröffentlicht veroffentlicht stand publié publie mis à a jour "
             "actualizado publicado modifié modifie modificado aggiornato pubblicato il em "
             "atualizado opublikowano zaktualizowano aktualizacja publikacja data dnia",
             kLabel);
    AddNames(t, "at à a um в во alle ore às as om las la of de del godz", kJoiner);
    AddNames(t, "года год г", kYearWord);
    return t;
  }();
  return *kTable;
}

// ---------------------------------------------------------------------------------------------
// Words.

struct Word {
  size_t start = 0;
  size_t end = 0;
  char key[48];
  size_t key_len = 0;  // 0 when the word is too long to be any known name
  bool capitalized = false;
  bool all_upper = false;
  std::string_view Key() const { return {key, key_len}; }
};

// Reads the run of letters (and combining marks) starting at `p`; false when none.
bool ReadWord(std::string_view s, size_t p, Word* w) {
  size_t i = p;
  size_t n = 0;
  bool first = true;
  bool all_upper = true;
  constexpr size_t kCap = sizeof(w->key);
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    size_t j = i;
    if (b < 0x80) {
      c = b;
      j = i + 1;
    } else {
      c = utf8::Next(s, &j);
    }
    if (IsMark(c)) {
      if (first) return false;
      i = j;
      continue;
    }
    if (!IsLetter(c)) break;
    if (first) w->capitalized = IsUpper(c);
    if (!IsUpper(c)) all_upper = false;
    if (n <= kCap) n = AppendUtf8(Lower(c), w->key, kCap, n);
    first = false;
    i = j;
  }
  if (first) return false;
  w->start = p;
  w->end = i;
  w->key_len = n <= kCap ? n : 0;
  w->all_upper = all_upper;
  return true;
}

const NameInfo* Lookup(const Word& w) {
  if (w.key_len == 0) return nullptr;
  const NameTable& t = Names();
  auto it = t.find(w.Key());
  return it == t.end() ? nullptr : &it->second;
}

const NameInfo* LookupKind(const Word& w, uint8_t kind) {
  const NameInfo* info = Lookup(w);
  return info != nullptr && (info->kinds & kind) != 0 ? info : nullptr;
}

int DaysInMonth(int month, int year) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month != 2) return kDays[month - 1];
  if (year == 0) return 29;  // unknown year: allow the leap day
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return leap ? 29 : 28;
}

bool ValidDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= DaysInMonth(month, year);
}

// ---------------------------------------------------------------------------------------------
// The parser: every method takes a byte position and reports the position after what it read.

class DateParser {
 public:
  DateParser(std::string_view s, int default_year, DateOrder order = DateOrder::kUnknown)
      : s_(s), default_year_(default_year), order_(order) {}

  // A date (with optional weekday before and time of day before or after) starting at `p`.
  bool At(size_t p, DateMatch* m) const {
    evidence_ = DateOrder::kUnknown;
    size_t end;
    if (IsDigit(C(p))) {
      if (TimeThenDate(p, m, &end) || DateCore(p, m, &end)) {
        m->span = {static_cast<uint32_t>(p), static_cast<uint32_t>(end)};
        return true;
      }
      return false;
    }
    Word w;
    if (!ReadWord(s_, p, &w)) return false;
    const NameInfo* info = Lookup(w);
    if (info == nullptr) return false;
    if (info->kinds & kWeekday) {
      size_t q = w.end;
      if (C(q) == '.') ++q;
      q = Space(q);
      if (C(q) == ',') q = Space(q + 1);
      if (!DateCore(q, m, &end)) return false;
    } else if (info->kinds & kMonth) {
      if (!MonthFirst(w, *info, m, &end)) return false;
    } else {
      return false;
    }
    m->span = {static_cast<uint32_t>(p), static_cast<uint32_t>(end)};
    return true;
  }

  // A time of day at `p` ("18:21", "6:21 pm", "18h21", "18:21:00Z", "6 p.m.").
  // `colon` reports the HH:MM form, the only one trusted before a date.
  bool Time(size_t p, DateMatch* m, size_t* end, bool* colon = nullptr) const {
    int h, hd;
    size_t q;
    if (!Num(p, &h, &hd, &q) || hd > 2) return false;
    int mi = 0;
    bool has_colon = false;
    if (C(q) == ':') {
      int md;
      size_t r;
      if (!Num(q + 1, &mi, &md, &r) || md != 2) return false;
      q = r;
      has_colon = true;
      if (C(q) == ':' && IsDigit(C(q + 1)) && IsDigit(C(q + 2)) && !IsDigit(C(q + 3))) {
        q += 3;
        if (C(q) == '.' && IsDigit(C(q + 1))) {
          ++q;
          while (IsDigit(C(q))) ++q;
        }
      }
    } else if (size_t sp = Space(q); sp > q && (C(sp) == 'h' || C(sp) == 'H') &&
                                     Space(sp + 1) > sp + 1 && SpacedMinutes(Space(sp + 1))) {
      // French "18 h 21": only with its minutes, "5 h" alone may be "5 hours".
      int md;
      Num(Space(sp + 1), &mi, &md, &q);
    } else if (C(q) == 'h' || C(q) == 'H') {
      int md;
      size_t r;
      if (Num(q + 1, &mi, &md, &r)) {
        if (md != 2) return false;
        q = r;
      } else {
        if (LetterAt(q + 1)) return false;
        q = q + 1;
      }
    } else if (!AmPm(Space(q), nullptr, nullptr)) {
      return false;
    }
    if (LetterAt(q) && !(C(q) == 'Z' && !LetterAt(q + 1))) {
      // "18:21abc" is not a time; "18:21Z" is.
      size_t r;
      bool pm;
      if (!AmPm(q, &pm, &r)) return false;
    }
    bool pm = false;
    size_t r;
    if (AmPm(Space(q), &pm, &r)) {
      if (h < 1 || h > 12) return false;
      h = h % 12 + (pm ? 12 : 0);
      q = r;
    }
    if (h > 23 || mi > 59) return false;
    // "18:21 Uhr", "18.21 ч."
    {
      size_t r2 = Space(q);
      Word w;
      if (r2 > q && ReadWord(s_, r2, &w) &&
          (w.Key() == "uhr" || w.Key() == "ч" || w.Key() == "h")) {
        q = w.end;
        if (w.Key() == "ч" && C(q) == '.') ++q;
      }
    }
    std::string zone;
    q = Zone(q, &zone);
    m->hour = h;
    m->minute = mi;
    m->zone = std::move(zone);
    *end = q;
    if (colon != nullptr) *colon = has_colon;
    return true;
  }

  size_t Space(size_t p) const {
    while (p < s_.size()) {
      unsigned char b = static_cast<unsigned char>(s_[p]);
      if (b == ' ' || b == '\t') {
        ++p;
      } else if (b == 0xC2 && p + 1 < s_.size() && static_cast<unsigned char>(s_[p + 1]) == 0xA0) {
        p += 2;  // NBSP
      } else if (b == 0xE2 && p + 2 < s_.size() && static_cast<unsigned char>(s_[p + 1]) == 0x80 &&
                 ((static_cast<unsigned char>(s_[p + 2]) >= 0x80 &&
                   static_cast<unsigned char>(s_[p + 2]) <= 0x8A) ||
                  static_cast<unsigned char>(s_[p + 2]) == 0xAF)) {
        p += 3;  // en/em/thin/narrow no-break spaces
      } else {
        break;
      }
    }
    return p;
  }

  char C(size_t p) const { return p < s_.size() ? s_[p] : '\0'; }

  // Two digits at `p` not followed by another digit or a letter: the minutes of "18 h 21".
  bool SpacedMinutes(size_t p) const {
    return IsDigit(C(p)) && IsDigit(C(p + 1)) && !IsDigit(C(p + 2)) && !LetterAt(p + 2);
  }

  bool LetterAt(size_t p) const {
    if (p >= s_.size()) return false;
    size_t j = p;
    char32_t c = utf8::Next(s_, &j);
    return IsLetter(c) || IsMark(c);
  }

  // A dash or other separator between two stamps or a date and its time; returns its length.
  size_t Separator(size_t p) const {
    char c = C(p);
    if (c == ',' || c == '|' || c == '-' || c == '/' || c == ';') return 1;
    std::string_view rest = s_.substr(std::min(p, s_.size()));
    for (std::string_view sep : {"\u2013", "\u2014", "\u00B7", "\u2022", "\u2010", "\u2011"}) {
      if (rest.substr(0, sep.size()) == sep) return sep.size();
    }
    return 0;
  }

 private:
  // ASCII digits at `p`: value (of the first nine digits), digit count, end.
  bool Num(size_t p, int* value, int* digits, size_t* end) const {
    size_t q = p;
    int v = 0;
    while (q < s_.size() && IsDigit(s_[q])) {
      if (q - p < 9) v = v * 10 + (s_[q] - '0');
      ++q;
    }
    if (q == p) return false;
    *value = v;
    *digits = static_cast<int>(q - p);
    *end = q;
    return true;
  }

  // "am", "pm", "a.m.", "p.m." (any case) at `p`, not followed by a letter.
  bool AmPm(size_t p, bool* pm, size_t* end) const {
    char a = static_cast<char>(C(p) | 0x20);
    if (a != 'a' && a != 'p') return false;
    size_t q = p + 1;
    bool dotted = C(q) == '.';
    if (dotted) ++q;
    if ((C(q) | 0x20) != 'm') return false;
    ++q;
    if (dotted) {
      if (C(q) == '.') {
        ++q;
      } else if (LetterAt(q) || IsDigit(C(q))) {  // "a.m" without its final dot
        return false;
      }
    } else if (LetterAt(q) || IsDigit(C(q))) {
      return false;
    }
    if (pm != nullptr) *pm = a == 'p';
    if (end != nullptr) *end = q;
    return true;
  }

  // A time zone after a time: "Z", "+03:00", "-0500", " UTC", " MSK", "GMT+3", "(UTC)".
  size_t Zone(size_t q, std::string* zone) const {
    auto offset = [&](size_t p, size_t* e) {
      char sign = C(p);
      if (sign != '+' && sign != '-') return false;
      size_t r = p + 1;
      int v, d;
      size_t after;
      if (!Num(r, &v, &d, &after)) return false;
      if (d == 4) {
        if (v / 100 > 14 || v % 100 > 59) return false;
      } else if (d <= 2) {
        if (v > 14) return false;
        if (C(after) == ':') {
          int v2, d2;
          size_t after2;
          if (!Num(after + 1, &v2, &d2, &after2) || d2 != 2 || v2 > 59) return false;
          after = after2;
        }
      } else {
        return false;
      }
      *e = after;
      return true;
    };
    size_t e;
    if (C(q) == 'Z' && !LetterAt(q + 1) && !IsDigit(C(q + 1))) {
      *zone = "Z";
      return q + 1;
    }
    if (offset(q, &e)) {
      *zone = std::string(s_.substr(q, e - q));
      return e;
    }
    size_t r = Space(q);
    if (r == q) return q;
    if (C(r) == '+' && offset(r, &e)) {
      *zone = std::string(s_.substr(r, e - r));
      return e;
    }
    if (C(r) == '-' && IsDigit(C(r + 1)) && offset(r, &e) && e - r == 5) {
      *zone = std::string(s_.substr(r, e - r));
      return e;
    }
    bool paren = C(r) == '(';
    size_t wstart = paren ? r + 1 : r;
    Word w;
    if (!ReadWord(s_, wstart, &w) || LookupKind(w, kZone) == nullptr) return q;
    if (!w.all_upper) return q;
    size_t wend = w.end;
    if (offset(wend, &e)) wend = e;
    if (paren) {
      if (C(wend) != ')') return q;
      *zone = std::string(s_.substr(wstart, wend - wstart));
      return wend + 1;
    }
    if (IsDigit(C(wend))) return q;
    *zone = std::string(s_.substr(wstart, wend - wstart));
    return wend;
  }

  // A written year at `p`: four digits in [1000, 2999], not part of a longer number or word.
  // Russian "2023 года", "2023 г." and "2023г." are consumed with their year word.
  bool Year(size_t p, int* year, size_t* end) const {
    int v, d;
    size_t q;
    if (!Num(p, &v, &d, &q) || d != 4 || v < 1000 || v > 2999) return false;
    if ((C(q) == '.' || C(q) == ',' || C(q) == ':') && IsDigit(C(q + 1))) return false;
    Word w;
    if (LetterAt(q)) {
      if (!ReadWord(s_, q, &w) || LookupKind(w, kYearWord) == nullptr) return false;
      q = w.end;
      if (C(q) == '.') ++q;
    } else {
      size_t r = Space(q);
      if (r > q && ReadWord(s_, r, &w) && LookupKind(w, kYearWord) != nullptr) {
        q = w.end;
        if (w.Key() == "г" && C(q) == '.') ++q;
      }
    }
    *year = v;
    *end = q;
    return true;
  }

  // Resolves the year of a date written without one.
  void DefaultYear(DateMatch* m) const {
    m->year = default_year_;
    m->year_inferred = default_year_ != 0;
  }

  // A time after a complete date: ", 18:21", " at 6:21 pm", " à 18h21", " - 18:21", "T18:21".
  // Returns the end of the time, or `q` unchanged when none follows.
  size_t TrailingTime(size_t q, DateMatch* m) const {
    size_t r = Space(q);
    size_t sep = Separator(r);
    if (sep > 0 && C(r) != '/') r = Space(r + sep);
    for (int k = 0; k < 2; ++k) {
      Word w;
      if (!ReadWord(s_, r, &w) || LookupKind(w, kJoiner) == nullptr) break;
      size_t after = w.end;
      if (w.Key() == "godz" && C(after) == '.') ++after;  // Polish "godz. 18:21"
      r = Space(after);
      if (r == after) return q;
    }
    if (r == q && q > 0 && IsDigit(s_[q - 1])) return q;  // "2023 18:21" needs a space
    size_t end;
    DateMatch t;
    if (!Time(r, &t, &end) && !DottedTime(r, &t, &end)) return q;
    m->hour = t.hour;
    m->minute = t.minute;
    m->zone = std::move(t.zone);
    return end;
  }

  // "18.21 GMT", "18.21 Uhr", "18.21" at the end of the text or before a separator: the dotted
  // time some British and German pages write after a date. Trusted only in that position and
  // with that ending, so that "25 Dec 2023 18.21 percent" is not a time.
  bool DottedTime(size_t p, DateMatch* m, size_t* end) const {
    int h, hd, mi, md;
    size_t q, r;
    if (!Num(p, &h, &hd, &q) || hd > 2 || C(q) != '.') return false;
    if (!Num(q + 1, &mi, &md, &r) || md != 2 || h > 23 || mi > 59) return false;
    if ((C(r) == '.' || C(r) == ',') && IsDigit(C(r + 1))) return false;
    if (LetterAt(r)) return false;
    std::string zone;
    size_t e = Zone(r, &zone);
    if (e == r) {
      size_t r2 = Space(r);
      Word w;
      if (r2 > r && ReadWord(s_, r2, &w) &&
          (w.Key() == "uhr" || w.Key() == "ч" || w.Key() == "h")) {
        e = w.end;
        if (w.Key() == "ч" && C(e) == '.') ++e;
      } else {
        char c = C(r2);
        bool tail_ok = r2 >= s_.size() || c == '\n' || c == '\r' || c == ')' || c == ']' ||
                       (Separator(r2) > 0 && C(r2) != '-' && C(r2) != '/');
        if (!tail_ok) return false;
      }
    }
    m->hour = h;
    m->minute = mi;
    m->zone = std::move(zone);
    *end = e;
    return true;
  }

  // A date without weekday at `p`: numeric forms, day-first or month-first with names.
  bool DateCore(size_t p, DateMatch* m, size_t* end) const {
    if (IsDigit(C(p))) return Numeric(p, m, end) || DayFirst(p, m, end);
    Word w;
    if (!ReadWord(s_, p, &w)) return false;
    const NameInfo* info = LookupKind(w, kMonth);
    return info != nullptr && MonthFirst(w, *info, m, end);
  }

  // "2023-12-25[T18:21[:00][Z]]", "2023/12/25", "25.12.2023", "12/25/2023", "25-12-2023".
  bool Numeric(size_t p, DateMatch* m, size_t* end) const {
    int a, ad;
    size_t q;
    if (!Num(p, &a, &ad, &q)) return false;
    char sep = C(q);
    if (sep != '-' && sep != '/' && sep != '.') return false;
    int b, bd, c, cd;
    size_t r, t;
    if (!Num(q + 1, &b, &bd, &r) || bd > 2 || C(r) != sep) return false;
    if (!Num(r + 1, &c, &cd, &t)) return false;
    int year, month, day;
    if (ad == 4 && cd <= 2) {
      year = a, month = b, day = c;
    } else if (ad <= 2 && cd == 4) {
      year = c;
      bool day_first;
      if (sep == '.' || a > 12) {
        day_first = true;  // nobody writes dotted dates month-first
        evidence_ = DateOrder::kDayFirst;
      } else if (b > 12) {
        day_first = false;  // "12/25/2023"
        evidence_ = DateOrder::kMonthFirst;
      } else {
        // Both fit: the page's convention decides; without a hint, the US order (see DateOrder).
        day_first = order_ == DateOrder::kDayFirst;
      }
      if (day_first) {
        day = a, month = b;
      } else {
        month = a, day = b;
      }
    } else {
      return false;
    }
    if (year < 1900 || year > 2100 || !ValidDate(year, month, day)) return false;
    // Not part of a longer dotted or dashed sequence (version numbers, IP addresses, ranges).
    if ((C(t) == sep || C(t) == '.') && IsDigit(C(t + 1))) return false;
    m->year = year;
    m->month = month;
    m->day = day;
    if (C(t) == 'T' && IsDigit(C(t + 1))) {
      size_t e;
      DateMatch tm;
      if (Time(t + 1, &tm, &e)) {
        m->hour = tm.hour;
        m->minute = tm.minute;
        m->zone = std::move(tm.zone);
        *end = e;
        return true;
      }
    }
    if (LetterAt(t)) return false;
    *end = TrailingTime(t, m);
    return true;
  }

  // "25 Dec 2023", "25 December 2023 at 18:21", "25th of December", "25. Dezember 2023",
  // "25 de diciembre de 2023", "25 декабря 2023 года, 18:21", "1er décembre", "25-Dec-2023".
  bool DayFirst(size_t p, DateMatch* m, size_t* end) const {
    int day, dd;
    size_t q;
    if (!Num(p, &day, &dd, &q) || dd > 2 || day < 1 || day > 31) return false;
    Word w;
    if (LetterAt(q)) {  // ordinal suffix written on the number
      if (!ReadWord(s_, q, &w)) return false;
      std::string_view k = w.Key();
      if (k != "st" && k != "nd" && k != "rd" && k != "th" && k != "er" && k != "e" && k != "re")
        return false;
      q = w.end;
    } else if (C(q) == '-' && (C(q + 1) == '\xD0' || C(q + 1) == '\xD1')) {
      // Russian "25-го"
      if (!ReadWord(s_, q + 1, &w) || (w.Key() != "го" && w.Key() != "е")) return false;
      q = w.end;
    }
    bool dashed = false;
    size_t r = q;
    if (C(r) == '.') {
      ++r;
    } else if (C(r) == '-' && LetterAt(r + 1)) {
      ++r;
      dashed = true;
    }
    r = Space(r);
    if (r == q && !dashed) return false;  // "25December" is not written
    // "de" (Spanish), "of" (English)
    if (ReadWord(s_, r, &w) && (w.Key() == "de" || w.Key() == "of")) {
      size_t r2 = Space(w.end);
      if (r2 == w.end) return false;
      r = r2;
    }
    if (!ReadWord(s_, r, &w)) return false;
    const NameInfo* info = LookupKind(w, kMonth);
    if (info == nullptr) return false;
    size_t after_month = w.end;
    size_t y = after_month;
    if (C(y) == '.') ++y;
    if (dashed && C(y) == '-') {
      ++y;
    } else {
      y = Space(y);
      Word j;
      if (y > after_month && ReadWord(s_, y, &j) && (j.Key() == "de" || j.Key() == "del")) {
        size_t y2 = Space(j.end);
        if (y2 > j.end) y = y2;
      }
    }
    int year = 0;
    size_t year_end = 0;
    bool has_year = y > after_month && Year(y, &year, &year_end);
    if (!has_year) {
      if (info->ambiguous && !w.capitalized) return false;
      DefaultYear(m);
    } else {
      m->year = year;
      m->year_inferred = false;
    }
    if (!ValidDate(m->year, info->month, day)) return false;
    m->month = info->month;
    evidence_ = DateOrder::kDayFirst;
    m->day = day;
    size_t e = has_year ? year_end : after_month;
    // Keep the abbreviation's dot ("25 Dec."), not a sentence's full stop ("on 25 December.").
    if (!has_year && C(e) == '.' && w.end - w.start <= 5 && !LetterAt(e + 1)) ++e;
    *end = TrailingTime(e, m);
    return true;
  }

  // "December 25, 2023, 18:21", "Dec. 25, 2023 6:21 pm", "Dec 25", "December 25th".
  bool MonthFirst(const Word& w, const NameInfo& info, DateMatch* m, size_t* end) const {
    if (!w.capitalized || info.day_first_only) return false;  // English capitalizes months
    size_t q = w.end;
    if (C(q) == '.') ++q;
    size_t r = Space(q);
    if (r == w.end) return false;
    int day, dd;
    size_t e;
    if (!Num(r, &day, &dd, &e) || dd > 2 || day < 1 || day > 31) return false;
    Word suf;
    if (LetterAt(e)) {
      if (!ReadWord(s_, e, &suf)) return false;
      std::string_view k = suf.Key();
      if (k != "st" && k != "nd" && k != "rd" && k != "th") return false;
      e = suf.end;
    }
    // "March 1,000 people", "May 3.5 percent", "Dec 25:12" are not dates.
    if ((C(e) == ',' || C(e) == '.' || C(e) == ':' || C(e) == '/') && IsDigit(C(e + 1)))
      return false;
    size_t y = e;
    if (C(y) == ',') ++y;
    size_t y2 = Space(y);
    int year;
    size_t year_end;
    if (y2 > e && Year(y2, &year, &year_end)) {
      m->year = year;
      m->year_inferred = false;
      e = year_end;
    } else {
      DefaultYear(m);
    }
    if (!ValidDate(m->year, info.month, day)) return false;
    m->month = info.month;
    evidence_ = DateOrder::kMonthFirst;
    m->day = day;
    *end = TrailingTime(e, m);
    return true;
  }

  // "18:21, 25 December 2023", "18:21 25.12.2023": a time of day, then the date.
  bool TimeThenDate(size_t p, DateMatch* m, size_t* end) const {
    DateMatch t;
    size_t q;
    bool colon = false;
    if (!Time(p, &t, &q, &colon) || !colon) return false;
    size_t r = Space(q);
    size_t sep = Separator(r);
    if (sep > 0) r = Space(r + sep);
    if (r == q) return false;
    size_t e;
    Word w;
    if (ReadWord(s_, r, &w) && LookupKind(w, kWeekday) != nullptr) {
      r = w.end;
      if (C(r) == '.') ++r;
      r = Space(r);
      if (C(r) == ',') r = Space(r + 1);
    }
    if (!DateCore(r, m, &e)) return false;
    if (m->hour < 0) {
      m->hour = t.hour;
      m->minute = t.minute;
      m->zone = std::move(t.zone);
    }
    *end = e;
    return true;
  }

 public:
  // How the order of the last date matched by At() was decided by its own form: kDayFirst for
  // "25 December", "25/12/2023", "25.12.2023"; kMonthFirst for "December 25", "12/25/2023";
  // kUnknown for year-first and ambiguous numeric dates. Read by FindDateOrderHint.
  DateOrder Evidence() const { return evidence_; }

 private:
  std::string_view s_;
  int default_year_;
  DateOrder order_;
  mutable DateOrder evidence_ = DateOrder::kUnknown;
};

// Skips a run of letters, digits and marks starting at `i` (one "word" of any script).
size_t SkipRun(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (!IsDigit(static_cast<char>(b)) && !IsLetter(b)) break;
      ++i;
      continue;
    }
    size_t j = i;
    char32_t c = utf8::Next(s, &j);
    if (!IsLetter(c) && !IsMark(c)) break;
    i = j;
  }
  return i;
}

// Finds the positions where a date may start: the first letter or digit of each run of letters,
// digits and marks. Every date has a digit (its day) within kDigitWindow bytes of its start (a
// weekday, a month name and a few separators come before it), so stretches of text without
// digits are skipped at memchr-like speed. A date whose parts are separated by over ~100 bytes
// of white space is therefore not found; no page writes one.
class StartScanner {
 public:
  explicit StartScanner(std::string_view s) : s_(s) {}

  // The first date start at or after `i` (a character boundary), or s.size().
  size_t Next(size_t i) {
    while (i < s_.size()) {
      i = SkipDigitless(i);
      if (i >= s_.size()) break;
      unsigned char b = static_cast<unsigned char>(s_[i]);
      size_t next;
      bool start;
      if (b < 0x80) {
        start = IsDigit(static_cast<char>(b)) || IsLetter(b);
        next = i + 1;
      } else {
        next = i;
        start = IsLetter(utf8::Next(s_, &next));
      }
      if (start) return i;
      i = next;
    }
    return s_.size();
  }

 private:
  static constexpr size_t kDigitWindow = 128;

  size_t SkipDigitless(size_t i) {
    if (digit_ == kUnknown || digit_ < i) {
      digit_ = i;
      while (digit_ < s_.size() && !IsDigit(s_[digit_])) ++digit_;
    }
    if (digit_ >= s_.size()) return s_.size();
    if (digit_ <= i + kDigitWindow) return i;
    size_t j = digit_ - kDigitWindow;
    while ((static_cast<unsigned char>(s_[j]) & 0xC0) == 0x80) ++j;  // ends at the ASCII digit
    // Inside a run (the character before is a letter or a mark) no date starts until its end.
    size_t k = j;
    do {
      --k;
    } while (k > 0 && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80);
    size_t after = k;
    char32_t prev = utf8::Next(s_, &after);
    if (IsLetter(prev) || IsMark(prev) || (prev < 0x80 && IsDigit(static_cast<char>(prev)))) {
      j = SkipRun(s_, j);
    }
    return j;
  }

  static constexpr size_t kUnknown = static_cast<size_t>(-1);
  std::string_view s_;
  size_t digit_ = kUnknown;
};

}  // namespace

std::string DateMatch::Iso() const {
  char buf[48];
  int n;
  if (year > 0) {
    n = std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  } else {
    n = std::snprintf(buf, sizeof(buf), "--%02d-%02d", month, day);
  }
  if (hour >= 0 && n > 0 && n < static_cast<int>(sizeof(buf))) {
    std::snprintf(buf + n, sizeof(buf) - n, "T%02d:%02d", hour, minute < 0 ? 0 : minute);
  }
  return buf;
}

std::optional<DateMatch> MatchDateAt(std::string_view s, size_t pos, int default_year,
                                     DateOrder order) {
  if (pos >= s.size()) return std::nullopt;
  DateParser parser(s, default_year, order);
  DateMatch m;
  if (parser.At(pos, &m)) return m;
  return std::nullopt;
}

std::optional<DateMatch> FindDate(std::string_view s, int default_year, DateOrder order) {
  DateParser parser(s, default_year, order);
  StartScanner starts(s);
  for (size_t i = starts.Next(0); i < s.size(); i = starts.Next(SkipRun(s, i))) {
    DateMatch m;
    if (parser.At(i, &m)) return m;
  }
  return std::nullopt;
}

bool IsTimestampLine(std::string_view line) {
  DateParser parser(line, 0);
  // Trailing white space and a final full stop do not count against the line.
  size_t n = line.size();
  while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\n' ||
                   line[n - 1] == '\r')) {
    --n;
  }
  if (n > 0 && line[n - 1] == '.') --n;
  size_t p = 0;
  while (p < line.size() && (line[p] == '\n' || line[p] == '\r')) ++p;
  p = parser.Space(p);
  // "7/29": a month/day pair, trusted only after a first stamp ("Updated 2:46 p.m. ET on 7/29").
  auto month_day = [&](size_t q, size_t* end) {
    auto digits = [&](size_t r, int* v) {
      size_t e = r;
      *v = 0;
      while (e < line.size() && e - r < 3 && line[e] >= '0' && line[e] <= '9') {
        *v = *v * 10 + (line[e] - '0');
        ++e;
      }
      return (e > r && e - r <= 2) ? e : size_t{0};
    };
    int mo, d;
    size_t e1 = digits(q, &mo);
    if (e1 == 0 || parser.C(e1) != '/') return false;
    size_t e2 = digits(e1 + 1, &d);
    if (e2 == 0 || parser.C(e2) == '/' || IsDigit(parser.C(e2))) return false;
    if (!ValidDate(0, mo, d)) return false;
    *end = e2;
    return true;
  };
  int stamps = 0;
  while (true) {
    // Labels: "Updated:", "Last updated on", "Опубликовано:", "Mis à jour le", "at", "on".
    for (int k = 0; k < 4; ++k) {
      Word w;
      if (!ReadWord(line, p, &w) || LookupKind(w, kLabel) == nullptr) break;
      size_t q = w.end;
      if (parser.C(q) == ':') ++q;
      size_t r = parser.Space(q);
      if (r == q && r < n) break;
      p = r;
    }
    DateMatch m;
    size_t end;
    Word w;
    if (parser.At(p, &m)) {
      end = m.span.end;
    } else if (parser.Time(p, &m, &end)) {
      // a time of day alone
    } else if (stamps > 0 && month_day(p, &end)) {
      // "on 7/29"
    } else if (stamps > 0 && ReadWord(line, p, &w) && LookupKind(w, kWeekday) != nullptr) {
      end = w.end;  // "12:05 p.m. ET Thursday"
    } else {
      return false;
    }
    ++stamps;
    p = parser.Space(end);
    // A final "." may belong to the stamp ("a.m.") and already be consumed.
    if (p >= n) return true;
    if (stamps >= 4) return false;
    size_t sep = parser.Separator(p);
    if (sep > 0) {
      p = parser.Space(p + sep);
    } else if (!ReadWord(line, p, &w) || LookupKind(w, kLabel | kWeekday) == nullptr) {
      return false;  // "Dec 25, 2023 Moscow": other words follow
    }
  }
}

}  // namespace parallax::extract

namespace parallax::extract {
namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Field labels of metadata lines, as the lower-cased words before the colon joined by spaces.
bool IsMetaLabel(std::string_view key) {
  static const auto* const kLabels = new std::unordered_set<std::string_view>{
      // English
      "source",
      "sources",
      "editor",
      "editors",
      "author",
      "authors",
      "by",
      "writer",
      "reporter",
      "published",
      "updated",
      "last updated",
      "posted",
      "date",
      "time",
      "published on",
      "updated on",
      "photo",
      "credit",
      "web editor",
      "responsible editor",
      "edited by",
      "category",
      "section",
      "views",
      "comments",
      // Spanish, Portuguese
      "fuente",
      "autor",
      "autora",
      "editor",
      "redacción",
      "redaccion",
      "publicado",
      "actualizado",
      "fecha",
      "hora",
      "fonte",
      "atualizado",
      "data",
      "editora",
      // German
      "quelle",
      "von",
      "redaktion",
      "veröffentlicht",
      "veroffentlicht",
      "aktualisiert",
      "datum",
      "stand",
      "uhrzeit",
      // French
      "auteur",
      "auteurs",
      "rédaction",
      "redaction",
      "publié",
      "publie",
      "publié le",
      "mis à jour",
      "mis à jour le",
      "mis a jour",
      "modifié",
      "modifie",
      "par",
      // Italian
      "autore",
      "autrice",
      "pubblicato",
      "aggiornato",
      "redazione",
      "ora",
      // Polish
      "źródło",
      "zrodlo",
      "redakcja",
      "opublikowano",
      "zaktualizowano",
      "aktualizacja",
      "publikacja",
      // Russian
      "источник",
      "автор",
      "авторы",
      "редактор",
      "опубликовано",
      "обновлено",
      "дата",
      "дата публикации",
      "время",
      "фото",
      "просмотров",
      "рубрика",
  };
  return kLabels->count(key) > 0;
}

// Trims horizontal white space (including NBSP and the U+2000 spaces) from both ends.
std::pair<size_t, size_t> TrimField(const DateParser& parser, std::string_view s, size_t a,
                                    size_t b) {
  a = std::min(parser.Space(a), b);
  while (b > a) {
    unsigned char c = static_cast<unsigned char>(s[b - 1]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      --b;
    } else if (b - a >= 2 && c == 0xA0 && static_cast<unsigned char>(s[b - 2]) == 0xC2) {
      b -= 2;
    } else {
      break;
    }
  }
  return {a, b};
}

// The length of a field separator of a metadata line at `p`: "|", "·", "•" (or 0).
size_t MetaSeparator(std::string_view s, size_t p) {
  if (s[p] == '|') return 1;
  std::string_view rest = s.substr(p);
  if (rest.substr(0, 2) == "\u00B7") return 2;
  if (rest.substr(0, 3) == "\u2022") return 3;
  return 0;
}

// Four-digit years in [1990, 2100] in `s`, not inside a longer number or word: the largest.
int LatestYear(std::string_view s) {
  int best = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsDigit(s[j])) ++j;
    bool letter_before = i > 0 && ((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z');
    bool letter_after = j < s.size() && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z');
    if (j - i == 4 && !letter_before && !letter_after) {
      int v =
          (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
      if (v >= 1990 && v <= 2100) best = std::max(best, v);
    }
    i = j;
  }
  return best;
}

bool IsCopyrightLine(std::string_view line) {
  if (line.find("\u00A9") != std::string_view::npos) return true;
  if (line.find("(c)") != std::string_view::npos || line.find("(C)") != std::string_view::npos)
    return true;
  constexpr std::string_view kWord = "copyright";
  for (size_t i = 0; i + kWord.size() <= line.size(); ++i) {
    if (AsciiLower(line[i]) != 'c') continue;
    size_t k = 0;
    while (k < kWord.size() && AsciiLower(line[i + k]) == kWord[k]) ++k;
    if (k == kWord.size()) return true;
  }
  return false;
}

}  // namespace

DateOrder DateOrderForLanguage(std::string_view language) {
  size_t cut = language.find_first_of("-_");
  std::string_view primary = language.substr(0, cut);
  auto equals = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
    }
    return true;
  };
  if (primary.empty() || equals(primary, "und")) return DateOrder::kUnknown;
  if (!equals(primary, "en")) return DateOrder::kDayFirst;
  if (cut == std::string_view::npos) return DateOrder::kUnknown;
  // The region is the two-letter subtag ("en-US", "en-Latn-US").
  std::string_view region;
  size_t i = cut;
  while (i < language.size()) {
    size_t j = language.find_first_of("-_", i + 1);
    if (j == std::string_view::npos) j = language.size();
    std::string_view sub = language.substr(i + 1, j - i - 1);
    if (sub.size() == 2) region = sub;
    i = j;
  }
  if (region.empty()) return DateOrder::kUnknown;
  for (std::string_view r : {"us", "ph", "pr", "gu", "as", "um", "vi", "mp"}) {
    if (equals(region, r)) return DateOrder::kMonthFirst;
  }
  if (equals(region, "ca")) return DateOrder::kUnknown;  // Canada writes both
  return DateOrder::kDayFirst;
}

std::optional<DateMatch> FindTimestampInMetaLine(std::string_view line, DateOrder order) {
  constexpr size_t kMaxLine = 240;
  constexpr size_t kMaxLabel = 40;
  constexpr size_t kMaxValue = 100;
  if (line.empty() || line.size() > kMaxLine) return std::nullopt;
  DateParser parser(line, 0, order);
  std::optional<DateMatch> found;
  int fields = 0;
  size_t a = 0;
  while (a <= line.size()) {
    size_t b = a, sep = 0;
    while (b < line.size() && (sep = MetaSeparator(line, b)) == 0) ++b;
    auto [fa, fb] = TrimField(parser, line, a, b);
    if (fa < fb) {
      ++fields;
      // "Label: value" with a known label, or a bare timestamp.
      size_t colon = line.substr(fa, fb - fa).find(':');
      size_t value = fa;
      bool labeled = false;
      if (colon != std::string_view::npos && colon > 0 && colon <= kMaxLabel) {
        std::string key;
        size_t p = fa;
        Word w;
        bool ok = true;
        while (p < fa + colon) {
          if (!ReadWord(line, p, &w) || w.end > fa + colon || w.key_len == 0) {
            ok = false;
            break;
          }
          if (!key.empty()) key.push_back(' ');
          key.append(w.Key());
          p = parser.Space(w.end);
        }
        if (ok && !key.empty() && IsMetaLabel(key)) {
          labeled = true;
          value = parser.Space(fa + colon + 1);
          if (value >= fb || fb - value > kMaxValue) return std::nullopt;
        }
      }
      DateMatch m;
      bool stamp = false;
      if (parser.At(value, &m) && m.span.end <= fb) {
        // The stamp must fill the field (a final full stop aside).
        size_t rest = parser.Space(m.span.end);
        if (rest < fb && line[rest] == '.') rest = parser.Space(rest + 1);
        stamp = rest >= fb;
      }
      if (!labeled && !stamp) return std::nullopt;
      if (stamp && !found.has_value() && m.year > 0 && m.hour >= 0) found = std::move(m);
    }
    if (b >= line.size()) break;
    a = b + sep;
  }
  if (fields < 2) return std::nullopt;
  return found;
}

DateOrder FindDateOrderHint(std::string_view text) {
  DateParser parser(text, 0);
  int day_first = 0, month_first = 0;
  StartScanner starts(text);
  size_t i = starts.Next(0);
  while (i < text.size()) {
    DateMatch m;
    if (parser.At(i, &m)) {
      if (parser.Evidence() == DateOrder::kDayFirst) ++day_first;
      if (parser.Evidence() == DateOrder::kMonthFirst) ++month_first;
      i = starts.Next(std::max<size_t>(m.span.end, SkipRun(text, i)));
    } else {
      i = starts.Next(SkipRun(text, i));
    }
  }
  if (day_first > month_first) return DateOrder::kDayFirst;
  if (month_first > day_first) return DateOrder::kMonthFirst;
  return DateOrder::kUnknown;
}

int FindYearHint(std::string_view text) {
  constexpr size_t kMaxStampLine = 240;
  int copyright = 0;
  std::vector<std::pair<int, int>> counts;  // (year, times written in a full date)
  size_t a = 0;
  while (a < text.size()) {
    size_t b = text.find('\n', a);
    if (b == std::string_view::npos) b = text.size();
    std::string_view line = text.substr(a, b - a);
    a = b + 1;
    if (line.size() <= kMaxStampLine &&
        (IsTimestampLine(line) || FindTimestampInMetaLine(line).has_value())) {
      std::optional<DateMatch> d = FindDate(line);
      if (d.has_value() && d->year > 0) return d->year;
    }
    if (IsCopyrightLine(line)) copyright = std::max(copyright, LatestYear(line));
    size_t p = 0;
    while (p < line.size()) {
      std::optional<DateMatch> d = FindDate(line.substr(p));
      if (!d.has_value()) break;
      if (d->year > 0) {
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto& c) { return c.first == d->year; });
        if (it == counts.end()) {
          counts.emplace_back(d->year, 1);
        } else {
          ++it->second;
        }
      }
      p += std::max<size_t>(d->span.end, 1);
    }
  }
  if (copyright > 0) return copyright;
  int best = 0, best_count = 0;
  for (const auto& [year, count] : counts) {
    if (count > best_count || (count == best_count && year > best)) {
      best = year;
      best_count = count;
    }
  }
  return best;
}

}  // namespace parallax::extract
