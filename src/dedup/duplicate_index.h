// DuplicateIndex: finds, for each article added, an earlier exact duplicate, near-duplicate or
// wire copy, using MinHash signatures (minhash.h) and LSH banding.
//
// Banding: the index keeps the low 16 bits of each of the 128 MinHash values and splits them
// into kBands = 32 bands of kRows = 4 values. Two articles become candidates when any band is
// equal. For shingle-set Jaccard s, P(candidate) = 1 - (1 - s^4)^32 (the S-curve):
//   s = 0.2: 0.05   s = 0.3: 0.23   s = 0.4: 0.56   s = 0.5: 0.87   s = 0.6: 0.98   s >= 0.7: ~1
// (midpoint (1/32)^(1/4) ~ 0.42). Candidates are then verified on all 128 values:
//   * exact duplicate: equal exact hashes (same folded token sequence);
//   * near-duplicate: estimated Jaccard >= min_jaccard (default 0.5; the estimate's standard
//     error is <= 0.045, and the S-curve finds 87% of pairs at exactly 0.5, ~100% above 0.65);
//   * wire copy (contained): estimated containment |A∩B|/min(|A|,|B|) >= min_containment
//     (default 0.8), the shorter body having >= min_containment_shingles shingles: one outlet
//     trims the last paragraphs, another adds an intro. Found reliably while the shorter copy
//     holds at least about half of the longer one's shingles (Jaccard >= ~0.45).
// Every article joins the duplicate group of the earlier article it matches best (near or exact
// over contained, then highest Jaccard, then earliest), so a group is named by its first
// article.
//
// Window: only the newest articles are candidates (DuplicateOptions::window_articles). Once
// more than 1.25 * window_articles articles hold a signature, the oldest are evicted down to
// window_articles (their signatures, match records, chain links and band-table entries are
// dropped and the tables rebuilt), so an article is compared with at least the newest
// window_articles articles before it and at most 1.25 times as many. Eviction depends only on
// the number of articles added, so a restored index still behaves exactly like an uninterrupted
// one. Wire copies and near-duplicates are published within days of each other; the default
// window (50,000 articles) covers days to weeks of a large crawl; in a corpus smaller than the
// window every duplicate is found exactly as without one.
//
// Memory: per article in the window its id (packed), the 16-bit signature (256 bytes), 32
// chain links and 32 band-table entries: about 0.9 KB (at most ~60 MB for the default window);
// per older article only its id and its group size: about 40 bytes. State serialises to bytes
// (Serialize / Deserialize, or SerializeTo / DeserializeFrom inside a larger state) so a run can
// stop and resume with identical results.
//
// Thread safety: none; one writer. Signatures are computed in parallel beforehand.
//
//   dedup::DuplicateIndex index;
//   Result<dedup::Match> m = index.Add(article.id, dedup::ComputeSignature(article));
//   if (m.ok() && m->kind != dedup::MatchKind::kNone) Use(index.id(*m->other));
#ifndef PARALLAX_DEDUP_DUPLICATE_INDEX_H_
#define PARALLAX_DEDUP_DUPLICATE_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"
#include "src/dedup/bytes.h"
#include "src/dedup/minhash.h"

namespace parallax::dedup {

inline constexpr int kBands = 32;
inline constexpr int kRows = 4;
static_assert(kBands * kRows == kNumHashes);

enum class MatchKind : uint8_t {
  kNone = 0,       // no earlier duplicate
  kExact = 1,      // same folded token sequence
  kNear = 2,       // estimated Jaccard >= min_jaccard
  kContained = 3,  // wire copy: one body (almost) contains the other
};
std::string_view MatchKindName(MatchKind kind);  // "none", "exact", "near", "contained"

struct Match {
  MatchKind kind = MatchKind::kNone;
  uint32_t index = 0;             // this article's position in the index (order of Add)
  std::optional<uint32_t> other;  // the earlier article it matched; nullopt for kNone
  uint32_t group = 0;             // first article of its duplicate group (== index for kNone)
  double jaccard = 0;             // estimated, against `other`
  double containment = 0;         // estimated, against `other`
};

struct DuplicateOptions {
  // Default: 0.5.
  double min_jaccard = 0.5;
  // Default: 0.8.
  double min_containment = 0.8;
  // The shorter body needs this many distinct shingles for a containment match. Default: 20.
  uint32_t min_containment_shingles = 20;
  // Articles that keep their signature (see the window above); 0 keeps every article.
  // Default: 50,000.
  uint32_t window_articles = 50000;
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(DuplicateOptions options = {});

  // Adds an article and returns its best match among the articles added before it.
  // Errors: InvalidArgument for an empty id. Adding an id that is already present changes
  // nothing and returns the match recorded when it was first added (idempotent re-runs).
  // An empty signature (no tokens) is recorded but never matches.
  Result<Match> Add(std::string_view article_id, const Signature& signature);

  // Best match of `signature` among the indexed articles, without adding it.
  Match Query(const Signature& signature) const;

