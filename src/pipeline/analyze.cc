// AnalyzePaths / AnalyzeBytes: batches of raw documents through the per-article stages in
// parallel, with the repetition pass between the two phases, results delivered in input order.
#include <string>
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

using Slot = std::variant<Article, Failure>;

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

  std::vector<ingest::ReadItem> items;
  bool more = true;
  while (more) {
    // Read one batch.
    items.clear();
    uint64_t batch_bytes = 0;
    size_t docs = 0;
    while (docs < batch_articles && batch_bytes < kMaxBatchBytes) {
      ingest::ReadItem item;
      if (!reader->Next(&item)) {
        more = false;
        break;
      }
      if (auto* doc = std::get_if<ingest::RawDocument>(&item)) {
        batch_bytes += doc->bytes.size();
        ++docs;
      }
      items.push_back(std::move(item));
    }
    if (items.empty()) break;

    // Phase 1, parallel: decode and extract.
    std::vector<Slot> slots(items.size());
    ParallelFor(items.size(), threads, [&](size_t i) {
      if (auto* failure = std::get_if<Failure>(&items[i])) {
        slots[i] = std::move(*failure);
        return;
      }
      auto& doc = std::get<ingest::RawDocument>(items[i]);
      std::string source = doc.source;
      Result<Article> article = pipeline::Prepare(std::move(doc), options, outlets);
      if (article.ok()) {
        slots[i] = std::move(article).value();
      } else {
        slots[i] = Failure{std::move(source), article.status().message()};
      }
    });

    // Batch pass, serial: lines repeated across articles of one outlet.
    if (options.learn_repetition) {
      for (const Slot& slot : slots)
        if (const auto* a = std::get_if<Article>(&slot)) repetition.Observe(*a);
      for (Slot& slot : slots)
        if (auto* a = std::get_if<Article>(&slot)) repetition.Apply(a);
    }

    // Phase 2, parallel: sentences, language, entities, quotes.
    ParallelFor(slots.size(), threads, [&](size_t i) {
      if (auto* a = std::get_if<Article>(&slots[i])) pipeline::Finish(a, options);
    });

    for (Slot& slot : slots) {
      if (auto* a = std::get_if<Article>(&slot)) {
        summary.bytes += a->text.size();
        ++summary.articles;
        sink->OnArticle(*a);
      } else {
        ++summary.failures;
        sink->OnFailure(std::get<Failure>(slot));
      }
    }
    sink->OnProgress(
        Progress{reader->bytes_read(), reader->bytes_total(), summary.articles, summary.failures});
  }
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
