#include "src/dedup/minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>

#include "src/dedup/bytes.h"
#include "src/text/tokens.h"

namespace parallax::dedup {
namespace {

// Frozen seeds (ASCII tags, so they are recognisable in a hex dump). Changing one changes every
// stored signature: bump kSignatureVersion if you must.
constexpr uint64_t kTokenSeed = 0x70782d746f6b656eULL;    // "px-token"
constexpr uint64_t kShingleSeed = 0x70782d7368696e67ULL;  // "px-shing"
constexpr uint64_t kExactSeed = 0x70782d6578616374ULL;    // "px-exact"
constexpr uint64_t kPermXorSeed = 0x70782d7065726d78ULL;  // "px-permx"
constexpr uint64_t kPermMulSeed = 0x70782d7065726d6dULL;  // "px-permm"

// Hash function i maps a (uniformly distributed, XXH3) shingle hash s to the high 32 bits of
// (s ^ x_i) * m_i mod 2^64, with x_i = XXH3(i, kPermXorSeed) and m_i = XXH3(i, kPermMulSeed) | 1.
// An odd multiplier makes each function a bijection on 64 bits; the high half of the product
// depends on every bit of its input. Tests check the estimates against exact Jaccard.
struct Permutations {
  std::array<uint64_t, kNumHashes> xr;
  std::array<uint64_t, kNumHashes> mul;
  Permutations() {
    for (uint32_t i = 0; i < kNumHashes; ++i) {
      unsigned char le[4] = {static_cast<unsigned char>(i), static_cast<unsigned char>(i >> 8),
                             static_cast<unsigned char>(i >> 16),
                             static_cast<unsigned char>(i >> 24)};
      xr[i] = XXH3_64bits_withSeed(le, 4, kPermXorSeed);
      mul[i] = XXH3_64bits_withSeed(le, 4, kPermMulSeed) | 1;
    }
  }
};

const Permutations& Perms() {
  static const Permutations kPerms;
  return kPerms;
}

inline bool IsAsciiWord(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Appends the folded form of `token` to `out`. ASCII tokens are lower-cased in place (the same
// result as text::Fold gives them, without an allocation).
inline void AppendFolded(std::string_view token, std::string* out) {
  if (IsAsciiWord(token)) {
    for (char c : token) out->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  } else {
    out->append(text::Fold(token));
  }
}

// Folded tokens of every range, joined by ' ' into `joined`; `ends[k]` is the end offset of
// token k in `joined`.
void FoldRanges(std::string_view text, const std::vector<Span>& ranges, std::string* joined,
                std::vector<uint32_t>* ends) {
  for (const Span& r : ranges) {
    for (const text::Token& t : text::Tokenize(text, r)) {
      if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
      size_t before = joined->size();
      if (!joined->empty()) joined->push_back(' ');
      size_t start = joined->size();
      AppendFolded(text.substr(t.span.start, t.span.size()), joined);
      if (joined->size() == start) {  // folded to nothing (a lone combining mark)
        joined->resize(before);
        continue;
      }
      ends->push_back(static_cast<uint32_t>(joined->size()));
    }
  }
}

uint64_t ShingleHash(const uint64_t* token_hashes, size_t n) {
  return XXH3_64bits_withSeed(token_hashes, n * sizeof(uint64_t), kShingleSeed);
}

// The distinct shingle hashes of the tokens whose hashes are given, in first-seen order.
// Duplicates are dropped with a small open-addressing set (cheaper than sorting).
std::vector<uint64_t> ShinglesOf(const std::vector<uint64_t>& token_hashes) {
  std::vector<uint64_t> out;
  size_t n = token_hashes.size();
  if (n == 0) return out;
  if (n < static_cast<size_t>(kShingleWords)) {
    out.push_back(ShingleHash(token_hashes.data(), n));
    return out;
  }
  size_t count = n - kShingleWords + 1;
  size_t cap = 16;
  while (cap < 2 * count) cap <<= 1;
  std::vector<uint64_t> seen(cap, 0);  // 0 marks an empty slot; a zero hash is remapped to 1
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = ShingleHash(token_hashes.data() + i, kShingleWords);
    if (h == 0) h = 1;
    size_t slot = (h ^ (h >> 29)) & (cap - 1);
    while (seen[slot] != 0 && seen[slot] != h) slot = (slot + 1) & (cap - 1);
    if (seen[slot] == h) continue;
    seen[slot] = h;
    out.push_back(h);
  }
  return out;
}

// The per-shingle inner loop, compiled for several instruction sets and picked at load time:
// with AVX-512 the 64-bit multiplies of all 128 hash functions run 8 lanes at a time. The
// result is the same on every path.
__attribute__((target_clones("arch=x86-64-v4", "avx2", "default"))) void UpdateMins(
    const uint64_t* shingles, size_t n, const uint64_t* xr, const uint64_t* mul, uint32_t* mins) {
  for (size_t k = 0; k < n; ++k) {
    uint64_t s = shingles[k];
    for (int i = 0; i < kNumHashes; ++i) {
      uint32_t v = static_cast<uint32_t>(((s ^ xr[i]) * mul[i]) >> 32);
      mins[i] = v < mins[i] ? v : mins[i];
    }
  }
}

Signature FromShingles(uint64_t exact, const std::vector<uint64_t>& shingles) {
  Signature sig;
  if (shingles.empty()) return sig;
  sig.exact = exact;
  sig.shingles = static_cast<uint32_t>(shingles.size());
  const Permutations& p = Perms();
  UpdateMins(shingles.data(), shingles.size(), p.xr.data(), p.mul.data(), sig.mins.data());
  return sig;
}

Signature FromJoined(const std::string& joined, const std::vector<uint32_t>& ends) {
  std::vector<uint64_t> token_hashes;
  token_hashes.reserve(ends.size());
  uint32_t start = 0;
  for (uint32_t end : ends) {
    token_hashes.push_back(XXH3_64bits_withSeed(joined.data() + start, end - start, kTokenSeed));
    start = end + 1;
  }
  if (token_hashes.empty()) return Signature();
  return FromShingles(XXH3_64bits_withSeed(joined.data(), joined.size(), kExactSeed),
                      ShinglesOf(token_hashes));
}

}  // namespace

std::string Signature::ToBytes() const {
  ByteWriter w;
  w.U8(kSignatureVersion);
  w.U64(exact);
  w.U32(shingles);
  for (uint32_t m : mins) w.U32(m);
  return w.Take();
}

Result<Signature> Signature::FromBytes(std::string_view bytes) {
  if (bytes.size() != kSignatureBytes)
    return Status::InvalidArgument("signature: expected " + std::to_string(kSignatureBytes) +
                                   " bytes, got " + std::to_string(bytes.size()));
  ByteReader r(bytes);
  uint8_t version = 0;
  Signature sig;
  if (!r.U8(&version) || version != kSignatureVersion)
    return Status::InvalidArgument("signature: unknown version " + std::to_string(version));
  if (!r.U64(&sig.exact) || !r.U32(&sig.shingles))
    return Status::InvalidArgument("signature: truncated");
  for (uint32_t& m : sig.mins)
    if (!r.U32(&m)) return Status::InvalidArgument("signature: truncated");
  return sig;
}

void AppendFoldedWords(std::string_view text, Span range, std::vector<std::string>* words) {
  std::string joined;
  std::vector<uint32_t> ends;
  FoldRanges(text, {range}, &joined, &ends);
  uint32_t start = 0;
  for (uint32_t end : ends) {
    words->emplace_back(joined.substr(start, end - start));
    start = end + 1;
  }
}

Signature ComputeSignature(const Article& article) {
  std::vector<Span> ranges;
  for (const Block& b : article.blocks)
    if (b.role == BlockRole::kBody && b.span.end <= article.text.size()) ranges.push_back(b.span);
  if (ranges.empty()) ranges.push_back(Span{0, static_cast<uint32_t>(article.text.size())});
  std::string joined;
  std::vector<uint32_t> ends;
  joined.reserve(article.text.size());
  FoldRanges(article.text, ranges, &joined, &ends);
  return FromJoined(joined, ends);
}

Signature ComputeSignature(std::string_view text) {
  std::string joined;
  std::vector<uint32_t> ends;
  FoldRanges(text, {Span{0, static_cast<uint32_t>(text.size())}}, &joined, &ends);
  return FromJoined(joined, ends);
}

Signature ComputeSignatureFromWords(const std::vector<std::string>& words) {
  std::string joined;
  std::vector<uint32_t> ends;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!joined.empty()) joined.push_back(' ');
    joined.append(w);
    ends.push_back(static_cast<uint32_t>(joined.size()));
  }
  return FromJoined(joined, ends);
}

