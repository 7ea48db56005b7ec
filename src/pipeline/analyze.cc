// AnalyzePaths / AnalyzeBytes: batches of raw documents through the per-article stages in
// parallel, with the repetition pass between the two phases, results delivered in input order.
//
// With more than one thread the work is pipelined so that no core waits on serial work:
//   - a reader thread reads and parses the next batch (gzip, JSON) into a bounded queue;
//   - one parallel pass runs phase 1 (decode, extract, repetition keys) of batch k+1 together
//     with phase 2 (repetition labels, sentences, language, entities, quotes, and the sink's
//     Render) of batch k;
//   - at the start of that pass the calling thread delivers batch k-1 (writes, frees) and
//     counts batch k's lines into the repetition model (hash-table increments only; the
//     folding was done in phase 1) while the other workers already run phase 1 of batch k+1;
//     phase 2 items wait for the counting.
// The order of model updates is the serial one (observe k, label k, observe k+1, ...), so the
// output does not depend on the thread count.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "parallax/pipeline.h"
#include "src/base/parallel.h"
#include "src/extract/repetition.h"
#include "src/ingest/reader.h"
#include "src/ingest/sniff.h"
#include "src/pipeline/analyzer.h"
#include "src/pipeline/outlet_map.h"

namespace parallax {
namespace {

// A batch never holds more than this many input bytes, whatever batch_articles says, so that
// memory stays bounded on corpora of huge pages.
constexpr uint64_t kMaxBatchBytes = uint64_t{256} << 20;

// Batches read ahead of the one being analysed. With the batch in phase 1 and the one in
// phase 2, at most kReadAhead + 3 batches are in memory (one more is being read).
constexpr size_t kReadAhead = 1;

// One input's way through the pipeline.
struct Slot {
  std::variant<ingest::ReadItem, Article, Failure> state;  // read -> analysed or failed
  extract::RepetitionModel::ArticleKeys keys;
  std::string rendered;  // the sink's rendering, when it renders (the article is then freed)
  bool has_rendered = false;
  uint64_t text_bytes = 0;  // of the article's text, kept for the summary once it is freed
  bool skipped = false;     // AnalyzeSink::Skip: observed by the repetition pass, never delivered
};

struct Batch {
  std::vector<Slot> slots;
  Progress progress;  // reader position after this batch (articles/failures filled later)
};

// Reads one batch: up to batch_articles documents or kMaxBatchBytes bytes; sets *eof when the
// reader ran out. Returns false when the batch is empty.
bool ReadBatch(ingest::Reader* reader, size_t batch_articles, Batch* batch, bool* eof) {
  batch->slots.clear();
  uint64_t batch_bytes = 0;
  size_t docs = 0;
  while (!*eof && docs < batch_articles && batch_bytes < kMaxBatchBytes) {
    ingest::ReadItem item;
    if (!reader->Next(&item)) {
      *eof = true;
      break;
    }
    if (auto* doc = std::get_if<ingest::RawDocument>(&item)) {
      batch_bytes += doc->bytes.size();
      ++docs;
    }
    batch->slots.emplace_back();
    batch->slots.back().state = std::move(item);
  }
  batch->progress.bytes_read = reader->bytes_read();
  batch->progress.bytes_total = reader->bytes_total();
  return !batch->slots.empty();
}

// Batches from the reader, either read on demand (one thread) or by a reader thread into a
// bounded queue. The reader is used by one thread only.
class BatchSource {
 public:
  BatchSource(ingest::Reader* reader, size_t batch_articles, bool threaded)
      : reader_(reader), batch_articles_(batch_articles) {
    if (threaded) thread_ = std::thread([this] { ReadLoop(); });
  }
  ~BatchSource() {
    if (thread_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
      }
      cv_.notify_all();
      thread_.join();
    }
  }
  BatchSource(const BatchSource&) = delete;
  BatchSource& operator=(const BatchSource&) = delete;

