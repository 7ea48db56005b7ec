// What the parts of Compare share about one story: the articles, their outlets, the claim units
// with their features, and the story's IDF table. Built once by Compare (compare.cc); wording.cc
// and the reports read it.
#ifndef PARALLAX_COMPARE_STORY_H_
#define PARALLAX_COMPARE_STORY_H_

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "parallax/compare.h"
#include "src/compare/claim.h"
#include "src/compare/idf.h"
#include "src/compare/split.h"

namespace parallax::compare {

struct StoryContext {
  std::span<const Article> articles;
  std::vector<std::string> outlets;     // in order of first article
  std::vector<uint32_t> outlet_of;      // per article: index into outlets
  std::vector<ClaimUnit> units;         // every article's claims, article by article
  std::vector<ClaimFeatures> features;  // parallel to units
  IdfTable idf;
  ClaimOptions claim_options;
  // Pairs of units (a < b, different outlets) that ended up in one claim group.
  std::vector<std::pair<uint32_t, uint32_t>> aligned;
};

// The outlet an article counts as: Article::outlet, or "(unknown: <source>)".
std::string OutletName(const Article& article);

// Wording (terms, attribution verbs, hedges, scare quotes, labels) per outlet.
void AddWording(const StoryContext& story, const CompareOptions& options, Comparison* out);

// Headline framing: per article with a headline, its words no other headline uses.
void AddHeadlines(const StoryContext& story, Comparison* out);

// Folded word tokens of `span` in `text` (words only: numbers and punctuation dropped), with
// their spans.
struct WordToken {
  std::string folded;
  Span span;
};
std::vector<WordToken> FoldedWords(std::string_view text, Span span);

}  // namespace parallax::compare

#endif  // PARALLAX_COMPARE_STORY_H_
