// IngestPaths: the analysis pipeline feeds a bounded queue; one writer thread drains it into a
// CorpusWriter, so clustering and SQLite writes overlap the (parallel) analysis of the next
// batches instead of stalling it.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "parallax/corpus.h"
#include "src/corpus/writer_hooks.h"

namespace parallax {
namespace {

using Item = std::variant<Article, Failure>;

// Chunks of items from the analysis thread to the writer thread. Push blocks while more than
// `capacity` articles wait (analysis pauses instead of filling memory).
class ChunkQueue {
 public:
  explicit ChunkQueue(size_t capacity) : capacity_(std::max<size_t>(1, capacity)) {}

  void Push(std::vector<Item> chunk) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queued_ < capacity_ || abandoned_; });
    if (abandoned_) return;
    queued_ += chunk.size();
    chunks_.push_back(std::move(chunk));
    not_empty_.notify_one();
  }
  // False when the queue is closed and empty.
  bool Pop(std::vector<Item>* chunk) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !chunks_.empty() || closed_; });
    if (chunks_.empty()) return false;
    *chunk = std::move(chunks_.front());
    chunks_.pop_front();
    queued_ -= chunk->size();
    not_full_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // The consumer stopped: producers drop their chunks from now on.
  void Abandon() {
    std::lock_guard<std::mutex> lock(mu_);
    abandoned_ = true;
    chunks_.clear();
    queued_ = 0;
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::vector<Item>> chunks_;
  size_t queued_ = 0;
  const size_t capacity_;
  bool closed_ = false;
  bool abandoned_ = false;
};

// Counters the writer publishes for progress reports.
struct Shared {
  std::atomic<size_t> stored{0}, duplicates{0}, already{0};
  std::mutex mu;
  std::vector<Failure> rejected;  // store-side failures, reported on the caller's thread
};

class QueueSink : public AnalyzeSink {
 public:
  QueueSink(ChunkQueue* queue, Shared* shared, IngestObserver* observer,
            const std::vector<uint64_t>* known_ids)
      : queue_(queue), shared_(shared), observer_(observer), known_ids_(known_ids) {}

  // Articles the corpus held before this run are dropped before the costly stages (the writer
  // would count and drop them anyway): a re-ingest analyses only what is new.
  bool Skip(const Article& prepared) const override {
    return corpus::KnownId(*known_ids_, prepared.id);
  }

  void OnArticle(const Article& article) override {
    chunk_.emplace_back(std::in_place_type<Article>, article);
    if (chunk_.size() >= kChunkItems) PushChunk();
  }
  void OnFailure(const Failure& failure) override {
    if (observer_ != nullptr) observer_->OnFailure(failure);
    chunk_.emplace_back(std::in_place_type<Failure>, failure);
  }
  void OnProgress(const Progress& progress) override {
    PushChunk();
    last_ = progress;
    Report();
  }
  void Finish() { PushChunk(); }

  // Delivers store-side failures and a progress report.
  void Report() {
    if (observer_ == nullptr) return;
    std::vector<Failure> rejected;
    {
      std::lock_guard<std::mutex> lock(shared_->mu);
      rejected.swap(shared_->rejected);
    }
    for (const Failure& f : rejected) observer_->OnFailure(f);
    IngestProgress p;
    p.analysis = last_;
    p.stored = shared_->stored.load();
    p.duplicates = shared_->duplicates.load();
    p.already_stored = shared_->already.load();
    observer_->OnProgress(p);
  }

 private:
  static constexpr size_t kChunkItems = 256;

  void PushChunk() {
    if (chunk_.empty()) return;
    queue_->Push(std::move(chunk_));
    chunk_.clear();
  }

  ChunkQueue* queue_;
  Shared* shared_;
  IngestObserver* observer_;
  const std::vector<uint64_t>* known_ids_;
  std::vector<Item> chunk_;
  Progress last_;
};

}  // namespace

Result<IngestSummary> IngestPaths(const std::vector<std::string>& paths,
                                  const IngestOptions& options, Store* store,
                                  IngestObserver* observer) {
  std::unique_ptr<CorpusWriter> writer;
  std::vector<uint64_t> known_ids;  // articles stored before this run (for skipping them)
  {
    // The store transaction of each batch overlaps the clustering of the next one.
    corpus::WriterHooksScope hooks(corpus::WriterHooks{/*async_writes=*/true, &known_ids});
    PARALLAX_ASSIGN_OR_RETURN(writer, CorpusWriter::Open(store, options.corpus));
  }
  ChunkQueue queue(options.queue_articles);
  Shared shared;
  Status writer_status;
  std::thread thread([&] {
    auto publish = [&] {
      const CorpusStats& s = writer->stats();
      shared.stored = s.added;
      shared.duplicates = s.duplicates;
      shared.already = s.already_stored;
    };
    std::vector<Item> chunk;
    while (queue.Pop(&chunk)) {
      for (Item& item : chunk) {
        Status s;
        if (auto* a = std::get_if<Article>(&item)) {
          std::optional<Failure> rejected;
          s = writer->Add(std::move(*a), &rejected);
          if (rejected) {
            std::lock_guard<std::mutex> lock(shared.mu);
            shared.rejected.push_back(std::move(*rejected));
          }
        } else {
          s = writer->AddFailure(std::get<Failure>(item));
        }
        if (!s.ok()) {
          writer_status = s;
          queue.Abandon();
          return;
        }
      }
      publish();
    }
    writer_status = writer->Finish();
    publish();
  });

  QueueSink sink(&queue, &shared, observer, &known_ids);
  Result<AnalyzeSummary> analysed = AnalyzePaths(paths, options.analyze, &sink);
  sink.Finish();
  queue.Close();
  thread.join();
  sink.Report();
  if (!analysed.ok()) return analysed.status();
  if (!writer_status.ok()) return writer_status;

  const CorpusStats& s = writer->stats();
  IngestSummary summary;
  summary.analysed = analysed->articles + analysed->skipped;  // read and identified
  summary.bytes = analysed->bytes;
  summary.ingested = s.added;
  summary.already_stored = s.already_stored + analysed->skipped;
  summary.duplicates = s.duplicates;
  summary.failed = s.failed;
  summary.stories = writer->story_count();
  summary.stories_created = s.stories_created;
  summary.batches = s.batches;
  summary.replayed = s.replayed;
  summary.writer = s;
  return summary;
}

}  // namespace parallax
