// Rule-based named entities (see entities.h). The stages, in order:
//   1. units (sentences, else blocks) -> tokens with folded forms and lexicon flags; dotted
//      abbreviations ("U.S.", "M.", "Mr.") merged into one token. Plain ASCII chunks (and the
//      common curly quotes and dashes) are cut here, anything else by AppendTokens, the
//      reference (tokenizer_equivalence_test.cc checks that both give the same entities); a
//      per-thread cache of short ASCII words skips folding, hashing and lexicon probes;
//   2. document evidence: which words the article writes capitalised in mid-sentence and which
//      it writes in lower case (decides ambiguous sentence-initial and headline words); the
//      counts are gathered while the tokens are made, later steps visit only the capitalised
//      words (and the words "the" for definite descriptions);
//   3. runs of name tokens with connectors, split at titles ("President", "spokesman") and
//      at leading demonyms before government bodies ("Russian" + "Foreign Ministry");
//   4. typing by weighted evidence (gazetteers, head words, titles, context words), summed
//      over every mention of an entity;
//   5. grouping: exact folded name, surname -> full person name, acronym <-> expansion;
//   6. roles from title phrases and appositions; definite descriptions ("the Serbian
//      president") tied to a named person with that title or kept as their own entity.
// Everything is linear in the text plus hash lookups; no regular expressions.
#include "src/entities/entities.h"

#include <emmintrin.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/entities/key.h"
#include "src/entities/lexicon.h"
#include "src/entities/line_tokens.h"
#include "src/text/sentences.h"
#include "src/text/tokens.h"

namespace parallax::entities {
namespace {

using text::TokenKind;

constexpr int kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3;

constexpr uint64_t kGiven = kGivenMale | kGivenFemale;
constexpr uint64_t kGazetteer = kGiven | kCountry | kCity | kRegion | kDemonym | kKnownOrg |
                                kKnownMisc | kWnPerson | kWnLocation | kWnOrg | kOrgSuffix;
constexpr uint64_t kEntityFlags = kGazetteer | kWnOther;

// A TokenKind in one byte (the enum itself is int-sized): keeps Tok at 48 bytes. Converts to
// and from TokenKind implicitly, so `t.kind == TokenKind::kWord` reads as before.
class KindByte {
 public:
  constexpr KindByte() = default;
  constexpr KindByte(TokenKind k) : v_(static_cast<uint8_t>(k)) {}  // NOLINT: implicit on purpose
  constexpr operator TokenKind() const { return static_cast<TokenKind>(v_); }  // NOLINT

