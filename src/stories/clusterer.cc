#include "src/stories/clusterer.h"

#include <algorithm>
#include <cmath>

#include "src/dedup/bytes.h"

namespace parallax::stories {
namespace {

// 2: the whole state in one string, the duplicate index a length-prefixed string within it.
// 4: the state in parts (StatePartNames); kStateFormat tags the head part, kContainerFormat the
// parts concatenated by Serialize().
// 6: format 4 with the pair and margin thresholds in the head's options. A state saved in format
// 2 or 4 is restored with those two rules off, so it goes on clustering as it was saved.
constexpr uint32_t kStateFormat = 6;
constexpr uint32_t kStateFormat4 = 4;
constexpr uint32_t kContainerFormat = 5;
// IDF = ln((N + kIdfPriorDocs) / (df + 0.5)): a prior of unseen documents, so that in a young
// corpus (the first articles of a run, or a corpus of one story) the words all articles share
// still weigh something instead of an IDF near zero. Its effect fades as N grows.
constexpr double kIdfPriorDocs = 20.0;

template <typename V>
float Dot(const V& a, const V& b) {
  float s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].key < b[j].key) {
      ++i;
    } else if (b[j].key < a[i].key) {
      ++j;
    } else {
      s += a[i].w * b[j].w;
      ++i, ++j;
    }
  }
  return s;
}

template <typename V>
void Normalize(V* v) {
  double n = 0;
  for (const auto& x : *v) n += static_cast<double>(x.w) * x.w;
  if (n <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(n));
  for (auto& x : *v) x.w *= inv;
}

// The `k` heaviest entries of `v` (ties: smaller key), sorted by key again.
template <typename V>
V Heaviest(V v, size_t k) {
  if (v.size() > k) {
    auto heavier = [](const auto& a, const auto& b) {
      return a.w != b.w ? a.w > b.w : a.key < b.key;
    };
    std::nth_element(v.begin(), v.begin() + k, v.end(), heavier);
    v.resize(k);
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  }
  return v;
}

}  // namespace

std::vector<size_t> PublicationOrder(const std::vector<ArticleFeatures>& batch) {
  std::vector<int64_t> day(batch.size());
  int64_t current = INT64_MIN;
  for (size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].day) current = *batch[i].day;
    day[i] = current;
  }
  std::vector<size_t> order(batch.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return day[a] < day[b]; });
  return order;
}

StoryClusterer::StoryClusterer(ClusterOptions options) : options_(options), dups_(options.dedup) {}

float StoryClusterer::Idf(uint64_t key) const {
  auto it = df_.find(key);
  double df = it == df_.end() ? 0.0 : it->second;
  return static_cast<float>(std::log((static_cast<double>(docs_) + kIdfPriorDocs) / (df + 0.5)));
}

std::vector<StoryClusterer::Weighted> StoryClusterer::WeightArticle(
    const ArticleFeatures& a) const {
  std::vector<Weighted> v;
  v.reserve(a.terms.size());
  for (const Term& t : a.terms) {
    float w = t.weight * Idf(t.key);
    if (w > 0) v.push_back({t.key, w});
  }
  Normalize(&v);
  return v;
}

bool StoryClusterer::Open(const StoryState& s, std::optional<int32_t> day) const {
  if (s.compact) return false;
  if (!day || !s.dated) return true;
  return *day - s.last_day <= options_.window_days && s.first_day - *day <= options_.window_days;
}

std::string StoryClusterer::LabelOf(const StoryState& s) const {
  if (s.compact || s.core.empty()) return s.label;
  size_t best = 0;
  float best_sim = -1;
  for (size_t i = 0; i < s.core.size(); ++i) {
    float sim = Dot(s.core[i].vec, s.vec);
    if (sim > best_sim) best_sim = sim, best = i;
  }
  return s.core[best].headline;
}

void StoryClusterer::AddToCentroid(StoryState* s, const std::vector<Weighted>& add) {
  std::vector<Weighted> merged;
  merged.reserve(s->sums.size() + add.size());
  size_t i = 0, j = 0;
  while (i < s->sums.size() || j < add.size()) {
    if (j == add.size() || (i < s->sums.size() && s->sums[i].key < add[j].key)) {
      merged.push_back(s->sums[i++]);
    } else if (i == s->sums.size() || add[j].key < s->sums[i].key) {
      merged.push_back(add[j++]);
    } else {
      merged.push_back({s->sums[i].key, s->sums[i].w + add[j].w});
      ++i, ++j;
    }
  }
  // Drift cap: keep the centroid_terms heaviest terms under the current IDF.
  std::vector<Weighted> weighted;
  weighted.reserve(merged.size());
  for (const Weighted& m : merged) weighted.push_back({m.key, m.w * Idf(m.key)});
  weighted = Heaviest(std::move(weighted), options_.centroid_terms);
  s->sums.clear();
  size_t k = 0;
  for (const Weighted& w : weighted) {
    while (merged[k].key != w.key) ++k;
    s->sums.push_back(merged[k]);
  }
  s->vec = std::move(weighted);
  Normalize(&s->vec);
}

