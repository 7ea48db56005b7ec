// StoryClusterer on generated fictional events: grouping, incremental vs batch, one run vs
// split runs, idempotent re-runs, the time window, the drift cap, near-duplicates and errors.
#include "src/stories/clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <random>
#include <set>

#include "src/stories/test_corpus.h"

namespace parallax::stories {
namespace {

using testing::MakeArticle;

std::string Date(int day_of_month) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "2024-03-%02d", day_of_month);
  return buf;
}

// 6 events x 5 articles over ten days of March 2024, interleaved.
std::vector<ArticleFeatures> Corpus() {
  std::vector<ArticleFeatures> out;
  for (uint32_t k = 0; k < 5; ++k)
    for (int e = 0; e < 6; ++e) out.push_back(Featurize(MakeArticle(e, k, Date(1 + 2 * k))));
  return out;
}

// Article id -> story number.
std::map<std::string, uint32_t> Assignment(const StoryClusterer& c) {
  std::map<std::string, uint32_t> out;
  for (uint32_t i = 0; i < c.article_count(); ++i) out[c.article_id(i)] = c.story_of(i);
  return out;
}

// A run cut after each of `splits` articles (saved, restored, continued) ends exactly like
// `one`, the uninterrupted run over `corpus` with options `o`.
void ExpectSplitRunsEqual(const std::vector<ArticleFeatures>& corpus, const StoryClusterer& one,
                          const ClusterOptions& o, std::initializer_list<size_t> splits) {
  for (size_t split : splits) {
    StoryClusterer first(o);
    for (size_t i = 0; i < split; ++i) ASSERT_TRUE(first.Add(corpus[i]).ok());
    Result<StoryClusterer> resumed = StoryClusterer::Deserialize(first.Serialize());
    ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
    for (size_t i = split; i < corpus.size(); ++i) ASSERT_TRUE(resumed->Add(corpus[i]).ok());
    EXPECT_EQ(Assignment(*resumed), Assignment(one)) << "split " << split;
    EXPECT_EQ(resumed->Serialize(), one.Serialize()) << "split " << split;
  }
}

TEST(StoryClustererTest, GroupsArticlesByEvent) {
  std::vector<ArticleFeatures> corpus = Corpus();
  StoryClusterer c;
  for (const ArticleFeatures& f : corpus) ASSERT_TRUE(c.Add(f).ok());
  EXPECT_EQ(c.article_count(), 30u);
  EXPECT_EQ(c.story_count(), 6u);
  for (size_t i = 0; i < corpus.size(); ++i)
    for (size_t j = 0; j < corpus.size(); ++j)
      EXPECT_EQ(*c.StoryOf(corpus[i].id) == *c.StoryOf(corpus[j].id), i % 6 == j % 6)
          << i << " " << j;
}

TEST(StoryClustererTest, StoryInfoHasLabelSpanAndSize) {
  StoryClusterer c;
  ASSERT_TRUE(c.AddAll(Corpus()).ok());
  std::vector<StoryInfo> stories = c.Stories();
  ASSERT_EQ(stories.size(), 6u);
  for (const StoryInfo& s : stories) {
    EXPECT_EQ(s.size, 5u);
    EXPECT_EQ(s.first_day, ParseDay("2024-03-01"));
    EXPECT_EQ(s.last_day, ParseDay("2024-03-09"));
    EXPECT_FALSE(s.label.empty());
    EXPECT_EQ(c.StoryOf(s.seed), s.id);
  }
  // The label is one of the story's headlines: it names the event's place.
  EXPECT_NE(stories[*c.StoryOf(Corpus()[0].id)].label.find("Kellbrook"), std::string::npos);
}

TEST(StoryClustererTest, BatchOfShuffledArticlesEqualsIncrementalInDateOrder) {
  std::vector<ArticleFeatures> corpus = Corpus();
  StoryClusterer incremental;
  for (const ArticleFeatures& f : corpus) ASSERT_TRUE(incremental.Add(f).ok());
  // Same days, shuffled within the batch: AddAll restores publication order. Articles of one
  // day keep their relative order, so shuffle whole days.
  std::vector<ArticleFeatures> shuffled;
  for (int k = 4; k >= 0; --k)
    for (int e = 0; e < 6; ++e) shuffled.push_back(corpus[k * 6 + e]);
  StoryClusterer batch;
  ASSERT_TRUE(batch.AddAll(shuffled).ok());
  EXPECT_EQ(Assignment(batch), Assignment(incremental));
  EXPECT_EQ(batch.Serialize(), incremental.Serialize());
}