 private:
  uint8_t v_ = static_cast<uint8_t>(TokenKind::kWord);
};

struct Tok {
  Span span;
  uint32_t lo = 0, lo_len = 0;  // folded form (possessive stripped) in Scratch::arena
  uint64_t h = 0;               // KeyHash of the folded form (words only)
  uint64_t flags = 0;
  int unit = 0;
  KindByte kind = TokenKind::kWord;
  uint8_t poss = 0;  // bytes of a possessive ending ("'s", "’s", "'") inside span
  // phrase, cap, allcaps, lower: in WordCacheEntry's order (copied as one 4-byte block).
  bool phrase = false;      // a known phrase of two or more words starts with this word
  bool cap = false;         // first letter upper case
  bool allcaps = false;     // every letter upper case, two or more letters
  bool lower = false;       // first letter lower case
  bool initial = false;     // first word of its line or sentence
  bool sent_start = false;  // the first token of a sentence (a soft break for runs)
  bool ambiguous = false;   // capitalisation says nothing (initial, headline line)
  bool name = false;        // may be part of a name
  bool title = false;       // a title or honorific used as such
};
static_assert(sizeof(Tok) == 48, "Tok: one 48-byte record per token");

// A growable array of trivially copyable values, like std::vector<T> with realloc growth, whose
// push_back is always inlined (the hot token loop pushes to several of these; std::vector's is
// often left out of line), plus PushReserved for a loop that reserved room once and then adds
// without a capacity check. Keeps its capacity across clear().
template <typename T>
class PodVec {
 public:
  PodVec() = default;
  PodVec(const PodVec&) = delete;
  PodVec& operator=(const PodVec&) = delete;
  ~PodVec() { std::free(data_); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t capacity() const { return cap_; }
  void clear() { size_ = 0; }
  T* data() { return data_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  void reserve(size_t n) {
    if (n > cap_) Grow(n);
  }
  __attribute__((always_inline)) void push_back(T v) {
    if (size_ == cap_) Grow(NextCapacity());
    data_[size_++] = v;
  }
  T& emplace_back() {
    if (size_ == cap_) Grow(NextCapacity());
    return *new (data_ + size_++) T();
  }
  // emplace_back when reserve() made room for it.
  __attribute__((always_inline)) T& PushReserved() { return *new (data_ + size_++) T(); }

 private:
  size_t NextCapacity() const { return cap_ == 0 ? 1024 : 2 * cap_; }
  __attribute__((noinline)) void Grow(size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    T* grown = static_cast<T*>(std::realloc(data_, n * sizeof(T)));
    if (grown == nullptr) std::abort();  // out of memory, as std::vector would throw
    data_ = grown;
    cap_ = n;
  }
  T* data_ = nullptr;
  size_t size_ = 0, cap_ = 0;
};

// The article's tokens.
using TokVec = PodVec<Tok>;
static_assert(std::is_trivially_copyable_v<Tok> && std::is_trivially_destructible_v<Tok>);

struct Unit {
  uint32_t begin = 0, end = 0;  // token range
  bool caps_line = false;       // headline in capitals or title case
};

struct Cand {
  uint32_t tb = 0, te = 0;  // token range
  Span span;
  uint32_t fold_at = 0, fold_len = 0;  // folded name ("bank of merovia") in Scratch::cand_text
  uint64_t fold_hash = 0;              // KeyHash of the folded name
  std::array<float, 4> score{};
  int title_tb = -1, title_te = -1;  // stripped title tokens before the name
  bool honorific = false;
  bool team = false;  // a place standing for a sports club here
  int entity = -1;
  int next = -1;  // the next cand of the same group (Group::head)
};

// Cands with one folded name, merged by aliases. The cands are a list threaded through
// Cand::next (in the order they joined), so groups allocate nothing.
struct Group {
  int head = -1, tail = -1;  // first and last cand; -1: empty
  std::array<float, 4> score{};
  int longest = -1;  // the cand with the most tokens (then bytes)
  bool alias = false;
  int type = kMisc;
  bool empty() const { return head < 0; }
};

// Slots for an open-addressing table of `expected` entries: a power of two, at most half full.
size_t TableCapacity(size_t expected) {
  size_t cap = 64;
  while (cap < expected * 2 + 2) cap <<= 1;
  return cap;
}

// hash -> index, open addressing (hash 0 never occurs: KeyHash is never 0).
class IndexTable {
 public:
  void Reset(size_t expected) {
    size_t cap = TableCapacity(expected);
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
  }
  // The index stored for h, else stores `value` and returns it; *inserted tells which.
  int FindOrInsert(uint64_t h, int value, bool* inserted) {
    size_t i = static_cast<size_t>(h) & mask_;
    while (slots_[i].h != 0) {
      if (slots_[i].h == h) {
        *inserted = false;
        return slots_[i].value;
      }
      i = (i + 1) & mask_;
    }
    slots_[i] = Slot{h, value};
    *inserted = true;
    return value;
  }

 private:
  struct Slot {
    uint64_t h = 0;
    int value = 0;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

struct DocCount {
  uint32_t cap_mid = 0;
  uint32_t lower = 0;
};

// Per-article counts by KeyHash of the folded word: open addressing, hash 0 = empty.
class DocTable {
 public:
  void Reset(size_t expected) {
    size_t cap = TableCapacity(expected);
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    filter_.fill(0);
  }
  // False when h was surely never inserted: one byte of a 4096-byte filter (by the hash's top
  // 12 bits) answers most lookups of words that never appear capitalised without a probe.
  bool MayContain(uint64_t h) const { return filter_[h >> 52] != 0; }
  DocCount& Insert(uint64_t h) {
    filter_[h >> 52] = 1;
    size_t i = static_cast<size_t>(h) & mask_;
    while (slots_[i].h != 0 && slots_[i].h != h) i = (i + 1) & mask_;
    slots_[i].h = h;
    return slots_[i].dc;
  }
  DocCount* Find(uint64_t h) {
    size_t i = static_cast<size_t>(h) & mask_;
    while (slots_[i].h != 0) {
      if (slots_[i].h == h) return &slots_[i].dc;
      i = (i + 1) & mask_;
    }
    return nullptr;
  }

 private:
  struct Slot {
    uint64_t h = 0;
    DocCount dc;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::array<uint8_t, 4096> filter_{};
};

// What Featurize derives from an ASCII word of at most 16 bytes, cached per thread by the
// word's bytes: news text repeats its words, and a hit skips folding, hashing and up to three
// lexicon probes (each likely a cache miss in the large table).
constexpr size_t kCachedWordBytes = 16;
struct WordCacheEntry {
  uint64_t raw[2] = {0, 0};     // the word's bytes, little-endian, zero-padded (0: empty slot)
  uint64_t folded[2] = {0, 0};  // its folded bytes, likewise
  uint64_t h = 0;
  uint64_t flags = 0;
  bool phrase = false, cap = false, allcaps = false, lower = false;  // Tok's order
  uint8_t bits = 0;                                                  // WordBits
  uint64_t counts = 0;  // what FinishWord counts for the word, one byte per Lane
};
constexpr int kWordCacheBits = 17;

// Tests on a word's folded form, flags and case, made once when its cache entry is filled.
// WordCacheEntry::bits:
enum WordBit : uint8_t {
  kWordLowerHash = 1 << 0,  // lower case and not kStopCap: its hash goes to lower_hashes
  kWordThe = 1 << 1,        // the word "the": its index goes to the_words
  // Two to six bytes, and with a '.' after it the lexicon knows it as an abbreviation ("Mr.",
  // "Gen.", "Inc."): AddAsciiChunk would merge the two.
  kWordDotMerges = 1 << 2,
};
// WordCacheEntry::counts: one byte per counter, added to LineCounts::packed by one addition.
enum Lane : int {
  kLaneDocWords,       // Scratch::doc_words (every word)
  kLaneFunctionLower,  // LineCounts::function_lower (lower case)
  kLaneSport,          // Scratch::sport (kSportWord)
  kLaneBusiness,       // Scratch::biz (kBusinessWord)
  kLaneLongWords,      // LineCounts::long_words (three or more folded bytes, no leading '.')
  kLaneLongCaps,       // LineCounts::long_caps (a long word, capitalised)
  kLaneWords,          // LineCounts::words (two or more folded bytes)
  kLaneAllcaps,        // LineCounts::allcaps (a counted word in capitals)
};
constexpr uint64_t LaneOne(Lane l) { return 1ull << (8 * l); }

// The word cache's 1 << kWordCacheBits entries (8 MiB), all zero (empty) at first. calloc
// gives zero pages that are touched only when used: no up-front pass over the whole table.
class WordCache {
 public:
  WordCache() {
    entries_ = static_cast<WordCacheEntry*>(std::calloc(kSize, sizeof(WordCacheEntry)));
    if (entries_ == nullptr) {  // no memory for a large block: a value-initialised array
      entries_ = new WordCacheEntry[kSize]();
      owned_by_new_ = true;
    }
  }
  ~WordCache() {
    if (owned_by_new_)
      delete[] entries_;
    else
      std::free(entries_);
  }
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;
  WordCacheEntry& operator[](size_t i) { return entries_[i]; }

 private:
  static constexpr size_t kSize = size_t{1} << kWordCacheBits;
  WordCacheEntry* entries_ = nullptr;
  bool owned_by_new_ = false;
};

// EntityKey by name, cached per thread (direct-mapped): news names repeat across articles
// ("Russia", "the Kremlin spokesman") and EntityKey's spelling rules cost hundreds of
// instructions a name. A slot holds one name and its key; a hit returns the same key.
class KeyCache {
 public:
  const std::string& Get(std::string_view name) {
    const uint64_t h = Hash64(name);
    Slot& slot = slots_[h & (kSlots - 1)];
    if (!slot.filled || slot.h != h || slot.name != name) {
      slot.filled = true;
      slot.h = h;
      slot.name.assign(name);
      slot.key = EntityKey(name);
    }
    return slot.key;
  }

 private:
  static constexpr size_t kSlots = 4096;
  struct Slot {
    uint64_t h = 0;
    bool filled = false;
    std::string name, key;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

struct Scratch {
  const Article* article = nullptr;
  const Lexicon* lex = nullptr;
  std::string_view text;
  std::string arena;  // folded forms of the tokens, back to back
  size_t used = 0;    // bytes of the arena in use
  TokVec toks;
  std::vector<Unit> units;
  DocTable doc;
  std::vector<LineToken> raw;           // AddUnitTokens' scratch
  std::string fold;                     // Featurize's scratch
  std::vector<uint32_t> starts;         // sentence starts, sorted
  size_t next_start = 0;                // the first start not yet given to a token
  uint32_t next_start_at = UINT32_MAX;  // starts[next_start], UINT32_MAX past the end
  bool split_sentences = false;         // no sentences from the text stage: split lines here
  PodVec<uint32_t> cap_words;           // indices of the capitalised words, in text order
  // KeyHash of the lower-case words that are not kStopCap, in text order (MarkUnits counts
  // them against the capitalised words).
  PodVec<uint64_t> lower_hashes;
  PodVec<uint32_t> the_words;  // indices of the word tokens "the" (folded), in text order
  // Article counts gathered while the tokens are made (MarkUnits' inputs).
  int doc_words = 0, sport = 0, biz = 0, doc_numbers = 0;
  size_t caps = 0;  // capitalised words with a non-empty folded form
  std::vector<Cand> cands;
  std::string cand_text;  // folded names of the cands, back to back (16 bytes of slack kept)
  size_t cand_used = 0;   // bytes of cand_text in use
  WordCache word_cache;
  std::vector<Group> groups;
  KeyCache keys;
  IndexTable by_name;                             // folded name hash -> group
  std::vector<std::pair<uint64_t, int>> by_last;  // name word hash -> person group
  const uint64_t the_hash = KeyHash("the");
  bool sports = false;    // a sports report: clubs named after places are organisations
  bool business = false;  // a business report: unknown single names are mostly companies
};

std::string_view Lower(const Scratch& s, const Tok& t) {
  return std::string_view(s.arena.data() + t.lo, t.lo_len);
}

std::string_view Folded(const Scratch& s, const Cand& c) {
  return std::string_view(s.cand_text.data() + c.fold_at, c.fold_len);
}

// `for (int ci : Members(s, g))`: the cands of group g in the order they joined.
class Members {
 public:
  Members(const Scratch& s, const Group& g) : cands_(&s.cands), head_(g.head) {}
  struct It {
    const std::vector<Cand>* cands;
    int i;
    int operator*() const { return i; }
    It& operator++() {
      i = (*cands)[i].next;
      return *this;
    }
    bool operator!=(const It& o) const { return i != o.i; }
  };
  It begin() const { return It{cands_, head_}; }
  It end() const { return It{cands_, -1}; }

 private:
  const std::vector<Cand>* cands_;
  int head_;
};

void AddMember(Scratch* s, Group* g, int ci) {
  s->cands[ci].next = -1;
  if (g->tail >= 0)
    s->cands[g->tail].next = ci;
  else
    g->head = ci;
  g->tail = ci;
}

// Moves every cand of group `from` to the end of group `to`.
void MoveMembers(Scratch* s, int from, int to) {
  Group& f = s->groups[from];
  Group& t = s->groups[to];
  for (int ci : Members(*s, f)) s->cands[ci].entity = to;
  if (f.empty()) return;
  if (t.tail >= 0)
    s->cands[t.tail].next = f.head;
  else
    t.head = f.head;
  t.tail = f.tail;
  f.head = f.tail = -1;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}
bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// ---------------------------------------------------------------------------------------------
// 1. Tokens

void MarkSentenceStartSlow(Scratch* s, Tok* t);

// Sentence starts at or before t (a cursor over the sorted starts) make t a sentence start.
inline void MarkSentenceStart(Scratch* s, Tok* t) {
  t->sent_start = false;
  if (t->span.start < s->next_start_at) return;  // most tokens: one comparison
  MarkSentenceStartSlow(s, t);
}

void MarkSentenceStartSlow(Scratch* s, Tok* t) {
  // A sentence starting inside or before this token starts at it.
  while (s->next_start < s->starts.size() && s->starts[s->next_start] <= t->span.start)
    ++s->next_start;
  s->next_start_at = s->next_start < s->starts.size() ? s->starts[s->next_start] : UINT32_MAX;
  // A splitter that cut after an initial ("J. Ratcliffe") did not see a sentence end.
  if (s->toks.size() >= 2) {  // t is toks.back()
    const Tok& p = s->toks[s->toks.size() - 2];
    if (p.span.size() == 2 && s->text[p.span.end - 1] == '.' && p.unit == t->unit) return;
  }
  t->sent_start = true;
}

// Eight ASCII bytes at a time (SWAR): bytes < 0x80 never carry into their neighbour when 0x3F
// or less is added, so the high bit of each byte of x + c says "byte >= 0x80 - c".
constexpr uint64_t kHighBits = 0x8080808080808080ull;
constexpr uint64_t Bytes(uint8_t b) { return 0x0101010101010101ull * b; }
// High bit set in each byte that is 'A'..'Z' (resp. 'a'..'z'); x must be ASCII.
inline uint64_t UpperMask(uint64_t x) { return (x + Bytes(0x3F)) & ~(x + Bytes(0x25)) & kHighBits; }
inline uint64_t LowerMask(uint64_t x) { return (x + Bytes(0x1F)) & ~(x + Bytes(0x05)) & kHighBits; }

// Up to 8 bytes of p[0, n) little-endian, zero above n; reads whole words when the text allows.
inline uint64_t LoadUpTo8(const char* p, size_t n, const char* text_end) {
  uint64_t v = 0;
  if (p + 8 <= text_end) {
    std::memcpy(&v, p, 8);
    return n >= 8 ? v : v & ((1ull << (8 * n)) - 1);
  }
  for (size_t i = 0; i < n; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

// Word features of an ASCII base: folds it into d (which has 8 bytes of slack) and sets cap,
// lower and allcaps as the general path below would. Returns the index of the first '-', or
// npos.
size_t FoldAsciiWord(std::string_view base, const char* text_end, char* d, Tok* t) {
  uint64_t any_lower = 0;
  int upper = 0;  // saturating count: 2 means "two or more"
  size_t hyphen = std::string_view::npos;
  for (size_t q = 0; q < base.size(); q += 8) {
    const size_t n = std::min<size_t>(8, base.size() - q);
    const uint64_t x = LoadUpTo8(base.data() + q, n, text_end);
    const uint64_t up = UpperMask(x), lo = LowerMask(x);
    const uint64_t folded = x | (up >> 2);  // 0x80 >> 2 == 0x20: 'A' -> 'a'
    std::memcpy(d + q, &folded, 8);
    if (q == 0) {
      t->cap = (up & 0x80) != 0;
      t->lower = (lo & 0x80) != 0;
    }
    any_lower |= lo;
    upper += (up != 0) + ((up & (up - 1)) != 0);
    // Zero bytes of x ^ '-'..: exact for the lowest one (bytes past n are 0, not '-').
    const uint64_t v = x ^ Bytes('-');
    const uint64_t dash = (v - Bytes(0x01)) & ~v & kHighBits;
    if (dash != 0 && hyphen == std::string_view::npos)
      hyphen = q + static_cast<size_t>(__builtin_ctzll(dash)) / 8;
  }
  t->allcaps = any_lower == 0 && upper >= 2;
  return hyphen;
}

// WordCacheEntry::bits and ::counts of the featurized word t (FinishWord's tests, made once).
uint8_t WordBits(const Scratch& s, const Tok& t) {
  uint8_t b = 0;
  if (t.lower && !(t.flags & kStopCap)) b |= kWordLowerHash;
  if (t.h == s.the_hash) b |= kWordThe;
  if (t.lo_len >= 2 && t.lo_len <= 6) {
    char buf[8];
    std::memcpy(buf, s.arena.data() + t.lo, t.lo_len);
    buf[t.lo_len] = '.';
    if (s.lex->Lookup(std::string_view(buf, t.lo_len + 1)) &
        (kHonorific | kTitle | kOrgSuffix | kParticle))
      b |= kWordDotMerges;
  }
  return b;
}
uint64_t LaneCounts(const Scratch& s, const Tok& t) {
  uint64_t c = LaneOne(kLaneDocWords);
  if (t.lower) c += LaneOne(kLaneFunctionLower);
  if (t.flags & kSportWord) c += LaneOne(kLaneSport);
  if (t.flags & kBusinessWord) c += LaneOne(kLaneBusiness);
  if (t.lo_len >= 3 && s.arena[t.lo] != '.') {
    c += LaneOne(kLaneLongWords);
    if (t.cap) c += LaneOne(kLaneLongCaps);
  }
  if (t.lo_len >= 2) {
    c += LaneOne(kLaneWords);
    if (t.allcaps) c += LaneOne(kLaneAllcaps);
  }
  return c;
}

// The word cache slot of a word whose bytes load as raw0, raw1 (Fibonacci hashing of the
// bytes). Every lookup and fill goes through here, so they always agree on the slot.
inline WordCacheEntry& WordCacheSlot(Scratch* s, uint64_t raw0, uint64_t raw1) {
  return s->word_cache[((raw0 ^ (raw1 * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull) >>
                       (64 - kWordCacheBits)];
}

// Token t, a word of n bytes found in the cache as e: its folded bytes go to the arena at
// s->used (the caller made 16 bytes of room there) and its features come from e.
__attribute__((always_inline)) inline void TakeCachedWord(Scratch* s, Tok* t,
                                                          const WordCacheEntry& e, size_t n) {
  std::memcpy(s->arena.data() + s->used, e.folded, 16);
  t->lo = static_cast<uint32_t>(s->used);
  t->lo_len = static_cast<uint32_t>(n);
  s->used += n;
  t->h = e.h;
  t->flags = e.flags;
  t->phrase = e.phrase;
  t->cap = e.cap;
  t->allcaps = e.allcaps;
  t->lower = e.lower;
}

// Folds token t into the arena (possessive ending stripped) and, for words, sets its case
// features, hash and lexicon flags. `ascii`: every byte of t's span is ASCII.
void Featurize(Scratch* s, Tok* t, bool ascii) {
  const Lexicon& lex = *s->lex;
  const std::string_view w(s->text.data() + t->span.start, t->span.size());
  // Possessive endings stay in the span but not in the folded form. They end in 's' or '\''.
  const char last = w.back();
  if (last == 's' || last == '\'') {
    if (w.size() > 2 && w.ends_with("'s"))
      t->poss = 2;
    else if (w.size() > 4 && w.ends_with("\xE2\x80\x99s"))
      t->poss = 4;
    else if (w.size() > 2 && last == '\'' && (w[w.size() - 2] == 's' || w[w.size() - 2] == 'S'))
      t->poss = 1;
  }
  const std::string_view base(w.data(), w.size() - t->poss);
  if (!ascii && t->poss == 4) {  // "Russia’s": the base alone may be ASCII
    ascii = true;
    for (char c : base) ascii &= static_cast<unsigned char>(c) < 0x80;
  }
  std::string& arena = s->arena;
  t->lo = static_cast<uint32_t>(s->used);
  const bool word = t->kind == TokenKind::kWord;
  WordCacheEntry* cached = nullptr;  // the slot to fill for a short ASCII word
  if (ascii) {
    if (s->used + base.size() + 16 > arena.size()) arena.resize(2 * (s->used + base.size()) + 64);
    char* d = arena.data() + s->used;
    const char* text_end = s->text.data() + s->text.size();
    size_t h = std::string_view::npos;
    if (word && base.size() <= kCachedWordBytes) {
      const size_t n0 = std::min<size_t>(base.size(), 8);
      const uint64_t raw0 = LoadUpTo8(base.data(), n0, text_end);
      const uint64_t raw1 =
          base.size() > 8 ? LoadUpTo8(base.data() + 8, base.size() - 8, text_end) : 0;
      // Fibonacci hashing of the bytes picks the slot.
      cached = &WordCacheSlot(s, raw0, raw1);
      if (cached->raw[0] == raw0 && cached->raw[1] == raw1) {
        TakeCachedWord(s, t, *cached, base.size());
        return;
      }
      cached->raw[0] = raw0;
      cached->raw[1] = raw1;
    }
    if (!word) {
      // Numbers and punctuation have no letters to fold: copied as they are, short ones by
      // one fixed-size copy into the arena's slack.
      if (base.size() <= 16 && base.data() + 16 <= text_end)
        std::memcpy(d, base.data(), 16);
      else
        std::memcpy(d, base.data(), base.size());
      s->used += base.size();
      t->lo_len = static_cast<uint32_t>(base.size());
      return;
    }
    h = FoldAsciiWord(base, text_end, d, t);
    s->used += base.size();
    t->lo_len = static_cast<uint32_t>(base.size());
    // "al-Assad", "bin-Laden": a lower-case particle joined to a capitalised name.
    if (t->lower && h != std::string_view::npos && h + 1 < base.size() && base[h + 1] >= 'A' &&
        base[h + 1] <= 'Z' && (lex.Lookup(std::string_view(arena.data() + t->lo, h)) & kParticle)) {
      t->cap = true;
      t->lower = false;
    }
  } else {
    // Other text: text::Fold, and case from the code points (utf8proc beyond Latin).
    FoldInto(base, &s->fold);
    if (s->used + s->fold.size() + 16 > arena.size())
      arena.resize(2 * (s->used + s->fold.size()) + 64);
    std::memcpy(arena.data() + s->used, s->fold.data(), s->fold.size());
    s->used += s->fold.size();
    t->lo_len = static_cast<uint32_t>(s->fold.size());
    if (!word) return;
    size_t i = 0;
    const char32_t first = utf8::Next(base, &i);
    int letters = 0, upper = 0;
    bool lower_any = false;
    size_t k = 0;
    while (k < base.size()) {
      const char32_t c = utf8::Next(base, &k);
      if (IsLetter(c)) {
        ++letters;
        if (IsUpper(c))
          ++upper;
        else if (IsLower(c))
          lower_any = true;
      }
    }
    t->cap = IsUpper(first);
    t->lower = IsLower(first);
    t->allcaps = letters >= 2 && upper == letters && !lower_any;
    if (t->lower) {
      const size_t h = base.find('-');
      if (h != std::string_view::npos && h + 1 < base.size()) {
        size_t q = h + 1;
        const char32_t after = utf8::Next(base, &q);
        FoldInto(base.substr(0, h), &s->fold);
        if (IsUpper(after) && (lex.Lookup(s->fold) & kParticle)) {
          t->cap = true;
          t->lower = false;
        }
      }
    }
  }
  // The arena keeps 16 bytes of slack past the folded form: whole-word hash loads are safe.
  const std::string_view folded(arena.data() + t->lo, t->lo_len);
  t->h = KeyHashWide(folded.data(), folded.size());
  t->flags = lex.LookupHash(t->h, &t->phrase);
  // Plurals: "Chechens", "Iraqis" (demonyms), "Scorers", "Women" (common words).
  if (!(t->flags & (kDemonym | kCommon)) && folded.size() > 3 && folded.back() == 's') {
    uint64_t f = lex.LookupHash(KeyHashWide(folded.data(), folded.size() - 1));
    if (!(f & (kDemonym | kCommon)) && folded.ends_with("es"))
      f = lex.LookupHash(KeyHashWide(folded.data(), folded.size() - 2));
    t->flags |= (f & (kDemonym | kCommon));
    if (f & (kDemonym | kCommon)) t->flags |= kPlural;
  }
  if (cached != nullptr) {
    // FoldAsciiWord zero-padded the 8-byte blocks it wrote.
    std::memcpy(cached->folded, arena.data() + t->lo, 8);
    if (t->lo_len > 8)
      std::memcpy(&cached->folded[1], arena.data() + t->lo + 8, 8);
    else
      cached->folded[1] = 0;
    cached->h = t->h;
    cached->flags = t->flags;
    cached->cap = t->cap;
    cached->lower = t->lower;
    cached->allcaps = t->allcaps;
    cached->phrase = t->phrase;
    cached->bits = WordBits(*s, *t);
    cached->counts = LaneCounts(*s, *t);
  }
}

bool IsWordLike(const Tok& t) { return t.kind == TokenKind::kWord; }

// internal::SetReferenceTokenizerForTesting.
thread_local bool reference_tokenizer = false;

// What AddUnitTokens counts over the tokens of one line (MarkUnits' inputs per unit).
struct LineCounts {
  int unit = 0;  // index of the unit being made
  int words = 0, allcaps = 0, function_lower = 0, numbers = 0, long_words = 0, long_caps = 0;
  bool start = true;  // the next word is the first of its line or sentence
  // A word right after a colon or an opening quote mid-sentence may be capitalised too.
  bool after_colon = false;
  // Counts of cached words, one byte per Lane, not yet added to the counters above (and to
  // Scratch's); packed_room: words that may still be added before a byte could overflow.
  uint64_t packed = 0;
  int packed_room = 255;
};

// Adds lc->packed to the counters it stands for and empties it.
__attribute__((noinline)) void FlushPacked(Scratch* s, LineCounts* lc) {
  const uint64_t p = lc->packed;
  auto lane = [p](Lane l) { return static_cast<int>((p >> (8 * l)) & 0xFF); };
  s->doc_words += lane(kLaneDocWords);
  lc->function_lower += lane(kLaneFunctionLower);
  s->sport += lane(kLaneSport);
  s->biz += lane(kLaneBusiness);
  lc->long_words += lane(kLaneLongWords);
  lc->long_caps += lane(kLaneLongCaps);
  lc->words += lane(kLaneWords);
  lc->allcaps += lane(kLaneAllcaps);
  lc->packed = 0;
  lc->packed_room = 255;
}

// The last token (s->toks.back(), featurized): sentence start, initial and ambiguous
// capitalisation, and its share of the line's and the article's counts.
// FinishToken's part for a word. (Forced inline: it runs for every word, from two places.)
__attribute__((always_inline)) inline void FinishWord(Scratch* s, Tok& t, uint32_t ti,
                                                      LineCounts* lc) {
  if (lc->start) t.initial = true;
  lc->start = false;
  t.ambiguous = t.initial || lc->after_colon;
  lc->after_colon = false;
  ++s->doc_words;
  if (t.lower) {  // only words are lower
    ++lc->function_lower;
    if (!(t.flags & kStopCap)) s->lower_hashes.push_back(t.h);
  }
  if (t.h == s->the_hash) s->the_words.push_back(ti);
  if (t.flags & (kSportWord | kBusinessWord)) {
    if (t.flags & kSportWord) ++s->sport;
    if (t.flags & kBusinessWord) ++s->biz;
  }
  if (t.cap) {
    s->cap_words.push_back(ti);
    if (t.lo_len != 0) ++s->caps;
  }
  if (t.lo_len >= 3 && s->arena[t.lo] != '.') {
    ++lc->long_words;
    if (t.cap) ++lc->long_caps;
  }
  if (t.lo_len < 2) return;
  ++lc->words;
  if (t.allcaps) ++lc->allcaps;
}

// FinishWord for a word from the word cache (entry e): the same lists and counts, the counts
// by one addition. t.initial is false on entry (a new token).
__attribute__((always_inline)) inline void FinishCachedWord(Scratch* s, Tok& t, LineCounts* lc,
                                                            const WordCacheEntry& e) {
  if (lc->start) t.initial = true;
  lc->start = false;
  t.ambiguous = t.initial || lc->after_colon;
  lc->after_colon = false;
  // t's index, needed only for the words listed below (most are not).
  auto index = [&] { return static_cast<uint32_t>(&t - s->toks.data()); };
  if (e.bits & (kWordLowerHash | kWordThe)) {
    if (e.bits & kWordLowerHash) s->lower_hashes.push_back(t.h);
    if (e.bits & kWordThe) s->the_words.push_back(index());
  }
  if (t.cap) {
    s->cap_words.push_back(index());
    if (t.lo_len != 0) ++s->caps;
  }
  lc->packed += e.counts;
  if (--lc->packed_room == 0) FlushPacked(s, lc);
}

inline void FinishToken(Scratch* s, LineCounts* lc) {
  const uint32_t ti = static_cast<uint32_t>(s->toks.size() - 1);
  Tok& t = s->toks[ti];
  MarkSentenceStart(s, &t);
  if (t.sent_start) lc->start = true;
  if (t.kind != TokenKind::kWord) {
    t.ambiguous = lc->after_colon;
    lc->after_colon = false;
    if (t.kind == TokenKind::kNumber) {
      lc->start = false;
      ++lc->numbers;
    } else if (t.kind == TokenKind::kPunct) {
      const char c = s->text[t.span.start];
      lc->after_colon = c == ':' || c == '"' ||
                        (static_cast<unsigned char>(c) == 0xE2 &&
                         s->text.substr(t.span.start, 3) == "\xE2\x80\x9C");
    }
    return;
  }
  FinishWord(s, t, ti, lc);
}

// Tokens from text::Tokenize's cut (raw[0, n)): dotted abbreviations merged, featurized and
// counted.
void AddRawTokens(Scratch* s, const LineToken* raw, size_t n, LineCounts* lc) {
  auto dot_after = [&](size_t k) {
    return k + 1 < n && raw[k + 1].kind == TokenKind::kPunct &&
           raw[k + 1].span.start == raw[k].span.end && s->text[raw[k].span.end] == '.';
  };
  for (size_t i = 0; i < n; ++i) {
    Tok& t = s->toks.emplace_back();
    t.span = raw[i].span;
    t.kind = raw[i].kind;
    t.unit = lc->unit;
    bool ascii = raw[i].ascii;
    // Dotted abbreviations: "U" "." "S" "." -> "U.S."; "M" "." -> "M."; "Mr" "." -> "Mr.".
    if (t.kind == TokenKind::kWord && dot_after(i)) {
      std::string_view w = s->text.substr(t.span.start, t.span.size());
      size_t one = 0;
      utf8::Next(w, &one);
      if (one == w.size()) {
        // Absorb further "X." pairs: "U" "." "S" "." -> "U.S."; raw[i + 1] is the first dot.
        size_t last_dot = i + 1;
        while (true) {
          size_t k = last_dot + 1;
          if (k >= n || raw[k].kind != TokenKind::kWord ||
              raw[k].span.start != raw[last_dot].span.end || !dot_after(k))
            break;
          std::string_view letter = s->text.substr(raw[k].span.start, raw[k].span.size());
          size_t len = 0;
          utf8::Next(letter, &len);
          if (len != letter.size()) break;
          ascii &= raw[k].ascii;
          last_dot = k + 1;
        }
        t.span.end = raw[last_dot].span.end;
        i = last_dot;
      } else if (w.size() <= 6) {
        char buf[8];
        for (size_t q = 0; q < w.size(); ++q)
          buf[q] = (w[q] >= 'A' && w[q] <= 'Z') ? static_cast<char>(w[q] + 32) : w[q];
        buf[w.size()] = '.';
        uint64_t f = s->lex->Lookup(std::string_view(buf, w.size() + 1));
        if (f & (kHonorific | kTitle | kOrgSuffix | kParticle)) {
          t.span.end = raw[i + 1].span.end;
          ++i;
        }
      }
    }
    Featurize(s, &t, ascii);
    FinishToken(s, lc);
  }
}

// Byte classes of the fast path below (ASCII only).
enum class FastCls : uint8_t { kOther, kLetter, kDigit, kSymbol };
constexpr std::array<FastCls, 256> MakeFastTable() {
  std::array<FastCls, 256> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      t[c] = FastCls::kLetter;
    else if (c >= '0' && c <= '9')
      t[c] = FastCls::kDigit;
    else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
             c == '|' || c == '~')
      t[c] = FastCls::kSymbol;
  }
  return t;
}
constexpr std::array<FastCls, 256> kFastCls = MakeFastTable();
constexpr std::array<bool, 256> MakeAlnumTable() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}
constexpr std::array<bool, 256> kAlnum = MakeAlnumTable();
inline bool FastAlnum(unsigned char c) { return kAlnum[c]; }
constexpr std::array<bool, 256> MakeSpaceTable() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c == ' ' || (c >= '\t' && c <= '\r');
  return t;
}
constexpr std::array<bool, 256> kAsciiSpace = MakeSpaceTable();
inline bool IsAsciiSpace(unsigned char c) { return kAsciiSpace[c]; }

// Featurize for a word of an ASCII chunk whose folded form is in the word cache: the entry, or
// null (and nothing changed) when it is not there.
inline const WordCacheEntry* FeaturizeCached(Scratch* s, Tok* t) {
  const char* w = s->text.data() + t->span.start;
  size_t n = t->span.size();
  uint8_t poss = 0;
  const char last = w[n - 1];
  if (last == 's' || last == '\'') {
    if (n > 2 && last == 's' && w[n - 2] == '\'')
      poss = 2;
    else if (n > 2 && last == '\'' && (w[n - 2] == 's' || w[n - 2] == 'S'))
      poss = 1;
  }
  n -= poss;
  if (n > kCachedWordBytes) return nullptr;
  const char* text_end = s->text.data() + s->text.size();
  const uint64_t raw0 = LoadUpTo8(w, std::min<size_t>(n, 8), text_end);
  const uint64_t raw1 = n > 8 ? LoadUpTo8(w + 8, n - 8, text_end) : 0;
  const WordCacheEntry& e = WordCacheSlot(s, raw0, raw1);
  if (e.raw[0] != raw0 || e.raw[1] != raw1) return nullptr;
  if (s->used + 16 > s->arena.size()) s->arena.resize(2 * s->used + 64);
  TakeCachedWord(s, t, e, n);
  t->poss = poss;
  return &e;
}

// The quotation marks and dashes of English news text that AddAsciiChunk cuts itself:
// U+2018 U+2019 U+201C U+201D (PI, PF; U+2019 is also a joiner), U+2013 U+2014 (PD), U+2026
// (PO); text::Tokenize makes each a punctuation token of its own, or keeps U+2019 inside a
// word when a letter or digit follows. q has at least 3 readable bytes.
inline bool IsCommonQuoteOrDash(const unsigned char* q) {
  if (q[0] != 0xE2 || q[1] != 0x80) return false;
  const unsigned char c = q[2];
  return c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0x93 || c == 0x94 || c == 0xA6;
}

// The word [i, j) of ASCII letters, digits and inner joiners (with its '.' when `merged`);
// `ascii`: no U+2019 inside.
inline void AddAsciiWord(Scratch* s, size_t i, size_t j, bool merged, bool ascii, LineCounts* lc) {
  Tok& t = s->toks.emplace_back();
  t.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
  t.kind = TokenKind::kWord;
  t.unit = lc->unit;
  const uint32_t ti = static_cast<uint32_t>(s->toks.size() - 1);
  if (!merged && ascii) {
    if (const WordCacheEntry* e = FeaturizeCached(s, &t)) {
      MarkSentenceStart(s, &t);
      if (t.sent_start) lc->start = true;
      FinishCachedWord(s, t, lc, *e);
      return;
    }
  }
  Featurize(s, &t, ascii);
  Tok& w = s->toks[ti];
  MarkSentenceStart(s, &w);
  if (w.sent_start) lc->start = true;
  FinishWord(s, w, ti, lc);
}

// kEndsWord[c]: an ASCII word followed by byte c ends there, whatever follows c, exactly as
// AddAsciiChunk (and AppendTokens) would cut it: c is printable ASCII punctuation or a symbol,
// not a joiner ('\'', '-') and not '.' (which may end an abbreviation).
constexpr std::array<bool, 256> MakeEndsWordTable() {
  std::array<bool, 256> t{};
  for (int c = 0x21; c < 0x7F; ++c)
    t[c] = !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '\'' || c == '-' || c == '.');
  return t;
}
constexpr std::array<bool, 256> kEndsWord = MakeEndsWordTable();

// kKeepBytes[n]: 0xFF in the first n of 16 bytes, 0 in the rest (a mask for a word's bytes).
constexpr std::array<std::array<uint8_t, 16>, 17> MakeKeepBytes() {
  std::array<std::array<uint8_t, 16>, 17> t{};
  for (size_t n = 0; n <= 16; ++n)
    for (size_t k = 0; k < n; ++k) t[n][k] = 0xFF;
  return t;
}
alignas(16) constexpr std::array<std::array<uint8_t, 16>, 17> kKeepBytes = MakeKeepBytes();

// Bit k set when byte k of x is an ASCII letter or digit (SSE2, signed compares: a byte b is
// in [lo, lo + k) exactly when b + (0x80 - lo), taken as a signed byte, is below k - 0x80;
// bytes >= 0x80 never are).
inline unsigned AlnumBits(__m128i x) {
  const __m128i letter =
      _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x1F)),
                     _mm_set1_epi8(26 - 128));
  const __m128i digit =
      _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x50)), _mm_set1_epi8(10 - 128));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
}
// AlnumBits of the 16 bytes at q.
inline unsigned AlnumBits16(const unsigned char* q) {
  return AlnumBits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q)));
}