void StoryClusterer::Post(uint32_t story) {
  StoryState& s = stories_[story];
  // Post the story under its heaviest terms (postings are never removed while the story is
  // live; a stale posting only costs one candidate evaluation).
  std::vector<Weighted> top = Heaviest(s.vec, options_.index_terms);
  for (const Weighted& t : top) {
    if (s.posted.size() >= 4u * options_.index_terms) break;
    if (std::find(s.posted.begin(), s.posted.end(), t.key) != s.posted.end()) continue;
    s.posted.push_back(t.key);
    postings_[t.key].push_back(story);
    ++total_postings_;
  }
}

void StoryClusterer::Refresh(uint32_t story, const ArticleFeatures& a,
                             const std::vector<Weighted>& vec) {
  StoryState& s = stories_[story];
  // Raw centroid: add the article's raw term weights, scaled to unit length.
  double norm = 0;
  for (const Term& t : a.terms) norm += static_cast<double>(t.weight) * t.weight;
  float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
  std::vector<Weighted> raw;
  raw.reserve(a.terms.size());
  for (const Term& t : a.terms) raw.push_back({t.key, t.weight * inv});
  AddToCentroid(&s, raw);
  if (s.size <= options_.split_max_size) {
    Member m;
    m.article = static_cast<uint32_t>(story_of_.size() - 1);
    m.day = a.day.value_or(kNoDay);
    m.tie = static_cast<uint32_t>(s.members.size());
    if (joining_copy_of_) {
      for (uint32_t k = 0; k < s.members.size(); ++k)
        if (s.members[k].article == *joining_copy_of_) m.tie = k;
    }
    m.headline = a.headline;
    // The member's heaviest terms under the current IDF, kept with their raw weights.
    std::vector<Weighted> top = Heaviest(vec, options_.core_terms);
    size_t k = 0;
    for (const Weighted& t : top) {
      while (raw[k].key != t.key) ++k;
      m.raw.push_back(raw[k]);
    }
    s.members.push_back(std::move(m));
  } else {
    std::vector<Member>().swap(s.members);
  }
  if (s.core.size() < options_.core_articles) {
    Core c;
    c.headline = a.headline;
    c.vec = Heaviest(vec, options_.core_terms);
    Normalize(&c.vec);
    s.core.push_back(std::move(c));
  }
  Post(story);
}

void StoryClusterer::Join(uint32_t story, const ArticleFeatures& a,
                          const std::vector<Weighted>& vec) {
  StoryState& s = stories_[story];
  ++s.size;
  if (a.day) {
    if (!s.dated) {
      s.dated = true;
      s.first_day = s.last_day = *a.day;
    } else {
      s.first_day = std::min(s.first_day, *a.day);
      s.last_day = std::max(s.last_day, *a.day);
    }
  }
  if (!s.compact) Refresh(story, a, vec);
}

uint32_t StoryClusterer::NewStory(uint32_t article, const ArticleFeatures& a,
                                  const std::vector<Weighted>& vec) {
  uint32_t story = static_cast<uint32_t>(stories_.size());
  StoryState s;
  s.seed = article;
  stories_.push_back(std::move(s));
  live_.push_back(story);
  Join(story, a, vec);
  return story;
}

void StoryClusterer::CompactClosed() {
  if (!max_day_) return;
  int64_t horizon =
      static_cast<int64_t>(*max_day_) - 2 * static_cast<int64_t>(options_.window_days);
  size_t out = 0;
  for (uint32_t id : live_) {
    StoryState& s = stories_[id];
    if (s.compact) continue;
    if (s.dated && s.last_day < horizon) {
      s.label = LabelOf(s);
      s.compact = true;
      std::vector<Weighted>().swap(s.sums);
      std::vector<Weighted>().swap(s.vec);
      std::vector<Core>().swap(s.core);
      // Members are only read by a split, which a closed story never has again.
      std::vector<Member>().swap(s.members);
      dead_postings_ += s.posted.size();
      std::vector<uint64_t>().swap(s.posted);
    } else {
      live_[out++] = id;
    }
  }
  live_.resize(out);
  SweepPostings();
}

void StoryClusterer::SweepPostings() {
  // Postings of closed stories are dead weight; Candidates drops a list's dead entries when it
  // meets them, but lists of terms no longer queried would keep them forever. Once dead entries
  // are at least half of all postings, every list is swept (amortised linear). The trigger is a
  // function of the postings alone (see Deserialize), so a restored clusterer sweeps at the same
  // Add as an uninterrupted one.
  if (dead_postings_ == 0 || 2 * dead_postings_ < total_postings_) return;
  for (auto it = postings_.begin(); it != postings_.end();) {
    std::vector<uint32_t>& list = it->second;
    list.erase(
        std::remove_if(list.begin(), list.end(), [&](uint32_t s) { return stories_[s].compact; }),
        list.end());
    if (list.empty()) {
      it = postings_.erase(it);
    } else {
      list.shrink_to_fit();
      ++it;
    }
  }
  total_postings_ -= dead_postings_;
  dead_postings_ = 0;
}

