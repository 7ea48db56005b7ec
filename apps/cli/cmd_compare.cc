// parallax compare FILE... | --db FILE --story ID: one story seen from every side. The articles
// (analysed like `parallax analyze`, or loaded from a database) are compared: shared, partly
// shared and unique claims, quotes per speaker per outlet, voices, omissions, wording,
// disagreements and headlines (docs/schema/comparison.md).
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "apps/cli/commands.h"
#include "apps/cli/input_flags.h"
#include "parallax/compare.h"
#include "parallax/pipeline.h"
#include "parallax/store.h"
#include "src/serve/report_html.h"

namespace parallax::cli {
namespace {

struct CompareFlags {
  std::vector<std::string> paths;
  AnalyzeOptions options;
  std::string db;
  int64_t story = -1;
  std::string format = "auto";
  bool pretty = false;
  bool quiet = false;
  std::string output_path;
  CompareOptions compare;
};

class CollectingSink : public AnalyzeSink {
 public:
  void OnArticle(const Article& article) override { articles.push_back(article); }
  void OnFailure(const Failure& failure) override {
    ++failures;
    std::fprintf(stderr, "parallax compare: %s: %s\n", failure.source.c_str(),
                 failure.reason.c_str());
  }
  std::vector<Article> articles;
  size_t failures = 0;
};

Result<std::vector<Article>> LoadStory(const CompareFlags& flags) {
  StoreOptions so;
  so.read_only = true;
  PARALLAX_ASSIGN_OR_RETURN(Store store, Store::Open(flags.db, so));
  ArticleFilter filter;
  filter.story_id = flags.story;
  filter.limit = 0;
  PARALLAX_ASSIGN_OR_RETURN(std::vector<ArticleSummary> rows, store.ListArticles(filter));
  if (rows.empty())
    return Status::NotFound("story " + std::to_string(flags.story) + " has no articles in " +
                            flags.db);
  std::vector<Article> articles;
  for (const ArticleSummary& row : rows) {
    PARALLAX_ASSIGN_OR_RETURN(Article a, store.GetArticle(row.id));
    // The outlet row's name (resolved aliases) counts as the outlet.
    if (!row.outlet.empty()) a.outlet = row.outlet;
    articles.push_back(std::move(a));
  }
  return articles;
}

int Run(const CompareFlags& flags) {
  const bool from_db = !flags.db.empty();
  if (from_db == !flags.paths.empty() || (from_db && flags.story < 0)) {
    std::fprintf(stderr, "parallax compare: give FILE... or --db FILE --story ID (see --help)\n");
    return kExitUsage;
  }
  std::vector<Article> articles;
  size_t failures = 0;
  if (from_db) {
    Result<std::vector<Article>> loaded = LoadStory(flags);
    if (!loaded.ok()) {
      std::fprintf(stderr, "parallax compare: %s\n", loaded.status().ToString().c_str());
      return kExitUsage;
    }
    articles = std::move(loaded).value();
  } else {
    CollectingSink sink;
    Result<AnalyzeSummary> summary = AnalyzePaths(flags.paths, flags.options, &sink);
    if (!summary.ok()) {
      std::fprintf(stderr, "parallax compare: %s\n", summary.status().message().c_str());
      return kExitUsage;
    }
    articles = std::move(sink.articles);
    failures = sink.failures;
  }
  if (articles.empty()) {
    std::fprintf(stderr, "parallax compare: no article to compare\n");
    return kExitUsage;
  }
  CompareOptions options = flags.compare;
  if (from_db) options.story = flags.story;
  Result<Comparison> comparison = Compare(articles, options);
  if (!comparison.ok()) {
    std::fprintf(stderr, "parallax compare: %s\n", comparison.status().ToString().c_str());
    return kExitUsage;
  }
  std::FILE* out = stdout;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  const bool to_file = !flags.output_path.empty() && flags.output_path != "-";
  if (to_file) {
    file.reset(std::fopen(flags.output_path.c_str(), "wb"));
    if (!file) {
      std::fprintf(stderr, "parallax compare: cannot write %s\n", flags.output_path.c_str());
      return kExitUsage;
    }
    out = file.get();
  }
  std::string format = flags.format;
  if (format == "auto") format = !to_file && isatty(fileno(stdout)) ? "markdown" : "json";
  std::string rendered;
  if (format == "markdown") {
    rendered = ComparisonToMarkdown(*comparison, articles);
  } else if (format == "html") {
    rendered = serve::ComparisonHtml(ComparisonToJson(*comparison, articles, false));
  } else {
    rendered = ComparisonToJson(*comparison, articles, flags.pretty) + "\n";
  }
  size_t written = std::fwrite(rendered.data(), 1, rendered.size(), out);
  if (written != rendered.size() || std::fflush(out) != 0) {
    std::fprintf(stderr, "parallax compare: write failed\n");
    return kExitUsage;
  }
  if (!flags.quiet) {
    std::fprintf(stderr, "parallax compare: %zu article(s), %zu outlet(s), %zu claim(s)\n",
                 articles.size(), comparison->outlets.size(), comparison->claims.size());
    for (const std::string& w : comparison->warnings)
      std::fprintf(stderr, "parallax compare: warning: %s\n", w.c_str());
  }
  return failures > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

Verb RegisterCompare(CLI::App& app) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Compare the articles of one story: what every outlet reported (shared, partly shared,\n"
      "unique claims), whom it quoted and which statements it chose, who gets a voice, what\n"
      "each leaves out, how each words it, numbers that disagree, headline framing. Every\n"
      "finding points at the sentences it rests on (schema parallax.comparison/1).\n"
      "Input: FILE... (analysed like `parallax analyze`; all files are one story) or\n"
      "--db FILE --story ID (a story of a parallax database).\n"
      "Output: --format markdown (default when stdout is a terminal), json (default when\n"
      "stdout is a pipe or -o is given) or html (one self-contained page).\n"
      "Exit status: 0 compared; 1 compared, but some inputs failed (each named on stderr);\n"
      "2 usage error or nothing to compare.");
  cmd->add_option("paths", flags->paths, "Files, folders (walked recursively) or - for stdin");
  cmd->add_option("--db", flags->db, "A parallax database (from `parallax ingest`)");
  cmd->add_option("--story", flags->story, "The story id to compare (with --db)");
  AddAnalyzeFlags(cmd, &flags->options);
  // Compare needs every stage (entities and quotes): --stages is not offered.
  cmd->remove_option(cmd->get_option("--stages"));
  cmd->add_option("--align-threshold", flags->compare.align_threshold,
                  "Claims align when the pair model scores at least this (0..1); 0 = the\n"
                  "model's own threshold")
      ->default_str("0")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag(
      "--no-synonyms", [flags](int64_t) { flags->compare.synonyms = false; },
      "Do not use WordNet synonyms when aligning claims");
  cmd->add_option("--format", flags->format, "markdown, json or html (auto: see above)")
      ->check(CLI::IsMember({"auto", "markdown", "json", "html"}))
      ->default_str("auto");
  cmd->add_flag("--pretty", flags->pretty, "Indent JSON for people");
  cmd->add_option("-o,--output", flags->output_path, "Write the report to FILE, not stdout");
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary line on stderr");
  return Verb{cmd, [flags] { return Run(*flags); }};
}

}  // namespace parallax::cli