// The commonest token: a word at i (ASCII letters and digits, p[i] a letter, at most 16 bytes)
// whose features are in the word cache, followed by white space, `end`, a kEndsWord byte
// followed by white space or `end`, or a '.' that does not make it an abbreviation. Adds it
// and returns where the line's scan goes on (past the white space after the word, else at the
// byte after the word), or returns 0 (and changes nothing) when the word is not such.
// p + i + 16 must be readable, and AddCommonTokens (the only caller) has made room for the
// token and for 16 bytes of folded form.
__attribute__((always_inline)) inline size_t AddCachedPlainWord(Scratch* s, const unsigned char* p,
                                                                size_t i, size_t end,
                                                                LineCounts* lc) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
  const unsigned alnum = AlnumBits(x);
  const size_t n = static_cast<size_t>(__builtin_ctz(~alnum));  // 1..16: p[i] is a letter
  if (n == kCachedWordBytes) return 0;                          // 16 bytes or more
  const size_t j = i + n;
  if (j > end) return 0;
  size_t next = j + 1;  // past white space (or `end`)
  if (j < end && !IsAsciiSpace(p[j])) {
    // Punctuation after the word: the chunk must be the word and one byte ("said," "Moscow)")
    // or the word and a '.' (checked below); anything else takes the chunk path.
    const unsigned char c = p[j];
    if (c == '.' ? n < 2 : !(kEndsWord[c] && (j + 1 >= end || IsAsciiSpace(p[j + 1])))) return 0;
    next = j;
  }
  // The word's bytes, zero-padded to 16: the word cache's key.
  const __m128i word =
      _mm_and_si128(x, _mm_load_si128(reinterpret_cast<const __m128i*>(kKeepBytes[n].data())));
  const uint64_t raw0 = static_cast<uint64_t>(_mm_cvtsi128_si64(word));
  const uint64_t raw1 = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(word, word)));
  const WordCacheEntry& e = WordCacheSlot(s, raw0, raw1);
  if (e.raw[0] != raw0 || e.raw[1] != raw1) return 0;
  if (next == j && p[j] == '.' && (e.bits & kWordDotMerges)) return 0;
  Tok& t = s->toks.PushReserved();  // AddCommonTokens made room, in toks and in the arena
  t.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
  t.unit = lc->unit;
  TakeCachedWord(s, &t, e, n);
  MarkSentenceStart(s, &t);
  if (t.sent_start) lc->start = true;
  FinishCachedWord(s, t, lc, e);
  return next;
}