Status StoryClusterer::Add(const ArticleFeatures& a) {
  if (a.id.empty()) return Status::InvalidArgument("stories: empty article id");
  for (size_t i = 1; i < a.terms.size(); ++i)
    if (a.terms[i - 1].key >= a.terms[i].key)
      return Status::InvalidArgument("stories: terms of " + a.id + " not sorted by key");
  if (dups_.Find(a.id)) return Status::Ok();
  PARALLAX_ASSIGN_OR_RETURN(dedup::Match match, dups_.Add(a.id, a.signature));
  uint32_t index = static_cast<uint32_t>(story_of_.size());

  ++docs_;
  for (const Term& t : a.terms) ++df_[t.key];
  std::vector<Weighted> vec = WeightArticle(a);
  if (a.day && (!max_day_ || *a.day > *max_day_)) {
    max_day_ = a.day;
    CompactClosed();
  }

  if (match.kind != dedup::MatchKind::kNone) {
    uint32_t story = story_of_[*match.other];
    const StoryState& s = stories_[story];
    bool in_window = a.day && s.dated && *a.day - s.last_day <= options_.window_days &&
                     s.first_day - *a.day <= options_.window_days;
    if (in_window || dups_.GroupSize(match.group) <= options_.max_copies) {
      story_of_.push_back(story);
      joining_copy_of_ = *match.other;
      Join(story, a, vec);
      joining_copy_of_.reset();
      return Status::Ok();
    }
    // Boilerplate: a story of its own, closed at once (no vectors, no postings).
    uint32_t own = static_cast<uint32_t>(stories_.size());
    StoryState b;
    b.seed = index;
    b.size = 1;
    b.compact = true;
    b.label = a.headline;
    if (a.day) b.dated = true, b.first_day = b.last_day = *a.day;
    stories_.push_back(std::move(b));
    story_of_.push_back(own);
    return Status::Ok();
  }

  std::vector<std::pair<float, uint32_t>> candidates = Candidates(vec);
  std::optional<uint32_t> best;
  float best_sim = 0;
  // The open candidate nearest by centroid, and the centroid cosine of the runner-up.
  std::optional<uint32_t> nearest;
  float nearest_sim = 0, runner_up = 0;
  for (const auto& [score, s] : candidates) {
    const StoryState& st = stories_[s];
    if (!Open(st, a.day)) continue;
    float cent = Dot(vec, st.vec);
    if (!nearest || cent > nearest_sim || (cent == nearest_sim && s < *nearest)) {
      if (nearest) runner_up = std::max(runner_up, nearest_sim);
      nearest = s;
      nearest_sim = cent;
    } else {
      runner_up = std::max(runner_up, cent);
    }
    if (cent < options_.min_similarity) continue;
    float core = 0;
    for (const Core& c : st.core) core = std::max(core, Dot(vec, c.vec));
    if (core < options_.min_core_similarity) continue;
    float sim = cent;
    if (best && sim <= best_sim) continue;
    best = s;
    best_sim = sim;
  }
  if (!best && nearest) {
    // Below the main thresholds: a lone article pairs more easily, and a clear winner among the
    // candidates joins at a lower cosine (see ClusterOptions::pair_similarity, margin_ratio).
    const StoryState& st = stories_[*nearest];
    const bool pair = st.size == 1 && nearest_sim >= options_.pair_similarity;
    const bool margin = nearest_sim >= options_.margin_similarity &&
                        runner_up <= options_.margin_ratio * nearest_sim;
    if (pair || margin) {
      float core = 0;
      for (const Core& c : st.core) core = std::max(core, Dot(vec, c.vec));
      const double floor = std::min(pair ? options_.pair_similarity : 1.0,
                                    margin ? options_.margin_similarity : 1.0);
      if (core >= floor) best = nearest;
    }
  }
  uint32_t story;
  if (best) {
    story = *best;
    story_of_.push_back(story);
    Join(story, a, vec);
  } else {
    story = static_cast<uint32_t>(stories_.size());
    story_of_.push_back(story);
    NewStory(index, a, vec);
  }
  TrySplit(story);
  return Status::Ok();
}

