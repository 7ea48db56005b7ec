#include "src/extract/repetition.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/base/hash.h"
#include "src/extract/lexicon.h"

namespace parallax::extract {
namespace {

const std::string& OutletOf(const Article& a) {
  return a.outlet.empty() ? a.hints.outlet : a.outlet;
}

// Roles whose text may be furniture in disguise. Metadata roles repeat by nature (a dateline
// "MOSCOW, December 25. /TASS/." opens every story of the day).
bool Relabelable(BlockRole role) {
  return role == BlockRole::kBody || role == BlockRole::kStandfirst || role == BlockRole::kCaption;
}

// 0 when the block folds to nothing (no letters or digits).
uint64_t LineHash(std::string_view text, std::string* scratch) {
  *scratch = FoldText(text);
  if (scratch->empty()) return 0;
  return Hash64(*scratch);
}

// Short or furniture-flavoured: a repeat of such a block is furniture even in wire copies.
bool FurnitureShaped(std::string_view text, FoldedLine* scratch) {
  FoldLine(text, scratch);
  if (scratch->tokens.size() <= 2) return true;
  if (MatchFurniture(*scratch).kind != Furniture::kNone) return true;
  WordCounts c = CountWords(*scratch);
  if (c.appeal > 0 || c.we + c.you >= 2 || c.share > 0) return true;
  if (text.find("http") != std::string_view::npos || text.find("www.") != std::string_view::npos)
    return true;
  // Ends with an arrow or a chevron ("Read on →", "More »").
  static constexpr std::string_view kArrows[] = {"\xE2\x86\x92", "\xC2\xBB", "\xE2\x80\xBA",
                                                 "\xC3\x97"};
  for (std::string_view a : kArrows)
    if (text.ends_with(a)) return true;
  return false;
}

}  // namespace

namespace {

uint64_t ArticleHash(const Article& article, const std::string& outlet) {
  // Two hashes mixed rather than one over a joined copy of the whole text.
  uint64_t h = Hash64(article.text) ^ (Hash64(outlet) * 0x9E3779B97F4A7C15ULL);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 29;
  return h == 0 ? 1 : h;
}

}  // namespace

RepetitionModel::ArticleKeys RepetitionModel::Keys(const Article& article) {
  ArticleKeys keys;
  const std::string& outlet = OutletOf(article);
  if (outlet.empty()) return keys;
  keys.article = ArticleHash(article, outlet);
  keys.blocks.reserve(article.blocks.size());
  std::string scratch;
  for (const Block& b : article.blocks)
    keys.blocks.push_back(LineHash(article.View(b.span), &scratch));
  return keys;
}

RepetitionModel::ArticleKeys RepetitionModel::Keys(const Article& article,
                                                   std::vector<uint64_t> block_fold_hashes) {
  ArticleKeys keys;
  const std::string& outlet = OutletOf(article);
  if (outlet.empty()) return keys;
  if (block_fold_hashes.size() != article.blocks.size()) return Keys(article);
  keys.article = ArticleHash(article, outlet);
  keys.blocks = std::move(block_fold_hashes);
  return keys;
}

RepetitionModel::CountTable::~CountTable() { Resize(0); }

const int32_t* RepetitionModel::CountTable::Find(uint64_t key) const {
  if (size_ == 0) return nullptr;
  const size_t mask = size_ - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) return &slots_[i].count;
    if (slots_[i].key == 0) return nullptr;
  }
}

int32_t& RepetitionModel::CountTable::Add(uint64_t key, bool* inserted) {
  Reserve(1);
  const size_t mask = size_ - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) {
      if (inserted) *inserted = false;
      return slots_[i].count;
    }
    if (slots_[i].key == 0) {
      slots_[i].key = key;
      ++used_;
      if (inserted) *inserted = true;
      return slots_[i].count;
    }
  }
}

void RepetitionModel::CountTable::Reserve(size_t more) {
  size_t want = size_ == 0 ? 4096 : size_;
  while ((used_ + more) * 2 > want) want *= 2;
  if (want != size_) Resize(want);
}

void RepetitionModel::CountTable::Prefetch(uint64_t key) const {
  if (size_ != 0) __builtin_prefetch(&slots_[key & (size_ - 1)]);
}

