// parallax export articles|quotes|entities|stories: one table of a corpus database as CSV
// (RFC 4180, header row) or JSONL, for pandas, R or a spreadsheet.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "apps/cli/commands.h"
#include "apps/cli/read_common.h"
#include "parallax/store.h"

namespace parallax::cli {
namespace {

constexpr std::string_view kVerb = "export";

struct ExportFlags {
  std::string db = std::string(kDefaultDbPath);
  std::string kind;
  std::string format = "csv";
  std::string output;
  std::string outlet, since, until, language;
  int64_t story = -1;
  bool originals_only = false;
  size_t limit = 0;
  bool quiet = false;
};

int Run(ExportFlags flags) {
  static const std::map<std::string, ExportKind> kKinds = {{"articles", ExportKind::kArticles},
                                                           {"quotes", ExportKind::kQuotes},
                                                           {"entities", ExportKind::kEntities},
                                                           {"stories", ExportKind::kStories}};
  const ExportKind kind = kKinds.at(flags.kind);
  const ExportFormat format = flags.format == "jsonl" ? ExportFormat::kJsonl : ExportFormat::kCsv;
  if (!CheckDateRange(kVerb, &flags.since, &flags.until)) return kExitUsage;
  int exit_code = kExitOk;
  std::optional<Store> store = OpenForReading(kVerb, flags.db, &exit_code);
  if (!store) return exit_code;

  ArticleFilter filter;
  filter.outlet = flags.outlet;
  filter.since = flags.since;
  filter.until = flags.until;
  filter.language = flags.language;
  if (flags.story >= 0) filter.story_id = flags.story;
  filter.originals_only = flags.originals_only;
  filter.limit = flags.limit;

  const bool to_stdout = flags.output.empty() || flags.output == "-";
  if (to_stdout) {
    std::ios::sync_with_stdio(false);
    Result<size_t> rows = store->Export(kind, format, filter, std::cout);
    std::cout.flush();
    if (!rows.ok()) return ReportError(kVerb, rows.status());
    if (!std::cout) {
      ReportError(kVerb, "cannot write to stdout");
      return kExitSomeFailed;
    }
    return kExitOk;
  }
  // Write beside the target and rename once complete: a failed export never leaves a
  // half-written file where a finished one is expected.
  const std::string tmp = flags.output + ".part" + std::to_string(getpid());
  Result<size_t> rows = Status::Internal("not run");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return ReportError(kVerb, "cannot write " + flags.output + ": " + std::strerror(errno));
    }
    rows = store->Export(kind, format, filter, out);
    out.close();
    if (rows.ok() && !out) rows = Status::IoError("cannot write " + flags.output);
  }
  std::error_code ec;
  if (!rows.ok()) {
    std::filesystem::remove(tmp, ec);
    return ReportError(kVerb, rows.status());
  }
  std::filesystem::rename(tmp, flags.output, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    ReportError(kVerb, "cannot write " + flags.output + ": " + ec.message());
    return kExitSomeFailed;
  }
  if (!flags.quiet) {
    std::fprintf(stderr, "parallax export: %zu %s row(s) written to %s\n", *rows,
                 flags.kind.c_str(), flags.output.c_str());
  }
  return kExitOk;
}

}  // namespace

Verb RegisterExport(CLI::App& app) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Export one table of a corpus database (built by `parallax ingest`) as CSV (RFC 4180,\n"
      "header row, CRLF) or JSONL, for pandas, R or a spreadsheet. Columns:\n"
      "  articles: id, source, outlet, published, language, url, headline, story,\n"
      "            duplicate_of, duplicate_kind\n"
      "  quotes:   article_id, outlet, published, idx, direct, speaker_name, speaker_entity,\n"
      "            speaker_key, cue, channel, content\n"
      "  entities: article_id, outlet, published, entity_id, name, type, key, roles (JSON\n"
      "            array), mentions (count)\n"
      "  stories:  id, label, first, last, article_count, outlets ('; '-separated)\n"
      "Filters select articles (stories: those with a selected article).\n"
      "Examples:\n"
      "  parallax export articles --db news.db -o articles.csv\n"
      "    # pandas: pd.read_csv('articles.csv', dtype={'story': 'Int64'})\n"
      "  parallax export quotes --format jsonl --outlet TASS --since 2024-01-01 > quotes.jsonl\n"
      "Exit status: 0 written; 1 database error or a write that failed midway; 2 usage error\n"
      "(bad date, unknown table, an output file that cannot be created) or no database.");
  cmd->add_option("table", flags->kind, "articles, quotes, entities or stories")
      ->required()
      ->check(CLI::IsMember({"articles", "quotes", "entities", "stories"}));
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--format", flags->format, "csv or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->default_str("csv");
  cmd->add_option("-o,--output", flags->output, "Write to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--outlet", flags->outlet, "Only articles of this outlet (name, alias, domain)");
  cmd->add_option("--since", flags->since,
                  "Only articles published on or after this date (YYYY-MM-DD[THH:MM])");
  cmd->add_option("--until", flags->until,
                  "Only articles published on or before this date (a date includes its day)");
  cmd->add_option("--language", flags->language, "Only articles in this language (ISO 639-1)");
  cmd->add_option("--story", flags->story, "Only the articles of this story")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--originals-only", flags->originals_only,
                "Leave out articles that duplicate another");
  cmd->add_option("--limit", flags->limit, "At most this many articles (or stories); 0 = all")
      ->default_str("0");
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary line on stderr");
  return Verb{cmd, [flags] { return Run(*flags); }};
}

}  // namespace parallax::cli
