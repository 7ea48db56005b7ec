// Flags shared by the verbs that read and analyse articles (analyze, ingest): input format,
// JSONL field mapping, size limit, stages, outlet, threads, boilerplate learning.
#ifndef PARALLAX_APPS_CLI_INPUT_FLAGS_H_
#define PARALLAX_APPS_CLI_INPUT_FLAGS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "parallax/pipeline.h"

namespace parallax::cli {

// Adds the flags to `cmd`; parsed values land in *options, which must outlive `cmd`.
void AddAnalyzeFlags(CLI::App* cmd, AnalyzeOptions* options);

// Input paths with glob patterns expanded (for patterns the shell did not expand: quoted, or
// from a script): a path that does not exist and holds *, ? or [ is replaced by its matches in
// sorted order; one without matches, "-" and existing paths stay as given.
std::vector<std::string> ExpandInputPaths(const std::vector<std::string>& paths);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_CLI_INPUT_FLAGS_H_
