// CorpusWriter: batches of new articles -> features (parallel) -> story clusterer (with its
// duplicate index) -> one store transaction per batch, with the journal and checkpoints that let
// a later Open resume exactly where the last committed batch ended.
#include <time.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parallax/corpus.h"
#include "src/base/hash.h"
#include "src/base/parallel.h"
#include "src/corpus/journal.h"
#include "src/corpus/writer_hooks.h"
#include "src/store/validate.h"
#include "src/stories/clusterer.h"
#include "src/stories/features.h"

namespace parallax {
namespace {

DuplicateKind KindOf(dedup::MatchKind kind) {
  switch (kind) {
    case dedup::MatchKind::kExact:
      return DuplicateKind::kExact;
    case dedup::MatchKind::kContained:
      return DuplicateKind::kWire;
    default:
      return DuplicateKind::kNear;
  }
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double WallSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

namespace corpus {
namespace {
thread_local WriterHooks current_hooks;
}  // namespace

WriterHooksScope::WriterHooksScope(WriterHooks hooks) : saved_(current_hooks) {
  current_hooks = hooks;
}
WriterHooksScope::~WriterHooksScope() { current_hooks = saved_; }
WriterHooks CurrentWriterHooks() { return current_hooks; }

std::optional<uint64_t> IdValue(std::string_view id) {
  if (id.size() != 16) return std::nullopt;
  uint64_t v = 0;
  for (char c : id) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    v = v << 4 | static_cast<uint64_t>(d);
  }
  return v;
}

bool KnownId(const std::vector<uint64_t>& sorted, std::string_view id) {
  std::optional<uint64_t> v = IdValue(id);
  return v && std::binary_search(sorted.begin(), sorted.end(), *v);
}

}  // namespace corpus

std::pair<std::string, std::string> SplitFailureSource(std::string_view source) {
  size_t at = source.rfind('@');
  if (at != std::string_view::npos && at > 0) {
    std::string_view offset = source.substr(at + 1);
    size_t plus = offset.find('+');
    if (AllDigits(offset.substr(0, plus)) &&
        (plus == std::string_view::npos || AllDigits(offset.substr(plus + 1)))) {
      return {std::string(source.substr(0, at)), "offset " + std::string(offset)};
    }
  }
  size_t colon = source.rfind(':');
  if (colon != std::string_view::npos && colon > 0 && AllDigits(source.substr(colon + 1))) {
    return {std::string(source.substr(0, colon)), "line " + std::string(source.substr(colon + 1))};
  }
  return {std::string(source), ""};
}

class CorpusWriter::Impl {
 public:
  Impl(Store* store, const CorpusOptions& options, const corpus::WriterHooks& hooks)
      : store_(store), options_(options), async_(hooks.async_writes) {}

  Status Restore() {
    PARALLAX_ASSIGN_OR_RETURN(std::optional<std::string> meta_bytes,
                              store_->GetState(corpus::kMetaKey));
    if (!meta_bytes) return Status::Ok();  // a new corpus
    PARALLAX_ASSIGN_OR_RETURN(corpus::Meta meta, corpus::ParseMeta(*meta_bytes));
    if (meta.checkpoint_batch > 0) {
      PARALLAX_ASSIGN_OR_RETURN(std::optional<std::string> head,
                                store_->GetState(corpus::ClustererPartKey("head")));
      if (!head) return Status::Internal("corpus state: checkpoint missing");
      Result<stories::StoryClusterer> restored = Status::Internal("corpus state: no checkpoint");
      if (stories::StoryClusterer::IsHeadPart(*head)) {
        // The parts, one at a time (only one part's bytes held at once); their hashes tell the
        // next checkpoint which parts changed.
        restored = stories::StoryClusterer::DeserializeStateParts(
            [&](const std::string& name) -> Result<std::string> {
              std::optional<std::string> bytes;
              if (name == "head") {
                bytes = std::move(head);
                head.reset();
              } else {
                PARALLAX_ASSIGN_OR_RETURN(bytes, store_->GetState(corpus::ClustererPartKey(name)));
              }
              if (!bytes) return Status::Internal("part " + name + " missing");
              saved_parts_[name] = PartHash(*bytes);
              return std::move(*bytes);
            });
      } else {
        // Saved before the parts: the whole state in one value (the first checkpoint of this
        // run writes every part, the head over it).
        restored = stories::StoryClusterer::Deserialize(*head);
        head.reset();
      }
      if (!restored.ok()) {
        return Status::Internal("corpus state: bad checkpoint: " + restored.status().message());
      }
      clusterer_ = std::move(restored).value();
    }
    checkpoint_batch_ = meta.checkpoint_batch;
    checkpoint_articles_ = clusterer_.article_count();
    // Batches committed after the checkpoint: cluster their stored articles again, in the order
    // and with the days the journal recorded (hints, such as a WARC date, are not stored).
    for (uint64_t b = meta.checkpoint_batch + 1; b <= meta.batches; ++b) {
      PARALLAX_ASSIGN_OR_RETURN(std::optional<std::string> bytes,
                                store_->GetState(corpus::JournalKey(b)));
      if (!bytes)
        return Status::Internal("corpus state: journal of batch " + std::to_string(b) + " missing");
      PARALLAX_ASSIGN_OR_RETURN(std::vector<corpus::JournalEntry> entries,
                                corpus::ParseJournal(*bytes));
      std::vector<Article> articles(entries.size());
      for (size_t i = 0; i < entries.size(); ++i) {
        Result<Article> a = store_->GetArticle(entries[i].id);
        if (!a.ok()) {
          return Status::Internal("corpus state: journal of batch " + std::to_string(b) +
                                  " names article " + entries[i].id + ": " + a.status().message());
        }
        articles[i] = std::move(a).value();
      }
      std::vector<stories::ArticleFeatures> features(articles.size());
      ParallelFor(articles.size(), ResolveThreads(options_.threads), [&](size_t i) {
        features[i] = stories::Featurize(articles[i]);
        features[i].day = entries[i].day;
      });
      for (const stories::ArticleFeatures& f : features) {
        PARALLAX_RETURN_IF_ERROR(clusterer_.Add(f));
      }
      stats_.replayed += entries.size();
    }
    // Moves during the replay were written by the run that committed those batches.
    clusterer_.TakeMoved();
    batches_ = meta.batches;
    return Status::Ok();
  }