TEST(StoryClustererTest, SplitRunsEqualOneRun) {
  std::vector<ArticleFeatures> corpus = Corpus();
  StoryClusterer one;
  for (const ArticleFeatures& f : corpus) ASSERT_TRUE(one.Add(f).ok());
  ExpectSplitRunsEqual(corpus, one, ClusterOptions{}, {0, 1, 7, 18, 29, 30});
}

// The six events recurring month after month for a year: stories close (the window) and are
// compacted while new ones open.
std::vector<ArticleFeatures> LongCorpus() {
  std::vector<ArticleFeatures> out;
  for (int month = 1; month <= 12; ++month) {
    for (uint32_t k = 0; k < 4; ++k) {
      for (int e = 0; e < 6; ++e) {
        char date[16];
        std::snprintf(date, sizeof(date), "2025-%02d-%02d", month, 1 + 2 * static_cast<int>(k));
        out.push_back(Featurize(MakeArticle(e, 100 * month + k, date)));
      }
    }
  }
  return out;
}

TEST(StoryClustererTest, ClosedStoriesKeepOnlyTheirSummary) {
  std::vector<ArticleFeatures> corpus = LongCorpus();
  StoryClusterer c;
  ASSERT_TRUE(c.AddAll(corpus).ok());
  // One story per event and month at most; the months before the last are compacted: what
  // is left per article is its id, story number and dedup entry (~0.3 KB serialised), not the
  // young-story member vectors (64 terms each, another ~0.8 KB).
  EXPECT_GE(c.story_count(), 12u * 6u / 2u);
  const double per_article = static_cast<double>(c.Serialize().size()) / corpus.size();
  EXPECT_LT(per_article, 700.0);
  for (const StoryInfo& s : c.Stories()) EXPECT_FALSE(s.label.empty()) << s.id;
}

TEST(StoryClustererTest, SplitRunsEqualOneRunWhileStoriesClose) {
  std::vector<ArticleFeatures> corpus = LongCorpus();
  StoryClusterer one;
  ASSERT_TRUE(one.AddAll(corpus).ok());
  ExpectSplitRunsEqual(corpus, one, ClusterOptions{}, {24, 100, 150, 287});
}

TEST(StoryClustererTest, ReRunningIsIdempotent) {
  std::vector<ArticleFeatures> corpus = Corpus();
  StoryClusterer c;
  ASSERT_TRUE(c.AddAll(corpus).ok());
  std::string before = c.Serialize();
  ASSERT_TRUE(c.AddAll(corpus).ok());
  EXPECT_EQ(c.Serialize(), before);
  EXPECT_EQ(c.article_count(), 30u);
}

TEST(StoryClustererTest, TimeWindowClosesOldStories) {
  ClusterOptions o;
  o.window_days = 7;
  StoryClusterer c(o);
  ArticleFeatures a = Featurize(MakeArticle(0, 1, "2024-03-01"));
  ArticleFeatures b = Featurize(MakeArticle(0, 2, "2024-03-06"));  // 5 days later: open
  ArticleFeatures d = Featurize(MakeArticle(0, 3, "2024-03-30"));  // 24 days after b: closed
  ArticleFeatures u = Featurize(MakeArticle(0, 4, ""));            // undated: always open
  for (const ArticleFeatures* f : {&a, &b, &d, &u}) ASSERT_TRUE(c.Add(*f).ok());
  EXPECT_EQ(c.StoryOf(a.id), c.StoryOf(b.id));
  EXPECT_NE(c.StoryOf(a.id), c.StoryOf(d.id));
  EXPECT_TRUE(c.StoryOf(u.id) == c.StoryOf(d.id));  // the open story, not the compacted one
  EXPECT_EQ(c.story_count(), 2u);
}

TEST(StoryClustererTest, UndatedArticlesIgnoreTheWindow) {
  StoryClusterer c;
  std::vector<ArticleFeatures> corpus;
  for (uint32_t k = 0; k < 4; ++k) corpus.push_back(Featurize(MakeArticle(2, k, "")));
  ASSERT_TRUE(c.AddAll(corpus).ok());
  EXPECT_EQ(c.story_count(), 1u);
  EXPECT_EQ(c.Story(0).first_day, std::nullopt);
}

