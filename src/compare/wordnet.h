// A reader of the WordNet 3.0 database files (index.*, data.*, *.exc), used by compare to see
// through paraphrase: synonyms share a synset, derivations ("protest" -> "protester") are linked
// by "+" pointers, inflections are undone by the exception lists and the detachment rules.
//
// Invariant: a loaded WordNet is immutable; every query is const and thread-safe. Index files
// are parsed at load into a compact table (lemma -> synset ids); data files are kept in memory
// and a synset's line is parsed on demand (WordNet synset ids are byte offsets into data.*).
//
//   const parallax::compare::WordNet* wn = parallax::compare::WordNet::Default();
//   std::vector<parallax::compare::SynsetId> c;
//   if (wn) wn->Concepts("protesters", {}, &c);   // shares ids with Concepts("demonstrator")
#ifndef PARALLAX_COMPARE_WORDNET_H_
#define PARALLAX_COMPARE_WORDNET_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"

namespace parallax::compare {

enum class WordNetPos : uint8_t { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3 };
inline constexpr int kWordNetPosCount = 4;

// (pos << 24) | byte offset of the synset's line in data.<pos>. WordNet 3.0 offsets are below
// 2^24 (data.noun is 15 MB); Load rejects files whose offsets would not fit.
using SynsetId = uint32_t;
inline WordNetPos SynsetPos(SynsetId id) { return static_cast<WordNetPos>(id >> 24); }
inline uint32_t SynsetOffset(SynsetId id) { return id & 0xFFFFFFu; }

struct ConceptOptions {
  // Senses per part of speech taken for a word (WordNet lists them most frequent first).
  // Default: 3.
  int max_senses = 3;
  // Add the synsets that "+" (derivationally related form) pointers of the word's senses lead
  // to, so "protester" meets "protest" and "demonstration" meets "demonstrate". Default: true.
  bool derivations = true;
  // Add the synsets that "&" (similar to) pointers of adjective senses lead to. Default: false.
  bool similar_adjectives = false;
};

class WordNet {
 public:
  // Reads `dir`/index.{noun,verb,adj,adv}, data.{...} and {noun,verb,adj,adv}.exc (exception
  // lists are optional). Errors: NotFound when an index or data file is missing, InvalidArgument
  // when a file is not in the WordNet database format.
  static Result<std::unique_ptr<WordNet>> Load(const std::string& dir);

  // The process-wide instance, loaded once on first use from $PARALLAX_WORDNET_DIR, else
  // /usr/share/wordnet. nullptr (after one warning on stderr) when the files are absent or
  // unreadable: callers then work without synonyms. Thread-safe.
  static const WordNet* Default();

  // Lemmas of `pos` that the folded lower-case `word` can be an inflection of: the exception
  // list first, then the word itself, then the detachment rules ("protesters" -> "protester",
  // "went" -> "go", "pushed_back" -> "push_back" for verbs: the first word of a collocation is
  // the inflected one). Only lemmas present in the index are returned, without duplicates.
  std::vector<std::string> Lemmas(std::string_view word, WordNetPos pos) const;

  // Synsets of `lemma` in `pos`, most frequent sense first; empty when unknown. The span lives
  // as long as this WordNet.
  std::span<const SynsetId> Synsets(std::string_view lemma, WordNetPos pos) const;

  // True when `lemma` (words joined by '_') is in any index.
  bool HasLemma(std::string_view lemma) const;

  // Synsets linked to `lemma`'s sense in `synset` by "+" pointers (appended to `out`).
  void Derivations(SynsetId synset, std::string_view lemma, std::vector<SynsetId>* out) const;

  // Synsets linked to `synset` by semantic pointers with symbol `pointer` ("&", "@", "$" ...),
  // appended to `out`.
  void Related(SynsetId synset, std::string_view pointer, std::vector<SynsetId>* out) const;

  // The words of `synset` (lower case, '_' between the words of a collocation).
  std::vector<std::string> Words(SynsetId synset) const;

  // The gloss of `synset` (definition and examples); "" for an id that is not a synset.
  std::string_view Gloss(SynsetId synset) const;

  // Calls fn(SynsetId, gloss) for every synset of every part of speech, in file order.
  template <typename Fn>
  void ForEachSynset(Fn fn) const;

  // Every concept of `word` (folded, lower case; a collocation with '_'): the synsets of its
  // lemmas in all four parts of speech (at most options.max_senses each) plus the synsets their
  // derivation (and optionally similarity) pointers lead to. `out` is cleared, then filled
  // sorted and without duplicates.
  void Concepts(std::string_view word, const ConceptOptions& options,
                std::vector<SynsetId>* out) const;

  size_t lemma_count() const;
  double load_ms() const { return load_ms_; }

  ~WordNet();
  WordNet(const WordNet&) = delete;
  WordNet& operator=(const WordNet&) = delete;

 private:
  struct Impl;
  WordNet();
  std::string_view Line(SynsetId id) const;  // "" when `id` is not the start of a synset line
  std::string_view DataFile(WordNetPos pos) const;

  std::unique_ptr<Impl> impl_;
  double load_ms_ = 0;
};

template <typename Fn>
void WordNet::ForEachSynset(Fn fn) const {
  for (int p = 0; p < kWordNetPosCount; ++p) {
    std::string_view data = DataFile(static_cast<WordNetPos>(p));
    size_t pos = 0;
    while (pos < data.size()) {
      size_t eol = data.find('\n', pos);
      if (eol == std::string_view::npos) eol = data.size();
      // License lines start with two spaces; synset lines with their 8-digit offset.
      if (eol > pos && data[pos] >= '0' && data[pos] <= '9' && pos < (1u << 24)) {
        SynsetId id = (static_cast<uint32_t>(p) << 24) | static_cast<uint32_t>(pos);
        fn(id, Gloss(id));
      }
      pos = eol + 1;
    }
  }
}

}  // namespace parallax::compare

#endif  // PARALLAX_COMPARE_WORDNET_H_
