#include "parallax/corpus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "parallax/store.h"
#include "src/corpus/journal.h"
#include "src/corpus/writer_hooks.h"
#include "src/store/test_util.h"
#include "src/stories/clusterer.h"
#include "src/stories/test_corpus.h"

namespace parallax {
namespace {

using store::testing::TempDir;

// A fictional corpus: six events over a few weeks, some undated articles, and copies (an exact
// copy differing only in case and punctuation, a wire copy with an extra paragraph).
std::vector<Article> Corpus(size_t n) {
  std::vector<Article> out;
  for (size_t i = 0; out.size() < n; ++i) {
    const int event = static_cast<int>(i % 6);
    std::string date;
    if (i % 7 != 3) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "2031-03-%02zu", 1 + (i / 6 + event * 3) % 28);
      date = buf;
    }
    Article a = stories::testing::MakeArticle(event, static_cast<uint32_t>(i), date);
    a.source = "gen/" + std::to_string(i) + ".txt";
    out.push_back(a);
    if (i % 11 == 5 && out.size() < n) {
      Article copy = a;
      for (char& c : copy.text) c = static_cast<char>(std::toupper(c));
      copy.text += "!";
      copy.blocks[0].span.end = static_cast<uint32_t>(copy.text.size());
      copy.id = HashHex(copy.text);
      copy.source = a.source + ".copy";
      out.push_back(copy);
    }
  }
  return out;
}

// Everything the corpus stages decided, per article: story, duplicate_of; and every story row.
struct Outcome {
  std::map<std::string, std::tuple<int64_t, std::string>> articles;
  std::vector<std::tuple<int64_t, std::string, std::string, std::string, int64_t>> stories;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

Outcome Read(Store* store) {
  Outcome o;
  ArticleFilter all;
  all.limit = 0;
  Result<std::vector<ArticleSummary>> rows = store->ListArticles(all);
  EXPECT_TRUE(rows.ok());
  for (const ArticleSummary& s : *rows) {
    o.articles[s.id] = {s.story_id.value_or(-1), s.duplicate_of.value_or("")};
  }
  StoryFilter sf;
  sf.limit = 0;
  Result<std::vector<StorySummary>> stories = store->ListStories(sf);
  EXPECT_TRUE(stories.ok());
  for (const StorySummary& s : *stories) {
    o.stories.emplace_back(s.id, s.label, s.first, s.last, s.article_count);
  }
  std::sort(o.stories.begin(), o.stories.end());
  return o;
}

class CorpusWriterTest : public ::testing::Test {
 protected:
  Store OpenStore(const std::string& name = "c.db") {
    Result<Store> s = Store::Open(dir_.File(name));
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return std::move(s).value();
  }

  // Adds articles[from, to) with a fresh writer; finishes unless `crash` (pending articles are
  // then lost, as in a kill).
  CorpusStats Run(Store* store, const std::vector<Article>& articles, size_t from, size_t to,
                  bool crash, CorpusOptions options) {
    Result<std::unique_ptr<CorpusWriter>> w = CorpusWriter::Open(store, options);
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    if (!w.ok()) return {};
    for (size_t i = from; i < to; ++i) EXPECT_TRUE((*w)->Add(articles[i]).ok());
    if (!crash) EXPECT_TRUE((*w)->Finish().ok());
    return (*w)->stats();
  }

  Outcome Reference(const std::vector<Article>& articles, const CorpusOptions& options) {
    Store store = OpenStore("reference-" + std::to_string(++refs_) + ".db");
    Run(&store, articles, 0, articles.size(), false, options);
    return Read(&store);
  }

