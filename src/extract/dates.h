// Dates and times as news pages write them, in English, Russian, German, French and Spanish:
// "December 25, 2023, 18:21", "25 Dec 2023", "2023-12-25T18:21:00Z", "Dec. 17" (year from
// context), "25 декабря 2023", "25. Dezember 2023, 18:21 Uhr", "25 décembre 2023",
// "25 de diciembre de 2023", "12/25/2023".
#ifndef PARALLAX_EXTRACT_DATES_H_
#define PARALLAX_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <string_view>

#include "parallax/article.h"

namespace parallax::extract {

struct DateMatch {
  int year = 0;  // 0 when the text gives none and no default year was supplied
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int hour = -1;  // -1 when no time of day is given
  int minute = -1;
  std::string zone;   // "Z", "+03:00", "MSK" as written; "" when none
  Span span;          // offsets within the searched string
  bool year_inferred = false;
  // "2023-12-25T18:21", "2023-12-25" or "--12-25" (no year); seconds dropped.
  std::string Iso() const;
};

// Finds the first date in `s`. `default_year` (0 = none) resolves dates written without one.
std::optional<DateMatch> FindDate(std::string_view s, int default_year = 0);

// True when `line` is essentially a timestamp (date and/or time, optional "Updated:", weekday,
// section words around it are not allowed): the whole line is consumed by the date.
bool IsTimestampLine(std::string_view line);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_DATES_H_
