// Dates and times as news pages write them, in English, Russian, German, French, Spanish,
// Italian, Portuguese and Polish: "December 25, 2023, 18:21", "25 Dec 2023",
// "2023-12-25T18:21:00Z", "Dec. 17" (year from context), "25 декабря 2023", "14 мар",
// "25. Dezember 2023, 18:21 Uhr", "25 décembre 2023 à 18h21", "25 décembre 2023, 18 h 21",
// "25 de diciembre de 2023", "25 dicembre 2023 ore 18:21", "25 grudnia 2023, godz. 18:21",
// "Mon 25 Dec 2023 18.21 GMT", "12/25/2023", "09/01/2024" (order from a DateOrder hint).
//
// Invariant: a DateMatch always names a real calendar day (month 1..12, day within the month,
// Feb 29 only in a leap year or when the year is unknown) and, when it has a time, a real time
// of day (hour 0..23, minute 0..59). Relative times ("2 hours ago"), bare numbers ("2023",
// "$10,000") and month-year pairs ("December 2023") are not dates.
//
// The scanner is hand-written (no regex): month, weekday and zone names come from tables built
// once; matching is case-insensitive for Latin and Cyrillic names.
//
//   auto d = parallax::extract::FindDate("Updated: Dec. 25, 2023 6:21 pm", 0);
//   // d->Iso() == "2023-12-25T18:21", d->span covers "Dec. 25, 2023 6:21 pm"
#ifndef PARALLAX_EXTRACT_DATES_H_
#define PARALLAX_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "parallax/article.h"

namespace parallax::extract {

// The order of day and month in an all-numeric date whose first two numbers are both <= 12
// ("09/01/2024"). A number > 12 always decides by itself ("25/12/2023", "12/25/2023"), and
// year-first forms ("2024-01-09", "2024.01.09") are always year-month-day.
enum class DateOrder {
  // No hint. Dotted dates are day-first ("09.01.2024" = 9 January: nobody writes dotted
  // month-first dates); "/" and "-" dates are month-first ("09/01/2024" = 1 September), the
  // US convention, kept for backward compatibility with English pages of unknown region.
  kUnknown,
  kDayFirst,    // "09/01/2024" = 9 January 2024 (Europe, Latin America, Russia, most of the world)
  kMonthFirst,  // "09/01/2024" = 1 September 2024 (United States, Philippines)
};

// The date order of pages in `language`, a BCP 47 tag or bare ISO 639 code as language
// detection reports it ("es", "en", "en-US", "en_GB", "pt-BR"); case-insensitive.
//   "" / "und" / "en"           -> kUnknown (US and UK English cannot be told apart)
//   "en-US", "en-PH"            -> kMonthFirst
//   "en-GB", "en-AU", any other "en-XX" -> kDayFirst
//   any other language          -> kDayFirst (year-first languages such as "zh", "ja", "hu"
//                                  write four-digit years first, which needs no hint)
// Thread-safe, no allocation.
DateOrder DateOrderForLanguage(std::string_view language);

struct DateMatch {
  int year = 0;   // 0 when the text gives none and no default year was supplied
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int hour = -1;  // -1 when no time of day is given
  int minute = -1;
  std::string zone;  // "Z", "+03:00", "MSK" as written; "" when none
  Span span;         // offsets within the searched string (a leading weekday is included)
  // True when the text gives no year and `year` came from `default_year` (year != 0).
  bool year_inferred = false;
  // "2023-12-25T18:21", "2023-12-25" or "--12-25" (no year); seconds dropped.
  std::string Iso() const;
};

// Finds the first date in `s`. `default_year` (0 = none) resolves dates written without one;
// `order` resolves ambiguous all-numeric dates (see DateOrder).
// Thread-safe; allocates only for the returned zone string.
std::optional<DateMatch> FindDate(std::string_view s, int default_year = 0,
                                  DateOrder order = DateOrder::kUnknown);

// The date that starts exactly at byte `pos` of `s` (a weekday, month name, day number or
// time of day followed by a date), or nullopt. Used by dateline matching.
std::optional<DateMatch> MatchDateAt(std::string_view s, size_t pos, int default_year = 0,
                                     DateOrder order = DateOrder::kUnknown);

// True when `line` is essentially a timestamp: a date and/or time of day, optionally preceded
// by a label ("Updated:", "Published", "Обновлено", "Mis à jour le" ...) and a weekday, possibly
// two such stamps joined by "|", "·", "/" or a dash. Section words or any other text around it
// make it false. "18:21" alone is a timestamp line; "2 hours ago" is not.
bool IsTimestampLine(std::string_view line);

// The publication time in a short metadata line made of fields separated by "|", "·" or "•",
// e.g. "Source: Xinhua| 2024-05-18 16:05:12|Editor: Zhou Lan" or
// "Fuente: Agencia Sur · Publicado: 09/01/2024 14:02 · Autor: R. Díaz".
// Accepted when: the line is at most 240 bytes; it has at least two fields; every field is
// either a "Label: value" pair with a known label (Source, Editor, Author, By, Published,
// Updated, Posted, Date, Time, Fuente, Autor, Publicado, Quelle, Von, Autor, Source, Auteur,
// Publié, Fonte, Autore, Pubblicato, Źródło, Autor, Источник, Автор, Редактор, Опубликовано ...;
// case-insensitive, value at most 100 bytes) or a bare timestamp; and some field holds a full
// date (with year) and time of day. Returns the first such date; its span is relative to `line`.
// IsTimestampLine stays strict: it is false for such lines. Thread-safe.
std::optional<DateMatch> FindTimestampInMetaLine(std::string_view line,
                                                 DateOrder order = DateOrder::kUnknown);

// The date order a page uses, judged from the dates it writes unambiguously: day-first forms
// ("25 December", "25 de diciembre", "25/12/2023", "25.12.2023") against month-first ones
// ("December 25", "12/25/2023"); the majority wins, kUnknown on a tie or when the text has
// none. Use it when the language is unknown, or to refine DateOrderForLanguage("en"):
// "9 ene (EFE)" or "14 December 2023" elsewhere on the page makes "09/01/2024" 9 January.
// Linear in text.size(), like FindDate over the whole text. Thread-safe.
DateOrder FindDateOrderHint(std::string_view text);

// The most plausible publication year stated anywhere in `text` (a whole article or page), to
// resolve dates written without a year ("Updated Dec. 17"); 0 when the text states none.
// In order of trust:
//   1. the year of the first full date (with year) on a line that IsTimestampLine accepts or a
//      metadata line FindTimestampInMetaLine accepts;
//   2. the copyright year: the latest year in a line containing "©", "(c)", "(C)" or the word
//      "Copyright" (ranges "2010-2024" give 2024), when the year is in [1990, 2100];
//   3. the year written most often in full dates anywhere in the text (ties: the later year).
// Bare numbers ("in 2025", "the 2025 season") never count. Linear in text.size() (it scans
// every line once); call it only when a yearless date needs a year. Thread-safe.
int FindYearHint(std::string_view text);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_DATES_H_