  TempDir dir_;
  int refs_ = 0;
};

TEST_F(CorpusWriterTest, StoresArticlesStoriesAndDuplicates) {
  const std::vector<Article> articles = Corpus(200);
  Store store = OpenStore();
  CorpusOptions options;
  options.batch_articles = 40;
  CorpusStats stats = Run(&store, articles, 0, articles.size(), false, options);
  EXPECT_EQ(stats.added, articles.size());
  EXPECT_EQ(stats.batches, 6u);      // five full batches, then the checkpoint at Finish
  EXPECT_EQ(stats.checkpoints, 1u);  // at Finish only: 200 < checkpoint_min_articles
  EXPECT_GE(stats.duplicates, 10u);
  Result<StoreCounts> counts = store.Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 200);
  EXPECT_EQ(static_cast<size_t>(counts->duplicates), stats.duplicates);
  EXPECT_EQ(static_cast<size_t>(counts->stories), stats.stories_created);
  // Six events: a handful of stories, not one per article, not one for all.
  EXPECT_GE(counts->stories, 6);
  EXPECT_LE(counts->stories, 40);
  Outcome o = Read(&store);
  for (const Article& a : articles) {
    ASSERT_EQ(o.articles.count(a.id), 1u);
    EXPECT_GE(std::get<0>(o.articles[a.id]), 0) << a.source << " has no story";
    if (a.source.size() > 5 && a.source.substr(a.source.size() - 5) == ".copy") {
      EXPECT_FALSE(std::get<1>(o.articles[a.id]).empty()) << a.source << " not a duplicate";
      // A copy is in its original's story.
      EXPECT_EQ(std::get<0>(o.articles[a.id]),
                std::get<0>(o.articles[std::get<1>(o.articles[a.id])]));
    }
  }
  for (const auto& s : o.stories) EXPECT_FALSE(std::get<1>(s).empty()) << "story without label";
}

TEST_F(CorpusWriterTest, ReingestAddsNothing) {
  const std::vector<Article> articles = Corpus(120);
  Store store = OpenStore();
  CorpusOptions options;
  options.batch_articles = 50;
  Run(&store, articles, 0, articles.size(), false, options);
  Outcome before = Read(&store);
  CorpusStats again = Run(&store, articles, 0, articles.size(), false, options);
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.already_stored, articles.size());
  EXPECT_EQ(again.batches, 0u);
  EXPECT_EQ(Read(&store), before);
  // Repeats inside one run are dropped too.
  Store other = OpenStore("other.db");
  std::vector<Article> twice = articles;
  twice.insert(twice.end(), articles.begin(), articles.begin() + 30);
  CorpusStats s = Run(&other, twice, 0, twice.size(), false, options);
  EXPECT_EQ(s.added, articles.size());
  EXPECT_EQ(s.already_stored, 30u);
}

// The crash-resume contract: whatever batch the previous run stopped after, and whether the
// state was checkpointed or must be replayed from the journal, the final outcome equals one
// uninterrupted run.
TEST_F(CorpusWriterTest, InterruptedRunsEndLikeOneRun) {
  const std::vector<Article> articles = Corpus(260);
  for (size_t checkpoint_min : {size_t{100000}, size_t{30}, size_t{1}}) {
    CorpusOptions options;
    options.batch_articles = 40;
    options.checkpoint_min_articles = checkpoint_min;
    const Outcome reference = Reference(articles, options);
    for (size_t stop : {size_t{0}, size_t{39}, size_t{40}, size_t{95}, size_t{200}}) {
      SCOPED_TRACE("checkpoint_min " + std::to_string(checkpoint_min) + ", killed after " +
                   std::to_string(stop));
      Store store =
          OpenStore("crash-" + std::to_string(checkpoint_min) + "-" + std::to_string(stop) + ".db");
      Run(&store, articles, 0, stop, /*crash=*/true, options);
      // A second crash, later, over a resumed writer.
      Run(&store, articles, 0, std::min(articles.size(), stop + 70), /*crash=*/true, options);
      CorpusStats last = Run(&store, articles, 0, articles.size(), false, options);
      if (checkpoint_min > 1000 && stop >= 40) EXPECT_GT(last.replayed, 0u);
      EXPECT_EQ(Read(&store), reference);
    }
  }
}

// The clusterer state is saved as parts (corpus.clusterer = the head, .a0, .s0 for a small corpus),
// not as one value; a later checkpoint rewrites only what changed, and resumes from it.
TEST_F(CorpusWriterTest, StateIsSavedInParts) {
  const std::vector<Article> articles = Corpus(150);
  CorpusOptions options;
  options.batch_articles = 50;
  const Outcome reference = Reference(articles, options);
  Store store = OpenStore();
  Run(&store, articles, 0, 100, false, options);
  for (const char* key : {"corpus.clusterer", "corpus.clusterer.a0", "corpus.clusterer.s0"}) {
    Result<std::optional<std::string>> bytes = store.GetState(key);
    ASSERT_TRUE(bytes.ok());
    EXPECT_TRUE(bytes->has_value() && !(*bytes)->empty()) << key;
  }
  EXPECT_TRUE(stories::StoryClusterer::IsHeadPart(**store.GetState("corpus.clusterer")));
  EXPECT_FALSE(store.GetState("corpus.clusterer.head")->has_value());
  EXPECT_FALSE(store.GetState("corpus.clusterer.a1")->has_value());
  Run(&store, articles, 100, articles.size(), false, options);
  EXPECT_EQ(Read(&store), reference);
}