void StoryClusterer::Rebuild(uint32_t story, std::vector<Member> members) {
  StoryState& s = stories_[story];
  s.members = std::move(members);
  for (uint32_t k = 0; k < s.members.size(); ++k) s.members[k].tie = k;
  s.sums.clear();
  s.vec.clear();
  s.core.clear();
  s.dated = false;
  s.size = static_cast<uint32_t>(s.members.size());
  s.seed = s.members[0].article;
  for (const Member& m : s.members) {
    AddToCentroid(&s, m.raw);
    if (m.day != kNoDay) {
      if (!s.dated) {
        s.dated = true;
        s.first_day = s.last_day = m.day;
      } else {
        s.first_day = std::min(s.first_day, m.day);
        s.last_day = std::max(s.last_day, m.day);
      }
    }
    if (s.core.size() < options_.core_articles) {
      Core c;
      c.headline = m.headline;
      for (const Weighted& w : m.raw) c.vec.push_back({w.key, w.w * Idf(w.key)});
      Normalize(&c.vec);
      s.core.push_back(std::move(c));
    }
  }
}

void StoryClusterer::TrySplit(uint32_t story) {
  StoryState& s = stories_[story];
  const size_t n = s.members.size();
  const size_t min_part = options_.split_min_part;
  // Re-examined at sizes 4, 6, 8, 12, 16, 24, 32, ...: a bounded cost per story.
  const bool due =
      n <= 8 ? n % 2 == 0 : (n & (n - 1)) == 0 || (n % 3 == 0 && ((n / 3) & (n / 3 - 1)) == 0);
  if (options_.split_ratio <= 0 || s.compact || n < 2 * min_part || n != s.size || !due) return;
  std::vector<std::vector<Weighted>> v(n);
  for (size_t i = 0; i < n; ++i) {
    for (const Weighted& w : s.members[i].raw) v[i].push_back({w.key, w.w * Idf(w.key)});
    Normalize(&v[i]);
  }
  std::vector<float> sim(n * n, 1.0f);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) sim[i * n + j] = sim[j * n + i] = Dot(v[i], v[j]);
  size_t far = 1;
  for (size_t j = 2; j < n; ++j)
    if (sim[j] < sim[far]) far = j;
  std::vector<uint8_t> group(n, 0);
  group[far] = 1;
  for (int iter = 0; iter < 8; ++iter) {
    std::vector<uint8_t> next(n);
    for (size_t i = 0; i < n; ++i) {
      double sum[2] = {0, 0};
      int cnt[2] = {0, 0};
      for (size_t j = 0; j < n; ++j) {
        if (j == i) continue;
        sum[group[j]] += sim[i * n + j];
        ++cnt[group[j]];
      }
      double m0 = cnt[0] ? sum[0] / cnt[0] : 0, m1 = cnt[1] ? sum[1] / cnt[1] : 0;
      next[i] = m1 > m0 ? 1 : 0;
    }
    next[0] = 0;
    for (size_t i = 0; i < n; ++i) next[i] = next[s.members[i].tie];
    if (next == group) break;
    group = next;
  }
  double within = 0, between = 0;
  int nw = 0, nb = 0;
  size_t size1 = 0;
  for (size_t i = 0; i < n; ++i) {
    size1 += group[i];
    for (size_t j = i + 1; j < n; ++j) {
      if (group[i] == group[j])
        within += sim[i * n + j], ++nw;
      else
        between += sim[i * n + j], ++nb;
    }
  }
  if (size1 < min_part || n - size1 < min_part || nw == 0 || nb == 0) return;
  within /= nw;
  between /= nb;
  if (between >= options_.split_ratio * within) return;
  std::vector<Member> keep, move;
  for (size_t i = 0; i < n; ++i) (group[i] ? move : keep).push_back(std::move(s.members[i]));
  uint32_t fresh = static_cast<uint32_t>(stories_.size());
  stories_.emplace_back();
  live_.push_back(fresh);
  for (const Member& m : move) {
    story_of_[m.article] = fresh;
    moved_.push_back(m.article);
  }
  Rebuild(story, std::move(keep));
  Rebuild(fresh, std::move(move));
  Post(story);
  Post(fresh);
}

std::vector<std::pair<float, uint32_t>> StoryClusterer::Candidates(
    const std::vector<Weighted>& vec) {
  // Candidate stories from the inverted index, scored by the shared query-term weight.
  if (scratch_.size() < stories_.size()) scratch_.resize(stories_.size(), 0.0f);
  std::vector<Weighted> query = Heaviest(vec, options_.query_terms);
  for (const Weighted& q : query) {
    auto it = postings_.find(q.key);
    if (it == postings_.end()) continue;
    std::vector<uint32_t>& list = it->second;
    size_t scanned = 0, dead = 0;
    for (size_t i = list.size(); i-- > 0 && scanned < options_.max_posting_scan; ++scanned) {
      uint32_t s = list[i];
      if (stories_[s].compact) {
        ++dead;
        continue;
      }
      if (scratch_[s] == 0.0f) touched_.push_back(s);
      scratch_[s] += q.w;
    }
    if (dead > 0 && dead * 2 >= list.size()) {
      const size_t before = list.size();
      list.erase(
          std::remove_if(list.begin(), list.end(), [&](uint32_t s) { return stories_[s].compact; }),
          list.end());
      const size_t removed = before - list.size();
      total_postings_ -= removed;
      dead_postings_ -= removed;
      if (list.empty()) postings_.erase(it);
    }
  }
  std::vector<std::pair<float, uint32_t>> candidates;
  candidates.reserve(touched_.size());
  for (uint32_t s : touched_) {
    candidates.push_back({scratch_[s], s});
    scratch_[s] = 0.0f;
  }
  touched_.clear();
  auto better = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  if (candidates.size() > options_.max_candidates) {
    std::nth_element(candidates.begin(), candidates.begin() + options_.max_candidates,
                     candidates.end(), better);
    candidates.resize(options_.max_candidates);
  }
  std::sort(candidates.begin(), candidates.end(), better);
  return candidates;
}

