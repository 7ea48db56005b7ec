// Word and phrase lexicon for named-entity detection and typing.
//
// One process-wide table, built on first use and read-only afterwards (thread-safe). It merges
//   - small lists compiled into the binary (lexicon_data.cc): given names with gender, titles
//     and honorifics, role modifiers, organisation and place head words, demonyms, function
//     words that are capitalised only at sentence start, months and weekdays;
//   - countries and subdivisions from Debian's iso-codes JSON
//     (/usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json);
//   - WordNet 3.0 (package wordnet-base, /usr/share/wordnet/data.*): proper-noun instances typed
//     by lexicographer file (person, location, group), capitalised adjectives (demonyms) and the
//     set of common lower-case words.
// Missing data files degrade gracefully: the compiled lists still work, and Warnings() names
// what was absent.
//
// Keys are folded forms: lower case, diacritics removed (text::Fold), words joined by one
// space ("new york", "united states").
// The table keeps only KeyHash(key) -> flags (open addressing, built once: ~0.1 s with
// WordNet); two keys sharing a 64-bit hash would merge their flags, which at ~150,000 keys has
// a probability of about 1e-9.
//
//   const Lexicon& lex = Lexicon::Get();
//   if (lex.Word("peskov") & kGivenMale) ...
#ifndef PARALLAX_ENTITIES_LEXICON_H_
#define PARALLAX_ENTITIES_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::entities {

// Bit flags of a word or phrase. A key may carry several.
enum LexFlag : uint64_t {
  kGivenMale = 1ull << 0,
  kGivenFemale = 1ull << 1,
  kHonorific = 1ull << 2,     // Mr, Mrs, Dr, Sir: a person follows; not a role
  kTitle = 1ull << 3,         // president, spokesman, ambassador: a person follows; a role
  kRoleModifier = 1ull << 4,  // foreign, prime, deputy: may precede a title
  kOrgHead = 1ull << 5,       // ministry, party, bank: last word of an organisation name
  kOrgSuffix = 1ull << 6,     // inc, corp, ltd, plc: company suffix
  kTeamHead = 1ull << 7,      // united, rovers, athletic: sports club name words
  kLocHead = 1ull << 8,       // river, island, gulf: last word of a place name
  kLocPrefix = 1ull << 9,     // mount, lake, cape, port: first word of a place name
  kCountry = 1ull << 10,
  kCity = 1ull << 11,
  kRegion = 1ull << 12,
  kDemonym = 1ull << 13,    // russian, serbian, french: nationality or group adjective
  kKnownOrg = 1ull << 14,   // un, nato, kremlin, reuters
  kKnownMisc = 1ull << 15,  // olympics, ramadan, internet
  kStopCap = 1ull << 16,    // the, he, but: never a name by itself
  kTimeWord = 1ull << 17,   // monday, january: not a name in news text
  kCommon = 1ull << 18,     // a common lower-case English word
  kWnPerson = 1ull << 19,   // WordNet proper-noun instances by lexicographer file
  kWnLocation = 1ull << 20,
  kWnOrg = 1ull << 21,
  kWnOther = 1ull << 22,
  kParticle = 1ull << 23,      // de, van, von, bin, al: lower-case word inside a person name
  kLocCue = 1ull << 24,        // in, at, near, from: may precede a place
  kFemaleTitle = 1ull << 25,   // Mrs, Ms, spokeswoman, queen
  kMaleTitle = 1ull << 26,     // Mr, spokesman, king
  kSpeechVerb = 1ull << 27,    // said, told, says
  kFamilyTitle = 1ull << 28,   // former, late: may precede a role, not part of it
  kPersonCue = 1ull << 29,     // aged, born: a person precedes
  kMiscHead = 1ull << 30,      // open, cup, games, day: last word of an event or other name
  kSportWord = 1ull << 31,     // innings, goals, striker: marks a sports report
  kPlural = 1ull << 32,        // a plural whose singular carries the other flags
  kBusinessWord = 1ull << 33,  // shares, profit, company: marks a business report
};

// KeyHash's steps, shared by its two entry points so that they cannot drift apart.
namespace key_hash_internal {
constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
inline uint64_t Start(size_t n) { return 0x243F6A8885A308D3ull ^ (n * kMul); }
inline uint64_t Block(uint64_t h, uint64_t v) {
  h = (h ^ v) * kMul;
  return h ^ (h >> 29);
}
inline uint64_t Tail(uint64_t h, uint64_t v) { return (h ^ v) * kMul; }
inline uint64_t Finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h ? h : 1;
}
// Hashes the whole 8-byte blocks of [*p, *p + *n) into h and advances *p past them; *n keeps
// the remaining 0..7 bytes.
inline uint64_t Blocks(uint64_t h, const char** p, size_t* n) {
  while (*n >= 8) {
    uint64_t v;
    std::memcpy(&v, *p, 8);
    h = Block(h, v);
    *p += 8;
    *n -= 8;
  }
  return h;
}
}  // namespace key_hash_internal