TEST_F(CorpusWriterTest, RunsOverPartsEqualOneRunWithTheSameCuts) {
  const std::vector<Article> articles = Corpus(200);
  CorpusOptions options;
  options.batch_articles = 40;
  const Outcome reference = Reference(articles, options);
  Store store = OpenStore();
  Run(&store, articles, 0, 80, false, options);
  Run(&store, articles, 80, 160, false, options);
  Run(&store, articles, 0, articles.size(), false, options);  // the first 160 again, then the rest
  EXPECT_EQ(Read(&store), reference);
}

// IngestPaths's writer: batches written on a store thread, corpus ids handed out at Open.
TEST_F(CorpusWriterTest, AsyncWritesEndLikeSyncWrites) {
  const std::vector<Article> articles = Corpus(230);
  CorpusOptions options;
  options.batch_articles = 40;
  options.checkpoint_min_articles = 50;
  const Outcome reference = Reference(articles, options);
  for (size_t stop : {size_t{0}, size_t{40}, size_t{95}, size_t{230}}) {
    SCOPED_TRACE("killed after " + std::to_string(stop));
    Store store = OpenStore("async-" + std::to_string(stop) + ".db");
    std::vector<uint64_t> known = {42};
    {
      corpus::WriterHooksScope hooks(corpus::WriterHooks{true, &known});
      CorpusStats first = Run(&store, articles, 0, stop, /*crash=*/true, options);
      EXPECT_TRUE(known.empty());  // a new corpus: cleared
      EXPECT_LE(first.added, stop);
    }
    EXPECT_FALSE(corpus::CurrentWriterHooks().async_writes);  // the scope ended
    Result<StoreCounts> counts = store.Counts();
    ASSERT_TRUE(counts.ok());
    {
      corpus::WriterHooksScope hooks(corpus::WriterHooks{true, &known});
      EXPECT_TRUE(corpus::CurrentWriterHooks().async_writes);
      CorpusStats rest = Run(&store, articles, 0, articles.size(), false, options);
      // Every article committed by the first run was known before analysis.
      EXPECT_EQ(known.size(), static_cast<size_t>(counts->articles));
      EXPECT_TRUE(std::is_sorted(known.begin(), known.end()));
      EXPECT_EQ(rest.added + known.size(), articles.size());
    }
    EXPECT_EQ(Read(&store), reference);
    for (const Article& a : articles) {
      Result<bool> has = store.HasArticle(a.id);
      ASSERT_TRUE(has.ok());
      ASSERT_TRUE(*has);
    }
  }
}

TEST(WriterHooksTest, IdValues) {
  const std::vector<std::pair<std::string, std::optional<uint64_t>>> cases = {
      {"0000000000000000", 0},
      {"00000000000000ff", 255},
      {"FFFFFFFFFFFFFFFF", UINT64_MAX},
      {"8a3Bc4d5e6f70812", 0x8a3bc4d5e6f70812ULL},
      {"", std::nullopt},
      {"ff", std::nullopt},
      {"00000000000000000", std::nullopt},  // 17 digits
      {"000000000000000g", std::nullopt},
      {"00000000 0000000", std::nullopt},
      {"\xc3\xa9"
       "00000000000000",
       std::nullopt},
  };
  for (const auto& [id, want] : cases) EXPECT_EQ(corpus::IdValue(id), want) << id;
  std::vector<uint64_t> sorted = {1, 255, 0x8a3bc4d5e6f70812ULL};
  EXPECT_TRUE(corpus::KnownId(sorted, "00000000000000FF"));
  EXPECT_TRUE(corpus::KnownId(sorted, "8a3bc4d5e6f70812"));
  EXPECT_FALSE(corpus::KnownId(sorted, "0000000000000002"));
  EXPECT_FALSE(corpus::KnownId(sorted, "1"));
  EXPECT_FALSE(corpus::KnownId({}, "0000000000000001"));
}