// One ASCII punctuation mark or symbol at i with white space (or the line's end) on both
// sides: the token AddAsciiChunk would make of it, without its set-up. Room made as for
// AddCachedPlainWord.
__attribute__((always_inline)) inline void AddLonePunct(Scratch* s, size_t i, LineCounts* lc) {
  const unsigned char c = static_cast<unsigned char>(s->text[i]);
  const TokenKind kind = kFastCls[c] == FastCls::kSymbol ? TokenKind::kSymbol : TokenKind::kPunct;
  s->arena[s->used] = static_cast<char>(c);  // the folded form of a mark is the mark
  Tok& t = s->toks.PushReserved();           // AddCommonTokens made room, in toks and in the arena
  t.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)};
  t.kind = kind;
  t.unit = lc->unit;
  t.lo = static_cast<uint32_t>(s->used);
  t.lo_len = 1;
  s->used += 1;
  MarkSentenceStart(s, &t);
  if (t.sent_start) lc->start = true;
  t.ambiguous = lc->after_colon;
  lc->after_colon = kind == TokenKind::kPunct && (c == ':' || c == '"');
}

// The common tokens of a line from i on: white space is skipped; a plain word whose features
// are in the word cache (AddCachedPlainWord) and one punctuation mark or symbol between white
// space (the "," of "said, ", left by AddCachedPlainWord) are added. Returns where it stopped:
// `end`, or a non-space byte that these paths do not take (the general paths then add the
// token there). A small function of its own, so that its loop keeps its state in registers.
__attribute__((noinline)) size_t AddCommonTokens(Scratch* s, size_t i, size_t end, LineCounts* lc) {
  const auto* p = reinterpret_cast<const unsigned char*>(s->text.data());
  const unsigned char* text_end = p + s->text.size();
  // Room for everything the loop can add: each token takes at least one byte of [i, end), and
  // its folded form no more bytes than that, plus the 16 that a cached word's copy writes.
  s->toks.reserve(s->toks.size() + (end - i));
  if (s->used + (end - i) + 32 > s->arena.size()) s->arena.resize(2 * (s->used + (end - i)) + 64);
  while (i < end) {
    const unsigned char c = p[i];
    if (IsAsciiSpace(c)) {
      ++i;
      continue;
    }
    if (kFastCls[c] == FastCls::kLetter) {
      if (p + i + 16 > text_end) return i;
      const size_t next = AddCachedPlainWord(s, p, i, end, lc);
      if (next == 0) return i;
      i = next;
      continue;
    }
    if (c > 0x20 && c < 0x7F && !FastAlnum(c) && (i + 1 == end || IsAsciiSpace(p[i + 1]))) {
      AddLonePunct(s, i, lc);
      i += 2;
      continue;
    }
    return i;
  }
  return i;
}

// The first index >= i whose byte is not an ASCII letter or digit, at most `end`; 16 bytes at
// a time (AlnumBits), byte by byte near the text's end.
inline size_t AlnumEnd(const unsigned char* p, size_t i, size_t end,
                       const unsigned char* text_end) {
  while (i < end) {
    if (p + i + 16 > text_end) {
      while (i < end && FastAlnum(p[i])) ++i;
      return i;
    }
    const unsigned alnum = AlnumBits16(p + i);
    if (alnum != 0xFFFF) return std::min(end, i + static_cast<size_t>(__builtin_ctz(~alnum)));
    i += 16;
  }
  return end;
}

// The folded form of the mark at q (IsCommonQuoteOrDash), as Featurize folds such a token
// (FoldInto); made once per mark.
std::string_view FoldedMark(const unsigned char* q) {
  static const std::array<std::string, 64> kFolded = [] {
    std::array<std::string, 64> f;
    for (int c = 0x80; c < 0xC0; ++c) {
      const char mark[3] = {'\xE2', '\x80', static_cast<char>(c)};
      FoldInto(std::string_view(mark, 3), &f[c - 0x80]);
    }
    return f;
  }();
  return kFolded[q[2] & 0x3F];
}

// Tokens of the chunk [i, e) of printable ASCII and IsCommonQuoteOrDash sequences (no white
// space, controls or other non-ASCII bytes), cut exactly as AppendTokens cuts them. A word
// followed by '.' may be a dotted abbreviation: the rest of the chunk then takes the general
// path.
void AddAsciiChunk(Scratch* s, size_t i, size_t e, LineCounts* lc) {
  const auto* p = reinterpret_cast<const unsigned char*>(s->text.data());
  const unsigned char* text_end = p + s->text.size();
  while (i < e) {
    const unsigned char c = p[i];
    if (c >= 0x80) {  // a quotation mark or dash: a punctuation token, folded as Featurize would
      const std::string_view folded = FoldedMark(p + i);
      if (s->used + folded.size() + 16 > s->arena.size())
        s->arena.resize(2 * (s->used + folded.size()) + 64);
      std::memcpy(s->arena.data() + s->used, folded.data(), folded.size());
      Tok& t = s->toks.emplace_back();
      t.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 3)};
      t.kind = TokenKind::kPunct;
      t.unit = lc->unit;
      t.lo = static_cast<uint32_t>(s->used);
      t.lo_len = static_cast<uint32_t>(folded.size());
      s->used += folded.size();
      FinishToken(s, lc);
      i += 3;
      continue;
    }
    const FastCls cls = kFastCls[c];
    size_t j = i + 1;
    if (cls == FastCls::kLetter) {
      // Letters and digits; one joiner between two of them stays inside.
      bool ascii = true;
      j = AlnumEnd(p, j, e, text_end);
      while (j + 1 < e) {
        if ((p[j] == '\'' || p[j] == '-') && FastAlnum(p[j + 1])) {
          j = AlnumEnd(p, j + 2, e, text_end);
        } else if (p[j] == 0xE2 && j + 3 < e && p[j + 1] == 0x80 && p[j + 2] == 0x99 &&
                   FastAlnum(p[j + 3])) {
          ascii = false;  // U+2019 inside: "Russia’s"
          j = AlnumEnd(p, j + 4, e, text_end);
        } else {
          break;
        }
      }
      bool merged = false;
      if (j < e && p[j] == '.') {
        // A dotted abbreviation? AddRawTokens' rules: one letter -> the general path (it
        // absorbs "U.S."-like pairs); up to six letters -> "Mr.", "Gen." when the lexicon says
        // so; longer words never merge.
        const size_t n = j - i;
        if (n == 1) {
          s->raw.clear();
          AppendTokens(s->text, Span{static_cast<uint32_t>(i), static_cast<uint32_t>(e)}, &s->raw);
          AddRawTokens(s, s->raw.data(), s->raw.size(), lc);
          return;
        }
        if (n <= 6) {
          char buf[8];
          for (size_t q = 0; q < n; ++q)
            buf[q] = (p[i + q] >= 'A' && p[i + q] <= 'Z') ? static_cast<char>(p[i + q] + 32)
                                                          : static_cast<char>(p[i + q]);
          buf[n] = '.';
          const uint64_t f = s->lex->Lookup(std::string_view(buf, n + 1));
          merged = (f & (kHonorific | kTitle | kOrgSuffix | kParticle)) != 0;
        }
      }
      AddAsciiWord(s, i, merged ? j + 1 : j, merged, ascii, lc);
      i = merged ? j + 1 : j;
      continue;
    }
    TokenKind kind = TokenKind::kPunct;
    if (cls == FastCls::kDigit) {
      // Digits with inner , . : separators followed by a digit.
      while (j < e) {
        if (p[j] >= '0' && p[j] <= '9') {
          ++j;
        } else if ((p[j] == ',' || p[j] == '.' || p[j] == ':') && j + 1 < e && p[j + 1] >= '0' &&
                   p[j + 1] <= '9') {
          j += 2;
        } else {
          break;
        }
      }
      kind = TokenKind::kNumber;
    } else if (cls == FastCls::kSymbol) {
      kind = TokenKind::kSymbol;
    }
    // Numbers and punctuation: the folded form is the text (Featurize's rule for them).
    const size_t n = j - i;
    if (s->used + n + 16 > s->arena.size()) s->arena.resize(2 * (s->used + n) + 64);
    char* d = s->arena.data() + s->used;
    if (n <= 16 && p + i + 16 <= text_end)
      std::memcpy(d, p + i, 16);
    else
      std::memcpy(d, p + i, n);
    Tok& t = s->toks.emplace_back();
    t.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    t.kind = kind;
    t.unit = lc->unit;
    t.lo = static_cast<uint32_t>(s->used);
    t.lo_len = static_cast<uint32_t>(n);
    s->used += n;
    MarkSentenceStart(s, &t);
    if (t.sent_start) lc->start = true;
    t.ambiguous = lc->after_colon;
    lc->after_colon = kind == TokenKind::kPunct && (c == ':' || c == '"');
    if (kind == TokenKind::kNumber) {
      lc->start = false;
      ++lc->numbers;
    }
    i = j;
  }
}

