// parallax stories: the stories of a corpus database, oldest first, with their outlets,
// article counts and time spans; filters by date, outlet and text.
#include <memory>
#include <string>
#include <vector>

#include "apps/cli/commands.h"
#include "apps/cli/read_common.h"
#include "apps/cli/table.h"
#include "parallax/store.h"

namespace parallax::cli {
namespace {

struct StoriesFlags {
  std::string db = std::string(kDefaultDbPath);
  std::string since, until, outlet, text;
  size_t limit = 50;
  size_t offset = 0;
  size_t min_articles = 1;
  std::string format = "auto";
};

std::string JoinOutlets(const std::vector<OutletCount>& outlets, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < outlets.size(); ++i) {
    if (i > 0) out += sep;
    out += outlets[i].name;
  }
  return out;
}

int Run(StoriesFlags flags) {
  constexpr std::string_view kVerb = "stories";
  if (!CheckDateRange(kVerb, &flags.since, &flags.until)) return kExitUsage;
  int exit_code = kExitOk;
  std::optional<Store> store = OpenForReading(kVerb, flags.db, &exit_code);
  if (!store) return exit_code;

  StoryFilter filter;
  filter.since = flags.since;
  filter.until = flags.until;
  filter.outlet = flags.outlet;
  filter.text = flags.text;
  filter.min_articles = flags.min_articles;
  filter.limit = flags.limit;
  filter.offset = flags.offset;
  Result<std::vector<StorySummary>> stories = store->ListStories(filter);
  if (!stories.ok()) return ReportError(kVerb, stories.status());
  std::vector<std::vector<OutletCount>> outlets;
  for (const StorySummary& s : *stories) {
    Result<std::vector<OutletCount>> o = store->StoryOutlets(s.id);
    if (!o.ok()) return ReportError(kVerb, o.status());
    outlets.push_back(std::move(o).value());
  }

  const std::string format = ResolveListFormat(flags.format);
  std::string out;
  if (format == "table") {
    Table table({{"ID", 2, 0, false, Align::kRight},
                 {"FIRST", 10, 10},
                 {"LAST", 10, 10},
                 {"ARTICLES", 8, 0, false, Align::kRight},
                 // The outlets give way first; the label, what a reader scans for, last.
                 {"OUTLETS", 12, 32, true, Align::kLeft, 20},
                 {"LABEL", 16, 0, false}});
    for (size_t i = 0; i < stories->size(); ++i) {
      const StorySummary& s = (*stories)[i];
      table.AddRow({std::to_string(s.id), s.first.substr(0, 10), s.last.substr(0, 10),
                    std::to_string(s.article_count),
                    std::to_string(s.outlet_count) + ": " + JoinOutlets(outlets[i], ", "),
                    s.label});
    }
    out = table.Render(TerminalWidth(stdout), UseColor(stdout));
  } else if (format == "csv") {
    out = CsvLine({"id", "label", "first", "last", "articles", "outlet_count", "outlets"});
    for (size_t i = 0; i < stories->size(); ++i) {
      const StorySummary& s = (*stories)[i];
      out +=
          CsvLine({std::to_string(s.id), s.label, s.first, s.last, std::to_string(s.article_count),
                   std::to_string(s.outlet_count), JoinOutlets(outlets[i], "; ")});
    }
  } else {
    for (size_t i = 0; i < stories->size(); ++i) {
      const StorySummary& s = (*stories)[i];
      nlohmann::ordered_json outlet_list = nlohmann::ordered_json::array();
      for (const OutletCount& o : outlets[i]) {
        outlet_list.push_back({{"name", o.name}, {"articles", o.articles}});
      }
      nlohmann::ordered_json row = {{"id", s.id},
                                    {"label", s.label},
                                    {"first", NullIfEmpty(s.first)},
                                    {"last", NullIfEmpty(s.last)},
                                    {"articles", s.article_count},
                                    {"outlet_count", s.outlet_count},
                                    {"outlets", outlet_list}};
      out += JsonLine(row);
    }
  }
  if (!WriteOut(kVerb, out)) return kExitSomeFailed;

  if (stories->empty()) {
    std::string why = "no stories match";
    if (!flags.outlet.empty()) {
      Result<std::optional<Outlet>> known = store->FindOutlet(flags.outlet);
      if (known.ok() && !known->has_value()) {
        why += "; no outlet in the database is named '" + flags.outlet + "'";
      }
    }
    std::fprintf(stderr, "parallax stories: %s\n", why.c_str());
  } else if (format == "table" && flags.limit > 0 && stories->size() == flags.limit) {
    std::fprintf(stderr, "parallax stories: first %zu shown; more with --offset %zu\n",
                 stories->size(), flags.offset + stories->size());
  }
  return kExitOk;
}

}  // namespace

Verb RegisterStories(CLI::App& app) {
  auto flags = std::make_shared<StoriesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "stories",
      "List the stories of a corpus database (built by `parallax ingest`), oldest first:\n"
      "id, first and last date, article count, outlets, label (the most central headline).\n"
      "Example:\n"
      "  parallax stories --db news.db --since 2024-03-01 --outlet Reuters --text 'port AND "
      "strike'\n"
      "Exit status: 0 success (also when nothing matches); 2 usage error, bad date, no "
      "database.");
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--since", flags->since,
                  "Stories still running on or after this date (YYYY-MM-DD[THH:MM])");
  cmd->add_option("--until", flags->until, "Stories begun on or before this date (inclusive)");
  cmd->add_option("--outlet", flags->outlet,
                  "Stories with an article from this outlet (name, alias or domain)");
  cmd->add_option("--text", flags->text,
                  "Stories with an article matching this full-text query (FTS5 syntax:\n"
                  "words, \"a phrase\", AND/OR/NOT, prefix*)");
  cmd->add_option("--min-articles", flags->min_articles, "Only stories with this many articles")
      ->default_str("1");
  cmd->add_option("--limit", flags->limit, "At most this many stories; 0 = all")->default_str("50");
  cmd->add_option("--offset", flags->offset, "Skip this many stories first (paging)")
      ->default_str("0");
  cmd->add_option("--format", flags->format,
                  "table, jsonl or csv; auto = table on a terminal, jsonl otherwise")
      ->check(CLI::IsMember({"auto", "table", "jsonl", "csv"}))
      ->default_str("auto");
  return Verb{cmd, [flags] { return Run(*flags); }};
}

}  // namespace parallax::cli