  Status Add(Article article, std::optional<Failure>* rejected) {
    if (!broken_.ok()) return broken_;
    if (clusterer_.StoryOf(article.id).has_value() || pending_ids_.count(article.id) > 0) {
      ++stats_.already_stored;
      return Status::Ok();
    }
    std::string reason = store::InvalidArticleReason(article);
    if (!reason.empty()) {
      Failure f{article.source, "not stored: " + reason};
      if (rejected != nullptr) *rejected = f;
      return AddFailure(f);
    }
    pending_ids_.insert(article.id);
    pending_.push_back(std::move(article));
    if (pending_.size() >= options_.batch_articles) return Flush(/*finish=*/false);
    return Status::Ok();
  }

  Status AddFailure(const Failure& failure) {
    if (!broken_.ok()) return broken_;
    auto [source, record] = SplitFailureSource(failure.source);
    pending_failures_.push_back(
        FailureRecord{std::move(source), std::move(record), failure.reason, ""});
    ++stats_.failed;
    // A long run of failures (a crawl of images) is written without waiting for articles.
    if (pending_failures_.size() >= options_.batch_articles) return Flush(/*finish=*/false);
    return Status::Ok();
  }

  Status Finish() {
    if (!broken_.ok()) return broken_;
    PARALLAX_RETURN_IF_ERROR(Flush(/*finish=*/true));
    return Collect();
  }

  ~Impl() {
    if (inflight_ != nullptr && inflight_->thread.joinable()) inflight_->thread.join();
  }

  // The ids of the corpus (all in the clusterer after Restore), as IdValue, sorted.
  void KnownIds(std::vector<uint64_t>* out) const {
    out->clear();
    out->reserve(clusterer_.article_count());
    for (uint32_t i = 0; i < clusterer_.article_count(); ++i) {
      if (std::optional<uint64_t> v = corpus::IdValue(clusterer_.article_id(i))) out->push_back(*v);
    }
    std::sort(out->begin(), out->end());
  }

  const CorpusStats& stats() const { return stats_; }
  size_t article_count() const { return clusterer_.article_count(); }
  size_t story_count() const { return clusterer_.story_count(); }

