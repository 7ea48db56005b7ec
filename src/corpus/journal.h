// The corpus stages' saved state, as named entries of the store's `state` table:
//   corpus.meta          "parallax.corpus/1 BATCHES CHECKPOINT": batches committed so far, and
//                        the last batch the saved clusterer state covers (0: none saved)
//   corpus.clusterer     the "head" part of the stories::StoryClusterer state at that
//                        checkpoint (before the parts existed: the whole state in one value,
//                        StoryClusterer::Serialize, still read)
//   corpus.clusterer.P   its other parts (StatePartNames: "a0", "a1", ..., "s0", ...); a
//                        checkpoint rewrites only the parts whose bytes changed since the last
//   corpus.journal.N     batch N's articles in clustering order: per article, u32 id length,
//                        the id, i32 publication day (days since 1970-01-01; INT32_MIN = none),
//                        little endian
// Every batch writes its journal entry and corpus.meta in its own transaction; a checkpoint adds
// the changed corpus.clusterer.P parts to that transaction.
#ifndef PARALLAX_CORPUS_JOURNAL_H_
#define PARALLAX_CORPUS_JOURNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"

namespace parallax::corpus {

inline constexpr std::string_view kMetaKey = "corpus.meta";
inline constexpr std::string_view kClustererKey = "corpus.clusterer";
std::string JournalKey(uint64_t batch);  // "corpus.journal.N"
// "corpus.clusterer" for the "head" part of the clusterer state, "corpus.clusterer.P" for
// another part P.
std::string ClustererPartKey(std::string_view part);

struct Meta {
  uint64_t batches = 0;
  uint64_t checkpoint_batch = 0;
};
std::string SerializeMeta(const Meta& meta);
// Errors: Internal for bytes that are not a corpus.meta value (or checkpoint > batches).
Result<Meta> ParseMeta(std::string_view bytes);

struct JournalEntry {
  std::string id;
  std::optional<int32_t> day;
};
std::string SerializeJournal(const std::vector<JournalEntry>& entries);
// Errors: Internal for truncated or malformed bytes.
Result<std::vector<JournalEntry>> ParseJournal(std::string_view bytes);

// "YYYY-MM-DD" of a day number (days since 1970-01-01, proleptic Gregorian).
std::string DayToIso(int32_t day);

}  // namespace parallax::corpus

#endif  // PARALLAX_CORPUS_JOURNAL_H_
