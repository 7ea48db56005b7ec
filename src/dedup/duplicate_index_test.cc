// DuplicateIndex on generated articles: exact duplicates, near-duplicates with edits, wire copies
// (trimmed, with an added intro), unrelated articles, idempotent re-adds and resumable state.
#include "src/dedup/duplicate_index.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace parallax::dedup {
namespace {

// A fictional agency story: `paragraphs` paragraphs of generated sentences. Different seeds
// give unrelated stories (disjoint vocabularies are not needed: 5-word shingles rarely repeat).
std::vector<std::string> Story(uint32_t seed, int paragraphs) {
  static const char* kWords[] = {
      "council", "harbour", "minister", "Varnholm",  "budget",  "officials", "said",   "the",
      "a",       "of",      "on",       "new",       "plan",    "river",     "bridge", "vote",
      "mayor",   "Tuesday", "agency",   "report",    "workers", "strike",    "city",   "north",
      "south",   "ferry",   "company",  "Kellbrook", "police",  "market",    "prices", "rose",
      "fell",    "after",   "before",   "during",    "meeting", "residents", "told",   "reporters",
      "and",     "in",      "to",       "with",      "from",    "would",     "could",  "not"};
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (int p = 0; p < paragraphs; ++p) {
    std::string para;
    for (int s = 0; s < 3; ++s) {
      int len = 10 + rng() % 10;
      for (int w = 0; w < len; ++w) {
        std::string word = kWords[rng() % (sizeof(kWords) / sizeof(kWords[0]))];
        if (w == 0) word[0] = static_cast<char>(std::toupper(word[0]));
        para += word;
        para += (w + 1 == len) ? ". " : " ";
      }
    }
    out.push_back(para);
  }
  return out;
}

std::string Join(const std::vector<std::string>& paragraphs, size_t from = 0,
                 size_t to = std::string::npos) {
  std::string out;
  for (size_t i = from; i < paragraphs.size() && i < to; ++i) out += paragraphs[i] + "\n\n";
  return out;
}

TEST(DuplicateIndexTest, ExactDuplicateAfterNormalisation) {
  DuplicateIndex index;
  std::string body = Join(Story(1, 6));
  std::string shouted = body;
  for (char& c : shouted) c = static_cast<char>(std::toupper(c));
  ASSERT_EQ(index.Add("a", ComputeSignature(body))->kind, MatchKind::kNone);
  Match m = *index.Add("b", ComputeSignature(shouted));
  EXPECT_EQ(m.kind, MatchKind::kExact);
  EXPECT_EQ(*m.other, 0u);
  EXPECT_EQ(m.group, 0u);
}

TEST(DuplicateIndexTest, NearDuplicateWithSmallEdits) {
  DuplicateIndex index;
  std::vector<std::string> story = Story(2, 8);
  ASSERT_TRUE(index.Add("agency", ComputeSignature(Join(story))).ok());
  std::vector<std::string> edited = story;
  edited[2] = Story(99, 1)[0];         // one paragraph rewritten
  edited[5].replace(0, 7, "Earlier");  // a word changed
  Match m = *index.Add("outlet", ComputeSignature(Join(edited)));
  EXPECT_EQ(m.kind, MatchKind::kNear) << m.jaccard;
  EXPECT_GE(m.jaccard, 0.5);
  EXPECT_EQ(m.group, 0u);
}

TEST(DuplicateIndexTest, WireCopyRunByTenOutletsIsOneGroup) {
  DuplicateIndex index;
  std::vector<std::string> story = Story(3, 10);
  ASSERT_TRUE(index.Add("agency", ComputeSignature(Join(story))).ok());
  std::vector<std::string> bodies;
  bodies.push_back(Join(story, 0, 7));                        // trims the last paragraphs
  bodies.push_back(Story(50, 1)[0] + "\n\n" + Join(story));   // adds an intro
  bodies.push_back(Join(story, 0, 6) + Story(51, 1)[0]);      // trims and adds a note
  bodies.push_back(Join(story, 1));                           // drops the first paragraph
  for (int i = 0; i < 6; ++i) bodies.push_back(Join(story));  // runs it verbatim
  for (size_t i = 0; i < bodies.size(); ++i) {
    Match m = *index.Add("outlet" + std::to_string(i), ComputeSignature(bodies[i]));
    EXPECT_NE(m.kind, MatchKind::kNone) << "outlet " << i;
    EXPECT_EQ(m.group, 0u) << "outlet " << i;
  }
}

TEST(DuplicateIndexTest, UnrelatedArticlesDoNotMatch) {
  DuplicateIndex index;
  for (uint32_t s = 0; s < 200; ++s) {
    Match m = *index.Add("a" + std::to_string(s), ComputeSignature(Join(Story(1000 + s, 5))));
    EXPECT_EQ(m.kind, MatchKind::kNone) << s << " matched " << m.other.value_or(0);
    EXPECT_EQ(m.group, m.index);
  }
}

TEST(DuplicateIndexTest, ShortCopiesNeedEnoughShinglesForContainment) {
  DuplicateIndex index;
  std::vector<std::string> story = Story(4, 10);
  ASSERT_TRUE(index.Add("long", ComputeSignature(Join(story))).ok());
  // Ten words of the story: contained, but too short to call a wire copy.
  std::string first = story[0].substr(0, story[0].find(' ', 40));
  Match m = *index.Add("snippet", ComputeSignature(first));
  EXPECT_EQ(m.kind, MatchKind::kNone);
}

TEST(DuplicateIndexTest, EmptySignaturesNeverMatch) {
  DuplicateIndex index;
  EXPECT_EQ(index.Add("a", Signature())->kind, MatchKind::kNone);
  EXPECT_EQ(index.Add("b", Signature())->kind, MatchKind::kNone);
  EXPECT_EQ(index.size(), 2u);
}

TEST(DuplicateIndexTest, EmptyIdIsAnError) {
  DuplicateIndex index;
  Result<Match> m = index.Add("", ComputeSignature("some words here"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
}

TEST(DuplicateIndexTest, ReAddingAnIdIsIdempotent) {
  DuplicateIndex index;
  Signature s = ComputeSignature(Join(Story(5, 4)));
  ASSERT_TRUE(index.Add("a", s).ok());
  Match first = *index.Add("b", s);
  Match again = *index.Add("b", s);
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(again.kind, first.kind);
  EXPECT_EQ(again.index, first.index);
  EXPECT_EQ(again.other, first.other);
  EXPECT_EQ(index.Find("b"), std::optional<uint32_t>(1));
  EXPECT_EQ(index.Find("zzz"), std::nullopt);
}

TEST(DuplicateIndexTest, FindsEveryIdAfterTheTablesGrow) {
  DuplicateIndex index;
  const Signature empty;
  // Ids of every length the packed id store meets: one byte, 16 hex digits, long, non-ASCII.
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) {
    switch (i % 4) {
      case 0:
        ids.push_back(std::string(1, static_cast<char>('!' + i % 90)) + std::to_string(i));
        break;
      case 1:
        ids.push_back(std::string(16 - std::to_string(i).size(), '0') + std::to_string(i));
        break;
      case 2:
        ids.push_back(std::string(300, 'x') + std::to_string(i));
        break;
      default:
        ids.push_back("\u0418\u0434-" + std::to_string(i));
        break;
    }
  }
  // The first few hundred with real (unrelated) texts, so the band table grows too.
  for (size_t i = 0; i < ids.size(); ++i) {
    Result<Match> m =
        index.Add(ids[i], i < 300 ? ComputeSignature(Join(Story(1000 + i, 2))) : empty);
    ASSERT_TRUE(m.ok()) << ids[i];
    EXPECT_EQ(m->kind, MatchKind::kNone) << ids[i];
  }
  ASSERT_EQ(index.size(), ids.size());
  for (uint32_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(index.Find(ids[i]), std::optional<uint32_t>(i));
    EXPECT_EQ(index.id(i), ids[i]);
  }
  EXPECT_FALSE(index.Find("absent").has_value());
  EXPECT_FALSE(index.Find(ids[5].substr(0, ids[5].size() - 1)).has_value());
  EXPECT_EQ(index.Add(std::string(70000, 'y'), empty).status().code(),
            StatusCode::kInvalidArgument);
  Result<DuplicateIndex> restored = DuplicateIndex::Deserialize(index.Serialize());
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  for (uint32_t i = 0; i < ids.size(); i += 7) EXPECT_EQ(restored->Find(ids[i]), i);
}

TEST(DuplicateIndexTest, QueryDoesNotAdd) {
  DuplicateIndex index;
  Signature s = ComputeSignature(Join(Story(6, 4)));
  ASSERT_TRUE(index.Add("a", s).ok());
  Match m = index.Query(s);
  EXPECT_EQ(m.kind, MatchKind::kExact);
  EXPECT_EQ(index.size(), 1u);
}

TEST(DuplicateIndexTest, SplitRunWithSerialisedStateMatchesOneRun) {
  std::vector<Signature> sigs;
  for (uint32_t s = 0; s < 40; ++s) {
    std::vector<std::string> story = Story(200 + s % 13, 6);  // 13 stories, repeated with edits
    sigs.push_back(ComputeSignature(Join(story, s % 3, 6 - s % 2)));
  }
  DuplicateIndex one;
  std::vector<Match> expected;
  for (size_t i = 0; i < sigs.size(); ++i) expected.push_back(*one.Add(std::to_string(i), sigs[i]));

  DuplicateIndex first;
  for (size_t i = 0; i < 17; ++i) ASSERT_TRUE(first.Add(std::to_string(i), sigs[i]).ok());
  Result<DuplicateIndex> resumed = DuplicateIndex::Deserialize(first.Serialize());
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  for (size_t i = 0; i < 17; ++i) {
    Match m = *resumed->Add(std::to_string(i), sigs[i]);  // re-run of the first part
    EXPECT_EQ(m.group, expected[i].group);
  }
  for (size_t i = 17; i < sigs.size(); ++i) {
    Match m = *resumed->Add(std::to_string(i), sigs[i]);
    EXPECT_EQ(m.kind, expected[i].kind) << i;
    EXPECT_EQ(m.group, expected[i].group) << i;
    EXPECT_EQ(m.other, expected[i].other) << i;
  }
  EXPECT_EQ(resumed->Serialize(), one.Serialize());
}

TEST(DuplicateIndexTest, DeserializeRejectsCorruptState) {
  DuplicateIndex index;
  ASSERT_TRUE(index.Add("a", ComputeSignature(Join(Story(7, 3)))).ok());
  std::string bytes = index.Serialize();
  EXPECT_FALSE(DuplicateIndex::Deserialize("").ok());
  EXPECT_FALSE(DuplicateIndex::Deserialize(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_FALSE(DuplicateIndex::Deserialize(bytes + "x").ok());
  std::string huge_count = bytes;
  huge_count[31] = '\xFF';  // the article count's top bytes (offset 28..31)
  huge_count[30] = '\xFF';
  EXPECT_FALSE(DuplicateIndex::Deserialize(huge_count).ok());
  std::string bad_window = bytes;
  bad_window[32] = '\x09';  // window start (offset 32..35) past the article count (1)
  EXPECT_FALSE(DuplicateIndex::Deserialize(bad_window).ok());
  for (size_t cut = 0; cut < bytes.size(); cut += 17)
    EXPECT_FALSE(DuplicateIndex::Deserialize(bytes.substr(0, cut)).ok()) << cut;
}

DuplicateOptions Window(uint32_t articles) {
  DuplicateOptions o;
  o.window_articles = articles;
  return o;
}

// Window of 8: once more than 10 articles hold a signature, the oldest are evicted down to 8.
TEST(DuplicateIndexTest, WindowForgetsOldArticlesButKeepsTheirIds) {
  DuplicateIndex index(Window(8));
  const std::string first = Join(Story(300, 5));
  ASSERT_EQ(index.Add("first", ComputeSignature(first))->kind, MatchKind::kNone);
  // A copy within the window is found.
  Match early = *index.Add("copy-early", ComputeSignature(first));
  EXPECT_EQ(early.kind, MatchKind::kExact);
  EXPECT_EQ(early.other, std::optional<uint32_t>(0));
  for (uint32_t i = 0; i < 9; ++i)
    ASSERT_EQ(
        index.Add("other" + std::to_string(i), ComputeSignature(Join(Story(310 + i, 4))))->kind,
        MatchKind::kNone);
  // 11 articles: evicted down to the newest 8.
  EXPECT_EQ(index.size(), 11u);
  EXPECT_EQ(index.window_start(), 3u);
  // Both copies are out of the window now: a third copy is new.
  Match late = *index.Add("copy-late", ComputeSignature(first));
  EXPECT_EQ(late.kind, MatchKind::kNone);
  EXPECT_EQ(late.group, 11u);
  // Ids and group sizes outlive the window.
  EXPECT_EQ(index.Find("first"), std::optional<uint32_t>(0));
  EXPECT_EQ(index.id(1), "copy-early");
  EXPECT_EQ(index.GroupSize(0), 2u);
  // An evicted article's match record is gone; a re-add changes nothing.
  EXPECT_EQ(index.MatchOf(1).kind, MatchKind::kNone);
  EXPECT_EQ(index.Add("copy-early", ComputeSignature(first))->index, 1u);
  EXPECT_EQ(index.size(), 12u);
  // Within the window, a copy of the late copy is found.
  Match again = *index.Add("copy-again", ComputeSignature(first));
  EXPECT_EQ(again.kind, MatchKind::kExact);
  EXPECT_EQ(again.other, std::optional<uint32_t>(11));
}

TEST(DuplicateIndexTest, WindowZeroKeepsEverything) {
  DuplicateIndex index(Window(0));
  const std::string first = Join(Story(330, 5));
  ASSERT_TRUE(index.Add("first", ComputeSignature(first)).ok());
  for (uint32_t i = 0; i < 40; ++i)
    ASSERT_TRUE(index.Add("o" + std::to_string(i), ComputeSignature(Join(Story(340 + i, 3)))).ok());
  EXPECT_EQ(index.window_start(), 0u);
  EXPECT_EQ(index.Add("copy", ComputeSignature(first))->kind, MatchKind::kExact);
}

// Resuming from any point, across evictions, ends in the state of one run.
TEST(DuplicateIndexTest, SplitRunsAcrossEvictionsMatchOneRun) {
  std::vector<Signature> sigs;
  for (uint32_t s = 0; s < 60; ++s) {
    std::vector<std::string> story = Story(400 + s % 9, 6);  // 9 stories, repeated with edits
    sigs.push_back(ComputeSignature(Join(story, s % 3, 6 - s % 2)));
  }
  DuplicateIndex one(Window(6));
  std::vector<Match> expected;
  for (size_t i = 0; i < sigs.size(); ++i) expected.push_back(*one.Add(std::to_string(i), sigs[i]));
  EXPECT_GT(one.window_start(), 40u);
  for (size_t split : {size_t{1}, size_t{7}, size_t{8}, size_t{23}, size_t{59}}) {
    DuplicateIndex first(Window(6));
    for (size_t i = 0; i < split; ++i) ASSERT_TRUE(first.Add(std::to_string(i), sigs[i]).ok());
    Result<DuplicateIndex> resumed = DuplicateIndex::Deserialize(first.Serialize());
    ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
    EXPECT_EQ(resumed->Serialize(), first.Serialize()) << split;
    for (size_t i = split; i < sigs.size(); ++i) {
      Match m = *resumed->Add(std::to_string(i), sigs[i]);
      EXPECT_EQ(m.kind, expected[i].kind) << split << " " << i;
      EXPECT_EQ(m.group, expected[i].group) << split << " " << i;
      EXPECT_EQ(m.other, expected[i].other) << split << " " << i;
    }
    EXPECT_EQ(resumed->Serialize(), one.Serialize()) << split;
  }
}

}  // namespace
}  // namespace parallax::dedup
