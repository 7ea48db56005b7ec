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
#include <unordered_map>
#include <unordered_set>
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
  // outlet -> line hash -> number of distinct articles holding the line.
  std::unordered_map<std::string, std::unordered_map<uint64_t, int>> counts_;
  // Hashes of (outlet, article text) already observed.
  std::unordered_set<uint64_t> observed_;
};

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_REPETITION_H_
