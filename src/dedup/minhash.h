// MinHash signatures of article bodies: the per-article summary that near-duplicate detection
// (DuplicateIndex) works on. A signature is small (about 530 bytes), computed per article in
// parallel, serialisable to bytes and mergeable, so shards can be summarised separately and
// indexed together.
//
// Normalisation: the body's word and number tokens (src/text/tokens.h), each folded
// (text::Fold: case, diacritics, compatibility forms), punctuation and symbols dropped. The
// exact hash covers the folded tokens joined by one space, so two bodies that differ only in
// case, quotes, punctuation or white space are exact duplicates.
//
// Shingles: every run of kShingleWords (5) consecutive folded tokens; a body shorter than that
// is one shingle. The MinHash of the set of distinct shingles keeps, for each of kNumHashes
// (128) hash functions, the minimum 32-bit value over the shingles. The fraction of positions
// where two signatures agree estimates the Jaccard similarity J of their shingle sets with
// standard error sqrt(J(1-J)/128) <= 0.045.
//
// Frozen: the token, shingle and permutation seeds below are part of the stored format;
// changing any of them changes every signature (bump kSignatureVersion).
//
//   dedup::Signature s = dedup::ComputeSignature(article);
//   std::string bytes = s.ToBytes();          // store or ship
//   double j = dedup::EstimateJaccard(s, t);  // 0..1
#ifndef PARALLAX_DEDUP_MINHASH_H_
#define PARALLAX_DEDUP_MINHASH_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax::dedup {

inline constexpr int kNumHashes = 128;
inline constexpr int kShingleWords = 5;
inline constexpr uint8_t kSignatureVersion = 1;

struct Signature {
  // XXH3-64 of the folded tokens joined by ' '; 0 for a body without tokens.
  uint64_t exact = 0;
  // Number of distinct shingles (0: the body has no word or number token).
  uint32_t shingles = 0;
  // Per hash function, the minimum over the shingles; all 0xFFFFFFFF when shingles == 0.
  std::array<uint32_t, kNumHashes> mins;

  Signature() { mins.fill(0xFFFFFFFFu); }
  bool empty() const { return shingles == 0; }

  // Serialised form: version byte, exact (u64), shingles (u32), mins (u32 each), little endian;
  // kSignatureBytes bytes.
  std::string ToBytes() const;
  static Result<Signature> FromBytes(std::string_view bytes);

  friend bool operator==(const Signature&, const Signature&) = default;
};
inline constexpr size_t kSignatureBytes = 1 + 8 + 4 + 4 * kNumHashes;

// Folded word/number tokens of text[range], appended to `words`. Exposed for tests and for
// callers that need the same normalisation.
void AppendFoldedWords(std::string_view text, Span range, std::vector<std::string>* words);

// Signature of the article's body: its kBody blocks in order; the whole text when the article
// has no body block. Thread-safe.
Signature ComputeSignature(const Article& article);
// Signature of all of `text` (treated as one body).
Signature ComputeSignature(std::string_view text);
// Signature of already-folded tokens (the reference path tests compare against).
Signature ComputeSignatureFromWords(const std::vector<std::string>& words);

// The distinct shingle hashes of `words`, sorted: the exact set MinHash approximates.
std::vector<uint64_t> ShingleSet(const std::vector<std::string>& words);
// Exact Jaccard |A∩B| / |A∪B| of two sorted distinct sets; 1 when both are empty.
double ExactJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// Fraction of the kNumHashes positions where a and b agree; 0 when either is empty.
double EstimateJaccard(const Signature& a, const Signature& b);
// Estimated |A∩B| / min(|A|, |B|) from the Jaccard estimate and the shingle counts: how much
// of the shorter body the longer one contains. 0 when either is empty.
double EstimateContainment(const Signature& a, const Signature& b);

// The signature of the union of both shingle sets (element-wise minimum); `shingles` becomes
// the estimate (|A|+|B|)/(1+J) and `exact` 0 unless both bodies were identical.
Signature Merge(const Signature& a, const Signature& b);

}  // namespace parallax::dedup

#endif  // PARALLAX_DEDUP_MINHASH_H_
