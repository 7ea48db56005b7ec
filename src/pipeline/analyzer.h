// The per-article stages, split in two phases around the batch-level repetition pass:
//   Prepare: decode -> extract (text or HTML) -> outlet from flags/map/record.
//   Finish:  sentences -> language -> entities -> quotes.
#ifndef PARALLAX_PIPELINE_ANALYZER_H_
#define PARALLAX_PIPELINE_ANALYZER_H_

#include <cstdint>
#include <vector>

#include "parallax/article.h"
#include "parallax/pipeline.h"
#include "parallax/status.h"
#include "src/ingest/reader.h"
#include "src/pipeline/outlet_map.h"

namespace parallax::pipeline {

// Decodes and extracts one raw document. Errors: what Decode reports (empty, binary), prefixed
// with nothing: the caller names the source.
// `block_fold_hashes`, when given, receives what ExtractFromText computes for the repetition
// pass (one hash per block; left empty for HTML, whose extraction does not compute them).
Result<Article> Prepare(ingest::RawDocument doc, const AnalyzeOptions& options,
                        const OutletMap& outlets,
                        std::vector<uint64_t>* block_fold_hashes = nullptr);

// Runs the stages that read the final blocks, up to options.last_stage. Never fails.
void Finish(Article* article, const AnalyzeOptions& options);

}  // namespace parallax::pipeline

#endif  // PARALLAX_PIPELINE_ANALYZER_H_
