#include "apps/cli/input_flags.h"

#include <glob.h>
#include <sys/stat.h>

#include <map>
#include <string>

namespace parallax::cli {

void AddAnalyzeFlags(CLI::App* cmd, AnalyzeOptions* options) {
  static const std::map<std::string, InputFormat> kFormats = {{"auto", InputFormat::kAuto},
                                                              {"text", InputFormat::kText},
                                                              {"jsonl", InputFormat::kJsonl},
                                                              {"html", InputFormat::kHtml}};
  cmd->add_option("--input-format", options->input.format,
                  "auto (by file name, then content; WARC is read in auto mode only), text,\n"
                  "jsonl or html")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("auto");
  static const std::map<std::string, LastStage> kStages = {{"text", LastStage::kText},
                                                           {"entities", LastStage::kEntities},
                                                           {"quotes", LastStage::kQuotes}};
  cmd->add_option("--stages", options->last_stage,
                  "Last stage to run: text (blocks, metadata, sentences), entities, or quotes\n"
                  "(everything); skipped stages leave their fields empty")
      ->transform(CLI::CheckedTransformer(kStages, CLI::ignore_case))
      ->default_str("quotes");
  InputOptions& in = options->input;
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
  cmd->add_option("--outlet", options->outlet, "Outlet of every article (overrides detection)");
  cmd->add_option("--outlet-map", options->outlet_map_path,
                  "CSV \"pattern,outlet\": outlet of sources whose path contains pattern")
      ->check(CLI::ExistingFile);
  cmd->add_option("-j,--threads", options->threads, "Worker threads; 0 = all cores")
      ->default_str("0")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag(
      "--no-learn-boilerplate", [options](int64_t) { options->learn_repetition = false; },
      "Do not learn furniture from lines repeated across an outlet's articles");
}

std::vector<std::string> ExpandInputPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    struct stat st;
    if (path == "-" || stat(path.c_str(), &st) == 0 ||
        path.find_first_of("*?[") == std::string::npos) {
      out.push_back(path);
      continue;
    }
    glob_t g{};
    if (glob(path.c_str(), 0, nullptr, &g) == 0 && g.gl_pathc > 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);  // sorted
    } else {
      out.push_back(path);
    }
    globfree(&g);
  }
  return out;
}

}  // namespace parallax::cli
