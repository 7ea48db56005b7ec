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

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

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
};

class Lexicon {
 public:
  // The shared table (built on first use; thread-safe).
  static const Lexicon& Get();

  // Flags of a lower-cased word; 0 when unknown.
  uint32_t Lookup(std::string_view lower_word) const {
    auto it = table_.find(lower_word);
    return it == table_.end() ? 0 : it->second;
  }

 private:
  Lexicon();
  void Add(std::string_view words, uint32_t flags);  // space-separated list

  std::unordered_map<std::string_view, uint32_t> table_;
};

// Lower-cases ASCII and the Cyrillic capitals of `word` into `out` (other bytes are copied).
// Returns false (and leaves `out` unspecified) when the word is longer than `cap` bytes.
bool LowerInto(std::string_view word, char* out, size_t cap, size_t* out_len);

}  // namespace parallax::quotes

#endif  // PARALLAX_QUOTES_LEXICON_H_
