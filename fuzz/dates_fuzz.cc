// Date, timestamp-line and dateline scanning on arbitrary bytes (including invalid UTF-8, which
// these scanners must tolerate even though ingest normally removes it). Every match must lie
// inside its input and name a real calendar date; anything else aborts (a finding).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/extract/dateline.h"
#include "src/extract/dates.h"

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

void CheckDate(const parallax::extract::DateMatch& m, std::string_view s) {
  Require(m.span.start < m.span.end && m.span.end <= s.size());
  Require(m.month >= 1 && m.month <= 12 && m.day >= 1 && m.day <= 31);
  Require(m.year == 0 || (m.year >= 1000 && m.year <= 2999));
  Require(m.hour == -1 || (m.hour >= 0 && m.hour <= 23 && m.minute >= 0 && m.minute <= 59));
  std::string iso = m.Iso();
  Require(iso.size() == 7 || iso.size() == 10 || iso.size() == 13 || iso.size() == 16);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto m = parallax::extract::FindDate(s, 2023)) CheckDate(*m, s);
  if (auto m = parallax::extract::FindDate(s, 0)) {
    CheckDate(*m, s);
    Require(m->year != 0 || !m->year_inferred);
    // The match found by scanning is also found at its own position.
    auto again = parallax::extract::MatchDateAt(s, m->span.start, 0);
    Require(again.has_value() && again->span == m->span);
  }
  for (size_t pos : {size_t{0}, size / 2}) {
    if (auto m = parallax::extract::MatchDateAt(s, pos, 0)) {
      CheckDate(*m, s);
      Require(m->span.start == pos);
    }
  }
  (void)parallax::extract::IsTimestampLine(s);
  if (auto d = parallax::extract::MatchDateline(s)) {
    Require(d->span.start < d->span.end && d->span.end <= s.size());
    Require(!d->place.empty() && d->place.size() <= d->span.size());
  }
  (void)parallax::extract::CanonicalAgency(s.substr(0, 64));
  return 0;
}