// A chain of articles whose vocabulary shifts a little each step: neighbours are similar, the
// ends share nothing. Without the drift cap one story would swallow the whole chain.
std::vector<ArticleFeatures> DriftChain() {
  std::vector<std::string> vocab;
  for (int i = 0; i < 120; ++i) {
    std::string w = "zq";
    w.push_back(static_cast<char>('a' + i % 26));
    w.push_back(static_cast<char>('a' + i / 26));
    w += "ot";
    vocab.push_back(w);
  }
  std::vector<ArticleFeatures> out;
  for (int k = 0; k < 12; ++k) {
    Article a;
    for (int r = 0; r < 3; ++r)
      for (int i = 8 * k; i < 8 * k + 24; ++i) a.text += vocab[i] + (i % 6 == 5 ? ". " : " ");
    a.id = "chain" + std::to_string(k);
    a.language = "en";
    out.push_back(Featurize(a));
  }
  return out;
}

TEST(StoryClustererTest, DriftCapStopsChaining) {
  std::vector<ArticleFeatures> chain = DriftChain();
  StoryClusterer c;
  ASSERT_TRUE(c.AddAll(chain).ok());
  EXPECT_EQ(c.StoryOf("chain0"), c.StoryOf("chain1"));  // neighbours join
  EXPECT_NE(c.StoryOf("chain0"), c.StoryOf("chain11"));
  EXPECT_GE(c.story_count(), 3u);
  // With the core check switched off and a low centroid threshold the chain does drift.
  ClusterOptions loose;
  loose.min_core_similarity = 0;
  loose.min_similarity = 0.1;
  loose.centroid_terms = 1000;
  loose.index_terms = 1000;
  loose.query_terms = 1000;
  loose.split_ratio = 0;  // splitting would cut the chain too
  StoryClusterer drifting(loose);
  ASSERT_TRUE(drifting.AddAll(chain).ok());
  EXPECT_LT(drifting.story_count(), c.story_count());
}

// Two events of one kind in one place (two ferry accidents in Kellbrook): same topic words and
// place, different people and figures; their articles alternate.
std::vector<ArticleFeatures> TwinEvents() {
  testing::Event a = testing::Events()[0];
  testing::Event b = a;
  b.people = {"Arno Pettis", "Lida Wormald"};
  b.figure = "17";
  std::vector<ArticleFeatures> out;
  for (uint32_t k = 0; k < 8; ++k) {
    out.push_back(Featurize(testing::MakeArticleAbout(a, k, 100, "")));
    out.push_back(Featurize(testing::MakeArticleAbout(b, k, 200, "")));
  }
  return out;
}

// Pairs of articles of different events put in one story.
int MixedPairs(const StoryClusterer& c) {
  int mixed = 0;
  for (uint32_t i = 0; i < c.article_count(); ++i)
    for (uint32_t j = i + 1; j < c.article_count(); ++j)
      mixed += (i % 2 != j % 2) && c.story_of(i) == c.story_of(j);
  return mixed;
}

TEST(StoryClustererTest, SplitSeparatesTwinEvents) {
  std::vector<ArticleFeatures> twins = TwinEvents();
  ClusterOptions no_split;
  no_split.split_ratio = 0;
  StoryClusterer mixed(no_split);
  ASSERT_TRUE(mixed.AddAll(twins).ok());
  ASSERT_GT(MixedPairs(mixed), 0) << "the twins must look alike to the first articles";
  EXPECT_TRUE(mixed.TakeMoved().empty());

  StoryClusterer c;
  std::vector<uint32_t> moved;
  for (const ArticleFeatures& f : twins) {
    ASSERT_TRUE(c.Add(f).ok());
    std::vector<uint32_t> m = c.TakeMoved();
    moved.insert(moved.end(), m.begin(), m.end());
  }
  EXPECT_LT(MixedPairs(c), MixedPairs(mixed) / 4);
  EXPECT_FALSE(moved.empty());
  for (uint32_t index : moved) EXPECT_LT(index, c.article_count());
  EXPECT_TRUE(c.TakeMoved().empty());
  // Story sizes still add up.
  uint32_t total = 0;
  for (const StoryInfo& s : c.Stories()) total += s.size;
  EXPECT_EQ(total, c.article_count());
}

