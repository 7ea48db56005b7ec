// Crash safety: a writer process killed with SIGKILL at arbitrary points of an ingest leaves a
// database that opens, passes integrity checks, holds every batch whose commit returned (and
// only whole batches), and that a re-run completes without duplicates.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "parallax/store.h"
#include "src/store/sqlite_util.h"
#include "src/store/test_articles.h"
#include "src/store/test_util.h"

namespace parallax {
namespace {

constexpr size_t kBatch = 25;
constexpr size_t kBatches = 40;
constexpr int kRuns = 20;

const std::vector<Article>& Articles() {
  static const std::vector<Article> articles = [] {
    std::vector<Article> out;
    for (size_t i = 0; i < kBatch * kBatches; ++i) out.push_back(store::testing::MakeArticle(i, 1));
    return out;
  }();
  return articles;
}

std::vector<Article> Batch(size_t b) {
  const auto& all = Articles();
  return std::vector<Article>(all.begin() + b * kBatch, all.begin() + (b + 1) * kBatch);
}

// The child: writes every batch in order and reports each commit on `fd`. Never returns.
[[noreturn]] void WriterChild(const std::string& path, int fd) {
  Result<Store> store = Store::Open(path);
  if (!store.ok()) _exit(2);
  for (uint32_t b = 0; b < kBatches; ++b) {
    CorpusUpdate update;
    update.state.emplace_back("test.progress", std::to_string(b));
    if (!store->WriteBatch(Batch(b), update).ok()) _exit(3);
    if (write(fd, &b, sizeof b) != sizeof b) _exit(4);
  }
  _exit(0);
}

TEST(StoreCrashTest, KillDuringIngestKeepsWholeCommittedBatches) {
  Articles();  // built before forking, shared by the children
  int interrupted = 0;
  int partial = 0;  // runs killed with some but not all batches stored
  std::string stored_per_run;
  for (int run = 0; run < kRuns; ++run) {
    SCOPED_TRACE("run " + std::to_string(run));
    store::testing::TempDir dir;
    const std::string path = dir.File("crash.db");
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      WriterChild(path, fds[1]);
    }
    close(fds[1]);
    // Kill points. The first runs stop the writer by time alone (3-7.5 ms: during Open and
    // migration). The others wait until it reports a run-dependent number of commits (1 to
    // kBatches - 2), then a short delay spread by a fixed stride so the kill lands at a
    // different point of the next batch: mid-ingest however loaded the machine is.
    const bool by_time = run < 4;
    const int64_t wait_commits = by_time ? 0 : 1 + (run * 7) % static_cast<int64_t>(kBatches - 2);
    uint32_t b = 0;
    int64_t committed = 0;  // batches whose commit returned before the kill
    while (committed < wait_commits && read(fds[0], &b, sizeof b) == sizeof b) committed = b + 1;
    const int delay_us = by_time ? 3000 + run * 1500 : run * 311 % 4000;
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
    kill(pid, SIGKILL);
    int wstatus = 0;
    ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
    if (WIFSIGNALED(wstatus)) ++interrupted;
    while (read(fds[0], &b, sizeof b) == sizeof b) committed = b + 1;
    close(fds[0]);

    {
      // Raw integrity check, before the store touches the file.
      Result<store::Db> db = store::Db::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      ASSERT_TRUE(db.ok());
      Result<std::string> check = db->QueryText("PRAGMA integrity_check");
      ASSERT_TRUE(check.ok()) << check.status().ToString();
      EXPECT_EQ(*check, "ok");
    }
    Result<Store> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(store->CheckIntegrity().ok()) << store->CheckIntegrity().ToString();
    Result<StoreCounts> counts = store->Counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->articles % kBatch, 0) << counts->articles;
    EXPECT_GE(counts->articles, committed * static_cast<int64_t>(kBatch));
    const int64_t whole = counts->articles / static_cast<int64_t>(kBatch);
    stored_per_run += " " + std::to_string(whole);
    if (whole > 0 && whole < static_cast<int64_t>(kBatches)) ++partial;
    if (whole > 0) {
      // The batches present are the first ones, and the state written with them agrees.
      Result<bool> has = store->HasArticle(Articles()[whole * kBatch - 1].id);
      ASSERT_TRUE(has.ok());
      EXPECT_TRUE(*has);
      Result<std::optional<std::string>> progress = store->GetState("test.progress");
      ASSERT_TRUE(progress.ok());
      ASSERT_TRUE(progress->has_value());
      EXPECT_EQ(**progress, std::to_string(whole - 1));
    }

    // The re-run completes the ingest; already stored batches are skipped.
    size_t inserted = 0, skipped = 0;
    for (size_t batch = 0; batch < kBatches; ++batch) {
      Result<WriteStats> stats = store->WriteBatch(Batch(batch));
      ASSERT_TRUE(stats.ok()) << stats.status().ToString();
      inserted += stats->inserted;
      skipped += stats->skipped;
    }
    EXPECT_EQ(skipped, static_cast<size_t>(counts->articles));
    EXPECT_EQ(inserted + skipped, kBatch * kBatches);
    Result<StoreCounts> after = store->Counts();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->articles, static_cast<int64_t>(kBatch * kBatches));
    size_t sentences = 0;
    for (const Article& a : Articles()) sentences += a.sentences.size();
    EXPECT_EQ(after->sentences, static_cast<int64_t>(sentences));
    EXPECT_TRUE(store->CheckIntegrity().ok());
  }
  // Many runs must really interrupt the writer mid-ingest, or the test proves nothing.
  EXPECT_GE(interrupted, kRuns / 4);
  EXPECT_GE(partial, kRuns / 4);
  std::fprintf(stderr, "batches stored when killed (of %zu):%s\n", kBatches,
               stored_per_run.c_str());
}

}  // namespace
}  // namespace parallax
