#include "src/extract/repetition.h"

#include <algorithm>
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
  std::string key;
  key.reserve(outlet.size() + 1 + article.text.size());
  key = outlet;
  key.push_back('\0');
  key += article.text;
  return Hash64(key);
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

void RepetitionModel::Observe(const Article& article) { Observe(article, Keys(article)); }

void RepetitionModel::Observe(const Article& article, const ArticleKeys& keys) {
  const std::string& outlet = OutletOf(article);
  if (outlet.empty()) return;
  if (!observed_.insert(keys.article).second) return;
  auto& counts = counts_[outlet];
  // A line counts once per article: blocks are few, so a linear look-back beats a set.
  const std::vector<uint64_t>& h = keys.blocks;
  for (size_t k = 0; k < h.size(); ++k) {
    if (h[k] == 0 || std::find(h.begin(), h.begin() + k, h[k]) != h.begin() + k) continue;
    ++counts[h[k]];
  }
}

int RepetitionModel::Apply(Article* article, int min_articles) const {
  const std::string& outlet = OutletOf(*article);
  if (outlet.empty() || counts_.find(outlet) == counts_.end()) return 0;
  return Apply(article, Keys(*article), min_articles);
}

int RepetitionModel::Apply(Article* article, const ArticleKeys& keys, int min_articles) const {
  const std::string& outlet = OutletOf(*article);
  if (outlet.empty()) return 0;
  auto it = counts_.find(outlet);
  if (it == counts_.end()) return 0;
  const auto& counts = it->second;
  const int min_n = min_articles < 2 ? 2 : min_articles;

  FoldedLine folded;
  struct Candidate {
    size_t block;
    int seen;
  };
  std::vector<Candidate> repeated;
  int eligible = 0;
  for (size_t k = 0; k < article->blocks.size(); ++k) {
    const Block& b = article->blocks[k];
    if (!Relabelable(b.role)) continue;
    ++eligible;
    uint64_t h = k < keys.blocks.size() ? keys.blocks[k] : 0;
    if (h == 0) continue;
    auto c = counts.find(h);
    if (c != counts.end() && c->second >= min_n) repeated.push_back({k, c->second});
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