  // Position of `article_id`, or nullopt.
  std::optional<uint32_t> Find(std::string_view article_id) const;
  // The match recorded for the article at `index` (< size()). For an article evicted from the
  // window (index < window_start()) the record is gone: kind kNone, group = other = index.
  Match MatchOf(uint32_t index) const;
  // First article that still holds its signature (0 until the first eviction).
  uint32_t window_start() const { return base_; }
  std::string_view id(uint32_t index) const {
    return std::string_view(ids_).substr(id_end_[index] - id_len_[index], id_len_[index]);
  }
  // Number of articles in the duplicate group named by its first article `group` (1 for an
  // article without duplicates).
  uint32_t GroupSize(uint32_t group) const { return group_size_[group]; }
  size_t size() const { return id_len_.size(); }
  const DuplicateOptions& options() const { return options_; }

  // The whole state as bytes; Deserialize gives an index that behaves identically.
  std::string Serialize() const;
  static Result<DuplicateIndex> Deserialize(std::string_view bytes);
  // The same bytes, appended to / read from a larger state (no intermediate copy).
  void SerializeTo(ByteWriter* w) const;
  static Result<DuplicateIndex> DeserializeFrom(ByteReader* r);

  // The state in parts, for a caller that saves it piecewise: the window part (options,
  // article count, the windowed articles' records and signatures; bounded by the window), and
  // the articles part of [from, to) (ids and group sizes; the records of old articles change
  // only when a new copy joins their group). SerializeTo writes the window part then the
  // articles part of all articles.
  void SerializeWindow(ByteWriter* w) const;
  void SerializeArticles(uint32_t from, uint32_t to, ByteWriter* w) const;
  // Restores the window part; the ids then come in order with DeserializeArticles (`count`
  // articles per call), and CheckComplete tells whether all saved articles arrived. Until then
  // the index must not be used otherwise.
  static Result<DuplicateIndex> DeserializeWindow(ByteReader* r);
  Status DeserializeArticles(ByteReader* r, size_t count);
  Status CheckComplete() const;
  // Articles the window part was saved with.
  uint32_t saved_size() const { return expected_; }

 private:
  struct Doc {
    uint64_t exact = 0;
    uint32_t shingles = 0;
    uint32_t group = 0;
    uint32_t other = 0;
    MatchKind kind = MatchKind::kNone;
    float jaccard = 0;
    float containment = 0;
  };
  // Open-addressing map from a 64-bit key to the last article index with that key; the
  // per-(article, band) `next_` links chain earlier articles with the same key.
  class HeadTable {
   public:
    static constexpr uint32_t kNone = 0xFFFFFFFFu;
    // Returns the previous head for `key` (kNone if absent) and sets `value` as the new head.
    uint32_t Exchange(uint64_t key, uint32_t value);
    uint32_t Get(uint64_t key) const;
    size_t size() const { return used_; }
    // Empties the table, sized for `keys` keys.
    void Reset(size_t keys);

   private:
    void Grow();
    std::vector<uint64_t> keys_;
    std::vector<uint32_t> values_;
    size_t used_ = 0;
  };

  void BandKeys(const uint16_t* low, uint64_t* keys) const;
  Match Best(const Signature& sig, const uint16_t* low, uint64_t exact, uint32_t shingles,
             uint32_t self) const;
  // Appends an article; `count_group` adds it to its group's size (off when the sizes are
  // restored from a saved state).
  void Insert(std::string_view id, Doc doc, const uint16_t* low, bool count_group);
  // Links the windowed article `index` into the band and exact tables.
  void Link(uint32_t index);
  // Drops the oldest windowed articles when the window is over 1.25 times full.
  void MaybeEvict();
  // Rebuilds the band and exact tables and the chain links over the window.
  void RebuildTables();
  static Result<DuplicateIndex> DeserializeWindowAfterFormat(uint32_t format, ByteReader* r);
  static Result<DuplicateIndex> DeserializeFormat1(ByteReader* r);
  // by_id_: open addressing over article indices (kNone = empty), hashed by Hash of the id.
  static uint64_t IdHash(std::string_view id);
  void IdInsert(uint32_t index);
  void IdGrow();

  DuplicateOptions options_;
  // Articles base_, base_ + 1, ... (the window): docs_[i - base_], low_ from (i - base_) *
  // kNumHashes, next_ from (i - base_) * kBands. Chain links hold article indices >= base_.
  uint32_t base_ = 0;
  uint32_t expected_ = 0;  // articles of the window part being restored
  std::vector<Doc> docs_;
  std::vector<uint16_t> low_;         // kNumHashes per windowed article
  std::vector<uint32_t> next_;        // kBands per windowed article
  std::vector<uint32_t> group_size_;  // per article (all); meaningful for group roots
  HeadTable bands_;
  HeadTable exact_;
  // Article ids, concatenated (id i ends at id_end_[i] and is id_len_[i] bytes long): one
  // allocation for all of them instead of a string (and a hash node) each.
  std::string ids_;
  std::vector<uint64_t> id_end_;
  std::vector<uint16_t> id_len_;
  std::vector<uint32_t> by_id_;
};

}  // namespace parallax::dedup

#endif  // PARALLAX_DEDUP_DUPLICATE_INDEX_H_
