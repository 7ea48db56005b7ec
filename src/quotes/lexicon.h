// Word classes the quotes stage needs: cue verbs (speech and attribution verbs in every tense,
// English and Russian), pronouns, auxiliaries that may stand between a speaker and its verb,
// clause boundaries, channel nouns and platforms, time words.
//
// Invariant: the table is built once (function-local static) and read only; lookups take the
// lower-cased word ("said", "заявил") and cost one hash probe.
//
//   const parallax::quotes::Lexicon& lex = parallax::quotes::Lexicon::Get();
//   uint32_t f = lex.Lookup("warned");   // kCue | kCueStrong | kCueTell
#ifndef PARALLAX_QUOTES_LEXICON_H_
#define PARALLAX_QUOTES_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::quotes {

// Bit flags of a lower-cased word. A word may carry several.
enum LexFlag : uint32_t {
  kCue = 1u << 0,           // a speech or attribution verb form ("said", "claims", "заявил")
  kCueStrong = 1u << 1,     // introduces direct quotes, may follow its subject (", said X")
  kCueTell = 1u << 2,       // takes an addressee before the content ("told reporters that")
  kCueGerund = 1u << 3,     // ", saying that ...", ", adding ..." (speaker = main clause subject)
  kCueWeak = 1u << 4,       // belief or attitude ("believes", "hopes"): needs a clause after it
  kPronoun = 1u << 5,       // subject pronoun: he, she, they, we, I, он, она
  kAux = 1u << 6,           // may stand between speaker and cue: has, also, later, reportedly
  kBoundary = 1u << 7,      // starts a clause: that, which, when, because, but ...
  kDeterminer = 1u << 8,    // a, an, the, his, her, their, this
  kTime = 1u << 9,          // Monday, yesterday, earlier, week, March ...
  kChannelNoun = 1u << 10,  // statement, interview, conference, briefing, post, tweet ...
  kPlatform = 1u << 11,     // Twitter, X, Telegram, Facebook, television ...
  kPreposition = 1u << 12,  // in, on, at, during, to, via, through, with, in, на, в
  kThat = 1u << 13,         // "that", "что"
  kObjectPronoun = 1u << 14,  // him, her, them, me, us, reporters, journalists
  kAccording = 1u << 15,      // "according" (of "according to")
  kPassiveAux = 1u << 16,     // is, was, were, been, be: "was told", "is expected"
  kSpeakerNoun = 1u << 17,    // spokesman, official, ministry, president ... (role heads)
  kNegation = 1u << 18,       // not, never, n't
  kFemalePronoun = 1u << 19,  // she, her
  kMalePronoun = 1u << 20,    // he, him
  kPo = 1u << 21,             // Russian "по" of "по словам", "по мнению"
  kSlovam = 1u << 22,         // Russian "словам", "мнению", "данным"
  kRelative = 1u << 23,       // who, which: "Smith, who said ..."
  kNounLike = 1u << 24,       // cue forms that are also nouns: "report", "claims", "calls"
  kCueObject = 1u << 25,  // content is the object phrase: "endorsed Smith", "criticized the plan"
  // Learned cues (cue_table_data.cc, from PolNeAR train): a verb form that marks an
  // attribution after a subject when the next token is of the flagged kind.
  kLearnThat = 1u << 26,  // "... groused that ..."
  kLearnTo = 1u << 27,    // "... plans to ..."
  kLearnPrep = 1u << 28,  // "... focused on ...", "... talking about ..." (the particle is cue)
  kLearnObj = 1u << 29,   // "... unleashed a tirade ..."
  kLearnNoun =
      1u << 30,  // "Roe's criticism of ...", "his support for ..." (a noun after a possessor)
  kLearnMask = kLearnThat | kLearnTo | kLearnPrep | kLearnObj | kLearnNoun,
};

