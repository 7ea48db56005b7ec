// AnalyzePaths end to end on small JSONL inputs: input order, failures in place, the sink's
// optional Render/OnRendered path, and output that does not depend on the thread count or on
// how the input is cut into batches (the repetition pass is the one cross-article step).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parallax/format.h"
#include "parallax/pipeline.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

// Records everything it receives, in delivery order.
class RecordingSink : public AnalyzeSink {
 public:
  void OnArticle(const Article& a) override { out.push_back("A " + ArticleToJson(a, false)); }
  void OnFailure(const Failure& f) override { out.push_back("F " + f.source + ": " + f.reason); }
  void OnProgress(const Progress& p) override { last_progress = p; }
  std::vector<std::string> out;
  Progress last_progress;
};

// Renders on the workers; delivery must still be in input order.
class RenderingSink : public RecordingSink {
 public:
  bool Render(const Article& a, std::string* out) const override {
    renders.fetch_add(1);
    *out = "A " + ArticleToJson(a, false);
    return true;
  }
  void OnRendered(std::string_view rendered) override { out.emplace_back(rendered); }
  mutable std::atomic<int> renders{0};
};

// A JSONL file of `n` short articles of two fictional outlets, each ending with the outlet's
// own furniture line (learned by the repetition pass), and a malformed line after record 4.
std::string WriteCorpus(int n) {
  fs::path path = fs::temp_directory_path() /
                  ("parallax_analyze_test_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream f(path, std::ios::binary);
  for (int i = 0; i < n; ++i) {
    std::string outlet = i % 2 == 0 ? "Lantern Daily" : "Harbor Ledger";
    std::string tail = i % 2 == 0 ? "Follow the Lantern on Telegram for news from the valley."
                                  : "Harbor Ledger thanks its readers for another year together.";
    f << "{\"id\": \"r" << i << "\", \"outlet\": \"" << outlet << "\", \"text\": \"Council vote "
      << i << " ends in a tie\\n\\nThe town council of Millbrook voted " << i
      << " times on Monday without a result, the clerk said.\\n\\nMembers will meet again next "
         "week to try once more.\\n\\n"
      << tail << "\"}\n";
    if (i == 4) f << "{\"id\": \"broken\", \"text\": \n";
  }
  return path.string();
}

AnalyzeOptions Options(int threads, size_t batch) {
  AnalyzeOptions o;
  o.input.format = InputFormat::kJsonl;
  o.input.id_field = "id";
  o.input.outlet_field = "outlet";
  o.last_stage = LastStage::kText;
  o.threads = threads;
  o.batch_articles = batch;
  return o;
}

TEST(AnalyzePaths, OrderAndFailuresInPlace) {
  std::string path = WriteCorpus(9);
  RecordingSink sink;
  Result<AnalyzeSummary> s = AnalyzePaths({path}, Options(2, 4), &sink);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->articles, 9u);
  EXPECT_EQ(s->failures, 1u);
  ASSERT_EQ(sink.out.size(), 10u);
  for (int i = 0; i < 10; ++i) {
    if (i == 5) {
      EXPECT_EQ(sink.out[i].rfind("F ", 0), 0u) << sink.out[i];
      continue;
    }
    int record = i < 5 ? i : i - 1;
    EXPECT_NE(sink.out[i].find("\"source\":\"r" + std::to_string(record) + "\""), std::string::npos)
        << i << ": " << sink.out[i].substr(0, 200);
  }
  EXPECT_EQ(sink.last_progress.articles, 9u);
  EXPECT_EQ(sink.last_progress.failures, 1u);
  fs::remove(path);
}

TEST(AnalyzePaths, SameOutputWhateverThreadsAndSinkKind) {
  std::string path = WriteCorpus(23);
  RecordingSink serial;
  ASSERT_TRUE(AnalyzePaths({path}, Options(1, 5), &serial).ok());
  // The repetition pass learned each outlet's closing line.
  int learned = 0;
  for (const std::string& line : serial.out)
    learned += line.find("repeated in") != std::string::npos;
  EXPECT_GT(learned, 10);
  for (int threads : {1, 2, 3}) {
    RecordingSink plain;
    ASSERT_TRUE(AnalyzePaths({path}, Options(threads, 5), &plain).ok());
    EXPECT_EQ(plain.out, serial.out) << "threads " << threads;
    RenderingSink rendering;
    ASSERT_TRUE(AnalyzePaths({path}, Options(threads, 5), &rendering).ok());
    EXPECT_EQ(rendering.out, serial.out) << "rendering, threads " << threads;
    EXPECT_EQ(rendering.renders.load(), 23);
  }
  fs::remove(path);
}

TEST(AnalyzePaths, EmptyInputDeliversNothing) {
  fs::path path = fs::temp_directory_path() /
                  ("parallax_analyze_empty_" + std::to_string(::getpid()) + ".jsonl");
  { std::ofstream f(path, std::ios::binary); }
  for (int threads : {1, 2}) {
    RenderingSink sink;
    Result<AnalyzeSummary> s = AnalyzePaths({path.string()}, Options(threads, 4), &sink);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->articles, 0u);
    EXPECT_EQ(sink.renders.load(), 0);
  }
  fs::remove(path);
}

}  // namespace
}  // namespace parallax