  // The next batch, or nullopt at the end.
  std::optional<Batch> Next() {
    if (!thread_.joinable()) {
      Batch b;
      if (!ReadBatch(reader_, batch_articles_, &b, &eof_)) return std::nullopt;
      return b;
    }
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !queue_.empty() || done_; });
    if (queue_.empty()) return std::nullopt;
    Batch b = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return b;
  }

 private:
  void ReadLoop() {
    while (true) {
      Batch b;
      bool more = ReadBatch(reader_, batch_articles_, &b, &eof_);
      std::unique_lock<std::mutex> lock(mu_);
      if (more) {
        cv_.wait(lock, [this] { return queue_.size() < kReadAhead || stop_; });
        if (!stop_) queue_.push_back(std::move(b));
      }
      if (!more || stop_) {
        done_ = true;
        cv_.notify_all();
        return;
      }
      cv_.notify_all();
    }
  }

  ingest::Reader* reader_;
  size_t batch_articles_;
  bool eof_ = false;  // the reader ran out (touched by the reading thread only)
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;
  bool done_ = false;
  bool stop_ = false;
};

// Phase 1 of one slot: decode and extract; the repetition keys when the pass is on.
void RunPhase1(Slot* slot, const AnalyzeOptions& options, const pipeline::OutletMap& outlets,
               const AnalyzeSink& sink) {
  auto& item = std::get<ingest::ReadItem>(slot->state);
  if (auto* failure = std::get_if<Failure>(&item)) {
    Failure f = std::move(*failure);
    slot->state = std::move(f);
    return;
  }
  auto& doc = std::get<ingest::RawDocument>(item);
  std::string source = doc.source;
  std::vector<uint64_t> fold_hashes;
  Result<Article> article = pipeline::Prepare(std::move(doc), options, outlets,
                                              options.learn_repetition ? &fold_hashes : nullptr);
  if (article.ok()) {
    slot->skipped = sink.Skip(*article);
    slot->state = std::move(article).value();
    if (options.learn_repetition) {
      slot->keys =
          extract::RepetitionModel::Keys(std::get<Article>(slot->state), std::move(fold_hashes));
    }
  } else {
    slot->state = Failure{std::move(source), article.status().message()};
  }
}

// Phase 2 of one slot: repetition labels, the remaining stages, the sink's rendering.
void RunPhase2(Slot* slot, const AnalyzeOptions& options,
               const extract::RepetitionModel& repetition, const AnalyzeSink& sink) {
  auto* a = std::get_if<Article>(&slot->state);
  if (a == nullptr) return;
  if (slot->skipped) {
    slot->state = Failure{};  // frees the text; never delivered
    slot->keys = {};
    return;
  }
  if (options.learn_repetition) {
    repetition.Apply(a, slot->keys);
    slot->keys = {};
  }
  pipeline::Finish(a, options);
  slot->text_bytes = a->text.size();
  slot->has_rendered = sink.Render(*a, &slot->rendered);
  if (slot->has_rendered) slot->state = Article{};  // frees the text and annotations now
}

// Serial: counts the batch's lines into the model.
void Observe(const Batch& batch, extract::RepetitionModel* repetition) {
  for (const Slot& slot : batch.slots)
    if (const auto* a = std::get_if<Article>(&slot.state)) repetition->Observe(*a, slot.keys);
}

// Serial: hands the batch to the sink in input order.
void Deliver(Batch* batch, AnalyzeSink* sink, AnalyzeSummary* summary) {
  for (Slot& slot : batch->slots) {
    if (slot.skipped) {
      ++summary->skipped;
      continue;
    }
    if (auto* a = std::get_if<Article>(&slot.state)) {
      summary->bytes += slot.has_rendered ? slot.text_bytes : a->text.size();
      ++summary->articles;
      if (slot.has_rendered) {
        sink->OnRendered(slot.rendered);
      } else {
        sink->OnArticle(*a);
      }
    } else {
      ++summary->failures;
      sink->OnFailure(std::get<Failure>(slot.state));
    }
  }
  Progress p = batch->progress;
  p.articles = summary->articles;
  p.failures = summary->failures;
  sink->OnProgress(p);
}

}  // namespace

