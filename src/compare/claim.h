// ClaimFeatures: what compare needs to know about one sentence (a claim) to score it against
// others cheaply: its terms (folded stems) with IDF weights, the WordNet concepts of its words,
// its word bigrams, numbers, entity words and negations. Computed once per sentence; a pair
// score is then a few merges of sorted arrays (see similarity.h).
//
// Invariant: every vector named "sorted" is sorted ascending without duplicates; `weights`,
// `flags` are parallel to `terms`; ConceptRef::term indexes `terms`.
//
//   parallax::compare::ClaimOptions opt;             // English, WordNet::Default()
//   auto a = parallax::compare::ExtractClaim("Police dispersed the protesters.", opt);
//   auto b = parallax::compare::ExtractClaim("Officers scattered the demonstrators.", opt);
//   parallax::compare::IdfTable idf;  idf.AddClaim(a);  idf.AddClaim(b);
//   ApplyIdf(idf, &a);  ApplyIdf(idf, &b);
//   double s = parallax::compare::Similarity(a, b);
#ifndef PARALLAX_COMPARE_CLAIM_H_
#define PARALLAX_COMPARE_CLAIM_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/compare/wordnet.h"

namespace parallax::compare {

class IdfTable;

// The id of a term: Hash64 of its folded stem (numbers: "#" + canonical value). Stable across
// runs and machines (the hash is frozen), so IDF tables can be stored.
uint64_t TermId(std::string_view stem);

// Per-term flags.
inline constexpr uint8_t kTermStopword = 1;  // a function word of the claim's language
inline constexpr uint8_t kTermEntity = 2;    // a capitalised name word (heuristic)
inline constexpr uint8_t kTermNumber = 4;    // a number (its canonical value)

struct ConceptRef {
  SynsetId synset = 0;
  uint16_t term = 0;  // index into ClaimFeatures::terms
  friend bool operator==(const ConceptRef&, const ConceptRef&) = default;
};

struct ClaimFeatures {
  std::vector<uint64_t> terms;       // sorted TermIds
  std::vector<float> weights;        // per term: IDF x stopword factor (1 x factor before ApplyIdf)
  std::vector<uint8_t> flags;        // per term: kTerm* bits
  std::vector<ConceptRef> concepts;  // sorted by (concept, term)
  std::vector<uint64_t> bigrams;     // sorted hashes of adjacent term pairs
  std::vector<uint64_t> entity_keys;  // sorted Hash64 of the keys given in ClaimOptions
  uint32_t word_count = 0;            // word and number tokens
  uint32_t negations = 0;             // "not", "n't", "never", "no", "не" ...
  float total_weight = 0;             // sum of weights
};

struct ClaimOptions {
  // ISO 639-1 code for stemming and function words; "" = no stemming. Default: "en".
  std::string language = "en";
  // Synonyms and derivations (English only) come from `wordnet`, or from WordNet::Default()
  // when it is nullptr (no synonyms when that is not installed either). synonyms = false turns
  // WordNet off. Default: nullptr, true.
  const WordNet* wordnet = nullptr;
  bool synonyms = true;
  ConceptOptions concepts;
  // Entity keys of the claim from the entities stage (Entity::key), when known. Default: none.
  std::vector<std::string> entity_keys;
  // Longest claim considered, in tokens (at most 65,535); the rest is ignored. Default: 400.
  size_t max_tokens = 400;
};

// Features of `text` (valid UTF-8). Weights are 1 x stopword factor until ApplyIdf. An empty or
// all-punctuation text gives empty features. Thread-safe when options.wordnet is.
ClaimFeatures ExtractClaim(std::string_view text, const ClaimOptions& options);

// Sets weights (and total_weight) from `idf`.
void ApplyIdf(const IdfTable& idf, ClaimFeatures* claim);

// Drops the concepts that only one term (stem) of the whole set carries: they can never match
// a different term, so every pair within the set scores exactly as before, faster (a story's
// sentences keep a few percent of their concepts). Claims pruned together must only be
// compared with each other.
void PruneConcepts(std::span<ClaimFeatures> claims);

// Extracts every text, prunes their concepts (PruneConcepts), builds an IdfTable from them (one
// document each) unless `idf` already holds documents, and applies it. The usual way to prepare
// the sentences of a story.
std::vector<ClaimFeatures> ExtractClaims(std::span<const std::string_view> texts,
                                         const ClaimOptions& options, IdfTable* idf);

// True when the folded word is a function word of `language` (en, ru; false otherwise).
bool IsStopword(std::string_view folded_word, std::string_view language);

}  // namespace parallax::compare

#endif  // PARALLAX_COMPARE_CLAIM_H_