 private:
  // Writes the pending batch (possibly empty) as one transaction. `finish` forces a checkpoint.
  Status Flush(bool finish) {
    const bool stale = checkpoint_batch_ < batches_;
    if (pending_.empty() && pending_failures_.empty() && !(finish && stale)) {
      return Status::Ok();
    }
    CorpusUpdate update;
    std::vector<Article> ordered;
    const bool has_articles = !pending_.empty();
    if (has_articles) {
      std::vector<stories::ArticleFeatures> features(pending_.size());
      const double wall0 = WallSeconds();
      ParallelFor(pending_.size(), ResolveThreads(options_.threads),
                  [&](size_t i) { features[i] = stories::Featurize(pending_[i]); });
      stats_.features_seconds += WallSeconds() - wall0;
      const double cpu0 = ThreadCpuSeconds();
      const std::vector<size_t> order = stories::PublicationOrder(features);
      const size_t stories_before = clusterer_.story_count();
      std::vector<corpus::JournalEntry> journal;
      journal.reserve(order.size());
      ordered.reserve(order.size());
      std::vector<uint32_t> touched;
      size_t duplicates = 0;
      for (size_t k : order) {
        Status s = clusterer_.Add(features[k]);
        if (!s.ok()) return Break(s);
        const uint32_t index = static_cast<uint32_t>(clusterer_.article_count() - 1);
        const uint32_t story = clusterer_.story_of(index);
        touched.push_back(story);
        update.members.push_back(StoryMember{story, pending_[k].id});
        const dedup::Match m = clusterer_.DuplicateOf(index);
        if (m.kind != dedup::MatchKind::kNone && m.other) {
          update.duplicates.push_back(
              DuplicateRecord{pending_[k].id, clusterer_.article_id(*m.other), KindOf(m.kind),
                              m.kind == dedup::MatchKind::kContained ? m.containment : m.jaccard});
          ++duplicates;
        }
        journal.push_back(corpus::JournalEntry{pending_[k].id, features[k].day});
        ordered.push_back(std::move(pending_[k]));
      }
      // A young story may split in two while the batch is added (see StoryClusterer::TakeMoved):
      // the moved articles, of this batch or earlier ones, get their membership rewritten, and
      // both stories their row (the split story is in `touched` already: it took the article
      // that triggered the split).
      for (uint32_t moved : clusterer_.TakeMoved()) {
        const uint32_t story = clusterer_.story_of(moved);
        touched.push_back(story);
        update.members.push_back(StoryMember{story, clusterer_.article_id(moved)});
      }
      std::sort(touched.begin(), touched.end());
      touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
      for (uint32_t id : touched) {
        stories::StoryInfo info = clusterer_.Story(id);
        StoryRecord r;
        r.id = info.id;
        r.label = std::move(info.label);
        if (info.first_day) r.first = corpus::DayToIso(*info.first_day);
        if (info.last_day) r.last = corpus::DayToIso(*info.last_day);
        r.article_count = info.size;
        update.stories.push_back(std::move(r));
      }
      ++batches_;
      update.state.emplace_back(corpus::JournalKey(batches_), corpus::SerializeJournal(journal));
      stats_.cluster_seconds += ThreadCpuSeconds() - cpu0;
      pending_stats_.duplicates = duplicates;
      pending_stats_.stories_created = clusterer_.story_count() - stories_before;
    }
    const size_t articles = clusterer_.article_count();
    const size_t since = articles - checkpoint_articles_;
    const double due = std::max(static_cast<double>(options_.checkpoint_min_articles),
                                options_.checkpoint_growth * checkpoint_articles_);
    const bool checkpoint = finish || static_cast<double>(since) >= due;
    uint64_t new_checkpoint = checkpoint_batch_;
    if (checkpoint && checkpoint_batch_ < batches_) {
      const double cpu0 = ThreadCpuSeconds();
      SaveChangedParts(&update.state);
      stats_.checkpoint_seconds += ThreadCpuSeconds() - cpu0;
      new_checkpoint = batches_;
    }
    update.state.emplace_back(corpus::kMetaKey,
                              corpus::SerializeMeta(corpus::Meta{batches_, new_checkpoint}));
    update.failures = std::move(pending_failures_);
    pending_failures_.clear();
    pending_.clear();
    pending_ids_.clear();

    // The previous batch must be committed before this one is handed over (batches commit in
    // order, one transaction each); its outcome is accounted for here.
    PARALLAX_RETURN_IF_ERROR(Collect());
    // Checkpoint bookkeeping is advanced now, for the next batch's decision: if this write
    // fails the writer refuses further calls anyway.
    const bool checkpointed = new_checkpoint != checkpoint_batch_;
    if (checkpointed) {
      checkpoint_batch_ = new_checkpoint;
      checkpoint_articles_ = articles;
    }
    inflight_ = std::make_unique<InFlight>();
    InFlight& job = *inflight_;
    job.articles = std::move(ordered);
    job.update = std::move(update);
    job.duplicates = pending_stats_.duplicates;
    job.stories_created = pending_stats_.stories_created;
    job.checkpointed = checkpointed;
    pending_stats_ = {};
    // The store transaction runs on its own thread, overlapping the features and clustering of
    // the next batch; Finish (and the next Flush) wait for it.
    auto write = [this, &job] {
      const double store0 = ThreadCpuSeconds();
      Result<WriteStats> written = store_->WriteBatch(job.articles, job.update);
      job.seconds = ThreadCpuSeconds() - store0;
      job.status = written.status();
    };
    if (!async_ || finish) {
      write();
      return Collect();
    }
    job.thread = std::thread(write);
    return Status::Ok();
  }

