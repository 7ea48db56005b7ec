#include "src/corpus/journal.h"

#include <cstdio>
#include <cstring>
#include <limits>

namespace parallax::corpus {
namespace {

constexpr std::string_view kMetaTag = "parallax.corpus/1";
constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

bool GetU32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = 0;
  for (int i = 0; i < 4; ++i)
    *v |= static_cast<uint32_t>(static_cast<unsigned char>((*in)[i])) << (8 * i);
  in->remove_prefix(4);
  return true;
}

}  // namespace

std::string JournalKey(uint64_t batch) { return "corpus.journal." + std::to_string(batch); }

std::string SerializeMeta(const Meta& meta) {
  return std::string(kMetaTag) + " " + std::to_string(meta.batches) + " " +
         std::to_string(meta.checkpoint_batch);
}

std::string ClustererPartKey(std::string_view part) {
  if (part == "head") return std::string(kClustererKey);
  return std::string(kClustererKey) + "." + std::string(part);
}

Result<Meta> ParseMeta(std::string_view bytes) {
  if (bytes.substr(0, kMetaTag.size()) != kMetaTag)
    return Status::Internal("corpus state: corpus.meta is not " + std::string(kMetaTag));
  std::string rest(bytes.substr(kMetaTag.size()));
  unsigned long long batches = 0, checkpoint = 0;
  char extra = 0;
  if (std::sscanf(rest.c_str(), " %llu %llu %c", &batches, &checkpoint, &extra) != 2 ||
      checkpoint > batches) {
    return Status::Internal("corpus state: bad corpus.meta '" + std::string(bytes) + "'");
  }
  return Meta{batches, checkpoint};
}

std::string SerializeJournal(const std::vector<JournalEntry>& entries) {
  std::string out;
  for (const JournalEntry& e : entries) {
    PutU32(&out, static_cast<uint32_t>(e.id.size()));
    out += e.id;
    PutU32(&out, static_cast<uint32_t>(e.day ? *e.day : kNoDay));
  }
  return out;
}

Result<std::vector<JournalEntry>> ParseJournal(std::string_view bytes) {
  std::vector<JournalEntry> out;
  while (!bytes.empty()) {
    uint32_t n = 0, day = 0;
    if (!GetU32(&bytes, &n) || bytes.size() < n)
      return Status::Internal("corpus state: truncated journal");
    JournalEntry e;
    e.id = std::string(bytes.substr(0, n));
    bytes.remove_prefix(n);
    if (!GetU32(&bytes, &day)) return Status::Internal("corpus state: truncated journal");
    if (static_cast<int32_t>(day) != kNoDay) e.day = static_cast<int32_t>(day);
    if (e.id.empty()) return Status::Internal("corpus state: journal entry without id");
    out.push_back(std::move(e));
  }
  return out;
}

std::string DayToIso(int32_t day) {
  // Civil from days (proleptic Gregorian), after H. Hinnant's public-domain algorithm.
  int64_t z = static_cast<int64_t>(day) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return buf;
}

}  // namespace parallax::corpus