// 64-bit hash of a folded key (never 0). Inline and cheap for the short words of running text;
// the lexicon stores only these hashes, so a lookup costs one hash and one or two probes.
inline uint64_t KeyHash(std::string_view s) {
  namespace k = key_hash_internal;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = k::Blocks(k::Start(n), &p, &n);
  if (n > 0) {  // a byte loop: memcpy with a variable size is a library call
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i)
      v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    h = k::Tail(h, v);
  }
  return k::Finish(h);
}

// KeyHash(std::string_view(p, n)) for a caller whose buffer may be read up to p + n rounded
// up to a multiple of 8 (e.g. an arena with slack): the last partial block is one load.
inline uint64_t KeyHashWide(const char* p, size_t n) {
  namespace k = key_hash_internal;
  uint64_t h = k::Blocks(k::Start(n), &p, &n);
  if (n > 0) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = k::Tail(h, v & ((1ull << (8 * n)) - 1));
  }
  return k::Finish(h);
}

class Lexicon {
 public:
  // The process-wide lexicon, built on first call (loads data files once).
  static const Lexicon& Get();

  // Flags of a folded word or phrase; 0 when unknown.
  uint64_t Lookup(std::string_view folded) const { return LookupHash(KeyHash(folded)); }
  // Flags by KeyHash(folded), for callers that hash once and look up several times.
  uint64_t LookupHash(uint64_t h) const { return Raw(h) & ~kMarkBits; }
  // LookupHash and StartsPhraseHash with one probe.
  uint64_t LookupHash(uint64_t h, bool* starts_phrase) const {
    const uint64_t raw = Raw(h);
    *starts_phrase = (raw & kPhraseStartBit) != 0;
    return raw & ~kMarkBits;
  }
  // Flags of a folded phrase of two or more words ("new york"); *longer tells whether some
  // known phrase continues it ("new york city"), so a caller growing a phrase word by word
  // can stop as soon as nothing longer can match.
  uint64_t LookupPhrase(std::string_view folded, bool* longer) const {
    const uint64_t raw = Raw(KeyHash(folded));
    *longer = (raw & kPhrasePrefixBit) != 0;
    return raw & ~kMarkBits;
  }
  // True when some known phrase of two or more words starts with the folded word `first`.
  bool StartsPhrase(std::string_view first) const { return StartsPhraseHash(KeyHash(first)); }
  bool StartsPhraseHash(uint64_t h) const { return (Raw(h) & kPhraseStartBit) != 0; }
  // The longest phrase length in words.
  int max_phrase_words() const { return max_phrase_words_; }

  // What was missing when the lexicon was built ("WordNet not found at ...").
  const std::vector<std::string>& Warnings() const { return warnings_; }

 private:
  // Open addressing over (hash, flags); hash 0 marks an empty slot. The two top flag bits
  // (unused by LexFlag) mark the first word of a known phrase and the longer beginnings of one.
  static constexpr uint64_t kPhraseStartBit = 1ull << 63;
  // Marks a phrase of two or more words that is the beginning of a longer known phrase.
  static constexpr uint64_t kPhrasePrefixBit = 1ull << 62;
  static constexpr uint64_t kMarkBits = kPhraseStartBit | kPhrasePrefixBit;
  struct Slot {
    uint64_t hash = 0;
    uint64_t flags = 0;
  };

  Lexicon();
  uint64_t Raw(uint64_t h) const {
    size_t i = static_cast<size_t>(h) & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.hash == h) return s.flags;
      if (s.hash == 0) return 0;
      i = (i + 1) & mask_;
    }
  }
  void Insert(uint64_t h, uint64_t flags);
  void Add(std::string_view folded, uint64_t flags);
  void AddList(std::string_view space_separated, uint64_t flags);
  void LoadIsoCodes();
  void LoadWordNet();

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
  std::string key_;  // Add's scratch
  int max_phrase_words_ = 1;
  std::vector<std::string> warnings_;
};

// Lower-cases ASCII and folds other text (text::Fold) into *out (replaced). Hyphens and
// apostrophes are kept.
void FoldInto(std::string_view s, std::string* out);

}  // namespace parallax::entities

#endif  // PARALLAX_ENTITIES_LEXICON_H_