  // A part's fingerprint: its size and 64-bit hash.
  static std::pair<uint64_t, size_t> PartHash(std::string_view bytes) {
    return {Hash64(bytes), bytes.size()};
  }

  // Adds to `state` the clusterer parts whose bytes differ from those saved (all of them at the
  // first checkpoint). Parts are built one at a time; an unchanged part is dropped at once, so
  // the memory held is the changed parts (the head, the parts of the articles and stories added
  // since the last checkpoint, and the few older parts that changed), not the whole state.
  void SaveChangedParts(std::vector<std::pair<std::string, std::string>>* state) {
    for (const std::string& name : clusterer_.StatePartNames()) {
      std::string bytes = clusterer_.SerializeStatePart(name);
      const std::pair<uint64_t, size_t> hash = PartHash(bytes);
      auto [it, fresh] = saved_parts_.try_emplace(name, hash);
      if (!fresh && it->second == hash) continue;
      it->second = hash;
      state->emplace_back(corpus::ClustererPartKey(name), std::move(bytes));
    }
  }

  // Waits for the batch being written, if any, and accounts for it.
  Status Collect() {
    if (inflight_ == nullptr) return Status::Ok();
    std::unique_ptr<InFlight> job = std::move(inflight_);
    if (job->thread.joinable()) job->thread.join();
    stats_.store_seconds += job->seconds;
    if (!job->status.ok()) return Break(job->status);
    stats_.added += job->articles.size();
    stats_.duplicates += job->duplicates;
    stats_.stories_created += job->stories_created;
    ++stats_.batches;
    if (job->checkpointed) ++stats_.checkpoints;
    return Status::Ok();
  }

  // The clusterer now holds articles the store does not: refuse further use.
  Status Break(Status s) {
    broken_ = Status(s.code(), "corpus writer stopped: " + s.message());
    return s;
  }

  // A batch handed to the store thread.
  struct InFlight {
    std::vector<Article> articles;
    CorpusUpdate update;
    size_t duplicates = 0;
    size_t stories_created = 0;
    bool checkpointed = false;
    std::thread thread;
    Status status;
    double seconds = 0;  // CPU of the store thread
  };

  Store* store_;
  CorpusOptions options_;
  // Batches are written on a store thread (see src/corpus/writer_hooks.h).
  const bool async_;
  std::unique_ptr<InFlight> inflight_;
  stories::StoryClusterer clusterer_;
  std::vector<Article> pending_;
  std::unordered_set<std::string> pending_ids_;
  std::vector<FailureRecord> pending_failures_;
  uint64_t batches_ = 0;           // batches in the corpus (all runs)
  uint64_t checkpoint_batch_ = 0;  // batches covered by the saved clusterer state
  // Fingerprints of the clusterer parts as saved (read at Restore, updated at each checkpoint).
  std::unordered_map<std::string, std::pair<uint64_t, size_t>> saved_parts_;
  size_t checkpoint_articles_ = 0;
  CorpusStats stats_;
  struct {
    size_t duplicates = 0;
    size_t stories_created = 0;
  } pending_stats_;
  Status broken_;
};

CorpusWriter::CorpusWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CorpusWriter::~CorpusWriter() = default;

Result<std::unique_ptr<CorpusWriter>> CorpusWriter::Open(Store* store,
                                                         const CorpusOptions& options) {
  if (store == nullptr) return Status::InvalidArgument("no store");
  if (options.batch_articles == 0) return Status::InvalidArgument("batch_articles must be > 0");
  const corpus::WriterHooks hooks = corpus::CurrentWriterHooks();
  auto impl = std::make_unique<Impl>(store, options, hooks);
  PARALLAX_RETURN_IF_ERROR(impl->Restore());
  if (hooks.known_ids != nullptr) impl->KnownIds(hooks.known_ids);
  return std::unique_ptr<CorpusWriter>(new CorpusWriter(std::move(impl)));
}

Status CorpusWriter::Add(Article article, std::optional<Failure>* rejected) {
  return impl_->Add(std::move(article), rejected);
}
Status CorpusWriter::AddFailure(const Failure& failure) { return impl_->AddFailure(failure); }
Status CorpusWriter::Finish() { return impl_->Finish(); }
const CorpusStats& CorpusWriter::stats() const { return impl_->stats(); }
size_t CorpusWriter::article_count() const { return impl_->article_count(); }
size_t CorpusWriter::story_count() const { return impl_->story_count(); }

}  // namespace parallax