// Tokens of one line (a unit): merged dotted abbreviations, sentence starts, features; and,
// in the same pass, what MarkUnits needs per unit: initial words, headline lines (capitals or
// title case) and ambiguous capitalisation, and the article's word counts. The line is cut at
// ASCII white space into chunks; a chunk of plain ASCII (most of them) is cut here, any
// other by AppendTokens (line_tokens.h), which gives the same tokens.
void AddUnitTokens(Scratch* s, Span range) {
  const size_t end = std::min<size_t>(range.end, s->text.size());
  size_t i = std::min<size_t>(range.start, end);
  if (s->split_sentences || reference_tokenizer) {
    s->raw.clear();
    AppendTokens(s->text, range, &s->raw);
    if (s->raw.empty()) return;
  }
  if (s->split_sentences) {
    // No sentences from the text stage: split this line here (starts stay sorted: lines come
    // in text order).
    const Span r{s->raw.front().span.start, s->raw.back().span.end};
    for (const Sentence& sen : text::SplitSentences(s->text, r))
      s->starts.push_back(sen.span.start);
    if (s->next_start < s->starts.size()) s->next_start_at = s->starts[s->next_start];
  }
  Unit unit;
  unit.begin = static_cast<uint32_t>(s->toks.size());
  LineCounts lc;
  lc.unit = static_cast<int>(s->units.size());
  if (s->toks.size() + (end - i) / 2 + 2 > s->toks.capacity())
    s->toks.reserve(std::max(2 * s->toks.capacity(), s->toks.size() + (end - i) / 2 + 2));
  const auto* p = reinterpret_cast<const unsigned char*>(s->text.data());
  const unsigned char* text_end = p + s->text.size();
  if (reference_tokenizer) {
    AddRawTokens(s, s->raw.data(), s->raw.size(), &lc);
    i = end;
  }
  while (i < end) {
    // White space, cached plain words and lone marks (most of the line) in a loop of their own.
    i = AddCommonTokens(s, i, end, &lc);
    if (i >= end) break;
    const unsigned char c = p[i];
    // A plain word that is not in the word cache (or too near the text's end for its loads).
    if (kFastCls[c] == FastCls::kLetter) {
      const size_t j = AlnumEnd(p, i + 1, end, text_end);
      if (j == end || IsAsciiSpace(p[j])) {
        AddAsciiWord(s, i, j, /*merged=*/false, /*ascii=*/true, &lc);
        i = j + 1;  // past the white space too (or past `end`: the loop stops either way)
        continue;
      }
    }
    // The chunk: up to the first byte that is not printable ASCII (0x21..0x7E); when that is
    // not white space, the chunk runs on to the next white space and takes the general path.
    size_t k = i;
    // Common quotation marks and dashes stay in the chunk (AddAsciiChunk cuts them).
    while (true) {
      if (p + k + 16 > text_end) {
        while (k < end) {
          if (p[k] > 0x20 && p[k] < 0x7F)
            ++k;
          else if (k + 3 <= end && IsCommonQuoteOrDash(p + k))
            k += 3;
          else
            break;
        }
        break;
      }
      // Bit per byte: 0x21..0x7E (the signed compare of AlnumBits).
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
      const unsigned printable = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x5F)), _mm_set1_epi8(0x5E - 128))));
      if (printable != 0xFFFF) {
        k += static_cast<size_t>(__builtin_ctz(~printable));
        if (k + 3 <= end && IsCommonQuoteOrDash(p + k)) {
          k += 3;
          continue;
        }
        break;
      }
      k += 16;
    }
    if (k > end) k = end;
    const unsigned char stop_byte = k < end ? p[k] : ' ';
    if (IsAsciiSpace(stop_byte)) {
      AddAsciiChunk(s, i, k, &lc);
    } else {
      while (k < end && !IsAsciiSpace(p[k])) ++k;
      s->raw.clear();
      AppendTokens(s->text, Span{static_cast<uint32_t>(i), static_cast<uint32_t>(k)}, &s->raw);
      AddRawTokens(s, s->raw.data(), s->raw.size(), &lc);
    }
    i = k;
  }
  FlushPacked(s, &lc);
  unit.end = static_cast<uint32_t>(s->toks.size());
  if (unit.end == unit.begin) return;
  s->doc_numbers += lc.numbers;
  const int words = lc.words, allcaps = lc.allcaps;
  if (words > 0 && allcaps == words)
    unit.caps_line = true;
  else if (allcaps >= 3 && allcaps * 3 >= words * 2)
    unit.caps_line = true;
  // Title case: "Leicestershire Take Over At Top After Innings Victory".
  else if (lc.long_words >= 4 && lc.function_lower <= 1 && lc.long_caps * 5 >= lc.long_words * 4 &&
           lc.numbers * 2 < lc.long_words)
    unit.caps_line = true;
  if (unit.caps_line)
    for (uint32_t t = unit.begin; t < unit.end; ++t) s->toks[t].ambiguous = true;
  s->units.push_back(unit);
}