Status StoryClusterer::AddAll(const std::vector<ArticleFeatures>& batch) {
  for (size_t i : PublicationOrder(batch)) PARALLAX_RETURN_IF_ERROR(Add(batch[i]));
  return Status::Ok();
}

std::optional<uint32_t> StoryClusterer::StoryOf(std::string_view article_id) const {
  std::optional<uint32_t> index = dups_.Find(article_id);
  if (!index) return std::nullopt;
  return story_of_[*index];
}

StoryInfo StoryClusterer::Story(uint32_t story) const {
  const StoryState& s = stories_[story];
  StoryInfo info;
  info.id = story;
  info.seed = std::string(dups_.id(s.seed));
  info.label = LabelOf(s);
  if (s.dated) {
    info.first_day = s.first_day;
    info.last_day = s.last_day;
  }
  info.size = s.size;
  return info;
}

std::vector<StoryInfo> StoryClusterer::Stories() const {
  std::vector<StoryInfo> out;
  out.reserve(stories_.size());
  for (uint32_t i = 0; i < stories_.size(); ++i) out.push_back(Story(i));
  return out;
}

namespace {

template <typename V>
void PutVec(dedup::ByteWriter* w, const V& v) {
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& x : v) {
    w->U64(x.key);
    w->F32(x.w);
  }
}

template <typename V>
bool GetVec(dedup::ByteReader* r, V* v) {
  uint32_t n;
  if (!r->Count(&n, 12)) return false;
  v->resize(n);
  for (auto& x : *v) {
    uint64_t key;  // read into locals: the members of a packed Weighted may be unaligned
    float w;
    if (!r->U64(&key) || !r->F32(&w)) return false;
    x.key = key;
    x.w = w;
  }
  for (size_t i = 1; i < v->size(); ++i)
    if ((*v)[i - 1].key >= (*v)[i].key) return false;
  return true;
}

}  // namespace

namespace {

Status BadState(const std::string& what) {
  return Status::InvalidArgument("stories state: " + what);
}

// Part names: "head", "a<k>", "s<k>".
std::string PartName(char kind, size_t k) { return kind + std::to_string(k); }

size_t Parts(size_t items, size_t per_part) { return (items + per_part - 1) / per_part; }

}  // namespace

void StoryClusterer::PutStory(dedup::ByteWriter* out, const StoryState& s) {
  dedup::ByteWriter& w = *out;
  w.U32(s.seed);
  w.I32(s.first_day);
  w.I32(s.last_day);
  w.U8(static_cast<uint8_t>((s.dated ? 1 : 0) | (s.compact ? 2 : 0)));
  w.U32(s.size);
  PutVec(&w, s.sums);
  PutVec(&w, s.vec);
  w.U32(static_cast<uint32_t>(s.core.size()));
  for (const Core& c : s.core) {
    w.Str(c.headline);
    PutVec(&w, c.vec);
  }
  w.U32(static_cast<uint32_t>(s.posted.size()));
  for (uint64_t k : s.posted) w.U64(k);
  w.Str(s.label);
  w.U32(static_cast<uint32_t>(s.members.size()));
  for (const Member& m : s.members) {
    w.U32(m.article);
    w.I32(m.day);
    w.U32(m.tie);
    w.Str(m.headline);
    PutVec(&w, m.raw);
  }
}

Status StoryClusterer::GetStory(dedup::ByteReader* in, uint32_t id, size_t articles,
                                StoryState* out) {
  dedup::ByteReader& r = *in;
  StoryState& s = *out;
  uint8_t flags = 0;
  uint32_t cores = 0, posted = 0;
  if (!r.U32(&s.seed) || !r.I32(&s.first_day) || !r.I32(&s.last_day) || !r.U8(&flags) ||
      !r.U32(&s.size) || !GetVec(&r, &s.sums) || !GetVec(&r, &s.vec) || !r.Count(&cores, 8))
    return BadState("truncated story " + std::to_string(id));
  s.dated = flags & 1;
  s.compact = flags & 2;
  s.core.resize(cores);
  for (Core& core : s.core)
    if (!r.Str(&core.headline) || !GetVec(&r, &core.vec)) return BadState("truncated core");
  if (!r.Count(&posted, 8)) return BadState("truncated postings");
  s.posted.resize(posted);
  for (uint64_t& k : s.posted)
    if (!r.U64(&k)) return BadState("truncated postings");
  if (!r.Str(&s.label)) return BadState("truncated label");
  uint32_t members = 0;
  if (!r.Count(&members, 20)) return BadState("truncated members");
  s.members.resize(members);
  for (Member& m : s.members) {
    if (!r.U32(&m.article) || !r.I32(&m.day) || !r.U32(&m.tie) || !r.Str(&m.headline) ||
        !GetVec(&r, &m.raw))
      return BadState("truncated member");
    if (m.article >= articles || m.tie >= members) return BadState("bad member");
  }
  if (s.seed >= articles) return BadState("story seed out of range");
  return Status::Ok();
}