TEST(StoryClustererTest, SplitRunsEqualOneRunWithSplits) {
  std::vector<ArticleFeatures> twins = TwinEvents();
  StoryClusterer one;
  ASSERT_TRUE(one.AddAll(twins).ok());
  for (size_t split : {3u, 7u, 11u}) {
    StoryClusterer first;
    for (size_t i = 0; i < split; ++i) ASSERT_TRUE(first.Add(twins[i]).ok());
    Result<StoryClusterer> resumed = StoryClusterer::Deserialize(first.Serialize());
    ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
    for (size_t i = split; i < twins.size(); ++i) ASSERT_TRUE(resumed->Add(twins[i]).ok());
    EXPECT_EQ(resumed->Serialize(), one.Serialize()) << "split " << split;
    EXPECT_EQ(Assignment(*resumed), Assignment(one));
  }
}

// Hand-made features (undated, no dedup signature): each key a term of weight 1. The cosines
// below follow from the IDF of these few articles.
ArticleFeatures Synthetic(const std::string& id, std::vector<uint64_t> keys) {
  ArticleFeatures f;
  f.id = id;
  std::sort(keys.begin(), keys.end());
  for (uint64_t k : keys) f.terms.push_back(Term{k, 1.0f});
  return f;
}

std::vector<uint64_t> Keys(std::initializer_list<std::pair<uint64_t, uint64_t>> ranges) {
  std::vector<uint64_t> out;
  for (const auto& [from, to] : ranges)
    for (uint64_t k = from; k <= to; ++k) out.push_back(k);
  return out;
}

ClusterOptions Rules(bool pair, bool margin) {
  ClusterOptions o;
  if (!pair) o.pair_similarity = 1.0;
  if (!margin) o.margin_similarity = 1.0;
  return o;
}

// A alone, then B sharing 3 of its 10 terms: cosine ~0.26, below min_similarity (0.30) and above
// pair_similarity (0.16).
TEST(StoryClustererTest, LoneArticlesPairAtALowerCosine) {
  const ArticleFeatures a = Synthetic("a", Keys({{1, 10}}));
  const ArticleFeatures b = Synthetic("b", Keys({{1, 3}, {11, 17}}));
  struct Case {
    bool pair, margin, together;
  };
  for (const Case& t : {Case{true, true, true}, Case{true, false, true},
                        Case{false, true, true},  // a lone candidate is a clear winner
                        Case{false, false, false}}) {
    StoryClusterer c(Rules(t.pair, t.margin));
    ASSERT_TRUE(c.Add(a).ok());
    ASSERT_TRUE(c.Add(b).ok());
    EXPECT_EQ(c.StoryOf("a") == c.StoryOf("b"), t.together) << t.pair << t.margin;
  }
  // The pair rule takes a single article only: once A's story has two articles, B stays out
  // (the margin rule off).
  StoryClusterer grown(Rules(true, false));
  ASSERT_TRUE(grown.Add(a).ok());
  ASSERT_TRUE(grown.Add(Synthetic("a2", Keys({{1, 10}}))).ok());
  ASSERT_EQ(grown.StoryOf("a"), grown.StoryOf("a2"));
  ASSERT_TRUE(grown.Add(b).ok());
  EXPECT_NE(grown.StoryOf("a"), grown.StoryOf("b"));
  // Far below both thresholds nothing joins: 1 shared term of 10.
  StoryClusterer far;
  ASSERT_TRUE(far.Add(a).ok());
  ASSERT_TRUE(far.Add(Synthetic("f", Keys({{1, 1}, {20, 28}}))).ok());
  EXPECT_NE(far.StoryOf("a"), far.StoryOf("f"));
}

// Stories A and C; B is ~0.26 from A. It joins A when C is far behind (runner-up ~0.09), not
// when C is as near as A (the pair rule off: both are single articles).
TEST(StoryClustererTest, AClearWinnerJoinsAtALowerCosine) {
  const ArticleFeatures a = Synthetic("a", Keys({{1, 10}}));
  const ArticleFeatures c = Synthetic("c", Keys({{30, 39}}));
  const ArticleFeatures clear = Synthetic("b", Keys({{1, 3}, {30, 30}, {50, 55}}));
  const ArticleFeatures torn = Synthetic("b", Keys({{1, 3}, {30, 32}, {50, 53}}));
  for (bool margin : {true, false}) {
    StoryClusterer s(Rules(false, margin));
    for (const ArticleFeatures& f : {a, c, clear}) ASSERT_TRUE(s.Add(f).ok());
    EXPECT_EQ(s.StoryOf("b") == s.StoryOf("a"), margin);
    EXPECT_NE(s.StoryOf("b"), s.StoryOf("c"));
  }
  StoryClusterer s(Rules(false, true));
  for (const ArticleFeatures& f : {a, c, torn}) ASSERT_TRUE(s.Add(f).ok());
  EXPECT_NE(s.StoryOf("b"), s.StoryOf("a"));
  EXPECT_NE(s.StoryOf("b"), s.StoryOf("c"));
  EXPECT_EQ(s.story_count(), 3u);
}

