// StoryClusterer: incremental clustering of articles into stories, in publication order.
//
// Each article (its ArticleFeatures) either joins the most similar open story or starts a new
// one. Similarity is the cosine of TF-IDF vectors; IDF comes from the articles added so far, so
// it sharpens as the corpus grows. An article joins a story when
//   * the story is open: its last article is at most window_days before the new article (and
//     its first at most window_days after it); undated articles and stories are always open;
//   * cos(article, story centroid) >= min_similarity, where the centroid is bounded to the
//     story's centroid_terms heaviest terms (a cap on drift: a long story cannot absorb
//     everything by growing a broad vocabulary), and
//   * cos(article, one of the story's core articles) >= min_core_similarity: the core is the
//     story's first core_articles articles, so an article must also resemble the seed of the
//     story, not only the average.
// Of the stories that qualify, the one with the highest centroid cosine wins. When none
// qualifies, lower thresholds apply to the nearest story alone when it is a single article or a
// clear winner over the runner-up (ClusterOptions::pair_similarity, margin_ratio).
// Young stories (at most split_max_size articles) are re-examined as they grow and cut in two
// when their articles form two groups (ClusterOptions::split_ratio): an early article may thus
// move to a new story; TakeMoved() lists such moves.
// A near-duplicate or wire copy (dedup::DuplicateIndex) of an earlier article joins that
// article's story, whatever the thresholds; a text copied more than max_copies times is treated
// as boilerplate unless the copies are dated within the window (see ClusterOptions).
//
// Candidates come from an inverted index from each story's index_terms heaviest centroid terms
// to the story, so each article is compared with a few stories (at most max_candidates), not
// all. Stories that cannot be joined any more (last article more than 2 * window_days before
// the newest article seen) are compacted: their vectors and young-story members are dropped,
// and their postings skipped, then swept out once they are half of all postings, so memory for
// the working set stays flat as a dated corpus grows; per article the clusterer keeps its id and
// story number (with its dedup group size, ~40 bytes), plus its dedup signature (~0.9 KB) while
// it is among the newest dedup.window_articles articles, plus ~1 KB while its story is young
// (split_max_size) and open; per closed story its summary (~250 bytes with the label).
//
// Determinism: the result depends only on the sequence of Add calls. Serialize() saves the
// whole state; a clusterer restored with Deserialize() and fed the rest of the sequence ends in
// exactly the state of one run over the whole sequence. Adding an id that is already present
// changes nothing (re-running a corpus is idempotent). Publication order is the caller's job:
// AddAll() sorts a batch with PublicationOrder() first.
//
// Thread safety: none (one writer); Featurize articles in parallel before.
//
//   stories::StoryClusterer clusterer;
//   for (const Article& a : articles_by_date)
//     PARALLAX_RETURN_IF_ERROR(clusterer.Add(stories::Featurize(a)));
//   for (const stories::StoryInfo& s : clusterer.Stories()) Print(s.label, s.size);
#ifndef PARALLAX_STORIES_CLUSTERER_H_
#define PARALLAX_STORIES_CLUSTERER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parallax/status.h"
#include "src/dedup/bytes.h"
#include "src/dedup/duplicate_index.h"
#include "src/stories/features.h"