// Tables grow to tens of MB on large corpora and are read at random: they live in their own
// mapping, with transparent huge pages asked for, so that each access costs a cache miss but
// rarely also a page walk. Resize(0) frees.
void RepetitionModel::CountTable::Resize(size_t slots) {
  Slot* old = slots_;
  const size_t old_size = size_;
  slots_ = nullptr;
  size_ = 0;
  if (slots > 0) {
    void* p = mmap(nullptr, slots * sizeof(Slot), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    if (slots * sizeof(Slot) >= (size_t{2} << 20)) madvise(p, slots * sizeof(Slot), MADV_HUGEPAGE);
    slots_ = static_cast<Slot*>(p);  // zero-filled by the kernel: every slot empty
    size_ = slots;
    const size_t mask = size_ - 1;
    for (size_t k = 0; k < old_size; ++k) {
      if (old[k].key == 0) continue;
      size_t i = old[k].key & mask;
      while (slots_[i].key != 0) i = (i + 1) & mask;
      slots_[i] = old[k];
    }
  }
  if (old != nullptr) munmap(old, old_size * sizeof(Slot));
}

uint64_t RepetitionModel::LineKey(uint64_t outlet, uint64_t line) {
  // Line hashes are XXH3 values already; the outlet's hash is mixed in and the result spread
  // again so that the low bits (the slot) depend on both.
  uint64_t k = line ^ (outlet * 0x9E3779B97F4A7C15ULL);
  k ^= k >> 31;
  k *= 0xBF58476D1CE4E5B9ULL;
  k ^= k >> 29;
  return k == 0 ? 1 : k;
}

void RepetitionModel::Observe(const Article& article) { Observe(article, Keys(article)); }

void RepetitionModel::Observe(const Article& article, const ArticleKeys& keys) {
  const std::string& outlet = OutletOf(article);
  if (outlet.empty()) return;
  bool inserted = false;
  observed_.Add(keys.article == 0 ? 1 : keys.article, &inserted);
  if (!inserted) return;
  const uint64_t outlet_hash = Hash64(outlet);
  outlets_.insert(outlet_hash);
  // A line counts once per article: blocks are few, so a linear look-back beats a set. The
  // table is far larger than the caches: every slot is requested first, then incremented, so
  // that the misses overlap instead of following one another.
  const std::vector<uint64_t>& h = keys.blocks;
  counts_.Reserve(h.size());
  std::vector<uint64_t>& line_keys = line_keys_;
  line_keys.clear();
  for (size_t k = 0; k < h.size(); ++k) {
    if (h[k] == 0 || std::find(h.begin(), h.begin() + k, h[k]) != h.begin() + k) continue;
    line_keys.push_back(LineKey(outlet_hash, h[k]));
    counts_.Prefetch(line_keys.back());
  }
  for (uint64_t key : line_keys) ++counts_.Add(key);
}

int RepetitionModel::Apply(Article* article, int min_articles) const {
  const std::string& outlet = OutletOf(*article);
  if (outlet.empty() || !outlets_.contains(Hash64(outlet))) return 0;
  return Apply(article, Keys(*article), min_articles);
}

int RepetitionModel::Apply(Article* article, const ArticleKeys& keys, int min_articles) const {
  const std::string& outlet = OutletOf(*article);
  if (outlet.empty()) return 0;
  const uint64_t outlet_hash = Hash64(outlet);
  if (!outlets_.contains(outlet_hash)) return 0;
  const int min_n = min_articles < 2 ? 2 : min_articles;

  FoldedLine folded;
  struct Candidate {
    size_t block;
    int seen;
  };
  std::vector<Candidate> repeated;
  int eligible = 0;
  // The slots are requested before they are read (see Observe).
  for (size_t k = 0; k < article->blocks.size() && k < keys.blocks.size(); ++k)
    if (keys.blocks[k] != 0 && Relabelable(article->blocks[k].role))
      counts_.Prefetch(LineKey(outlet_hash, keys.blocks[k]));
  for (size_t k = 0; k < article->blocks.size(); ++k) {
    const Block& b = article->blocks[k];
    if (!Relabelable(b.role)) continue;
    ++eligible;
    uint64_t h = k < keys.blocks.size() ? keys.blocks[k] : 0;
    if (h == 0) continue;
    const int32_t* c = counts_.Find(LineKey(outlet_hash, h));
    if (c != nullptr && *c >= min_n) repeated.push_back({k, *c});
  }
  if (repeated.empty()) return 0;

  // How much of the article the outlet's other articles share: a near-duplicate (wire copy,
  // update) shares most of its blocks, and its repeated sentences are reporting.
  int repeated_n = static_cast<int>(repeated.size());
  int relabelled = 0;
  for (const Candidate& c : repeated) {
    Block& b = article->blocks[c.block];
    int others = eligible - 1;
    double shared = others > 0 ? static_cast<double>(repeated_n - 1) / others : 0.0;
    if (!FurnitureShaped(article->View(b.span), &folded) && shared >= 0.3) continue;
    b.role = BlockRole::kBoilerplate;
    b.reason = "repeated in " + std::to_string(c.seen) + " articles of " + outlet;
    ++relabelled;
  }
  if (relabelled == 0) return 0;

  // Body-derived fields.
  std::string standfirst;
  bool has_body = false;
  for (const Block& b : article->blocks) {
    if (b.role == BlockRole::kBody) has_body = true;
    if (b.role == BlockRole::kStandfirst) {
      if (!standfirst.empty()) standfirst += ' ';
      standfirst += article->View(b.span);
    }
  }
  if (standfirst.empty()) article->standfirst.clear();
  if (!has_body) {
    bool warned = false;
    for (const std::string& w : article->warnings) warned |= w == "no body found";
    if (!warned) article->warnings.push_back("no body found");
  }
  return relabelled;
}

}  // namespace parallax::extract
