// Dates and times as news pages write them, in English, Russian, German, French and Spanish:
// "December 25, 2023, 18:21", "25 Dec 2023", "2023-12-25T18:21:00Z", "Dec. 17" (year from
// context), "25 декабря 2023", "25. Dezember 2023, 18:21 Uhr", "25 décembre 2023",
// "25 de diciembre de 2023", "12/25/2023".
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

// Finds the first date in `s`. `default_year` (0 = none) resolves dates written without one.
// Thread-safe; allocates only for the returned zone string.
std::optional<DateMatch> FindDate(std::string_view s, int default_year = 0);

// The date that starts exactly at byte `pos` of `s` (a weekday, month name, day number or
// time of day followed by a date), or nullopt. Used by dateline matching.
std::optional<DateMatch> MatchDateAt(std::string_view s, size_t pos, int default_year = 0);

// True when `line` is essentially a timestamp: a date and/or time of day, optionally preceded
// by a label ("Updated:", "Published", "Обновлено", "Mis à jour le" ...) and a weekday, possibly
// two such stamps joined by "|", "·", "/" or a dash. Section words or any other text around it
// make it false. "18:21" alone is a timestamp line; "2 hours ago" is not.
bool IsTimestampLine(std::string_view line);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_DATES_H_