namespace parallax::stories {

struct ClusterOptions {
  // Days a story stays open after its last article. Default: 7.
  int window_days = 7;
  // Minimum cosine to the story centroid. Default: 0.30 (tuned once on ECB+, Multi-News and
  // BASIL together; one configuration for all, with the two rules below).
  double min_similarity = 0.30;
  // Minimum cosine to at least one core article. Default: 0.30.
  double min_core_similarity = 0.30;
  // When no story passes the two thresholds above, the nearest open candidate story (by
  // centroid cosine) still takes the article when its centroid and core cosines reach
  //   * pair_similarity and the story is a single article (two articles pair more easily than
  //     an article joins a grown story, whose centroid is broad and would chain topics), or
  //   * margin_similarity and the runner-up candidate's centroid cosine is at most
  //     margin_ratio times the nearest one's (a clear winner: an article about as close to
  //     several stories is about their common topic, not one of them).
  // 1, 1, 0 turn both rules off (the behaviour before state format 6). Defaults: 0.16, 0.14, 0.5.
  double pair_similarity = 0.16;
  double margin_similarity = 0.14;
  double margin_ratio = 0.5;
  // Story split (a bounded re-examination of young stories): while a story has at most
  // split_max_size articles it keeps each article's vector, and at sizes 4, 6, 8, 12, 16, 24
  // and 32 it is cut in two by average-link 2-means over those vectors (seeds: its first article
  // and the article least like it; near-duplicates stay with their original). The cut is made when
  // both parts have at least split_min_part articles and the mean cosine between the parts is
  // below split_ratio times the mean cosine within them: two similar events (two earthquakes,
  // two title fights) that the first articles could not tell apart. The part holding the first
  // article keeps the story number; the other becomes a new story. 0 turns splitting off.
  // Defaults: 0.5, 32, 3.
  double split_ratio = 0.5;
  uint32_t split_max_size = 32;
  uint32_t split_min_part = 3;
  // Terms kept in a story centroid. Default: 120.
  uint32_t centroid_terms = 120;
  // Core (seed) articles kept per story, and terms kept per core article. Default: 4, 64.
  uint32_t core_articles = 4;
  uint32_t core_terms = 64;
  // Heaviest centroid terms posted to the inverted index per story. Default: 20.
  uint32_t index_terms = 20;
  // Heaviest article terms looked up in the inverted index. Default: 32.
  uint32_t query_terms = 32;
  // Stories scored exactly per article, and postings scanned per term (newest first).
  // Default: 24, 2000.
  uint32_t max_candidates = 24;
  uint32_t max_posting_scan = 2000;
  // A text copied more often than this is boilerplate (an archive notice or a consent page
  // scraped as an article), not a story, unless the copies fall in one time window (a wire
  // story run by many outlets in a few days): further copies then start stories of their own
  // that nothing joins. Default: 4.
  uint32_t max_copies = 4;
  // Near-duplicate detection (see dedup::DuplicateOptions).
  dedup::DuplicateOptions dedup;
};

struct StoryInfo {
  uint32_t id = 0;                   // story number, in order of creation
  std::string seed;                  // id of the story's first article
  std::string label;                 // headline of its most central core article
  std::optional<int32_t> first_day;  // time span of its dated articles (days since 1970-01-01)
  std::optional<int32_t> last_day;
  uint32_t size = 0;  // articles
};

// Publication order of a batch: a stable sort by day, where an undated article takes the day of
// the dated article before it in the batch (so undated runs keep their input order and place).
std::vector<size_t> PublicationOrder(const std::vector<ArticleFeatures>& batch);

class StoryClusterer {
 public:
  explicit StoryClusterer(ClusterOptions options = {});

  // Adds one article. Errors: InvalidArgument for an empty id or terms not sorted by key.
  // An id that was added before is ignored (OK).
  Status Add(const ArticleFeatures& article);
  // Adds a batch in PublicationOrder. Stops at the first error.
  Status AddAll(const std::vector<ArticleFeatures>& batch);

  size_t article_count() const { return story_of_.size(); }
  size_t story_count() const { return stories_.size(); }
  // Article `index` (order of first Add): its id and story number.
  std::string article_id(uint32_t index) const { return std::string(dups_.id(index)); }
  uint32_t story_of(uint32_t index) const { return story_of_[index]; }
  // Story number of an article id, or nullopt when not added.
  std::optional<uint32_t> StoryOf(std::string_view article_id) const;
  StoryInfo Story(uint32_t story) const;
  std::vector<StoryInfo> Stories() const;
  // Articles (indices) whose story changed after their own Add (a story split, see
  // ClusterOptions::split_ratio) since the last call; clears the list. Callers that store
  // memberships re-read story_of() for these and refresh Story() of their old and new story.
  // Not part of the saved state.
  std::vector<uint32_t> TakeMoved() { return std::exchange(moved_, {}); }
  // The dedup match recorded for article `index`.
  dedup::Match DuplicateOf(uint32_t index) const { return dups_.MatchOf(index); }