std::vector<std::string> StoryClusterer::StatePartNames() const {
  std::vector<std::string> names{"head"};
  for (size_t k = 0; k < Parts(story_of_.size(), kPartArticles); ++k)
    names.push_back(PartName('a', k));
  for (size_t k = 0; k < Parts(stories_.size(), kPartStories); ++k)
    names.push_back(PartName('s', k));
  return names;
}

void StoryClusterer::WritePart(std::string_view name, dedup::ByteWriter* out) const {
  dedup::ByteWriter& w = *out;
  if (name == "head") {
    w.U32(kStateFormat);
    const ClusterOptions& o = options_;
    w.I32(o.window_days);
    w.F64(o.min_similarity);
    w.F64(o.min_core_similarity);
    w.F64(o.split_ratio);
    w.F64(o.pair_similarity);
    w.F64(o.margin_similarity);
    w.F64(o.margin_ratio);
    for (uint32_t v :
         {o.centroid_terms, o.core_articles, o.core_terms, o.index_terms, o.query_terms,
          o.max_candidates, o.max_posting_scan, o.max_copies, o.split_max_size, o.split_min_part})
      w.U32(v);
    dups_.SerializeWindow(&w);
    w.U64(docs_);
    w.U8(max_day_.has_value());
    w.I32(max_day_.value_or(0));
    w.U32(static_cast<uint32_t>(story_of_.size()));
    w.U32(static_cast<uint32_t>(stories_.size()));
    // Hash maps in key order, so equal states give equal bytes.
    std::vector<std::pair<uint64_t, uint32_t>> df(df_.begin(), df_.end());
    std::sort(df.begin(), df.end());
    w.U32(static_cast<uint32_t>(df.size()));
    for (const auto& [k, n] : df) w.U64(k), w.U32(n);
    std::vector<uint64_t> keys;
    keys.reserve(postings_.size());
    for (const auto& [k, list] : postings_) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    w.U32(static_cast<uint32_t>(keys.size()));
    for (uint64_t k : keys) {
      const std::vector<uint32_t>& list = postings_.at(k);
      w.U64(k);
      w.U32(static_cast<uint32_t>(list.size()));
      for (uint32_t s : list) w.U32(s);
    }
    return;
  }
  if (name.size() < 2 || (name[0] != 'a' && name[0] != 's')) return;
  size_t k = 0;
  for (char c : name.substr(1)) {
    if (c < '0' || c > '9' || k > (size_t{1} << 40)) return;
    k = k * 10 + static_cast<size_t>(c - '0');
  }
  if (name[0] == 'a') {
    const size_t from = k * kPartArticles;
    if (from >= story_of_.size()) return;
    const size_t to = std::min(story_of_.size(), from + kPartArticles);
    dups_.SerializeArticles(static_cast<uint32_t>(from), static_cast<uint32_t>(to), &w);
    for (size_t i = from; i < to; ++i) w.U32(story_of_[i]);
  } else {
    const size_t from = k * kPartStories;
    if (from >= stories_.size()) return;
    const size_t to = std::min(stories_.size(), from + kPartStories);
    for (size_t i = from; i < to; ++i) PutStory(&w, stories_[i]);
  }
}

std::string StoryClusterer::SerializeStatePart(std::string_view name) const {
  // Sized first, so the buffer holding the part is allocated once at its final size.
  dedup::ByteWriter count(dedup::ByteWriter::kCountOnly);
  WritePart(name, &count);
  dedup::ByteWriter w;
  w.Reserve(count.size());
  WritePart(name, &w);
  return w.Take();
}

std::string StoryClusterer::Serialize() const {
  const std::vector<std::string> names = StatePartNames();
  size_t total = 8;
  for (const std::string& name : names) {
    dedup::ByteWriter part(dedup::ByteWriter::kCountOnly);
    WritePart(name, &part);
    total += 8 + name.size() + part.size();
  }
  dedup::ByteWriter w;
  w.Reserve(total);
  w.U32(kContainerFormat);
  w.U32(static_cast<uint32_t>(names.size()));
  for (const std::string& name : names) {
    w.Str(name);
    w.Str(SerializeStatePart(name));
  }
  return w.Take();
}

