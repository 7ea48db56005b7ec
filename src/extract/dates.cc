#include "src/extract/dates.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>

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

bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x400 && c <= 0x42F);
}

// Lower case for the scripts whose month names we know (Latin-1, Cyrillic).
char32_t Lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
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
        "march mar mars marzo märz marz mär março marco март марта",
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
    for (std::string_view a : {"may", "mar", "march", "ago", "set", "out", "mars"}) {
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
             "actualizado publicado",
             kLabel);
    AddNames(t, "at à a um в во alle às as om las la of de del", kJoiner);
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
  DateParser(std::string_view s, int default_year) : s_(s), default_year_(default_year) {}

  // A date (with optional weekday before and time of day before or after) starting at `p`.
  bool At(size_t p, DateMatch* m) const {
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
      r = Space(w.end);
      if (r == w.end) return q;
    }
    if (r == q && q > 0 && IsDigit(s_[q - 1])) return q;  // "2023 18:21" needs a space
    size_t end;
    DateMatch t;
    if (!Time(r, &t, &end)) return q;
    m->hour = t.hour;
    m->minute = t.minute;
    m->zone = std::move(t.zone);
    return end;
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
      if (sep == '.' || a > 12) {
        day = a, month = b;
      } else {
        month = a, day = b;  // "12/25/2023": the US order when both fit
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
    m->day = day;
    size_t e = has_year ? year_end : after_month;
    // Keep the abbreviation's dot ("25 Dec."), not a sentence's full stop ("on 25 December.").
    if (!has_year && C(e) == '.' && w.end - w.start <= 5 && !LetterAt(e + 1)) ++e;
    *end = TrailingTime(e, m);
    return true;
  }

  // "December 25, 2023, 18:21", "Dec. 25, 2023 6:21 pm", "Dec 25", "December 25th".
  bool MonthFirst(const Word& w, const NameInfo& info, DateMatch* m, size_t* end) const {
    if (!w.capitalized) return false;  // English writes month names capitalized
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

  std::string_view s_;
  int default_year_;
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

std::optional<DateMatch> MatchDateAt(std::string_view s, size_t pos, int default_year) {
  if (pos >= s.size()) return std::nullopt;
  DateParser parser(s, default_year);
  DateMatch m;
  if (parser.At(pos, &m)) return m;
  return std::nullopt;
}

std::optional<DateMatch> FindDate(std::string_view s, int default_year) {
  DateParser parser(s, default_year);
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    bool start;
    size_t next;
    if (b < 0x80) {
      start = IsDigit(static_cast<char>(b)) || IsLetter(b);
      next = i + 1;
    } else {
      next = i;
      start = IsLetter(utf8::Next(s, &next));
    }
    if (!start) {
      i = next;
      continue;
    }
    DateMatch m;
    if (parser.At(i, &m)) return m;
    i = SkipRun(s, i);
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
