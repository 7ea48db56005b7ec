// Boilerplate learned from the corpus: a line that repeats verbatim (after whitespace and case
// folding) across several distinct articles of one outlet is furniture, not reporting.
#ifndef PARALLAX_EXTRACT_REPETITION_H_
#define PARALLAX_EXTRACT_REPETITION_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "parallax/article.h"

namespace parallax::extract {

class RepetitionModel {
 public:
  // Counts the lines of every block of `article` under its outlet. Not thread-safe.
  void Observe(const Article& article);
  // Re-labels as boilerplate the non-headline blocks of `article` whose text was observed in at
  // least `min_articles` distinct articles of the same outlet; re-derives body-dependent fields.
  // Returns the number of blocks re-labelled.
  int Apply(Article* article, int min_articles = 3) const;

 private:
  // outlet -> line hash -> number of distinct articles holding the line.
  std::unordered_map<std::string, std::unordered_map<uint64_t, int>> counts_;
};

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_REPETITION_H_