Result<StoryClusterer> StoryClusterer::Deserialize(std::string_view bytes) {
  dedup::ByteReader r(bytes);
  uint32_t format = 0;
  if (!r.U32(&format)) return BadState("unknown format");
  if (format == 2) return DeserializeFormat2(bytes);
  uint32_t n = 0;
  if (format != kContainerFormat || !r.Count(&n, 8)) return BadState("unknown format");
  // Parts are located in place and copied out one at a time when asked for.
  std::vector<std::pair<std::string, std::string_view>> parts(n);
  for (auto& [name, part] : parts) {
    uint32_t size = 0;
    if (!r.Str(&name) || !r.U32(&size) || size > r.remaining()) return BadState("truncated part");
    part = bytes.substr(bytes.size() - r.remaining(), size);
    if (!r.Skip(size)) return BadState("truncated part");
  }
  if (!r.done()) return BadState("trailing bytes");
  return DeserializeStateParts([&](const std::string& name) -> Result<std::string> {
    for (const auto& [have, part] : parts)
      if (have == name) return std::string(part);
    return Status::NotFound("stories state: part " + name + " missing");
  });
}

bool StoryClusterer::IsHeadPart(std::string_view bytes) {
  dedup::ByteReader r(bytes);
  uint32_t format = 0;
  return r.U32(&format) && (format == kStateFormat || format == kStateFormat4);
}

Result<StoryClusterer> StoryClusterer::DeserializeStateParts(const PartReader& read) {
  PARALLAX_ASSIGN_OR_RETURN(std::string head, read("head"));
  dedup::ByteReader r(head);
  uint32_t format = 0;
  if (!r.U32(&format) || (format != kStateFormat && format != kStateFormat4))
    return BadState("unknown format");
  ClusterOptions o;
  if (!r.I32(&o.window_days) || !r.F64(&o.min_similarity) || !r.F64(&o.min_core_similarity) ||
      !r.F64(&o.split_ratio))
    return BadState("truncated options");
  if (format == kStateFormat4) {
    o.pair_similarity = o.margin_similarity = 1.0;  // the rules it was saved without
    o.margin_ratio = 0.0;
  } else if (!r.F64(&o.pair_similarity) || !r.F64(&o.margin_similarity) ||
             !r.F64(&o.margin_ratio)) {
    return BadState("truncated options");
  }
  for (uint32_t* v : {&o.centroid_terms, &o.core_articles, &o.core_terms, &o.index_terms,
                      &o.query_terms, &o.max_candidates, &o.max_posting_scan, &o.max_copies,
                      &o.split_max_size, &o.split_min_part})
    if (!r.U32(v)) return BadState("truncated options");
  PARALLAX_ASSIGN_OR_RETURN(dedup::DuplicateIndex dups,
                            dedup::DuplicateIndex::DeserializeWindow(&r));
  o.dedup = dups.options();
  StoryClusterer c(o);
  c.dups_ = std::move(dups);
  uint8_t has_max = 0;
  int32_t max_day = 0;
  uint32_t articles = 0, stories = 0, n = 0;
  if (!r.U64(&c.docs_) || !r.U8(&has_max) || !r.I32(&max_day) || !r.U32(&articles) ||
      !r.U32(&stories))
    return BadState("truncated header");
  if (has_max) c.max_day_ = max_day;
  if (articles != c.dups_.saved_size())
    return BadState("article count differs from the dedup index");
  if (!r.Count(&n, 12)) return BadState("truncated df");
  c.df_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t k;
    uint32_t v;
    if (!r.U64(&k) || !r.U32(&v)) return BadState("truncated df");
    c.df_[k] = v;
  }
  if (!r.Count(&n, 12)) return BadState("truncated index");
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t k;
    uint32_t len;
    if (!r.U64(&k) || !r.Count(&len, 4)) return BadState("truncated index");
    std::vector<uint32_t>& list = c.postings_[k];
    list.resize(len);
    for (uint32_t& s : list) {
      if (!r.U32(&s) || s >= stories) return BadState("bad posting");
      ++c.total_postings_;
    }
  }
  if (!r.done()) return BadState("trailing bytes in head");
  std::string().swap(head);
  // Room for a run's growth (a quarter more), so the first articles of the next run do not
  // double the largest vectors (a copy of each while they move).
  c.story_of_.reserve(size_t{articles} + articles / 4);
  for (size_t k = 0; k < Parts(articles, kPartArticles); ++k) {
    PARALLAX_ASSIGN_OR_RETURN(std::string part, read(PartName('a', k)));
    dedup::ByteReader pr(part);
    const size_t count = std::min<size_t>(kPartArticles, articles - k * kPartArticles);
    PARALLAX_RETURN_IF_ERROR(c.dups_.DeserializeArticles(&pr, count));
    for (size_t i = 0; i < count; ++i) {
      uint32_t s = 0;
      if (!pr.U32(&s) || s >= stories) return BadState("bad assignment");
      c.story_of_.push_back(s);
    }
    if (!pr.done()) return BadState("trailing bytes in part " + PartName('a', k));
  }
  PARALLAX_RETURN_IF_ERROR(c.dups_.CheckComplete());
  c.stories_.reserve(size_t{stories} + stories / 4);
  for (size_t k = 0; k < Parts(stories, kPartStories); ++k) {
    PARALLAX_ASSIGN_OR_RETURN(std::string part, read(PartName('s', k)));
    dedup::ByteReader pr(part);
    const size_t count = std::min<size_t>(kPartStories, stories - k * kPartStories);
    for (size_t i = 0; i < count; ++i) {
      const uint32_t id = static_cast<uint32_t>(c.stories_.size());
      PARALLAX_RETURN_IF_ERROR(GetStory(&pr, id, articles, &c.stories_.emplace_back()));
      if (!c.stories_.back().compact) c.live_.push_back(id);
    }
    if (!pr.done()) return BadState("trailing bytes in part " + PartName('s', k));
  }
  for (const auto& [key, list] : c.postings_)
    for (uint32_t s : list)
      if (c.stories_[s].compact) ++c.dead_postings_;
  return c;
}

