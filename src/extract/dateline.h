// Datelines that open a news story: "MOSCOW, December 25. /TASS/.", "WASHINGTON (AP) —",
// "LONDON, Dec 25 (Reuters) -", "BERLIN (dpa) -", "PARIS, 25 décembre (AFP) -",
// "МОСКВА, 25 декабря. /ТАСС/.", "KYIV, Ukraine —".
#ifndef PARALLAX_EXTRACT_DATELINE_H_
#define PARALLAX_EXTRACT_DATELINE_H_

#include <optional>
#include <string>
#include <string_view>

#include "parallax/article.h"

namespace parallax::extract {

struct DatelineMatch {
  std::string place;   // as written, without trailing comma: "MOSCOW", "KYIV, Ukraine"
  std::string date;    // as written: "December 25"; "" when none
  std::string agency;  // canonical agency name: "TASS", "AP", "Reuters", "AFP", "dpa", "Xinhua"
  Span span;           // the dateline, from the paragraph start through its closing dash/dot
};

// Matches a dateline at the start of `paragraph`. Offsets are relative to `paragraph`.
std::optional<DatelineMatch> MatchDateline(std::string_view paragraph);

// Canonical agency name for a tag as written ("/TASS/", "(AP)", "ТАСС", "Reuters"), or "".
std::string CanonicalAgency(std::string_view tag);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_DATELINE_H_