// Per article: sports and business reports, and how often each word is written capitalised
// mid-sentence and in lower case (AddUnitTokens gathered the inputs).
void MarkUnits(Scratch* s) {
  s->business = s->biz >= 3 && s->biz * 60 >= s->doc_words;
  s->sports = (s->sport >= 2 && s->sport * 40 >= s->doc_words) ||
              (s->doc_numbers >= 20 && s->doc_numbers * 3 >= s->doc_words && s->sport >= 1);
  // Only words written capitalised somewhere need counts; lower-case occurrences are then
  // looked up, not inserted (most words of an article never appear capitalised).
  s->doc.Reset(s->caps);
  for (const uint32_t i : s->cap_words) {
    const Tok& t = s->toks[i];
    if (t.lo_len == 0) continue;
    DocCount& dc = s->doc.Insert(t.h);
    if (!t.ambiguous && !t.allcaps) ++dc.cap_mid;
  }
  if (s->caps == 0) return;
  for (const uint64_t h : s->lower_hashes) {
    if (!s->doc.MayContain(h)) continue;
    if (DocCount* dc = s->doc.Find(h)) ++dc->lower;
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Which tokens may be part of a name

bool NextIsCapWord(const Scratch& s, uint32_t i, uint32_t end) {
  if (i + 1 >= end) return false;
  const Tok& n = s.toks[i + 1];
  return IsWordLike(n) && n.cap && !(n.flags & (kStopCap | kTimeWord));
}

void MarkNames(Scratch* s) {
  // Only capitalised words can start or be names: visit those (MarkUnits listed them).
  for (const uint32_t i : s->cap_words) {
    Tok& t = s->toks[i];
    const Unit& u = s->units[t.unit];
    const uint64_t f = t.flags;
    if (f & (kHonorific | kTitle)) t.title = true;
    // Compiled lists outrank WordNet: "Sunday" the evangelist, "IN" for Indiana.
    const uint64_t strong = f & kEntityFlags & ~(kWnPerson | kWnLocation | kWnOrg | kWnOther);
    if ((f & kTimeWord) && !strong) continue;
    if ((f & kStopCap) && !(strong && t.allcaps && !u.caps_line)) continue;
    // A lone capital letter ("N", "B") is a label, not a name; "M." (merged) stays.
    if (t.lo_len == 1) continue;
    if (!t.ambiguous) {
      t.name = true;
      continue;
    }
    const DocCount* found = s->doc.Find(t.h);
    const DocCount dc = found ? *found : DocCount{};
    bool evidence = (f & kEntityFlags) != 0;
    if (!evidence && dc.cap_mid > 0 && dc.cap_mid >= dc.lower) evidence = true;
    if (!evidence && !u.caps_line) {
      if (t.allcaps && !(f & kCommon))
        evidence = true;  // "NATO said ..." at sentence start
      else if (!(f & kCommon) && dc.lower == 0) {
        if (NextIsCapWord(*s, i, u.end))
          evidence = true;
        else if (i + 1 < u.end && s->toks[i + 1].kind == TokenKind::kNumber)
          evidence = true;
        else if (i + 1 < u.end && s->toks[i + 1].kind == TokenKind::kPunct &&
                 (s->text[s->toks[i + 1].span.start] == ',' ||
                  s->text[s->toks[i + 1].span.start] == '('))
          evidence = true;
      }
    }
    // "Michael Slater", "Nick Knight" in a title-case list: a surname after a given name.
    if (!evidence && i > u.begin && s->toks[i - 1].name && (s->toks[i - 1].flags & kGiven) &&
        s->toks[i - 1].span.end + 1 == t.span.start)
      evidence = true;
    // "C. Lewis": a dotted initial before a capitalised word.
    if (!evidence && t.lo_len == 2 && s->arena[t.lo + 1] == '.' && i + 1 < u.end &&
        s->toks[i + 1].cap)
      evidence = true;
    // Headline words known only from the body need more than a common or sports word.
    if (evidence && u.caps_line && (f & (kSportWord | kCommon)) && !(f & kEntityFlags) &&
        dc.cap_mid < 2)
      evidence = false;
    if (!evidence && u.caps_line && !(f & kCommon) && dc.lower == 0 && t.lo_len > 2 &&
        !(f & (kStopCap | kTimeWord))) {
      // Headline words the dictionary does not know: a name more often than not.
      evidence = true;
    }
    // "EASTERN DIVISION", "MANCHESTER UNITED": a head word after a name in a headline.
    if (!evidence && u.caps_line && i > u.begin && s->toks[i - 1].name &&
        (f & (kOrgHead | kMiscHead | kTeamHead | kLocHead)))
      evidence = true;
    if (evidence) t.name = true;
  }
  // Known phrases are names wherever they stand: "New York", "The Hague", "West Bank".
  const Lexicon& lex = Lexicon::Get();
  std::string key;
  uint32_t done = 0;  // tokens before this one are inside a phrase already marked
  for (const uint32_t i : s->cap_words) {
    const Tok& t = s->toks[i];
    if (!t.phrase || i < done) continue;  // most capitalised words start no phrase
    const Unit& u = s->units[t.unit];
    if (i + 1 >= u.end) continue;
    if (t.flags & (kTitle | kHonorific)) continue;  // "President Clinton" is a title + name
    key.assign(Lower(*s, t));
    uint32_t best = 0;
    for (uint32_t j = i + 1; j < u.end && j - i < static_cast<uint32_t>(lex.max_phrase_words());
         ++j) {
      const Tok& n = s->toks[j];
      if (!IsWordLike(n) || n.span.start != s->toks[j - 1].span.end + 1) break;
      key += ' ';
      key += Lower(*s, n);
      bool longer = false;
      if (lex.LookupPhrase(key, &longer) & kEntityFlags) best = j;
      if (n.poss || !longer) break;
    }
    if (best == 0 || !s->toks[best].cap) continue;
    for (uint32_t k = i; k <= best; ++k)
      if (s->toks[k].cap) {
        s->toks[k].name = true;
        s->toks[k].title = false;
      }
    done = best + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Runs and pieces

struct RunState {
  bool has_org_head = false;
  bool org_connected = false;  // an org head followed by "of"/"for"
  bool has_for = false;
};

// May the connector at index j join the run [b, j) to the name at j+1 (or j+2 after "the")?
bool ConnectorJoins(const Scratch& s, uint32_t b, uint32_t j, uint32_t end, const RunState& st) {
  const Tok& c = s.toks[j];
  if (j + 1 >= end) return false;
  std::string_view w = Lower(s, c);
  const Tok& prev = s.toks[j - 1];
  if (prev.poss) return false;
  uint32_t next = j + 1;
  if (w != "the" && Lower(s, s.toks[next]) == "the" && next + 1 < end) ++next;
  const Tok& n = s.toks[next];
  if (!(n.name || n.title)) return false;
  if (c.kind == TokenKind::kPunct || c.kind == TokenKind::kSymbol) return w == "&";
  if (!c.lower) return false;
  if (c.flags & kParticle) {
    // "van der Westhuizen": particles may follow each other.
    uint32_t k = j + 1;
    while (k + 1 < end && s.toks[k].lower && (s.toks[k].flags & kParticle)) ++k;
    return prev.name && !prev.title && s.toks[k].name;
  }
  if (w == "of")
    return (prev.flags & (kOrgHead | kLocHead | kTitle | kTeamHead)) || st.has_org_head;
  if (w == "for") return st.has_org_head;
  if (w == "and") return st.org_connected && !(n.flags & (kCountry | kKnownOrg | kGiven));
  if (w == "in") return st.has_for;
  if (w == "to") return prev.title && (prev.flags & kTitle);
  return false;
}

void EmitPiece(Scratch* s, uint32_t b, uint32_t e, int title_tb, int title_te, bool honorific) {
  // Trim leading/trailing connectors and titles that ended up at the edges.
  while (b < e && !s->toks[b].name && !s->toks[b].title) ++b;
  while (e > b && !s->toks[e - 1].name && !s->toks[e - 1].title) --e;
  if (b >= e) return;
  Cand& c = s->cands.emplace_back();
  c.tb = b;
  c.te = e;
  c.span.start = s->toks[b].span.start;
  c.span.end = s->toks[e - 1].span.end - s->toks[e - 1].poss;
  // The folded words joined by spaces, written into cand_text's slack (16 bytes are kept past
  // the end, so short words are copied by one fixed-size copy and the hash reads whole words).
  size_t len = e - b - 1;
  for (uint32_t i = b; i < e; ++i) len += s->toks[i].lo_len;
  if (s->cand_used + len + 32 > s->cand_text.size())
    s->cand_text.resize(2 * (s->cand_used + len) + 64);
  char* d = s->cand_text.data() + s->cand_used;
  c.fold_at = static_cast<uint32_t>(s->cand_used);
  for (uint32_t i = b; i < e; ++i) {
    const Tok& t = s->toks[i];
    if (i > b) *d++ = ' ';
    if (t.lo_len <= 16)
      std::memcpy(d, s->arena.data() + t.lo, 16);  // 16 bytes from any t.lo are in the arena
    else
      std::memcpy(d, s->arena.data() + t.lo, t.lo_len);
    d += t.lo_len;
  }
  s->cand_used += len;
  c.fold_len = static_cast<uint32_t>(len);
  c.fold_hash = KeyHashWide(s->cand_text.data() + c.fold_at, len);
  c.title_tb = title_tb;
  c.title_te = title_te;
  c.honorific = honorific;
}

// Splits the run [b, e) at a title used as such and at a leading demonym before a government
// body; emits the pieces.
void SplitRun(Scratch* s, uint32_t b, uint32_t e) {
  if (b >= e) return;
  const Tok& last = s->toks[e - 1];
  const bool org_like_end = (last.flags & (kOrgHead | kOrgSuffix | kTeamHead | kLocHead)) &&
                            !(last.flags & (kGiven | kWnPerson));
  // The last title token after which a name follows.
  int k = -1;
  for (uint32_t i = b; i < e; ++i) {
    const Tok& t = s->toks[i];
    if (!t.title || !t.cap) continue;
    // "Dean Headley", "Major Smith"? A given name before a name is a given name.
    if ((t.flags & kGiven) && !(t.flags & kHonorific) && i + 1 < e && s->toks[i + 1].name &&
        !(s->toks[i + 1].flags & kGiven))
      continue;
    if (t.flags & kHonorific) {
      k = static_cast<int>(i);
      continue;
    }
    if (org_like_end) continue;
    if (i + 1 < e && (s->toks[i + 1].flags & (kOrgHead | kOrgSuffix)) &&
        !(s->toks[i + 1].flags & kTitle))
      continue;
    k = static_cast<int>(i);
  }
  if (k >= 0 && static_cast<uint32_t>(k) + 1 < e) {
    // The title chain: modifiers and titles before k ("Deputy Prime Minister").
    uint32_t ts = static_cast<uint32_t>(k);
    while (ts > b) {
      const Tok& p = s->toks[ts - 1];
      if (p.cap && (p.flags & (kRoleModifier | kTitle | kHonorific)) && !p.poss &&
          !(p.flags & (kCountry | kDemonym)))
        --ts;
      else
        break;
    }
    uint32_t name_b = static_cast<uint32_t>(k) + 1;
    const bool honorific = (s->toks[k].flags & kHonorific) != 0;
    // "Ambassador to Belgrade Alexander X", "Secretary of State Warren X".
    if (name_b < e && s->toks[name_b].lower) {
      uint32_t after = name_b + 1;
      if (after < e && Lower(*s, s->toks[after]) == "the") ++after;
      uint32_t given = e;
      for (uint32_t i = after + 1; i < e; ++i)
        if (s->toks[i].flags & kGiven) {
          given = i;
          break;
        }
      uint32_t n = e - after;
      uint32_t role_end;
      if (given < e)
        role_end = given;
      else if (n >= 3)
        role_end = e - 2;
      else if (n == 2)
        role_end = e - 1;
      else
        role_end = e;  // nothing left for a name
      // The place inside the role is a mention of its own.
      if (role_end > after) EmitPiece(s, after, role_end, -1, -1, false);
      name_b = role_end;
    }
    SplitRun(s, b, ts);
    if (name_b < e)
      EmitPiece(s, name_b, e, static_cast<int>(ts), static_cast<int>(name_b), honorific);
    return;
  }
  // "Australian Tom Moody" -> "Australian" + "Tom Moody".
  if (e - b >= 2 && (s->toks[b].flags & kDemonym) && !(s->toks[b].flags & kGiven) &&
      (s->toks[b + 1].flags & kGiven) && !(last.flags & (kOrgHead | kMiscHead | kTeamHead))) {
    EmitPiece(s, b, b + 1, -1, -1, false);
    EmitPiece(s, b + 1, e, -1, -1, false);
    return;
  }
  // "Russian Foreign Ministry" -> "Russian" + "Foreign Ministry".
  if (e - b >= 3 && (s->toks[b].flags & kDemonym) &&
      !(s->toks[b].flags & (kGiven | kRoleModifier)) && (s->toks[b + 1].flags & kRoleModifier) &&
      (last.flags & kOrgHead)) {
    EmitPiece(s, b, b + 1, -1, -1, false);
    EmitPiece(s, b + 1, e, -1, -1, false);
    return;
  }
  // A run that is only titles and modifiers ("Prime Minister") names nobody.
  bool any_name = false;
  for (uint32_t i = b; i < e; ++i)
    if (s->toks[i].name && !s->toks[i].title &&
        !((s->toks[i].flags & kRoleModifier) && !(s->toks[i].flags & kEntityFlags) &&
          !(s->toks[i].flags & kOrgHead)))
      any_name = true;
  if (!any_name) return;
  EmitPiece(s, b, e, -1, -1, false);
}

void FindRuns(Scratch* s) {
  // Runs start at names and titles, which are capitalised words: visit those only.
  uint32_t next = 0;  // tokens before this one belong to a run already
  for (const uint32_t i : s->cap_words) {
    if (i < next) continue;
    const Tok& t = s->toks[i];
    if (!(t.name || t.title)) continue;
    const Unit& u = s->units[t.unit];
    uint32_t b = i, j = i + 1;
    RunState st;
    if (t.flags & kOrgHead) st.has_org_head = true;
    bool stop = t.poss > 0;
    while (!stop && j < u.end) {
      const Tok& n = s->toks[j];
      if (n.sent_start) {
        // Only a dotted initial or abbreviated title ("J.", "Gen.") carries over.
        const Tok& p = s->toks[j - 1];
        std::string_view pw = Lower(*s, p);
        bool carry = pw.size() >= 2 && pw.back() == '.' &&
                     (pw.size() == 2 || (p.flags & (kHonorific | kTitle)) ||
                      (p.allcaps && (n.flags & (kMiscHead | kOrgHead))));
        if (!carry) break;
      }
      if (n.name || n.title) {
        if (n.flags & kOrgHead) st.has_org_head = true;
        ++j;
        if (n.poss) stop = true;
        continue;
      }
      if (ConnectorJoins(*s, b, j, u.end, st)) {
        std::string_view w = Lower(*s, n);
        if (st.has_org_head && (w == "of" || w == "for")) st.org_connected = true;
        if (st.has_org_head && w == "for") st.has_for = true;
        ++j;
        if (j < u.end && Lower(*s, s->toks[j]) == "the" && !(s->toks[j].name)) ++j;
        continue;
      }
      break;
    }
    // "Euro 96", "Expo 2020": a year after an event name.
    if (j < u.end && j > b && s->toks[j].kind == TokenKind::kNumber &&
        (s->toks[j - 1].flags & (kMiscHead | kKnownMisc)) && !s->toks[j - 1].poss &&
        (s->toks[j].span.size() == 2 || s->toks[j].span.size() == 4) &&
        s->toks[j].span.start == s->toks[j - 1].span.end + 1) {
      s->toks[j].name = true;
      ++j;
    }
    SplitRun(s, b, j);
    next = j;
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Evidence

bool PunctAt(const Scratch& s, int i, char c) {
  if (i < 0 || static_cast<size_t>(i) >= s.toks.size()) return false;
  const Tok& t = s.toks[i];
  return t.kind == TokenKind::kPunct && s.text[t.span.start] == c;
}

inline bool SameUnit(const Scratch& s, int a, int b) {
  return a >= 0 && b >= 0 && static_cast<size_t>(a) < s.toks.size() &&
         static_cast<size_t>(b) < s.toks.size() && s.toks[a].unit == s.toks[b].unit;
}

// The text of the number at token i with adjacent "-" or "/" and further digits: tokenizers
// split "1996-08-30" and "4-38" into pieces.
std::string_view NumberText(const Scratch& s, uint32_t i) {
  uint32_t j = i;
  while (j + 2 < s.toks.size() && s.toks[j + 1].kind == TokenKind::kPunct &&
         s.toks[j + 1].span.start == s.toks[j].span.end &&
         (s.text[s.toks[j + 1].span.start] == '-' || s.text[s.toks[j + 1].span.start] == '/') &&
         s.toks[j + 2].kind == TokenKind::kNumber &&
         s.toks[j + 2].span.start == s.toks[j + 1].span.end)
    j += 2;
  return s.text.substr(s.toks[i].span.start, s.toks[j].span.end - s.toks[i].span.start);
}

bool TeamVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "beat",     "beats",   "beaten",  "drew",     "draw",     "lost",    "lose",
      "loses",    "won",     "win",     "wins",     "defeated", "defeat",  "edged",
      "thrashed", "routed",  "crushed", "hammered", "downed",   "blanked", "swept",
      "trail",    "trailed", "host",    "hosts",    "hosted",   "against", "v",
      "vs",       "vs.",     "versus",  "play",     "plays",    "played",  "at"};
  for (std::string_view v : kVerbs)
    if (w == v) return true;
  return false;
}

// A place name standing for a team: opens a results row, stands next to a score, or next to
// "beat", "v", "against".
bool TeamContext(const Scratch& s, const Cand& c) {
  int p = static_cast<int>(c.tb) - 1, q = static_cast<int>(c.te);
  auto num = [&](int i) { return SameUnit(s, i, c.tb) && s.toks[i].kind == TokenKind::kNumber; };
  if (num(q) || num(p)) return true;
  const bool headline = s.units[s.toks[c.tb].unit].caps_line;
  if (SameUnit(s, q, c.tb) && (s.toks[q].lower || headline) && TeamVerb(Lower(s, s.toks[q])))
    return true;
  // "Surrey captain Chris Lewis", "Lancashire batsman".
  if (SameUnit(s, q, c.tb) && s.toks[q].lower && (s.toks[q].flags & kTitle)) return true;
  if (SameUnit(s, p, c.tb) && s.toks[p].lower && TeamVerb(Lower(s, s.toks[p])) &&
      Lower(s, s.toks[p]) != "at")
    return true;
  return false;
}

// Stricter than TeamContext, for names no gazetteer knows: a standings row (three or more
// numbers after the name), a score line ("Name 3 Name 1"), or next to "beat", "v".
bool TeamRow(const Scratch& s, const Cand& c) {
  const Unit& u = s.units[s.toks[c.tb].unit];
  int p = static_cast<int>(c.tb) - 1, q = static_cast<int>(c.te);
  if (SameUnit(s, q, c.tb) && s.toks[q].lower && TeamVerb(Lower(s, s.toks[q])) &&
      Lower(s, s.toks[q]) != "at")
    return true;
  if (SameUnit(s, p, c.tb) && s.toks[p].lower && TeamVerb(Lower(s, s.toks[p])) &&
      Lower(s, s.toks[p]) != "at")
    return true;
  if (!SameUnit(s, q, c.tb) || s.toks[q].kind != TokenKind::kNumber) return false;
  std::string_view score = NumberText(s, static_cast<uint32_t>(q));
  if (score.find('-') != std::string_view::npos) return false;  // bowling figures "4-38"
  int numbers = 0;
  bool other_name = false;
  for (uint32_t i = u.begin; i < u.end; ++i) {
    const Tok& t = s.toks[i];
    if (t.kind == TokenKind::kNumber && i > c.tb) ++numbers;
    if ((i < c.tb || i >= c.te) && t.cap && t.name && i + 1 < u.end &&
        s.toks[i + 1].kind == TokenKind::kNumber)
      other_name = true;
  }
  return (c.tb == u.begin && numbers >= 3) || other_name;
}

void Score(Scratch* s, Cand* c) {
  const Lexicon& lex = Lexicon::Get();
  auto& sc = c->score;
  const Tok& first = s->toks[c->tb];
  const Tok& last = s->toks[c->te - 1];
  const uint32_t n = c->te - c->tb;
  const uint64_t whole = n == 1 ? first.flags : lex.LookupHash(c->fold_hash);
  const bool headline = s->units[first.unit].caps_line;

  if (whole & kCountry) sc[kLoc] += 4;
  if (whole & kCity) sc[kLoc] += 3;
  if (whole & kRegion) sc[kLoc] += 2;
  if (whole & kWnLocation) sc[kLoc] += 2.5f;
  if (whole & kKnownOrg) sc[kOrg] += 4.5f;
  if (whole & kWnOrg) sc[kOrg] += 2;
  if (whole & kKnownMisc) sc[kMisc] += 4;
  if (whole & kWnOther) sc[kMisc] += 1.5f;
  if (whole & kWnPerson) sc[kPer] += 2.5f;
  if (whole & kDemonym) sc[kMisc] += 3.5f;
  if (n == 1 && (whole & kGiven)) sc[kPer] += 1.5f;

  if (n >= 2) {
    if (last.flags & kOrgSuffix)
      sc[kOrg] += 5;
    else if (last.flags & kOrgHead)
      sc[kOrg] += 3;
    else if (last.flags & kTeamHead)
      sc[kOrg] += 2;
    if ((last.flags & kLocHead) && !(last.flags & kOrgHead)) sc[kLoc] += 2.5f;
    if (last.flags & kMiscHead) sc[kMisc] += 3;
    // "Latin American", "Bosnian Serbs", "Roman Catholic".
    if ((last.flags & kDemonym) && !(first.flags & kGiven) && !(last.flags & kCountry))
      sc[kMisc] += 3;
    if (last.kind == TokenKind::kNumber) sc[kMisc] += 2;
    if (first.flags & kGiven) sc[kPer] += 3;
    if (first.lo_len == 2 && s->arena[first.lo + 1] == '.' &&
        !(last.flags & (kOrgHead | kOrgSuffix)))
      sc[kPer] += 3;  // "C. Lewis"
    if ((first.flags & kLocPrefix) && !(first.flags & kGiven)) sc[kLoc] += 0.5f;
    bool inner_org = false, common = false, particle = false;
    for (uint32_t i = c->tb; i < c->te; ++i) {
      const Tok& t = s->toks[i];
      if (t.flags & kOrgHead) inner_org = true;
      if (t.flags & kTeamHead) sc[kOrg] += 1.5f;
      if (t.kind != TokenKind::kWord && s->text[t.span.start] == '&') sc[kOrg] += 5;
      if ((t.flags & kCommon) && !(t.flags & (kGiven | kWnPerson))) common = true;
      if (t.lower && (t.flags & kParticle)) particle = true;
    }
    if (inner_org) sc[kOrg] += 1;
    if (particle) sc[kPer] += 0.5f;
    if (!inner_org && !common && n <= 3 && !(whole & (kCountry | kCity | kRegion))) sc[kPer] += 1;
    if (first.flags & kDemonym && !(first.flags & kGiven)) sc[kMisc] += 0.5f;
    // "Iraqi Kurdistan", "Sydney Harbour": place words inside.
    for (uint32_t i = c->tb; i < c->te; ++i)
      if (s->toks[i].flags & (kCountry | kCity)) sc[kLoc] += 0.5f;
  } else {
    if ((first.flags & kOrgHead) && !first.ambiguous) sc[kOrg] += 1.5f;
    if (first.allcaps && !headline && first.lo_len <= 6 && !(first.flags & kGazetteer))
      sc[kOrg] += 1.5f;
    if (first.flags & kOrgSuffix) sc[kOrg] += 1;
    if ((first.flags & kTeamHead) && !(first.flags & (kGiven | kCommon))) sc[kOrg] += 2;
    // "Moscow-based", "Indonesian-origin", "France-registered": adjectives made of a name.
    std::string_view lw = Lower(*s, first);
    size_t dash = lw.rfind('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < lw.size()) {
      std::string_view tail = lw.substr(dash + 1);
      static constexpr std::string_view kTails[] = {
          "based", "born",   "registered", "sponsored", "origin", "listed",     "bound", "owned",
          "led",   "backed", "made",       "built",     "style",  "controlled", "run",   "funded"};
      for (std::string_view t : kTails)
        if (tail == t) sc[kMisc] += 6;
    }
    // "Eagles", "Brewers": a capitalised plural of a common noun names a team.
    if (s->sports && (first.flags & kPlural) && (first.flags & kCommon) && !first.ambiguous)
      sc[kOrg] += 1.5f;
  }

  if (c->title_tb >= 0) sc[kPer] += c->honorific ? 6 : 5;
  // A lower-case title right before: "spokesman Dmitry Peskov".
  int p = static_cast<int>(c->tb) - 1;
  if (c->title_tb < 0 && p >= 0 && SameUnit(*s, p, c->tb)) {
    const Tok& pt = s->toks[p];
    if ((pt.flags & kTitle) && pt.lower) sc[kPer] += 3;
    if ((pt.flags & kLocCue) && pt.lower) {
      std::string_view w = Lower(*s, pt);
      sc[kLoc] += (w == "in" || w == "near") ? 1.5f : 0.7f;
    }
  }
  // Context after: ", 45," ", aged" "said".
  int q = static_cast<int>(c->te);
  if (SameUnit(*s, q, c->tb)) {
    const Tok& nt = s->toks[q];
    if (PunctAt(*s, q, ',') && SameUnit(*s, q + 1, c->tb)) {
      const Tok& n2 = s->toks[q + 1];
      if (n2.kind == TokenKind::kNumber && n2.span.size() <= 2 && PunctAt(*s, q + 2, ','))
        sc[kPer] += 2;
      if (n2.flags & kPersonCue) sc[kPer] += 2;
      if (n2.lower && (n2.flags & kTitle)) sc[kPer] += 1.5f;  // ", spokesman for"
    }
    if ((nt.flags & kSpeechVerb) && nt.lower) sc[kPer] += 0.7f;
    if (PunctAt(*s, q, '(') && SameUnit(*s, q + 1, c->tb) && s->toks[q + 1].flags & kCountry)
      sc[kPer] += 1.5f;  // "Pete Sampras (U.S.)"
  }
  if (p >= 0 && SameUnit(*s, p, c->tb)) {
    const Tok& pt = s->toks[p];
    if ((pt.flags & kSpeechVerb) && pt.lower) sc[kPer] += 0.7f;
  }
  // Results tables: a name that opens a row of numbers is a team or a player.
  if (first.initial && q < static_cast<int>(s->toks.size()) && SameUnit(*s, q, c->tb) &&
      s->toks[q].kind == TokenKind::kNumber && !(whole & (kCountry | kGiven))) {
    sc[kOrg] += 0.8f;
  }
  if (headline) {
    for (float& v : sc) v *= 0.6f;
  }
  // Dateline: "MOSCOW 1996-08-30", "KHASAVYURT, Russia 1996-08-30".
  const Unit& unit = s->units[first.unit];
  if (c->tb == unit.begin && unit.end - unit.begin <= 12 && first.allcaps) {
    for (uint32_t i = c->te; i < unit.end; ++i) {
      const Tok& t = s->toks[i];
      std::string_view w = t.kind == TokenKind::kNumber ? NumberText(*s, i) : std::string_view();
      bool date =
          (t.kind == TokenKind::kNumber && w.size() >= 6 &&
           (w.find('-') != std::string_view::npos || w.find('/') != std::string_view::npos)) ||
          (t.flags & kTimeWord);
      if (date) {
        sc[kLoc] += 4;
        return;
      }
    }
  }
  // Sports reports: a city or region that is not a country names a club.
  if (s->sports && !(whole & kCountry) && (whole & (kCity | kRegion | kWnLocation)) &&
      TeamContext(*s, *c)) {
    sc[kOrg] += sc[kLoc] + 0.5f;
    c->team = true;
  }
  // Sports reports: an unknown name in a results row or next to "beat" is a club.
  if (s->sports && !(whole & (kEntityFlags)) && !first.allcaps && TeamRow(*s, *c) &&
      !(c->tb > 0 && s->toks[c->tb - 1].kind == TokenKind::kWord && s->toks[c->tb - 1].cap))
    sc[kOrg] += n == 1 ? 1.0f : 0.5f;
  // Business reports: an unknown single word is more often a company than anything else.
  if (s->business && n == 1 && !(whole & (kEntityFlags | kCommon)) && !first.allcaps) sc[kOrg] += 1;
}

// ---------------------------------------------------------------------------------------------
// 5. Grouping

int Argmax(const std::array<float, 4>& v, int fallback) {
  int best = -1;
  float bv = 0;
  for (int i = 0; i < 4; ++i)
    if (v[i] > bv) {
      bv = v[i];
      best = i;
    }
  return best < 0 ? fallback : best;
}

int DefaultType(const Scratch& s, const Cand& c) {
  const uint32_t n = c.te - c.tb;
  const Tok& first = s.toks[c.tb];
  if (n >= 2) {
    // "Red Star", "Democracy Wall": common words without a given name name a thing.
    for (uint32_t i = c.tb; i < c.te; ++i) {
      const Tok& t = s.toks[i];
      if ((t.flags & kCommon) && !(t.flags & (kGiven | kWnPerson)) && !(first.flags & kGiven))
        return kOrg;
    }
    return kPer;
  }
  if ((first.flags & kCommon) && !(first.flags & (kGiven | kWnPerson))) return kOrg;
  if (first.allcaps && !s.units[first.unit].caps_line) return kOrg;
  if (s.sports) {
    if (first.initial && c.te < s.toks.size() && s.toks[c.te].kind == TokenKind::kNumber &&
        s.toks[c.te].unit == first.unit)
      return kOrg;
    return kPer;
  }
  return kLoc;
}

EntityType ToType(int t) {
  switch (t) {
    case kPer:
      return EntityType::kPerson;
    case kOrg:
      return EntityType::kOrganization;
    case kLoc:
      return EntityType::kLocation;
    default:
      return EntityType::kOther;
  }
}

// Letters of an acronym token ("REC", "U.N.") lower-cased without dots.
std::string AcronymLetters(std::string_view folded) {
  std::string out;
  for (char c : folded)
    if (c >= 'a' && c <= 'z') out += c;
  return out;
}

// Initials of the capitalised words of a cand ("Republican Election Commission" -> "rec").
std::string Initials(const Scratch& s, const Cand& c, bool all_words) {
  std::string out;
  for (uint32_t i = c.tb; i < c.te; ++i) {
    const Tok& t = s.toks[i];
    if (!IsWordLike(t) || t.lo_len == 0) continue;
    if (!all_words && !t.cap) continue;
    char ch = s.arena[t.lo];
    if (ch >= 'a' && ch <= 'z') out += ch;
  }
  return out;
}

// KeyHash of a token's folded form (words carry it already).
uint64_t TokKey(const Scratch& s, const Tok& t) {
  return t.kind == TokenKind::kWord ? t.h : KeyHash(Lower(s, t));
}

// Fills s->groups: one group per folded name, then acronyms and surnames merged into the
// groups of their expansions and full names (merged groups are left empty).
void GroupCands(Scratch* s) {
  std::vector<Group>& groups = s->groups;
  groups.clear();
  // Keyed by KeyHash of the folded name: no string copies.
  s->by_name.Reset(s->cands.size());
  for (size_t i = 0; i < s->cands.size(); ++i) {
    Cand& c = s->cands[i];
    bool inserted = false;
    const int gi = s->by_name.FindOrInsert(c.fold_hash, static_cast<int>(groups.size()), &inserted);
    if (inserted) groups.emplace_back();
    c.entity = gi;
    Group& g = groups[gi];
    AddMember(s, &g, static_cast<int>(i));
    for (int k = 0; k < 4; ++k) g.score[k] += c.score[k];
  }
  // Acronyms: "Republican Election Commission (REC)".
  for (size_t i = 0; i + 1 < s->cands.size(); ++i) {
    Cand& c = s->cands[i];
    Cand& a = s->cands[i + 1];
    if (c.te - c.tb < 2 || a.te - a.tb != 1) continue;
    if (!PunctAt(*s, c.te, '(') || a.tb != c.te + 1 || !PunctAt(*s, a.te, ')')) continue;
    if (!s->toks[a.tb].allcaps && s->toks[a.tb].lo_len > 1) continue;
    std::string letters = AcronymLetters(Folded(*s, a));
    if (letters.size() < 2) continue;
    if (letters != Initials(*s, c, false) && letters != Initials(*s, c, true)) continue;
    int from = a.entity, to = c.entity;
    if (from == to) continue;
    MoveMembers(s, from, to);
    for (int k = 0; k < 4; ++k) groups[to].score[k] += groups[from].score[k];
    groups[from].alias = true;
  }
  for (Group& g : groups) {
    if (g.empty()) continue;
    for (int ci : Members(*s, g)) {
      const Cand& c = s->cands[ci];
      if (g.longest < 0) {
        g.longest = ci;
        continue;
      }
      const Cand& l = s->cands[g.longest];
      if (c.te - c.tb > l.te - l.tb ||
          (c.te - c.tb == l.te - l.tb && c.span.size() > l.span.size()))
        g.longest = ci;
    }
    g.type = Argmax(g.score, DefaultType(*s, s->cands[g.longest]));
  }
  // Surnames and partial names: "Peskov" -> "Dmitry Peskov"; "Botsan-Kharchenko" likewise.
  // (word hash, group) in insertion order; an article has few multi-word persons.
  std::vector<std::pair<uint64_t, int>>& by_last = s->by_last;
  by_last.clear();
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    Group& g = groups[gi];
    if (g.empty()) continue;
    const Cand& l = s->cands[g.longest];
    if (l.te - l.tb < 2) continue;
    if (g.type != kPer) continue;
    by_last.emplace_back(TokKey(*s, s->toks[l.te - 1]), static_cast<int>(gi));
    const Tok& ft = s->toks[l.tb];
    if (!(ft.flags & kGiven) && !(ft.flags & kHonorific))
      by_last.emplace_back(TokKey(*s, ft), static_cast<int>(gi));
  }
  if (by_last.empty()) return;
  // One bit per by_last hash (by its low six bits): most single names match none.
  uint64_t last_bits = 0;
  for (const auto& [h, grp] : by_last) last_bits |= 1ull << (h & 63);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    Group& g = groups[gi];
    if (g.empty()) continue;
    const Cand& l = s->cands[g.longest];
    if (l.te - l.tb != 1) continue;
    const uint64_t key = TokKey(*s, s->toks[l.tb]);
    bool known = false;
    if (!((last_bits >> (key & 63)) & 1)) continue;
    for (const auto& [h, grp] : by_last) known |= h == key;
    if (!known) continue;
    // Strong place or organisation evidence of its own keeps it apart ("Jordan" the country
    // said after "in"), unless it is typed person anyway.
    if (g.type != kPer && std::max(g.score[kLoc], g.score[kOrg]) > g.score[kPer] + 3.5f) continue;
    int target = -1;
    for (const auto& [h, cand_group] : by_last) {
      if (h != key || cand_group == static_cast<int>(gi)) continue;
      if (target >= 0 && target != cand_group) {
        // Ambiguous surname: the nearest preceding full name wins.
        const uint32_t at = l.span.start;
        auto last_before = [&](int grp) {
          uint32_t best = 0;
          for (int ci : Members(*s, groups[grp]))
            if (s->cands[ci].span.start < at) best = std::max(best, s->cands[ci].span.start + 1);
          return best;
        };
        if (last_before(cand_group) > last_before(target)) target = cand_group;
      } else {
        target = cand_group;
      }
    }
    if (target < 0) continue;
    MoveMembers(s, static_cast<int>(gi), target);
    g.alias = true;
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Roles and definite descriptions

// Text of [a, b) tokens as written, single-spaced.
std::string TokenText(const Scratch& s, uint32_t a, uint32_t b) {
  std::string out;
  for (uint32_t i = a; i < b; ++i) {
    const Tok& t = s.toks[i];
    if (!out.empty() && !(t.kind == TokenKind::kPunct && s.text[t.span.start] != '(' &&
                          s.text[t.span.start] != '&'))
      out += ' ';
    out.append(s.text.substr(t.span.start, t.span.size()));
  }
  return out;
}

bool RoleWord(const Tok& t) {
  if (t.kind != TokenKind::kWord) return false;
  if (t.flags & (kTitle | kRoleModifier)) return true;
  if (t.cap && !(t.flags & (kStopCap | kTimeWord))) return true;  // "Kremlin", "Russia's"
  return false;
}

// Start of the role phrase that ends with the title token before `end`: back over title words,
// modifiers, capitalised words and "of"/"to" between them.
uint32_t RoleStart(const Scratch& s, uint32_t end, int unit) {
  uint32_t b = end;
  while (b > 0) {
    const Tok& p = s.toks[b - 1];
    if (p.unit != unit) break;
    if (RoleWord(p) && !(p.flags & kHonorific)) {
      --b;
      continue;
    }
    if (p.lower && (Lower(s, p) == "of" || Lower(s, p) == "to") && b >= 2 &&
        RoleWord(s.toks[b - 2]) && b < end) {
      --b;
      continue;
    }
    break;
  }
  return b;
}

void AddRole(Entity* e, std::string role) {
  if (role.empty()) return;
  for (const std::string& r : e->roles)
    if (r == role) return;
  e->roles.push_back(std::move(role));
}

// The title head of a role ("spokeswoman" of "Foreign Ministry spokeswoman"), folded.
std::string_view RoleHead(const Scratch& s, uint32_t a, uint32_t b) {
  for (uint32_t i = b; i > a; --i)
    if (s.toks[i - 1].flags & kTitle) return Lower(s, s.toks[i - 1]);
  return {};
}

struct PersonRole {
  int entity;
  std::string head;                // folded title head
  std::vector<std::string> words;  // folded words of the role
  uint32_t at;                     // first mention start
};

// Does a description's title head ("leader") fit a named person's title head ("president")?
bool HeadMatches(std::string_view description, std::string_view named) {
  if (description == named) return true;
  if (description != "leader" && description != "head") return false;
  static constexpr std::string_view kLeaders[] = {"president", "premier", "chancellor",
                                                  "king",      "queen",   "emir",
                                                  "sultan",    "leader",  "chairman"};
  for (std::string_view l : kLeaders)
    if (named == l) return true;
  return false;
}

bool PrefixMatch(std::string_view a, std::string_view b) {
  size_t n = std::min<size_t>({a.size(), b.size(), 5});
  return n >= 4 && a.substr(0, n) == b.substr(0, n);
}

// Entity::id "e<n>", written without temporaries.
void SetEntityId(Entity* e, size_t n) {
  char buf[24];
  char* end = buf + sizeof(buf);
  char* d = end;
  do {
    *--d = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  *--d = 'e';
  e->id.assign(d, static_cast<size_t>(end - d));
}

}  // namespace

namespace internal {
void SetReferenceTokenizerForTesting(bool on) { reference_tokenizer = on; }
}  // namespace internal

void AnnotateEntities(Article* article) {
  article->entities.clear();
  // Reused per thread: token, arena and table buffers keep their capacity across articles.
  thread_local Scratch scratch;
  Scratch& s = scratch;
  s.article = article;
  s.text = article->text;
  s.toks.clear();
  s.units.clear();
  s.cands.clear();
  s.cand_used = 0;
  s.cap_words.clear();
  s.lower_hashes.clear();
  s.the_words.clear();
  s.doc_words = s.sport = s.biz = s.doc_numbers = 0;
  s.caps = 0;
  s.sports = s.business = false;
  if (s.text.empty()) return;
  s.toks.reserve(s.text.size() / 5 + 16);
  s.lex = &Lexicon::Get();
  s.used = 0;
  if (s.arena.size() < s.text.size() + 64) s.arena.resize(s.text.size() + 64);
  s.starts.clear();
  s.next_start = 0;
  s.split_sentences = article->sentences.empty();
  for (const Sentence& sen : article->sentences) s.starts.push_back(sen.span.start);
  if (!std::is_sorted(s.starts.begin(), s.starts.end()))
    std::sort(s.starts.begin(), s.starts.end());
  s.next_start_at = s.starts.empty() ? UINT32_MAX : s.starts[0];

  // Units: the lines of the blocks that are not boilerplate (of the whole text without
  // blocks). Sentences only mark where capitalisation is ambiguous and softly break runs: a
  // splitter that cut after "J." or "U.S." must not cut the name.
  std::vector<Span> ranges;
  for (const Block& b : article->blocks) {
    if (b.role == BlockRole::kBoilerplate || b.role == BlockRole::kCredit) continue;
    if (b.span.empty() || b.span.end > s.text.size()) continue;
    ranges.push_back(b.span);
  }
  if (article->blocks.empty()) ranges.push_back(Span{0, static_cast<uint32_t>(s.text.size())});
  std::sort(ranges.begin(), ranges.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  uint32_t done = 0;
  for (Span r : ranges) {
    r.start = std::max(r.start, done);
    uint32_t line = r.start;
    while (line < r.end) {
      const void* nl = std::memchr(s.text.data() + line, '\n', r.end - line);
      const uint32_t i =
          nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - s.text.data()) : r.end;
      if (i > line) AddUnitTokens(&s, Span{line, i});
      line = i + 1;
    }
    done = std::max(done, r.end);
  }
  if (s.toks.empty()) return;
  MarkUnits(&s);
  MarkNames(&s);
  FindRuns(&s);
  for (Cand& c : s.cands) Score(&s, &c);
  GroupCands(&s);
  std::vector<Group>& groups = s.groups;

  // Entities in order of first mention.
  std::vector<int> order;
  for (size_t gi = 0; gi < groups.size(); ++gi)
    if (!groups[gi].empty()) order.push_back(static_cast<int>(gi));
  auto first_at = [&](int gi) {
    uint32_t m = UINT32_MAX;
    for (int ci : Members(s, groups[gi])) m = std::min(m, s.cands[ci].span.start);
    return m;
  };
  std::vector<uint32_t> first(groups.size(), 0);
  for (int gi : order) first[gi] = first_at(gi);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return first[a] < first[b]; });

  article->entities.reserve(order.size());
  std::vector<int> entity_of_group(groups.size(), -1);
  std::vector<PersonRole> person_roles;
  for (int gi : order) {
    Group& g = groups[gi];
    // Re-type after alias merges: the full name's evidence decides.
    std::array<float, 4> total{};
    int longest = -1;
    for (int ci : Members(s, g)) {
      const Cand& c = s.cands[ci];
      for (int k = 0; k < 4; ++k) total[k] += c.score[k];
      if (longest < 0 || c.te - c.tb > s.cands[longest].te - s.cands[longest].tb ||
          (c.te - c.tb == s.cands[longest].te - s.cands[longest].tb &&
           c.span.size() > s.cands[longest].span.size()))
        longest = ci;
    }
    int type = Argmax(total, DefaultType(s, s.cands[longest]));
    // The full name's own evidence decides for a person named in full ("U. Chandana" and
    // later "Chandana" in results rows).
    const auto& ls = s.cands[longest].score;
    if (s.cands[longest].te - s.cands[longest].tb >= 2 && ls[kPer] >= 3 &&
        Argmax(ls, kMisc) == kPer)
      type = kPer;
    bool team = false;
    for (int ci : Members(s, g)) team |= s.cands[ci].team;
    if (team && type == kLoc) type = kOrg;
    // Made in place (the vector was reserved): entity number n is article->entities[n - 1].
    const int index = static_cast<int>(article->entities.size());
    Entity& e = article->entities.emplace_back();
    SetEntityId(&e, article->entities.size());
    e.type = ToType(type);
    e.name.assign(article->View(s.cands[longest].span));
    e.key = s.keys.Get(e.name);
    std::vector<Span>& spans = e.mentions;
    size_t members = 0;
    for ([[maybe_unused]] int ci : Members(s, g)) ++members;
    spans.reserve(members);  // one allocation
    for (int ci : Members(s, g)) spans.push_back(s.cands[ci].span);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
      return a.start < b.start || (a.start == b.start && a.end < b.end);
    });
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    if (type == kPer) {
      for (int ci : Members(s, g)) {
        const Cand& c = s.cands[ci];
        uint32_t role_end = 0, role_begin = 0;
        if (c.title_tb >= 0 && !c.honorific) {
          role_end = static_cast<uint32_t>(c.title_te);
          role_begin = RoleStart(s, role_end, s.toks[c.tb].unit);
        } else if (c.tb > 0 && s.toks[c.tb - 1].lower && (s.toks[c.tb - 1].flags & kTitle) &&
                   s.toks[c.tb - 1].unit == s.toks[c.tb].unit) {
          role_end = c.tb;
          role_begin = RoleStart(s, role_end, s.toks[c.tb].unit);
        } else if (PunctAt(s, c.te, ',') && SameUnit(s, c.te + 1, c.tb)) {
          // Apposition: "Dmitry Peskov, the Kremlin spokesman, said".
          uint32_t a = c.te + 1;
          std::string_view w = Lower(s, s.toks[a]);
          if (w == "the" || w == "a" || w == "an") ++a;
          uint32_t b = a;
          while (b < s.toks.size() && s.toks[b].unit == s.toks[c.tb].unit && RoleWord(s.toks[b]))
            ++b;
          if (b > a && (s.toks[b - 1].flags & kTitle) &&
              (b >= s.toks.size() || s.toks[b].unit != s.toks[c.tb].unit ||
               s.toks[b].kind == TokenKind::kPunct || (s.toks[b].flags & kSpeechVerb))) {
            role_begin = a;
            role_end = b;
          }
        }
        if (role_end > role_begin) {
          // Drop a leading possessive-free determiner and trailing "of"/"to".
          AddRole(&e, TokenText(s, role_begin, role_end));
          PersonRole pr;
          pr.entity = index;
          pr.head = std::string(RoleHead(s, role_begin, role_end));
          for (uint32_t i = role_begin; i < role_end; ++i)
            pr.words.emplace_back(Lower(s, s.toks[i]));
          pr.at = c.span.start;
          if (!pr.head.empty()) person_roles.push_back(std::move(pr));
        }
      }
    }
    entity_of_group[gi] = index;
  }

  // Definite descriptions: "the Serbian president", "the Kremlin spokesman" not followed by a
  // name. Tied to the named person with that title, else their own person entity.
  std::unordered_map<std::string, int> unnamed;
  // AddUnitTokens listed the words "the"; a description's own tokens are not looked at again.
  uint32_t resume = 0;
  for (const uint32_t i : s.the_words) {
    const Unit& u = s.units[s.toks[i].unit];
    if (i < resume || i + 1 >= u.end) continue;
    uint32_t j = i + 1;
    uint32_t title_at = 0;
    bool found = false;
    while (j < u.end && RoleWord(s.toks[j])) {
      if (s.toks[j].flags & kTitle) {
        title_at = j;
        found = true;
      }
      ++j;
    }
    if (!found || title_at + 1 != j) continue;
    if (j < u.end && (s.toks[j].name || s.toks[j].poss)) continue;  // a name follows: a title
    if (s.toks[title_at].poss) continue;
    // Only roles of people: "the Kremlin spokesman", not "the Foreign Ministry".
    std::string_view head = Lower(s, s.toks[title_at]);
    Span span{s.toks[i].span.start, s.toks[title_at].span.end};
    int best = -1, best_score = -1;
    uint32_t best_at = 0;
    for (const PersonRole& pr : person_roles) {
      if (!HeadMatches(head, pr.head) || pr.at > span.start) continue;
      int score = 0;
      for (uint32_t k = i + 1; k < title_at; ++k) {
        std::string_view w = Lower(s, s.toks[k]);
        for (const std::string& rw : pr.words)
          if (rw == w || PrefixMatch(rw, w)) {
            ++score;
            break;
          }
      }
      if (score > best_score || (score == best_score && pr.at >= best_at)) {
        best = pr.entity;
        best_score = score;
        best_at = pr.at;
      }
    }
    if (best < 0) {
      std::string name = "the " + TokenText(s, i + 1, title_at + 1);
      std::string key = s.keys.Get(name);
      auto it = unnamed.find(key);
      if (it == unnamed.end()) {
        Entity e;
        SetEntityId(&e, article->entities.size() + 1);
        e.type = EntityType::kPerson;
        e.name = name;
        e.key = key;
        e.roles.push_back(TokenText(s, i + 1, title_at + 1));
        it = unnamed.emplace(key, static_cast<int>(article->entities.size())).first;
        article->entities.push_back(std::move(e));
      }
      best = it->second;
    }
    article->entities[best].mentions.push_back(span);
    resume = title_at + 1;
  }
  for (Entity& e : article->entities)
    std::sort(e.mentions.begin(), e.mentions.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
}

}  // namespace parallax::entities
