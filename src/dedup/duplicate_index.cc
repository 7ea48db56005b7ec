#include "src/dedup/duplicate_index.h"

#include <xxhash.h>

#include <algorithm>

#include "src/dedup/bytes.h"

namespace parallax::dedup {
namespace {

// Frozen: band keys are rebuilt from the stored 16-bit values on Deserialize, so the seed only
// has to agree within one index; it is fixed anyway to keep indexes comparable across runs.
constexpr uint64_t kBandSeed = 0x70782d62616e6400ULL;  // "px-band\0"
// 1: every article with its signature. 2: adds the window (ids and group sizes of all
// articles, signatures of the windowed ones).
constexpr uint32_t kIndexFormat = 2;
// A band key shared by more articles than this (e.g. thousands of copies of one notice) is not
// walked further: the earliest copies are reached through other bands or the exact table.
constexpr int kMaxChainWalk = 256;

inline uint64_t NonZero(uint64_t key) { return key == 0 ? 1 : key; }

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

int Rank(MatchKind k) {
  switch (k) {
    case MatchKind::kExact:
      return 3;
    case MatchKind::kNear:
      return 2;
    case MatchKind::kContained:
      return 1;
    case MatchKind::kNone:
      return 0;
  }
  return 0;
}

}  // namespace

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kNone:
      return "none";
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kNear:
      return "near";
    case MatchKind::kContained:
      return "contained";
  }
  return "none";
}

uint32_t DuplicateIndex::HeadTable::Get(uint64_t key) const {
  if (keys_.empty()) return kNone;
  key = NonZero(key);
  size_t mask = keys_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return values_[i];
    if (keys_[i] == 0) return kNone;
  }
}

uint32_t DuplicateIndex::HeadTable::Exchange(uint64_t key, uint32_t value) {
  // At most 3/4 full: most keys are met once (32 per article), so the table is most of the
  // index's memory; linear probing stays short enough at this load.
  if ((used_ + 1) * 4 > keys_.size() * 3) Grow();
  key = NonZero(key);
  size_t mask = keys_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) {
      uint32_t old = values_[i];
      values_[i] = value;
      return old;
    }
    if (keys_[i] == 0) {
      keys_[i] = key;
      values_[i] = value;
      ++used_;
      return kNone;
    }
  }
}

void DuplicateIndex::HeadTable::Reset(size_t keys) {
  size_t cap = 64;
  while (cap * 3 < keys * 4) cap *= 2;
  keys_.assign(cap, 0);
  values_.assign(cap, kNone);
  used_ = 0;
}

void DuplicateIndex::HeadTable::Grow() {
  std::vector<uint64_t> keys = std::move(keys_);
  std::vector<uint32_t> values = std::move(values_);
  size_t cap = keys.empty() ? 64 : keys.size() * 2;
  keys_.assign(cap, 0);
  values_.assign(cap, kNone);
  size_t mask = cap - 1;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k] == 0) continue;
    size_t i = Mix(keys[k]) & mask;
    while (keys_[i] != 0) i = (i + 1) & mask;
    keys_[i] = keys[k];
    values_[i] = values[k];
  }
}

DuplicateIndex::DuplicateIndex(DuplicateOptions options) : options_(options) {}

void DuplicateIndex::BandKeys(const uint16_t* low, uint64_t* keys) const {
  for (int b = 0; b < kBands; ++b)
    keys[b] = XXH3_64bits_withSeed(low + b * kRows, kRows * sizeof(uint16_t), kBandSeed + b);
}