  // The saved state, in named parts so that a caller can save it piecewise and rewrite only
  // the parts whose bytes changed since its last save:
  //   "head"  options, the dedup window (dedup::DuplicateIndex::SerializeWindow), IDF counts,
  //           postings: bounded by the dedup window and the vocabulary, rewritten every time;
  //   "a<k>"  articles k * kPartArticles ...: ids, dedup group sizes, story numbers (an old
  //           part changes only when a story split moves one of its articles or a new copy
  //           joins one of its articles' groups);
  //   "s<k>"  stories k * kPartStories ...: closed stories change only when a late copy joins.
  // Each part is sized first and built in one allocation. StatePartNames lists the parts of
  // the current state ("head" first); SerializeStatePart returns "" for a name not listed.
  static constexpr uint32_t kPartArticles = 1u << 16;
  static constexpr uint32_t kPartStories = 1u << 14;
  std::vector<std::string> StatePartNames() const;
  std::string SerializeStatePart(std::string_view name) const;
  // Restores from parts: `read(name)` returns a part's bytes; its error stops the restore. Parts
  // are read one at a time ("head" first), so only one part's bytes are held at once.
  using PartReader = std::function<Result<std::string>(const std::string& name)>;
  static Result<StoryClusterer> DeserializeStateParts(const PartReader& read);
  // Whether `bytes` is a "head" part (rather than, say, a state saved by Serialize()).
  static bool IsHeadPart(std::string_view bytes);
  // All parts in one string (and the inverse; it also reads the older single-string format 2).
  std::string Serialize() const;
  static Result<StoryClusterer> Deserialize(std::string_view bytes);

 private:
  // 12 bytes, not 16: the story vectors (centroid, core, young members: a few hundred entries
  // per open story) are most of the clusterer's memory. Members are read by value only.
#pragma pack(push, 4)
  struct Weighted {
    uint64_t key;
    float w;
  };
#pragma pack(pop)
  static_assert(sizeof(Weighted) == 12);
  struct Core {
    std::string headline;
    std::vector<Weighted> vec;  // unit length, sorted by key
  };
  static constexpr int32_t kNoDay = INT32_MIN;
  struct Member {
    uint32_t article = 0;
    int32_t day = kNoDay;
    uint32_t tie = 0;  // index of the member it copies (itself when none)
    std::string headline;
    std::vector<Weighted> raw;  // unit raw vector, heaviest core_terms
  };
  struct StoryState {
    uint32_t seed = 0;  // article index
    int32_t first_day = 0, last_day = 0;
    bool dated = false;
    bool compact = false;  // closed for good: vectors dropped
    uint32_t size = 0;
    std::vector<Weighted> sums;  // raw centroid: sums of unit raw article vectors, by key
    std::vector<Weighted> vec;   // IDF-weighted unit centroid, by key
    std::vector<Core> core;
    std::vector<uint64_t> posted;  // terms this story was posted under
    std::string label;             // set when compacted (core dropped)
    std::vector<Member> members;   // every article while size <= split_max_size, else none
  };

  float Idf(uint64_t key) const;
  std::vector<Weighted> WeightArticle(const ArticleFeatures& a) const;
  bool Open(const StoryState& s, std::optional<int32_t> day) const;
  void Join(uint32_t story, const ArticleFeatures& a, const std::vector<Weighted>& vec);
  uint32_t NewStory(uint32_t article, const ArticleFeatures& a, const std::vector<Weighted>& vec);
  void Refresh(uint32_t story, const ArticleFeatures& a, const std::vector<Weighted>& vec);
  void AddToCentroid(StoryState* s, const std::vector<Weighted>& add);
  void Post(uint32_t story);
  std::vector<std::pair<float, uint32_t>> Candidates(const std::vector<Weighted>& vec);
  void TrySplit(uint32_t story);
  void Rebuild(uint32_t story, std::vector<Member> members);
  void CompactClosed();
  void SweepPostings();
  std::string LabelOf(const StoryState& s) const;
  void WritePart(std::string_view name, dedup::ByteWriter* out) const;
  static void PutStory(dedup::ByteWriter* out, const StoryState& s);
  static Status GetStory(dedup::ByteReader* in, uint32_t id, size_t articles, StoryState* out);
  static Result<StoryClusterer> DeserializeFormat2(std::string_view bytes);

  ClusterOptions options_;
  dedup::DuplicateIndex dups_;
  std::vector<uint32_t> story_of_;
  std::vector<StoryState> stories_;
  std::unordered_map<uint64_t, uint32_t> df_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;
  uint64_t docs_ = 0;
  std::optional<int32_t> max_day_;
  std::vector<uint32_t> moved_;  // see TakeMoved (not saved)
  // During Add of a near-duplicate: the article it copies (not saved).
  std::optional<uint32_t> joining_copy_of_;
  std::vector<uint32_t> live_;  // stories not compacted (derived from stories_, not saved)
  // Entries in postings_, and those naming compacted stories (derived, not saved).
  size_t total_postings_ = 0;
  size_t dead_postings_ = 0;
  // Scratch for candidate scoring, indexed by story (not part of the state).
  std::vector<float> scratch_;
  std::vector<uint32_t> touched_;
};

}  // namespace parallax::stories

#endif  // PARALLAX_STORIES_CLUSTERER_H_