// A head part of state format 4 (before the pair and margin rules) restores with both rules
// off, so an old corpus goes on clustering as it was saved.
TEST(StoryClustererTest, Format4StateRestoresWithoutTheNewRules) {
  StoryClusterer c;
  ASSERT_TRUE(c.Add(Synthetic("a", Keys({{1, 10}}))).ok());
  const std::string head = c.SerializeStatePart("head");
  // Format 6 head: u32 format, i32 window, f64 x3, then the 3 new f64 (24 bytes).
  std::string old = head.substr(0, 32) + head.substr(56);
  old[0] = 4;
  ASSERT_TRUE(StoryClusterer::IsHeadPart(old));
  for (bool format4 : {false, true}) {
    Result<StoryClusterer> r =
        StoryClusterer::DeserializeStateParts([&](const std::string& name) -> Result<std::string> {
          if (name == "head") return format4 ? old : head;
          return c.SerializeStatePart(name);
        });
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_TRUE(r->Add(Synthetic("b", Keys({{1, 3}, {11, 17}}))).ok());
    EXPECT_EQ(r->StoryOf("a") == r->StoryOf("b"), !format4);
  }
  // Truncated new options are an error.
  EXPECT_FALSE(
      StoryClusterer::DeserializeStateParts([&](const std::string& name) -> Result<std::string> {
        if (name == "head") return head.substr(0, 40);
        return c.SerializeStatePart(name);
      }).ok());
}

TEST(StoryClustererTest, NearDuplicatesAlwaysJoin) {
  StoryClusterer c;
  Article original = MakeArticle(1, 1, "2024-03-01");
  Article copy = original;
  copy.id = "copy";
  copy.headline = "A different headline entirely";
  copy.published = Published{"2024-05-01", "test", 1};  // outside the window
  ArticleFeatures f1 = Featurize(original), f2 = Featurize(copy);
  ASSERT_TRUE(c.Add(f1).ok());
  ASSERT_TRUE(c.Add(Featurize(MakeArticle(3, 1, "2024-04-20"))).ok());
  ASSERT_TRUE(c.Add(f2).ok());
  EXPECT_EQ(c.StoryOf(f1.id), c.StoryOf("copy"));
  EXPECT_EQ(c.DuplicateOf(2).kind, dedup::MatchKind::kExact);
  EXPECT_EQ(c.Story(*c.StoryOf("copy")).last_day, ParseDay("2024-05-01"));
}