Match DuplicateIndex::Best(const Signature& sig, const uint16_t* low, uint64_t exact,
                           uint32_t shingles, uint32_t self) const {
  Match best;
  best.index = self;
  best.group = self;
  if (shingles == 0) return best;

  auto consider = [&](uint32_t cand) {
    const Doc& d = docs_[cand - base_];
    if (d.shingles == 0) return;
    const uint16_t* other = low_.data() + size_t{cand - base_} * kNumHashes;
    int same = 0;
    for (int i = 0; i < kNumHashes; ++i) same += low[i] == other[i];
    double j = static_cast<double>(same) / kNumHashes;
    double inter = j / (1.0 + j) * (static_cast<double>(shingles) + d.shingles);
    uint32_t smaller = std::min(shingles, d.shingles);
    double c = std::min(1.0, inter / smaller);
    MatchKind kind = MatchKind::kNone;
    if (d.exact == exact && d.shingles == shingles) {
      kind = MatchKind::kExact;
    } else if (j >= options_.min_jaccard) {
      kind = MatchKind::kNear;
    } else if (c >= options_.min_containment && smaller >= options_.min_containment_shingles) {
      kind = MatchKind::kContained;
    }
    if (kind == MatchKind::kNone) return;
    bool better = Rank(kind) > Rank(best.kind) ||
                  (Rank(kind) == Rank(best.kind) &&
                   (j > best.jaccard || (j == best.jaccard && cand < *best.other)));
    if (best.kind == MatchKind::kNone || better) {
      best.kind = kind;
      best.other = cand;
      best.group = d.group;
      best.jaccard = j;
      best.containment = c;
    }
  };

  // An exact duplicate of the group's first exact copy is the best possible match: the band
  // walk (long chains when a text has many copies) is skipped.
  uint32_t root = exact_.Get(exact);
  if (root != HeadTable::kNone) {
    consider(root);
    if (best.kind == MatchKind::kExact) return best;
  }

  uint64_t keys[kBands];
  BandKeys(low, keys);
  std::vector<uint32_t> candidates;
  for (int b = 0; b < kBands; ++b) {
    uint32_t i = bands_.Get(keys[b]);
    for (int walked = 0; i != HeadTable::kNone && i >= base_ && walked < kMaxChainWalk; ++walked) {
      candidates.push_back(i);
      i = next_[size_t{i - base_} * kBands + b];
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t c : candidates) consider(c);
  return best;
}

uint64_t DuplicateIndex::IdHash(std::string_view id) { return XXH3_64bits(id.data(), id.size()); }

void DuplicateIndex::IdGrow() {
  std::vector<uint32_t> old = std::move(by_id_);
  by_id_.assign(old.empty() ? 64 : old.size() * 2, HeadTable::kNone);
  for (uint32_t index : old)
    if (index != HeadTable::kNone) IdInsert(index);
}

void DuplicateIndex::IdInsert(uint32_t index) {
  size_t mask = by_id_.size() - 1;
  for (size_t i = IdHash(id(index)) & mask;; i = (i + 1) & mask) {
    if (by_id_[i] == HeadTable::kNone) {
      by_id_[i] = index;
      return;
    }
  }
}

void DuplicateIndex::Link(uint32_t index) {
  const size_t at = index - base_;
  const Doc& doc = docs_[at];
  if (doc.shingles == 0) return;
  uint64_t keys[kBands];
  BandKeys(low_.data() + at * kNumHashes, keys);
  for (int b = 0; b < kBands; ++b) next_[at * kBands + b] = bands_.Exchange(keys[b], index);
  if (exact_.Get(doc.exact) == HeadTable::kNone) (void)exact_.Exchange(doc.exact, index);
}

void DuplicateIndex::Insert(std::string_view id, Doc doc, const uint16_t* low, bool count_group) {
  uint32_t index = static_cast<uint32_t>(id_len_.size());
  ids_.append(id);
  id_end_.push_back(ids_.size());
  id_len_.push_back(static_cast<uint16_t>(id.size()));
  low_.insert(low_.end(), low, low + kNumHashes);
  next_.resize(next_.size() + kBands, HeadTable::kNone);
  if (count_group) {
    group_size_.push_back(0);
    ++group_size_[doc.group];
  }
  docs_.push_back(doc);
  Link(index);
  if (id_len_.size() * 2 > by_id_.size()) IdGrow();
  IdInsert(index);
}

void DuplicateIndex::MaybeEvict() {
  const size_t window = options_.window_articles;
  if (window == 0 || docs_.size() <= window + window / 4) return;
  const size_t drop = docs_.size() - window;
  docs_.erase(docs_.begin(), docs_.begin() + static_cast<std::ptrdiff_t>(drop));
  low_.erase(low_.begin(), low_.begin() + static_cast<std::ptrdiff_t>(drop * kNumHashes));
  next_.erase(next_.begin(), next_.begin() + static_cast<std::ptrdiff_t>(drop * kBands));
  docs_.shrink_to_fit();
  low_.shrink_to_fit();
  next_.shrink_to_fit();
  base_ += static_cast<uint32_t>(drop);
  // The tables are rebuilt over the window in order of Add: the same chains and exact roots as
  // an index that only ever saw the windowed articles after their predecessors' eviction, which
  // is also what Deserialize builds.
  RebuildTables();
}

void DuplicateIndex::RebuildTables() {
  bands_.Reset(docs_.size() * kBands);
  exact_.Reset(docs_.size());
  std::fill(next_.begin(), next_.end(), HeadTable::kNone);
  for (size_t k = 0; k < docs_.size(); ++k) Link(base_ + static_cast<uint32_t>(k));
}

Result<Match> DuplicateIndex::Add(std::string_view article_id, const Signature& signature) {
  if (article_id.empty()) return Status::InvalidArgument("dedup: empty article id");
  if (article_id.size() > 0xFFFF) return Status::InvalidArgument("dedup: article id too long");
  if (auto found = Find(article_id)) return MatchOf(*found);
  uint16_t low[kNumHashes];
  for (int i = 0; i < kNumHashes; ++i) low[i] = static_cast<uint16_t>(signature.mins[i]);
  uint32_t index = static_cast<uint32_t>(id_len_.size());
  Match m = Best(signature, low, signature.exact, signature.shingles, index);
  Doc doc;
  doc.exact = signature.exact;
  doc.shingles = signature.shingles;
  doc.group = m.group;
  doc.other = m.other.value_or(index);
  doc.kind = m.kind;
  doc.jaccard = static_cast<float>(m.jaccard);
  doc.containment = static_cast<float>(m.containment);
  Insert(article_id, doc, low, /*count_group=*/true);
  MaybeEvict();
  return m;
}

Match DuplicateIndex::Query(const Signature& signature) const {
  uint16_t low[kNumHashes];
  for (int i = 0; i < kNumHashes; ++i) low[i] = static_cast<uint16_t>(signature.mins[i]);
  return Best(signature, low, signature.exact, signature.shingles,
              static_cast<uint32_t>(id_len_.size()));
}

std::optional<uint32_t> DuplicateIndex::Find(std::string_view article_id) const {
  if (by_id_.empty()) return std::nullopt;
  size_t mask = by_id_.size() - 1;
  for (size_t i = IdHash(article_id) & mask;; i = (i + 1) & mask) {
    uint32_t index = by_id_[i];
    if (index == HeadTable::kNone) return std::nullopt;
    if (id(index) == article_id) return index;
  }
}

Match DuplicateIndex::MatchOf(uint32_t index) const {
  Match m;
  if (index < base_) {
    m.index = m.group = index;
    return m;
  }
  const Doc& d = docs_[index - base_];
  m.kind = d.kind;
  m.index = index;
  m.group = d.group;
  if (d.kind != MatchKind::kNone) m.other = d.other;
  m.jaccard = d.jaccard;
  m.containment = d.containment;
  return m;
}

std::string DuplicateIndex::Serialize() const {
  ByteWriter count(ByteWriter::kCountOnly);
  SerializeTo(&count);
  ByteWriter w;
  w.Reserve(count.size());
  SerializeTo(&w);
  return w.Take();
}

void DuplicateIndex::SerializeTo(ByteWriter* w) const {
  SerializeWindow(w);
  SerializeArticles(0, static_cast<uint32_t>(size()), w);
}

void DuplicateIndex::SerializeWindow(ByteWriter* w) const {
  w->U32(kIndexFormat);
  w->F64(options_.min_jaccard);
  w->F64(options_.min_containment);
  w->U32(options_.min_containment_shingles);
  w->U32(options_.window_articles);
  w->U32(static_cast<uint32_t>(size()));
  w->U32(base_);
  for (size_t k = 0; k < docs_.size(); ++k) {
    const Doc& d = docs_[k];
    w->U64(d.exact);
    w->U32(d.shingles);
    w->U32(d.group);
    w->U32(d.other);
    w->U8(static_cast<uint8_t>(d.kind));
    w->F32(d.jaccard);
    w->F32(d.containment);
    for (int h = 0; h < kNumHashes; ++h) w->U16(low_[k * kNumHashes + h]);
  }
}

void DuplicateIndex::SerializeArticles(uint32_t from, uint32_t to, ByteWriter* w) const {
  for (uint32_t i = from; i < to; ++i) {
    w->Str(id(i));
    w->U32(group_size_[i]);
  }
}

Result<DuplicateIndex> DuplicateIndex::Deserialize(std::string_view bytes) {
  ByteReader r(bytes);
  PARALLAX_ASSIGN_OR_RETURN(DuplicateIndex index, DeserializeFrom(&r));
  if (!r.done()) return Status::InvalidArgument("dedup index: trailing bytes");
  return index;
}

namespace {

constexpr size_t kDocBytes = 8 + 4 * 3 + 1 + 4 * 2 + 2 * kNumHashes;

Status Bad(const std::string& what) { return Status::InvalidArgument("dedup index: " + what); }

}  // namespace

Result<DuplicateIndex> DuplicateIndex::DeserializeFrom(ByteReader* r) {
  uint32_t format = 0;
  if (!r->U32(&format)) return Bad("unknown format");
  if (format == 1) return DeserializeFormat1(r);
  // Format 2: the window part, then the articles part of all articles.
  PARALLAX_ASSIGN_OR_RETURN(DuplicateIndex index, DeserializeWindowAfterFormat(format, r));
  PARALLAX_RETURN_IF_ERROR(index.DeserializeArticles(r, index.expected_ - index.size()));
  return index;
}

Result<DuplicateIndex> DuplicateIndex::DeserializeWindow(ByteReader* r) {
  uint32_t format = 0;
  if (!r->U32(&format)) return Bad("unknown format");
  return DeserializeWindowAfterFormat(format, r);
}

Result<DuplicateIndex> DuplicateIndex::DeserializeWindowAfterFormat(uint32_t format,
                                                                    ByteReader* r) {
  if (format != kIndexFormat) return Bad("unknown format");
  DuplicateOptions options;
  uint32_t n = 0, base = 0;
  if (!r->F64(&options.min_jaccard) || !r->F64(&options.min_containment) ||
      !r->U32(&options.min_containment_shingles) || !r->U32(&options.window_articles) ||
      !r->U32(&n) || !r->U32(&base) || base > n)
    return Bad("truncated header");
  const uint32_t windowed = n - base;
  if (windowed > r->remaining() / kDocBytes) return Bad("truncated window");
  DuplicateIndex index(options);
  index.base_ = base;
  index.expected_ = n;
  // Room for a run's growth (a quarter more), so the next articles do not double these vectors
  // (a copy of each while they move).
  const size_t room = size_t{n} + n / 4;
  index.id_end_.reserve(room);
  index.id_len_.reserve(room);
  index.group_size_.reserve(room);
  index.ids_.reserve(room * 16);
  index.docs_.reserve(windowed);
  index.low_.resize(size_t{windowed} * kNumHashes);
  index.next_.resize(size_t{windowed} * kBands, HeadTable::kNone);
  for (uint32_t i = base; i < n; ++i) {
    Doc d;
    uint8_t kind = 0;
    if (!r->U64(&d.exact) || !r->U32(&d.shingles) || !r->U32(&d.group) || !r->U32(&d.other) ||
        !r->U8(&kind) || !r->F32(&d.jaccard) || !r->F32(&d.containment))
      return Bad("truncated article " + std::to_string(i));
    uint16_t* low = index.low_.data() + size_t{i - base} * kNumHashes;
    for (int k = 0; k < kNumHashes; ++k)
      if (!r->U16(&low[k])) return Bad("truncated signature");
    if (kind > static_cast<uint8_t>(MatchKind::kContained) || d.group > i || d.other > i)
      return Bad("inconsistent article " + std::to_string(i));
    d.kind = static_cast<MatchKind>(kind);
    index.docs_.push_back(d);
  }
  index.RebuildTables();
  return index;
}

Status DuplicateIndex::DeserializeArticles(ByteReader* r, size_t count) {
  if (count > expected_ - size()) return Bad("more articles than saved");
  std::string id;
  for (size_t k = 0; k < count; ++k) {
    const uint32_t i = static_cast<uint32_t>(size());
    uint32_t group = 0;
    if (!r->Str(&id) || !r->U32(&group)) return Bad("truncated article " + std::to_string(i));
    if (id.empty() || id.size() > 0xFFFF || Find(id).has_value() || group > expected_)
      return Bad("inconsistent article " + std::to_string(i));
    ids_.append(id);
    id_end_.push_back(ids_.size());
    id_len_.push_back(static_cast<uint16_t>(id.size()));
    group_size_.push_back(group);
    if (id_len_.size() * 2 > by_id_.size()) IdGrow();
    IdInsert(i);
  }
  return Status::Ok();
}

Result<DuplicateIndex> DuplicateIndex::DeserializeFormat1(ByteReader* r) {
  DuplicateOptions options;
  uint32_t n = 0;
  if (!r->F64(&options.min_jaccard) || !r->F64(&options.min_containment) ||
      !r->U32(&options.min_containment_shingles) || !r->Count(&n, 4 + kDocBytes))
    return Bad("truncated header");
  // Saved before the window existed: every article has its record; the default window applies
  // from now on (the oldest are evicted below).
  DuplicateIndex index(options);
  uint16_t low[kNumHashes];
  std::string id;
  for (uint32_t i = 0; i < n; ++i) {
    Doc d;
    uint8_t kind = 0;
    if (!r->Str(&id) || !r->U64(&d.exact) || !r->U32(&d.shingles) || !r->U32(&d.group) ||
        !r->U32(&d.other) || !r->U8(&kind) || !r->F32(&d.jaccard) || !r->F32(&d.containment))
      return Bad("truncated article " + std::to_string(i));
    for (int k = 0; k < kNumHashes; ++k)
      if (!r->U16(&low[k])) return Bad("truncated signature");
    if (kind > static_cast<uint8_t>(MatchKind::kContained) || d.group > i || d.other > i ||
        id.empty() || id.size() > 0xFFFF || index.Find(id).has_value())
      return Bad("inconsistent article " + std::to_string(i));
    d.kind = static_cast<MatchKind>(kind);
    index.Insert(id, d, low, /*count_group=*/true);
  }
  index.expected_ = n;
  index.MaybeEvict();
  return index;
}

Status DuplicateIndex::CheckComplete() const {
  if (size() != expected_) return Bad("articles missing");
  return Status::Ok();
}

}  // namespace parallax::dedup