std::vector<uint64_t> ShingleSet(const std::vector<std::string>& words) {
  std::vector<uint64_t> token_hashes;
  for (const std::string& w : words)
    if (!w.empty()) token_hashes.push_back(XXH3_64bits_withSeed(w.data(), w.size(), kTokenSeed));
  std::vector<uint64_t> set = ShinglesOf(token_hashes);
  std::sort(set.begin(), set.end());
  return set;
}

double ExactJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++both, ++i, ++j;
    }
  }
  return static_cast<double>(both) / static_cast<double>(a.size() + b.size() - both);
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.empty() || b.empty()) return 0.0;
  int same = 0;
  for (int i = 0; i < kNumHashes; ++i) same += a.mins[i] == b.mins[i];
  return static_cast<double>(same) / kNumHashes;
}

double EstimateContainment(const Signature& a, const Signature& b) {
  if (a.empty() || b.empty()) return 0.0;
  double j = EstimateJaccard(a, b);
  double inter = j / (1.0 + j) * (static_cast<double>(a.shingles) + b.shingles);
  double smaller = std::min(a.shingles, b.shingles);
  return std::min(1.0, inter / smaller);
}

Signature Merge(const Signature& a, const Signature& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  Signature out;
  for (int i = 0; i < kNumHashes; ++i) out.mins[i] = std::min(a.mins[i], b.mins[i]);
  double j = EstimateJaccard(a, b);
  out.shingles = static_cast<uint32_t>(
      std::lround((static_cast<double>(a.shingles) + b.shingles) / (1.0 + j)));
  out.shingles = std::max({out.shingles, a.shingles, b.shingles});
  out.exact = (a.exact == b.exact && a.shingles == b.shingles) ? a.exact : 0;
  return out;
}

}  // namespace parallax::dedup
