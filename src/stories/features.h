// Per-article features for story clustering: weighted terms (stems, entities, numbers), the
// publication day, a label candidate and the dedup signature. Featurize runs per article, in
// parallel; StoryClusterer (clusterer.h) consumes the features serially.
//
// Terms (each a 64-bit key of its kind and folded form):
//   * words: Snowball stems of folded words, English stop words dropped;
//   * entities: Article::entities keys when the article has entities; otherwise a proxy:
//     runs of capitalised words inside a sentence ("... said Mara Velkova on ..."), plus
//     sentence-initial capitalised words the article also capitalises mid-sentence; each word of
//     a run and the whole run are features;
//   * numbers: number tokens of two or more characters, separators removed.
// Position weights: headline 3, lead (standfirst and the first 50 body words) 2, body 1, after
// 400 body words 0.5; reading stops after 2000 body words. A term's weight is
// boost * (1 + ln(sum of position weights)) (boost * sum when the sum is below 1), with boosts
// word 1, entity 2, number 1.5. IDF is not applied here: it belongs to the corpus and is applied
// by the clusterer as the corpus grows.
//
//   stories::ArticleFeatures f = stories::Featurize(article);   // thread-safe
#ifndef PARALLAX_STORIES_FEATURES_H_
#define PARALLAX_STORIES_FEATURES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "src/dedup/minhash.h"

namespace parallax::stories {

enum class TermKind : uint8_t { kWord = 1, kEntity = 2, kNumber = 3 };

struct Term {
  uint64_t key = 0;  // TermKey(kind, form)
  float weight = 0;  // > 0
};

struct FeatureOptions {
  // At most this many terms per article (the heaviest). Default: 256.
  size_t max_terms = 256;
  // Keep the readable form of each term in ArticleFeatures::term_text (for error analysis).
  // Default: false.
  bool keep_term_text = false;
};

struct ArticleFeatures {
  std::string id;              // Article::id (or the caller's id); must be non-empty
  std::optional<int32_t> day;  // publication day, days since 1970-01-01 (UTC); nullopt: unknown
  std::string headline;        // label candidate, at most 200 bytes (UTF-8 safe)
  std::vector<Term> terms;     // sorted by key, keys unique
  std::vector<std::string> term_text;  // parallel to terms when keep_term_text, else empty
  dedup::Signature signature;          // dedup::ComputeSignature(article)
};

// The key of a term: XXH3-64 of the kind byte followed by the folded form.
uint64_t TermKey(TermKind kind, std::string_view form);

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD..." (time ignored); nullopt when `iso` does
// not start with a valid date.
std::optional<int32_t> ParseDay(std::string_view iso);

// Features of `article`. Publication day: article.published, else hints.date. Language for
// stemming: article.language, else detected from the body. Thread-safe.
ArticleFeatures Featurize(const Article& article, const FeatureOptions& options = {});

}  // namespace parallax::stories

#endif  // PARALLAX_STORIES_FEATURES_H_
