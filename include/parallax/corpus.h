// Corpus ingest: articles into the store, with duplicates and stories found as they arrive.
//
// CorpusWriter is the one writer of a corpus. It takes analysed articles (in any number of
// runs), skips those already in the corpus, and writes the others in batches: each batch is one
// Store::WriteBatch transaction holding the articles, their duplicate rows (exact, near, wire
// copy), their story membership, the stories they changed, the failures met since the last
// batch, and the state the corpus stages need to go on. IngestPaths runs the analysis pipeline
// (parallel) into a CorpusWriter (one thread), overlapping the two.
//
// Invariants:
//   * Re-ingesting an article (same Article::id) changes nothing; new articles join existing
//     stories and duplicate groups.
//   * A batch is all or nothing: after a crash (kill -9) the store holds whole batches, and the
//     next CorpusWriter::Open resumes from them. Articles are clustered in batch order, each
//     batch in publication order (stories::PublicationOrder); batches are cut by counting new
//     articles only, so an interrupted run completed by a re-run over the same inputs gives the
//     same stories as one uninterrupted run. Runs over successive parts of a corpus give the
//     result of one run whose batches are cut at the same places.
//   * Saved state: the story clusterer (with its duplicate index) is checkpointed in parts
//     (a head, then fixed-size runs of articles and of stories), only the parts whose bytes
//     changed being rewritten, every so often (see CorpusOptions) and at Finish; duplicate
//     detection looks back over a window of the newest articles (DuplicateOptions::
//     window_articles); each batch also writes a journal entry
//     (ids and publication days, in clustering order) so Open replays the batches committed
//     after the last checkpoint from the stored articles.
//
// Thread safety: a CorpusWriter is used by one thread at a time, as is its Store.
//
//   PARALLAX_ASSIGN_OR_RETURN(parallax::Store store, parallax::Store::Open("corpus.db"));
//   parallax::IngestOptions options;
//   PARALLAX_ASSIGN_OR_RETURN(parallax::IngestSummary s,
//                             parallax::IngestPaths({"crawl.warc.gz"}, options, &store));
#ifndef PARALLAX_CORPUS_H_
#define PARALLAX_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/article.h"
#include "parallax/pipeline.h"
#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax {

struct CorpusOptions {
  // New articles per store transaction (and per clustering batch). Part of the result: runs
  // compared with each other should use the same value. Default: 1000.
  size_t batch_articles = 1000;
  // Threads for per-article story features (each batch); 0 = all cores. Default: 0.
  int threads = 0;
  // The clusterer state is saved when at least max(checkpoint_min_articles,
  // checkpoint_growth * articles at the last save) articles were added since, and at Finish.
  // Saving writes the whole state (about 1 KB per article), so a fixed interval would make an
  // ingest quadratic; growth keeps the total linear, and bounds what Open replays after a crash.
  // Default: 20000, 0.25.
  size_t checkpoint_min_articles = 20000;
  double checkpoint_growth = 0.25;
};

struct CorpusStats {
  size_t added = 0;           // new articles stored
  size_t already_stored = 0;  // articles already in the corpus (or repeated in this run)
  size_t duplicates = 0;      // of `added`: exact, near duplicate or wire copy of an earlier one
  size_t failed = 0;          // failures recorded (inputs that failed analysis, invalid articles)
  size_t stories_created = 0;
  size_t batches = 0;      // transactions committed by this writer
  size_t checkpoints = 0;  // of which carried the whole clusterer state
  size_t replayed = 0;     // articles replayed at Open (committed after the last checkpoint)
  // Where the writer's time went, in CPU seconds of the writer thread (features: wall seconds,
  // as they run on several threads). For benchmarks.
  double features_seconds = 0;
  double cluster_seconds = 0;
  double store_seconds = 0;
  double checkpoint_seconds = 0;  // serialising the clusterer state
};

class CorpusWriter {
 public:
  // Restores the corpus stages from `store` (last checkpoint, then journal replay). `store`
  // must outlive the writer. Errors: Store errors; InvalidArgument for batch_articles == 0;
  // Internal when the saved state does not parse or names an article that is not stored.
  static Result<std::unique_ptr<CorpusWriter>> Open(Store* store,
                                                    const CorpusOptions& options = {});
  ~CorpusWriter();
  CorpusWriter(const CorpusWriter&) = delete;
  CorpusWriter& operator=(const CorpusWriter&) = delete;

  // Queues `article`; writes a batch when batch_articles new articles are queued. An article
  // already in the corpus is counted and dropped. An article the store would reject (span
  // outside text ...) becomes a failure, reported in *rejected when given.
  // Errors: from Store::WriteBatch; the batch is not stored and the writer refuses further
  // calls (reopen to resume).
  Status Add(Article article, std::optional<Failure>* rejected = nullptr);
  // Queues a failure ("path:LINE" sources become record "line N", "path@OFFSET" record
  // "offset OFFSET"); written with the next batch.
  Status AddFailure(const Failure& failure);
  // Writes what is queued and checkpoints the state. The writer stays usable.
  Status Finish();

  const CorpusStats& stats() const;
  size_t article_count() const;  // articles in the corpus's clustering (all runs)
  size_t story_count() const;    // stories in the corpus (all runs)

 private:
  class Impl;
  explicit CorpusWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct IngestOptions {
  AnalyzeOptions analyze;
  CorpusOptions corpus;
  // Analysed articles waiting for the writer before analysis pauses. Default: 4096.
  size_t queue_articles = 4096;
};

struct IngestProgress {
  Progress analysis;  // bytes read, articles analysed, analysis failures
  size_t stored = 0;  // new articles committed so far
  size_t duplicates = 0;
  size_t already_stored = 0;
};

// Receives reports on the thread that called IngestPaths.
class IngestObserver {
 public:
  virtual ~IngestObserver() = default;
  // An input that failed analysis, or an article the store rejected.
  virtual void OnFailure(const Failure& failure) {}
  virtual void OnProgress(const IngestProgress& progress) {}
};

struct IngestSummary {
  size_t analysed = 0;        // articles analysed
  uint64_t bytes = 0;         // of article text analysed
  size_t ingested = 0;        // new articles stored
  size_t already_stored = 0;  // analysed articles the corpus held already
  size_t duplicates = 0;      // of `ingested`: copies of an earlier article
  size_t failed = 0;          // failures (analysis and store), each recorded in `failures`
  size_t stories = 0;         // stories in the corpus after the run
  size_t stories_created = 0;
  size_t batches = 0;
  size_t replayed = 0;  // see CorpusStats
  CorpusStats writer;   // the writer's own counters and timings
};

// Analyses every article under `paths` (as AnalyzePaths: files, folders, globs expanded by the
// shell, "-" for stdin; text, HTML, JSONL, WARC) and ingests them into `store` with a
// CorpusWriter. Analysis runs on options.analyze.threads workers while one writer thread
// clusters and stores. Errors: usage errors of AnalyzePaths, CorpusWriter errors; batches
// committed before an error stay committed.
Result<IngestSummary> IngestPaths(const std::vector<std::string>& paths,
                                  const IngestOptions& options, Store* store,
                                  IngestObserver* observer = nullptr);

// Splits a Failure source into the file and the record inside it: "a.jsonl:17" -> ("a.jsonl",
// "line 17"), "c.warc.gz@1234" -> ("c.warc.gz", "offset 1234"); otherwise (source, "").
std::pair<std::string, std::string> SplitFailureSource(std::string_view source);

}  // namespace parallax

#endif  // PARALLAX_CORPUS_H_