TEST(StoryClustererTest, Errors) {
  StoryClusterer c;
  ArticleFeatures f = Featurize(MakeArticle(0, 1, ""));
  ArticleFeatures no_id = f;
  no_id.id = "";
  EXPECT_EQ(c.Add(no_id).code(), StatusCode::kInvalidArgument);
  ArticleFeatures unsorted = f;
  std::swap(unsorted.terms[0], unsorted.terms[1]);
  EXPECT_EQ(c.Add(unsorted).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(c.article_count(), 0u);
  EXPECT_EQ(c.StoryOf("nothing"), std::nullopt);
}

TEST(StoryClustererTest, EmptyArticlesStartTheirOwnStories) {
  StoryClusterer c;
  ArticleFeatures a, b;
  a.id = "a";
  b.id = "b";
  ASSERT_TRUE(c.Add(a).ok());
  ASSERT_TRUE(c.Add(b).ok());
  EXPECT_NE(c.StoryOf("a"), c.StoryOf("b"));
}

TEST(StoryClustererTest, DeserializeRejectsCorruptState) {
  StoryClusterer c;
  ASSERT_TRUE(c.AddAll(Corpus()).ok());
  std::string bytes = c.Serialize();
  EXPECT_FALSE(StoryClusterer::Deserialize("").ok());
  EXPECT_FALSE(StoryClusterer::Deserialize(bytes.substr(0, bytes.size() - 3)).ok());
  EXPECT_FALSE(StoryClusterer::Deserialize(bytes + "z").ok());
  for (size_t cut : {size_t{4}, size_t{60}, bytes.size() / 2})
    EXPECT_FALSE(StoryClusterer::Deserialize(bytes.substr(0, cut)).ok()) << cut;
}

// A dedup window far smaller than the corpus: evictions happen between the cuts, and a
// restored clusterer still ends exactly like one run.
TEST(StoryClustererTest, SplitRunsEqualOneRunWithASmallDedupWindow) {
  std::vector<ArticleFeatures> corpus = LongCorpus();
  ClusterOptions o;
  o.dedup.window_articles = 10;
  StoryClusterer one(o);
  ASSERT_TRUE(one.AddAll(corpus).ok());
  ExpectSplitRunsEqual(corpus, one, o, {5, 13, 100, 287});
  // Re-adding an article that left the dedup window changes nothing.
  const std::string before = one.Serialize();
  ASSERT_TRUE(one.Add(corpus[0]).ok());
  EXPECT_EQ(one.Serialize(), before);
}

TEST(StoryClustererTest, StateInPartsRoundTrips) {
  StoryClusterer c;
  ASSERT_TRUE(c.AddAll(Corpus()).ok());
  const std::vector<std::string> names = c.StatePartNames();
  EXPECT_EQ(names, (std::vector<std::string>{"head", "a0", "s0"}));
  std::vector<std::pair<std::string, std::string>> parts;
  for (const std::string& name : names) parts.emplace_back(name, c.SerializeStatePart(name));
  EXPECT_EQ(c.SerializeStatePart("a1"), "");  // not a part of this state
  EXPECT_EQ(c.SerializeStatePart("x0"), "");
  EXPECT_EQ(c.SerializeStatePart("a"), "");
  std::vector<std::string> asked;
  auto reader = [&](const std::string& name) -> Result<std::string> {
    asked.push_back(name);
    for (const auto& [have, bytes] : parts)
      if (have == name) return bytes;
    return Status::NotFound(name);
  };
  Result<StoryClusterer> back = StoryClusterer::DeserializeStateParts(reader);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(asked, names);
  EXPECT_EQ(back->Serialize(), c.Serialize());
  EXPECT_EQ(Assignment(*back), Assignment(c));
  // A missing or damaged part stops the restore.
  parts.pop_back();
  EXPECT_FALSE(StoryClusterer::DeserializeStateParts(reader).ok());
  parts.emplace_back("s0", "garbage");
  EXPECT_FALSE(StoryClusterer::DeserializeStateParts(reader).ok());
  parts.back().second = c.SerializeStatePart("s0");
  parts[1].second += "x";  // trailing bytes in a0
  EXPECT_FALSE(StoryClusterer::DeserializeStateParts(reader).ok());
}

// Adding articles leaves the parts of earlier closed stories as they were: a caller that saves
// only changed parts rewrites the head and the newest parts.
TEST(StoryClustererTest, NewArticlesChangeTheHeadAndTheNewestParts) {
  std::vector<ArticleFeatures> corpus = LongCorpus();
  StoryClusterer c;
  for (size_t i = 0; i < 200; ++i) ASSERT_TRUE(c.Add(corpus[i]).ok());
  const std::string head = c.SerializeStatePart("head");
  const std::string a0 = c.SerializeStatePart("a0");
  for (size_t i = 200; i < corpus.size(); ++i) ASSERT_TRUE(c.Add(corpus[i]).ok());
  EXPECT_NE(c.SerializeStatePart("head"), head);
  EXPECT_NE(c.SerializeStatePart("a0"), a0);  // 88 more articles in the first part
  // The first part's first 200 records are unchanged (stories closed, nothing moved).
  EXPECT_EQ(c.SerializeStatePart("a0").substr(0, 100), a0.substr(0, 100));
}

TEST(PublicationOrderTest, UndatedArticlesKeepTheirPlace) {
  std::vector<ArticleFeatures> batch(5);
  batch[0].day = 10;
  batch[1].day = std::nullopt;  // follows day 10
  batch[2].day = 5;
  batch[3].day = std::nullopt;  // follows day 5
  batch[4].day = 10;
  EXPECT_EQ(PublicationOrder(batch), (std::vector<size_t>{2, 3, 0, 1, 4}));
  std::vector<ArticleFeatures> undated(3);
  EXPECT_EQ(PublicationOrder(undated), (std::vector<size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace parallax::stories
