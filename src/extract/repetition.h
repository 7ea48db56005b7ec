// Boilerplate learned from the corpus: a line that repeats verbatim (after whitespace and case
// folding) across several distinct articles of one outlet is furniture, not reporting.
//
// Wire copies and re-published updates share real sentences, so a long sentence-like block is
// re-labelled only when the article shares few of its other blocks with the outlet's other
// articles; short furniture-shaped blocks ("Follow us on Telegram", "Read more →") are
// re-labelled whenever they repeat. Headlines, datelines, timestamps, sections, bylines and
// credits legitimately repeat and are never re-labelled.
//
//   parallax::extract::RepetitionModel model;
//   for (const auto& a : batch) model.Observe(a);
//   for (auto& a : batch) model.Apply(&a);
//
// The folding and hashing that both calls need can be done beforehand, in parallel, with
// RepetitionModel::Keys; Observe and Apply then only count and look up:
//   keys[i] = RepetitionModel::Keys(batch[i]);          // any thread
//   for (i ...) model.Observe(batch[i], keys[i]);       // serial
//   model.Apply(&batch[i], keys[i]);                    // any thread, once observing is over
#ifndef PARALLAX_EXTRACT_REPETITION_H_
#define PARALLAX_EXTRACT_REPETITION_H_

#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parallax/article.h"

namespace parallax::extract {

class RepetitionModel {
 public:
  // What Observe and Apply read of one article, precomputed. Valid for the article's outlet
  // and blocks as they were when computed (Apply changes roles only, so keys computed before
  // Observe stay valid for Apply).
  struct ArticleKeys {
    uint64_t article = 0;          // hash of (outlet, text); 0 when the article has no outlet
    std::vector<uint64_t> blocks;  // per block: hash of its folded text, 0 when it folds to
                                   // nothing; empty when the article has no outlet
  };
  // Pure function of `article`; thread-safe.
  static ArticleKeys Keys(const Article& article);
  // The same from the block hashes ExtractFromText already computed (one per block).
  static ArticleKeys Keys(const Article& article, std::vector<uint64_t> block_fold_hashes);

  // Counts the lines of every block of `article` under its outlet (Article::outlet, else
  // hints.outlet; articles without an outlet are ignored). A line counts once per article, and
  // an article whose text was already observed under the same outlet is not counted again.
  // Not thread-safe.
  void Observe(const Article& article);
  // The same with keys from Keys(article).
  void Observe(const Article& article, const ArticleKeys& keys);
  // Re-labels as boilerplate the non-headline blocks of `article` whose text was observed in at
  // least `min_articles` distinct articles of the same outlet; re-derives body-dependent fields
  // (standfirst, the "no body found" warning). Returns the number of blocks re-labelled.
  // Thread-safe for concurrent calls once observation is over.
  int Apply(Article* article, int min_articles = 3) const;
  // The same with keys from Keys(*article), computed before any re-labelling.
  int Apply(Article* article, const ArticleKeys& keys, int min_articles = 3) const;

 private:
  // Counts per 64-bit key (0 is never a key), open addressing with linear probing. Observe runs
  // on one thread between parallel phases, once per line of the corpus: a node-based map cost a
  // cache miss and an allocation per new line and became the serial bottleneck on two cores.
  class CountTable {
   public:
    CountTable() = default;
    CountTable(const CountTable&) = delete;
    CountTable& operator=(const CountTable&) = delete;
    ~CountTable();
    // The count for `key`, or nullptr.
    const int32_t* Find(uint64_t key) const;
    // The count for `key`, inserted as 0 when absent; `inserted` tells which.
    int32_t& Add(uint64_t key, bool* inserted = nullptr);
    // Makes room for `more` new keys, so that Prefetch'ed slots stay where they are.
    void Reserve(size_t more);
    // Starts loading the slot where `key` would be (a hint; no effect on the contents).
    void Prefetch(uint64_t key) const;

   private:
    struct Slot {
      uint64_t key;
      int32_t count;
    };
    void Resize(size_t slots);
    Slot* slots_ = nullptr;  // a power of two of them, or none; see Resize for the memory
    size_t size_ = 0;
    size_t used_ = 0;
  };
  // The table key of a line of an outlet.
  static uint64_t LineKey(uint64_t outlet, uint64_t line);

  // (outlet, line hash) -> number of distinct articles of the outlet holding the line.
  CountTable counts_;
  // Hashes of the outlets observed.
  std::unordered_set<uint64_t> outlets_;
  // Hashes of (outlet, article text) already observed (the count is unused).
  CountTable observed_;
  std::vector<uint64_t> line_keys_;  // Observe's scratch
};

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_REPETITION_H_
