// IdfTable: inverse document frequencies of terms (folded stems, see claim.h TermId), learned
// from whatever texts are at hand: the sentences of the articles being compared, a corpus, or
// as a last resort the glosses of WordNet. Nothing is shipped pre-trained.
//
// Invariant: documents() counts the documents added; each term's document frequency is at most
// documents(). A table is a plain value: build it on one thread, then share it read-only.
//
//   parallax::compare::IdfTable idf;
//   for (const auto& claim : claims) idf.AddClaim(claim);
//   for (auto& claim : claims) parallax::compare::ApplyIdf(idf, &claim);
#ifndef PARALLAX_COMPARE_IDF_H_
#define PARALLAX_COMPARE_IDF_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parallax/status.h"

namespace parallax::compare {

class WordNet;
struct ClaimFeatures;

class IdfTable {
 public:
  // Adds one document made of `terms` (TermId values; repeats are counted once).
  void AddDocument(std::span<const uint64_t> terms);
  // Adds one document: the terms of `text` tokenised, folded and stemmed in `language`.
  void AddText(std::string_view text, std::string_view language);
  // Adds the claim's terms as one document.
  void AddClaim(const ClaimFeatures& claim);

  // log((N + 1) / (df + 1)) + 1 with N = documents(): 1 for a term in every document, largest
  // for a term never seen. Thread-safe (const).
  double Weight(uint64_t term) const;
  uint32_t DocumentFrequency(uint64_t term) const;
  uint64_t documents() const { return documents_; }
  size_t terms() const { return df_.size(); }

  // Text form: "parallax.idf/1\t<documents>\n" then "<term as 16 hex digits>\t<df>\n" per term,
  // sorted by term (byte-identical for equal tables).
  std::string Serialize() const;
  // Reads Serialize()'s form. Errors: InvalidArgument naming the first bad line.
  static Result<IdfTable> Parse(std::string_view text);

  // A fallback for English when no texts are at hand: every WordNet gloss is one document.
  static IdfTable FromWordNetGlosses(const WordNet& wordnet);

 private:
  uint64_t documents_ = 0;
  std::unordered_map<uint64_t, uint32_t> df_;
};

}  // namespace parallax::compare

#endif  // PARALLAX_COMPARE_IDF_H_
