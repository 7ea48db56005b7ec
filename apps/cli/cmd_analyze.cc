// parallax analyze [PATH...|-]: articles in, one JSON record (or a Markdown summary) out each.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "apps/cli/commands.h"
#include "apps/cli/input_flags.h"
#include "apps/cli/progress.h"
#include "parallax/format.h"
#include "parallax/pipeline.h"

namespace parallax::cli {
namespace {

struct AnalyzeFlags {
  std::vector<std::string> paths;
  AnalyzeOptions options;
  std::string output_format = "json";
  bool pretty = false;
  bool quiet = false;
  std::string progress = "auto";
  std::string output_path;
};

class PrintingSink : public AnalyzeSink {
 public:
  PrintingSink(const AnalyzeFlags& flags, std::FILE* out)
      : flags_(flags), out_(out), bar_(flags.quiet ? "never" : flags.progress) {}

  void OnArticle(const Article& article) override {
    std::string rendered;
    Render(article, &rendered);
    OnRendered(rendered);
  }
  // Called on the pipeline's worker threads: reads only the (const) flags.
  bool Render(const Article& article, std::string* out) const override {
    if (flags_.output_format == "markdown") {
      *out = ArticleToMarkdown(article);
      out->append("\n---\n\n");
    } else {
      *out = ArticleToJson(article, flags_.pretty);
      out->push_back('\n');
    }
    return true;
  }
  void OnRendered(std::string_view rendered) override {
    std::fwrite(rendered.data(), 1, rendered.size(), out_);
  }
  void OnFailure(const Failure& failure) override {
    bar_.Finish();
    std::fprintf(stderr, "parallax: %s: %s\n", failure.source.c_str(), failure.reason.c_str());
  }
  void OnProgress(const Progress& progress) override {
    std::fflush(out_);
    bar_.Update(progress);
  }
  ProgressBar& bar() { return bar_; }

 private:
  const AnalyzeFlags& flags_;
  std::FILE* out_;
  ProgressBar bar_;
};

int Run(const AnalyzeFlags& flags) {
  std::FILE* out = stdout;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  if (!flags.output_path.empty() && flags.output_path != "-") {
    file.reset(std::fopen(flags.output_path.c_str(), "wb"));
    if (!file) {
      std::fprintf(stderr, "parallax analyze: cannot write %s\n", flags.output_path.c_str());
      return kExitUsage;
    }
    out = file.get();
  }
  static char buffer[1 << 20];
  std::setvbuf(out, buffer, _IOFBF, sizeof(buffer));
  PrintingSink sink(flags, out);
  std::vector<std::string> paths =
      flags.paths.empty() ? std::vector<std::string>{"-"} : flags.paths;
  Result<AnalyzeSummary> summary = AnalyzePaths(paths, flags.options, &sink);
  sink.bar().Finish();
  std::fflush(out);
  if (!summary.ok()) {
    std::fprintf(stderr, "parallax analyze: %s\n", summary.status().message().c_str());
    return kExitUsage;
  }
  if (!flags.quiet) {
    std::fprintf(stderr, "parallax analyze: %zu article(s), %.1f MB of text, %zu failed\n",
                 summary->articles, summary->bytes / 1e6, summary->failures);
  }
  if (summary->articles == 0) return kExitUsage;
  return summary->failures > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

Verb RegisterAnalyze(CLI::App& app) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Analyse articles: find the article in each input (headline, body, furniture set aside,\n"
      "dateline, dates, byline, outlet), split sentences, and print one JSON record per\n"
      "article (schema parallax.article/1) on stdout, in input order.\n"
      "Exit status: 0 all analysed; 1 some inputs failed (each named on stderr);\n"
      "2 usage error or nothing analysed.");
  cmd->add_option("paths", flags->paths,
                  "Files, folders (walked recursively) or - for stdin. Default: -");
  AddAnalyzeFlags(cmd, &flags->options);
  cmd->add_option("--format", flags->output_format, "json (JSONL) or markdown")
      ->check(CLI::IsMember({"json", "markdown"}))
      ->default_str("json");
  cmd->add_flag("--pretty", flags->pretty, "Indent JSON for people");
  cmd->add_option("-o,--output", flags->output_path, "Write records to FILE instead of stdout");
  cmd->add_option("--progress", flags->progress, "Progress bar on stderr: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress bar and no summary line");
  return Verb{cmd, [flags] { return Run(*flags); }};
}

}  // namespace parallax::cli