Result<AnalyzeSummary> AnalyzePaths(const std::vector<std::string>& paths,
                                    const AnalyzeOptions& options, AnalyzeSink* sink) {
  pipeline::OutletMap outlets;
  if (!options.outlet_map_path.empty()) {
    PARALLAX_ASSIGN_OR_RETURN(outlets, pipeline::OutletMap::Load(options.outlet_map_path));
  }
  PARALLAX_ASSIGN_OR_RETURN(std::unique_ptr<ingest::Reader> reader,
                            ingest::Reader::Create(paths, options.input));
  const int threads = ResolveThreads(options.threads);
  const size_t batch_articles = std::max<size_t>(1, options.batch_articles);
  extract::RepetitionModel repetition;
  AnalyzeSummary summary;
  // One thread: everything on the calling thread, nothing overlapped (honest one-core figures).
  BatchSource source(reader.get(), batch_articles, /*threaded=*/threads > 1);

  // `current` has finished phase 1 and been observed; `next` is read and waits for phase 1.
  // `done` (2+ threads) has finished phase 2 and waits for delivery: the calling thread
  // delivers (and frees) it at the start of the next parallel pass, while the other workers
  // already run, instead of leaving them idle meanwhile. With one thread a batch is delivered
  // as soon as it is done (nothing to overlap, and one batch less in memory).
  std::optional<Batch> current;
  std::optional<Batch> next = source.Next();
  std::optional<Batch> done;
  auto deliver_done = [&] {
    if (!done) return;
    Deliver(&*done, sink, &summary);
    done.reset();
  };
  while (current || next) {
    const size_t n1 = next ? next->slots.size() : 0;
    const size_t n2 = current ? current->slots.size() : 0;
    // The calling thread delivers the previous batch and counts `current` into the repetition
    // model while the other workers already run phase 1 of `next` (which does not read the
    // model); phase 2 of `current` waits until the counting is done.
    std::atomic<bool> observed{false};
    auto caller_first = [&] {
      deliver_done();
      if (current && options.learn_repetition) Observe(*current, &repetition);
      observed.store(true, std::memory_order_release);
      observed.notify_all();
    };
    ParallelForCallerFirst(n1 + n2, threads, caller_first, [&](size_t i) {
      if (i < n1) {
        RunPhase1(&next->slots[i], options, outlets, *sink);
      } else {
        if (!observed.load(std::memory_order_acquire)) observed.wait(false);
        RunPhase2(&current->slots[i - n1], options, repetition, *sink);
      }
    });
    done = std::move(current);
    if (threads <= 1) deliver_done();
    current = std::move(next);
    next.reset();
    if (current) next = source.Next();
  }
  deliver_done();
  return summary;
}

Result<Article> AnalyzeBytes(std::string_view bytes, std::string_view source,
                             const AnalyzeOptions& options) {
  pipeline::OutletMap outlets;
  if (!options.outlet_map_path.empty()) {
    PARALLAX_ASSIGN_OR_RETURN(outlets, pipeline::OutletMap::Load(options.outlet_map_path));
  }
  ingest::RawDocument doc;
  doc.source = std::string(source);
  doc.bytes = std::string(bytes);
  doc.format = options.input.format;
  if (doc.format == InputFormat::kAuto || doc.format == InputFormat::kJsonl) {
    doc.format = ingest::LooksLikeHtml(bytes) ? InputFormat::kHtml : InputFormat::kText;
    if (doc.format == InputFormat::kHtml) doc.declared_charset = ingest::FindMetaCharset(bytes);
  }
  PARALLAX_ASSIGN_OR_RETURN(Article article, pipeline::Prepare(std::move(doc), options, outlets));
  pipeline::Finish(&article, options);
  return article;
}

}  // namespace parallax