TEST_F(CorpusWriterTest, FailuresAndRejectedArticlesAreRecorded) {
  Store store = OpenStore();
  Result<std::unique_ptr<CorpusWriter>> w = CorpusWriter::Open(&store);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->AddFailure({"data/a.jsonl:17", "line 17: not JSON"}).ok());
  ASSERT_TRUE((*w)->AddFailure({"crawl.warc.gz@1234", "skipped: not HTML (image/png)"}).ok());
  ASSERT_TRUE((*w)->AddFailure({"notes/b.bin", "binary content: PNG"}).ok());
  Article bad = stories::testing::MakeArticle(0, 1, "");
  bad.source = "bad.txt";
  bad.sentences.push_back({Span{0, static_cast<uint32_t>(bad.text.size() + 5)}});
  std::optional<Failure> rejected;
  ASSERT_TRUE((*w)->Add(bad, &rejected).ok());
  ASSERT_TRUE(rejected.has_value());
  EXPECT_EQ(rejected->reason, "not stored: sentence span outside text");
  ASSERT_TRUE((*w)->Add(stories::testing::MakeArticle(1, 1, "")).ok());
  ASSERT_TRUE((*w)->Finish().ok());
  EXPECT_EQ((*w)->stats().failed, 4u);
  EXPECT_EQ((*w)->stats().added, 1u);
  EXPECT_EQ((*w)->article_count(), 1u);
  Result<std::vector<FailureRecord>> failures = store.ListFailures();
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), 4u);
  EXPECT_EQ((*failures)[0].source, "data/a.jsonl");
  EXPECT_EQ((*failures)[0].record, "line 17");
  EXPECT_EQ((*failures)[1].source, "crawl.warc.gz");
  EXPECT_EQ((*failures)[1].record, "offset 1234");
  EXPECT_EQ((*failures)[2].record, "");
  EXPECT_EQ((*failures)[3].source, "bad.txt");
  Result<bool> has = store.HasArticle(bad.id);
  ASSERT_TRUE(has.ok());
  EXPECT_FALSE(*has);
}

TEST_F(CorpusWriterTest, StoreErrorsStopTheWriter) {
  { Store store = OpenStore("ro.db"); }
  StoreOptions ro;
  ro.read_only = true;
  Result<Store> store = Store::Open(dir_.File("ro.db"), ro);
  ASSERT_TRUE(store.ok());
  CorpusOptions options;
  options.batch_articles = 2;
  Result<std::unique_ptr<CorpusWriter>> w = CorpusWriter::Open(&*store, options);
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE((*w)->Add(stories::testing::MakeArticle(1, 1, "")).ok());
  EXPECT_FALSE((*w)->Add(stories::testing::MakeArticle(1, 2, "")).ok());
  EXPECT_FALSE((*w)->Add(stories::testing::MakeArticle(1, 3, "")).ok());
  EXPECT_FALSE((*w)->Finish().ok());
  EXPECT_EQ(CorpusWriter::Open(&*store, CorpusOptions{0}).status().code(),
            StatusCode::kInvalidArgument);

  // Asynchronous writes: the failed batch is reported by the next flush (here Finish), and
  // the writer refuses further calls.
  corpus::WriterHooksScope hooks(corpus::WriterHooks{true, nullptr});
  Result<std::unique_ptr<CorpusWriter>> a = CorpusWriter::Open(&*store, options);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE((*a)->Add(stories::testing::MakeArticle(1, 1, "")).ok());
  (void)(*a)->Add(stories::testing::MakeArticle(1, 2, ""));  // hands the batch over
  EXPECT_FALSE((*a)->Finish().ok());
  EXPECT_FALSE((*a)->Add(stories::testing::MakeArticle(1, 3, "")).ok());
  EXPECT_EQ((*a)->stats().added, 0u);
}

TEST(SplitFailureSourceTest, Table) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"a.jsonl:17", "a.jsonl", "line 17"},
      {"dir/x.warc.gz@0", "dir/x.warc.gz", "offset 0"},
      {"x.warc.gz@120+344", "x.warc.gz", "offset 120+344"},
      {"plain.txt", "plain.txt", ""},
      {"-", "-", ""},
      {"", "", ""},
      {"user@host.txt", "user@host.txt", ""},
      {"c:12a", "c:12a", ""},
      {":12", ":12", ""},
      {"@12", "@12", ""},
      {"a@b:3", "a@b", "line 3"},
      {"заметки.txt:5", "заметки.txt", "line 5"},
  };
  for (const auto& [in, source, record] : cases) {
    auto [s, r] = SplitFailureSource(in);
    EXPECT_EQ(s, source) << in;
    EXPECT_EQ(r, record) << in;
  }
}

