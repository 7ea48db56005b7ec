// The analysis pipeline: raw inputs (files, folders, stdin, JSONL records) to Article records.
//
// Per article: ingest (read, detect format and charset, decode) -> extract (blocks, roles,
// metadata) -> text (sentences, language). Per batch: lines that repeat across several articles
// of one outlet are learned as boilerplate. Articles are analysed in parallel and delivered to
// the sink in input order. A bad input becomes a Failure naming the file or record; the batch
// goes on.
//
//   parallax::AnalyzeOptions options;
//   options.threads = 2;
//   MySink sink;  // implements parallax::AnalyzeSink
//   parallax::Result<parallax::AnalyzeSummary> s = parallax::AnalyzePaths({"a.txt"}, options,
//   &sink);
#ifndef PARALLAX_PIPELINE_H_
#define PARALLAX_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

enum class InputFormat {
  kAuto,   // by name (.jsonl, .jsonl.gz, .html, .htm, .txt ...) then by content
  kText,   // a plain-text scrape: one file, one article
  kJsonl,  // one JSON object per line, one article per object
  kHtml,   // a web page
};

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  // JSONL field names. Default: text_field "text"; the others unset (empty = not read).
  std::string text_field = "text";
  std::string html_field;
  std::string id_field;
  std::string title_field;
  std::string date_field;
  std::string outlet_field;
  std::string url_field;
  // An article (file or record) larger than this is a failure. Default: 16 MiB.
  size_t max_article_bytes = size_t{16} << 20;
};

// The last per-article stage to run. Earlier stages always run; later ones leave their fields
// empty (entities, quotes).
enum class LastStage {
  kText,      // ingest, extract, sentences, language
  kEntities,  // + entities
  kQuotes,    // + quotes (everything)
};

struct AnalyzeOptions {
  InputOptions input;
  // Default: kQuotes (every stage).
  LastStage last_stage = LastStage::kQuotes;
  // Outlet for every article, overriding what the text says. Default: empty (detect).
  std::string outlet;
  // CSV file "pattern,outlet" (pattern: a substring of the source path). Default: none.
  std::string outlet_map_path;
  // Worker threads; 0 = all cores. Default: 0.
  int threads = 0;
  // Learn boilerplate from lines repeated across articles of one outlet. Default: true.
  bool learn_repetition = true;
  // Articles analysed together as one batch (the unit of the repetition pass and of output
  // ordering). Default: 2048.
  size_t batch_articles = 2048;
};

// One input that could not be analysed: which file or record, and why.
struct Failure {
  std::string source;  // path, "path:LINE" for a JSONL record, "-" for stdin
  std::string reason;
};

struct Progress {
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;  // 0 when unknown (stdin, compressed input)
  size_t articles = 0;
  size_t failures = 0;
};

// Receives results in input order, on the calling thread of AnalyzePaths.
class AnalyzeSink {
 public:
  virtual ~AnalyzeSink() = default;
  virtual void OnArticle(const Article& article) = 0;
  virtual void OnFailure(const Failure& failure) = 0;
  virtual void OnProgress(const Progress& progress) {}

  // Optional, for sinks that turn every article into bytes (JSON lines): AnalyzePaths calls
  // Render on its worker threads, concurrently and in any order, as soon as an article is
  // final, so that rendering is parallel too. It must not touch mutable sink state. Returning
  // true (with `out` filled) makes AnalyzePaths deliver what it rendered through OnRendered
  // instead of OnArticle, still in input order on the calling thread; the article itself is
  // freed right after Render (a batch of records waiting for delivery then holds only their
  // bytes). Default: false (OnArticle).
  virtual bool Render(const Article& article, std::string* out) const { return false; }
  // Delivery of an article that Render accepted: what it rendered. Must be overridden by a
  // sink whose Render returns true.
  virtual void OnRendered(std::string_view rendered) {}

  // Optional, for sinks that already hold some articles (a corpus re-ingest): AnalyzePaths
  // calls Skip on its worker threads, concurrently and in any order, as soon as an input is
  // decoded and extracted (Article::id, the text and blocks are final; sentences, language,
  // entities and quotes are not computed yet). Returning true drops the article: the later
  // stages do not run and it is not delivered (counted in AnalyzeSummary::skipped). Its lines
  // still count for the repetition pass, so what the other articles get does not depend on
  // what was skipped. It must not touch mutable sink state. Default: false.
  virtual bool Skip(const Article& prepared) const { return false; }
};

struct AnalyzeSummary {
  size_t articles = 0;  // delivered
  size_t failures = 0;
  uint64_t bytes = 0;  // of delivered article text
  size_t skipped = 0;  // dropped by AnalyzeSink::Skip
};

// Analyses every article found under `paths` ("-" = stdin; folders are walked recursively in
// sorted order). Returns an error only for a usage problem that stops the whole run (bad
// options, unreadable outlet map); per-input problems go to sink->OnFailure.
// Thread safety: one call at a time per sink.
Result<AnalyzeSummary> AnalyzePaths(const std::vector<std::string>& paths,
                                    const AnalyzeOptions& options, AnalyzeSink* sink);

// Analyses one in-memory input (no batch pass). `source` names it in warnings and errors.
Result<Article> AnalyzeBytes(std::string_view bytes, std::string_view source,
                             const AnalyzeOptions& options);

}  // namespace parallax

#endif  // PARALLAX_PIPELINE_H_