// One row of the learned cue table (cue_table_data.cc): a lower-cased word form, the frame
// (one kLearn* flag) and, on PolNeAR train, how many attributions the learned-cue rule predicted
// for the word (its forms pooled) in that frame and how many of those matched a gold
// attribution.
struct LearnedCue {
  std::string_view word;
  uint32_t frame;
  uint16_t matched;
  uint16_t predicted;
};
// The generated table (bench/quotes_cue_table.py writes cue_table_data.cc).
extern const LearnedCue kLearnedCues[];
extern const size_t kLearnedCueCount;
// A learned row is used when matched / (predicted + 2) reaches this (a smoothed precision: rows
// seen a few times need a high hit rate). Chosen on train by two-fold cross-validation (learn on
// one half of the articles, count on the other).
inline constexpr double kLearnedCueMinPrecision = 0.45;

class Lexicon {
 public:
  // The shared table (built on first use; thread-safe).
  static const Lexicon& Get();

  // Flags of a lower-cased word; 0 when unknown. Most words of a text are not in the table: a
  // 256-bit filter per word length (first, middle and last byte) turns most away unhashed.
  uint32_t Lookup(std::string_view lower_word) const {
    size_t n = lower_word.size();
    if (n == 0) return 0;
    if (n < kFilterLengths && !FilterHas(n, FilterBit(lower_word))) return 0;
    const uint32_t* flags = table_.Find(lower_word);
    return flags == nullptr ? 0 : *flags;
  }

 private:
  static constexpr size_t kFilterLengths = 32;
  // A 256-bit filter per length on the first, middle and last bytes.
  static unsigned FilterBit(std::string_view w) {
    return (static_cast<unsigned char>(w.front()) * 31u +
            static_cast<unsigned char>(w[w.size() / 2]) * 7u +
            static_cast<unsigned char>(w.back())) &
           255u;
  }
  bool FilterHas(size_t n, unsigned bit) const { return (filter_[n][bit >> 6] >> (bit & 63)) & 1; }

  Lexicon();
  void Add(std::string_view words, uint32_t flags);  // space-separated list

  // Words (views of static storage) to flags, open addressing with linear probing: a lookup is
  // one hash and usually one probe of a contiguous array (a node-based map cost a cache miss
  // per word and was ~5% of the whole analysis).
  class WordTable {
   public:
    const uint32_t* Find(std::string_view w) const {
      if (slots_.empty()) return nullptr;
      const size_t mask = slots_.size() - 1;
      for (size_t i = Hash(w) & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.word.data() == nullptr) return nullptr;
        if (s.word.size() == w.size() && s.word == w) return &s.flags;
      }
    }
    // The flags of `w`, inserted as 0 when absent.
    uint32_t& operator[](std::string_view w);

   private:
    struct Slot {
      std::string_view word;  // data() == nullptr: empty
      uint32_t flags = 0;
    };
    // FNV-1a: cheaper than std::hash on the short words looked up.
    static size_t Hash(std::string_view w) {
      uint64_t h = 14695981039346656037ULL;
      for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      return static_cast<size_t>(h ^ (h >> 29));
    }
    std::vector<Slot> slots_;
    size_t used_ = 0;
  };

  WordTable table_;
  uint64_t filter_[kFilterLengths][4] = {};  // bit FilterBit(w) set: some word fits
};

// Lower-cases ASCII and the Cyrillic capitals of `word` into `out` (other bytes are copied).
// Returns false (and leaves `out` unspecified) when the word is longer than `cap` bytes.
bool LowerInto(std::string_view word, char* out, size_t cap, size_t* out_len);

namespace internal {
// Learning mode (bench only: parallax_eval_quotes --learn-cues): every unknown lower-case word
// is tried as a learned cue in every frame, so the generator can count how often each one is
// right; the learned table is then left out of the lexicon. SetUseCueTable(false)
// (--no-cue-table) leaves it out too. Both must be set before the first Lexicon::Get().
void SetLearnAllCues(bool on);
bool LearnAllCues();
void SetUseCueTable(bool on);
bool UseCueTable();
// LowerInto's byte-at-a-time path, which it takes for words with a byte >= 0x80; right for
// every word (no capacity check). The reference LowerInto's ASCII table is tested against.
void LowerIntoGeneral(std::string_view word, char* out, size_t* out_len);
}  // namespace internal

}  // namespace parallax::quotes

#endif  // PARALLAX_QUOTES_LEXICON_H_
