// parallax analyze [PATH...|-]: articles in, one JSON record (or a Markdown summary) out each.
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "apps/cli/commands.h"
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
    std::string rendered = flags_.output_format == "markdown"
                               ? ArticleToMarkdown(article) + "\n---\n\n"
                               : ArticleToJson(article, flags_.pretty) + "\n";
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
  static const std::map<std::string, InputFormat> kFormats = {{"auto", InputFormat::kAuto},
                                                              {"text", InputFormat::kText},
                                                              {"jsonl", InputFormat::kJsonl},
                                                              {"html", InputFormat::kHtml}};
  cmd->add_option("--input-format", flags->options.input.format,
                  "auto (by file name, then content), text, jsonl or html")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("auto");
  static const std::map<std::string, LastStage> kStages = {{"text", LastStage::kText},
                                                           {"entities", LastStage::kEntities},
                                                           {"quotes", LastStage::kQuotes}};
  cmd->add_option("--stages", flags->options.last_stage,
                  "Last stage to run: text (blocks, metadata, sentences), entities, or quotes\n"
                  "(everything); skipped stages leave their fields empty")
      ->transform(CLI::CheckedTransformer(kStages, CLI::ignore_case))
      ->default_str("quotes");
  auto& in = flags->options.input;
  cmd->add_option("--text-field", in.text_field, "JSONL: field holding the article text")
      ->default_str("text");
  cmd->add_option("--html-field", in.html_field, "JSONL: field holding the page HTML");
  cmd->add_option("--id-field", in.id_field, "JSONL: field naming the record (its source)");
  cmd->add_option("--title-field", in.title_field, "JSONL: field holding the headline");
  cmd->add_option("--date-field", in.date_field, "JSONL: field holding the publication date");
  cmd->add_option("--outlet-field", in.outlet_field, "JSONL: field holding the outlet name");
  cmd->add_option("--url-field", in.url_field, "JSONL: field holding the article URL");
  cmd->add_option("--max-article-bytes", in.max_article_bytes,
                  "Inputs larger than this fail (bytes)")
      ->default_str("16777216");
  cmd->add_option("--outlet", flags->options.outlet,
                  "Outlet of every article (overrides detection)");
  cmd->add_option("--outlet-map", flags->options.outlet_map_path,
                  "CSV \"pattern,outlet\": outlet of sources whose path contains pattern")
      ->check(CLI::ExistingFile);
  cmd->add_option("-j,--threads", flags->options.threads, "Worker threads; 0 = all cores")
      ->default_str("0")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag(
      "--no-learn-boilerplate", [flags](int64_t) { flags->options.learn_repetition = false; },
      "Do not learn furniture from lines repeated across an outlet's articles");
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
