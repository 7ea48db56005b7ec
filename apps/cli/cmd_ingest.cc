// parallax ingest SOURCE... [--db FILE]: analyse articles and store them in a corpus database,
// with duplicates and stories found as they arrive.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "apps/cli/commands.h"
#include "apps/cli/input_flags.h"
#include "apps/cli/progress.h"
#include "parallax/corpus.h"
#include "parallax/store.h"

namespace parallax::cli {
namespace {

// Failures listed one per line in the final summary; the rest are counted (all of them are in
// the failures table).
constexpr size_t kListedFailures = 50;

struct IngestFlags {
  std::vector<std::string> paths;
  std::string db = "parallax.db";
  IngestOptions options;
  std::vector<std::string> outlet_files;
  std::vector<std::string> mbfc_files;
  std::string progress = "auto";
  bool quiet = false;
  bool timings = false;
};

class Reporter : public IngestObserver {
 public:
  explicit Reporter(const IngestFlags& flags) : bar_(flags.quiet ? "never" : flags.progress) {}

  void OnFailure(const Failure& failure) override {
    if (failures_.size() < kListedFailures) failures_.push_back(failure);
    ++failed_;
  }
  void OnProgress(const IngestProgress& p) override {
    Progress shown = p.analysis;
    shown.failures = failed_;
    bar_.Update(shown, " | " + std::to_string(p.stored) + " new, " + std::to_string(p.duplicates) +
                           " duplicates, " + std::to_string(p.already_stored) + " already stored");
  }
  ProgressBar& bar() { return bar_; }
  const std::vector<Failure>& failures() const { return failures_; }
  size_t failed() const { return failed_; }

 private:
  ProgressBar bar_;
  std::vector<Failure> failures_;
  size_t failed_ = 0;
};

int Run(const IngestFlags& flags) {
  std::vector<std::string> paths =
      flags.paths.empty() ? std::vector<std::string>{"-"} : ExpandInputPaths(flags.paths);
  Result<Store> store = Store::Open(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "parallax ingest: %s: %s\n", flags.db.c_str(),
                 store.status().message().c_str());
    return kExitUsage;
  }
  if (Status s = store->LoadBuiltinOutlets(); !s.ok()) {
    std::fprintf(stderr, "parallax ingest: %s: %s\n", flags.db.c_str(), s.message().c_str());
    return kExitUsage;
  }
  std::vector<std::string> outlet_files = flags.outlet_files;
  outlet_files.insert(outlet_files.end(), flags.mbfc_files.begin(), flags.mbfc_files.end());
  for (const std::string& file : outlet_files) {
    Result<OutletImportStats> imported = store->ImportOutletsCsv(file);
    if (!imported.ok()) {
      std::fprintf(stderr, "parallax ingest: %s: %s\n", file.c_str(),
                   imported.status().message().c_str());
      return kExitUsage;
    }
    if (!flags.quiet) {
      std::fprintf(stderr, "parallax ingest: %s: %zu outlet(s) added, %zu merged, %zu skipped\n",
                   file.c_str(), imported->added, imported->merged, imported->skipped);
    }
  }

  IngestOptions options = flags.options;
  options.corpus.threads = options.analyze.threads;
  Reporter reporter(flags);
  Result<IngestSummary> summary = IngestPaths(paths, options, &*store, &reporter);
  reporter.bar().Finish();
  if (!summary.ok()) {
    std::fprintf(stderr, "parallax ingest: %s\n", summary.status().message().c_str());
    return kExitUsage;
  }
  if (!flags.quiet) {
    for (const Failure& f : reporter.failures()) {
      std::fprintf(stderr, "parallax: failed: %s: %s\n", f.source.c_str(), f.reason.c_str());
    }
    if (reporter.failed() > reporter.failures().size()) {
      std::fprintf(stderr, "parallax: ... and %zu more failure(s): see the failures table\n",
                   reporter.failed() - reporter.failures().size());
    }
    std::fprintf(stderr,
                 "parallax ingest: %zu article(s) analysed (%.1f MB of text): %zu ingested "
                 "(%zu duplicate(s) or wire copies), %zu already stored, %zu failed; "
                 "%zu stories (%zu new) in %s\n",
                 summary->analysed, summary->bytes / 1e6, summary->ingested, summary->duplicates,
                 summary->already_stored, summary->failed, summary->stories,
                 summary->stories_created, flags.db.c_str());
    if (flags.timings) {
      const CorpusStats& w = summary->writer;
      std::fprintf(stderr,
                   "parallax ingest: writer: features %.2f s (wall), clustering %.2f s, store "
                   "%.2f s, checkpoints %.2f s (%zu) (CPU of the writer thread); %zu batch(es)\n",
                   w.features_seconds, w.cluster_seconds, w.store_seconds, w.checkpoint_seconds,
                   w.checkpoints, w.batches);
    }
    if (summary->replayed > 0) {
      std::fprintf(stderr,
                   "parallax ingest: resumed an interrupted ingest (%zu article(s) replayed)\n",
                   summary->replayed);
    }
  }
  if (summary->analysed == 0) return kExitUsage;
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

Verb RegisterIngest(CLI::App& app) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Ingest articles into a corpus database (SQLite): analyse every input (text, HTML,\n"
      "JSONL, WARC; folders walked recursively; - for stdin) in parallel, find duplicates and\n"
      "wire copies, group articles into stories, and store everything in batches. Re-running\n"
      "adds only new articles; new articles extend existing stories; an interrupted ingest is\n"
      "completed by running it again. Failures are listed at the end and kept in the\n"
      "failures table.\n"
      "Exit status: 0 all stored; 1 some inputs failed (listed on stderr); 2 usage or\n"
      "database error, or nothing analysed.");
  cmd->add_option("paths", flags->paths,
                  "Files, folders (walked recursively), glob patterns or - for stdin. Default: -");
  cmd->add_option("--db", flags->db, "The corpus database (created when missing)")
      ->default_str("parallax.db");
  AddAnalyzeFlags(cmd, &flags->options.analyze);
  cmd->add_option("--outlets", flags->outlet_files,
                  "Outlet registry CSV to import first (docs/schema/sqlite.md); repeatable")
      ->check(CLI::ExistingFile);
  cmd->add_option("--mbfc", flags->mbfc_files,
                  "Media Bias/Fact Check scrape (CSV) to import as outlet ratings; repeatable")
      ->check(CLI::ExistingFile);
  cmd->add_option("--batch-size", flags->options.corpus.batch_articles,
                  "New articles per database transaction")
      ->default_str("1000")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--progress", flags->progress, "Progress bar on stderr: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress bar, no failure list, no summary");
  cmd->add_flag("--timings", flags->timings, "Also print where the writer's time went");
  return Verb{cmd, [flags] { return Run(*flags); }};
}

}  // namespace parallax::cli