TEST(JournalTest, RoundTripsAndRejectsGarbage) {
  std::vector<corpus::JournalEntry> entries = {
      {"0123456789abcdef", 19716}, {"fedcba9876543210", std::nullopt}, {"x", -5}};
  Result<std::vector<corpus::JournalEntry>> back =
      corpus::ParseJournal(corpus::SerializeJournal(entries));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ((*back)[0].id, "0123456789abcdef");
  EXPECT_EQ((*back)[0].day, 19716);
  EXPECT_FALSE((*back)[1].day.has_value());
  EXPECT_EQ((*back)[2].day, -5);
  EXPECT_TRUE(corpus::ParseJournal("").ok());
  std::string bytes = corpus::SerializeJournal(entries);
  EXPECT_FALSE(corpus::ParseJournal(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(corpus::ParseJournal(std::string("\xFF\xFF\xFF\x7F", 4)).ok());

  Result<corpus::Meta> meta = corpus::ParseMeta(corpus::SerializeMeta({12, 8}));
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->batches, 12u);
  EXPECT_EQ(meta->checkpoint_batch, 8u);
  for (std::string bad : {"", "parallax.corpus/1", "parallax.corpus/1 3 4", "parallax.corpus/1 a b",
                          "parallax.corpus/2 1 1", "parallax.corpus/1 5 1 junk"}) {
    EXPECT_FALSE(corpus::ParseMeta(bad).ok()) << bad;
  }
}

TEST(JournalTest, DayToIso) {
  EXPECT_EQ(corpus::DayToIso(0), "1970-01-01");
  EXPECT_EQ(corpus::DayToIso(-1), "1969-12-31");
  EXPECT_EQ(corpus::DayToIso(19716), "2023-12-25");
  EXPECT_EQ(corpus::DayToIso(11016), "2000-02-29");
  EXPECT_EQ(corpus::DayToIso(-719468), "0000-03-01");
}

// End to end through the analysis pipeline: files in, re-run adds nothing, bad inputs recorded.
TEST(IngestPathsTest, FilesInReRunAddsNothing) {
  TempDir dir;
  const std::string in = dir.File("in");
  std::filesystem::create_directories(in);
  for (int i = 0; i < 12; ++i) {
    Article a = stories::testing::MakeArticle(i % 3, static_cast<uint32_t>(i), "");
    std::ofstream(in + "/" + std::to_string(100 + i) + ".txt")
        << "Kellbrook harbour report " << i << "\n\nMARCH 3, 2031\n\n"
        << a.text;
  }
  std::ofstream(in + "/records.jsonl") << "{\"text\": \"Ostmere recount begins after a close "
                                          "vote.\\n\\nBallots were counted again.\"}\n"
                                       << "{\"text\": broken\n";
  std::ofstream(in + "/image.bin", std::ios::binary) << std::string("\x89PNG\r\n\x1A\n\0\0\0", 11);
  Result<Store> store = Store::Open(dir.File("c.db"));
  ASSERT_TRUE(store.ok());
  IngestOptions options;
  options.analyze.threads = 2;
  options.analyze.last_stage = LastStage::kText;
  options.corpus.batch_articles = 5;
  Result<IngestSummary> s = IngestPaths({in}, options, &*store);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->analysed, 13u);
  EXPECT_EQ(s->ingested, 13u);
  EXPECT_EQ(s->failed, 2u);
  EXPECT_GE(s->stories, 3u);
  EXPECT_EQ(s->batches, 3u);
  Result<std::vector<FailureRecord>> failures = store->ListFailures();
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), 2u);
  EXPECT_EQ((*failures)[0].record, "");  // image.bin (sorted before records.jsonl)
  EXPECT_EQ((*failures)[1].record, "line 2");

  Result<IngestSummary> again = IngestPaths({in}, options, &*store);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->ingested, 0u);
  EXPECT_EQ(again->already_stored, 13u);
  EXPECT_EQ(again->stories, s->stories);
  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 13);

  EXPECT_FALSE(IngestPaths({}, options, &*store).ok());
}

}  // namespace
}  // namespace parallax