Result<StoryClusterer> StoryClusterer::DeserializeFormat2(std::string_view bytes) {
  dedup::ByteReader r(bytes);
  uint32_t format = 0;
  if (!r.U32(&format) || format != 2) return BadState("unknown format");
  ClusterOptions o;
  if (!r.I32(&o.window_days) || !r.F64(&o.min_similarity) || !r.F64(&o.min_core_similarity) ||
      !r.F64(&o.split_ratio))
    return BadState("truncated options");
  o.pair_similarity = o.margin_similarity = 1.0;  // the rules it was saved without
  o.margin_ratio = 0.0;
  for (uint32_t* v : {&o.centroid_terms, &o.core_articles, &o.core_terms, &o.index_terms,
                      &o.query_terms, &o.max_candidates, &o.max_posting_scan, &o.max_copies,
                      &o.split_max_size, &o.split_min_part})
    if (!r.U32(v)) return BadState("truncated options");
  // The index, prefixed with its length (read in place, not copied out).
  uint32_t dup_size = 0;
  if (!r.U32(&dup_size) || dup_size > r.remaining()) return BadState("truncated dedup index");
  const size_t dup_end = r.remaining() - dup_size;
  PARALLAX_ASSIGN_OR_RETURN(dedup::DuplicateIndex dups, dedup::DuplicateIndex::DeserializeFrom(&r));
  if (r.remaining() != dup_end) return BadState("dedup index size differs");
  o.dedup = dups.options();
  StoryClusterer c(o);
  c.dups_ = std::move(dups);
  uint8_t has_max = 0;
  int32_t max_day = 0;
  uint32_t n = 0;
  if (!r.U64(&c.docs_) || !r.U8(&has_max) || !r.I32(&max_day) || !r.Count(&n, 4))
    return BadState("truncated header");
  if (has_max) c.max_day_ = max_day;
  if (n != c.dups_.size()) return BadState("article count differs from the dedup index");
  // Room for a run's growth (a quarter more), so the first articles of the next run do not
  // double the largest vectors (a copy of each while they move).
  c.story_of_.reserve(n + n / 4);
  c.story_of_.resize(n);
  for (uint32_t& s : c.story_of_)
    if (!r.U32(&s)) return BadState("truncated assignments");
  if (!r.Count(&n, 12)) return BadState("truncated df");
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t k;
    uint32_t v;
    if (!r.U64(&k) || !r.U32(&v)) return BadState("truncated df");
    c.df_[k] = v;
  }
  if (!r.Count(&n, 29)) return BadState("truncated stories");
  c.stories_.reserve(n + n / 4);
  c.stories_.resize(n);
  for (uint32_t id = 0; id < n; ++id) {
    StoryState& s = c.stories_[id];
    PARALLAX_RETURN_IF_ERROR(GetStory(&r, id, c.story_of_.size(), &s));
    if (!s.compact) c.live_.push_back(id);
  }
  for (uint32_t s : c.story_of_)
    if (s >= c.stories_.size()) return BadState("assignment out of range");
  if (!r.Count(&n, 12)) return BadState("truncated index");
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t k;
    uint32_t len;
    if (!r.U64(&k) || !r.Count(&len, 4)) return BadState("truncated index");
    std::vector<uint32_t>& list = c.postings_[k];
    list.resize(len);
    for (uint32_t& s : list) {
      if (!r.U32(&s) || s >= c.stories_.size()) return BadState("bad posting");
      ++c.total_postings_;
      if (c.stories_[s].compact) ++c.dead_postings_;
    }
  }
  if (!r.done()) return BadState("trailing bytes");
  return c;
}

}  // namespace parallax::stories
