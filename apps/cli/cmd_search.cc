// parallax search QUERY: full-text search (SQLite FTS5) over the headlines and bodies of a
// corpus database, best match first, with a snippet around the matches.
#include <memory>
#include <string>
#include <vector>

#include "apps/cli/commands.h"
#include "apps/cli/read_common.h"
#include "apps/cli/table.h"
#include "parallax/store.h"

namespace parallax::cli {
namespace {

constexpr std::string_view kVerb = "search";
// Private-use characters mark matches in snippets for the terminal; they become colour or
// brackets only after the snippet is wrapped, so that wrapping never splits an escape sequence.
constexpr std::string_view kOpenMark = "\uE000";
constexpr std::string_view kCloseMark = "\uE001";

struct SearchFlags {
  std::string db = std::string(kDefaultDbPath);
  std::vector<std::string> query;
  std::string outlet, since, until;
  size_t limit = 20;
  size_t offset = 0;
  std::string format = "auto";
  std::string color = "auto";
};

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

std::string HitsAsText(const std::vector<SearchHit>& hits, size_t first_rank, bool color) {
  const size_t width = TerminalWidth(stdout);
  const std::string_view open = color ? kHighlight : "[";
  const std::string_view close = color ? kReset : "]";
  std::string out;
  for (size_t i = 0; i < hits.size(); ++i) {
    const SearchHit& h = hits[i];
    const std::string rank = std::to_string(first_rank + i) + ". ";
    const std::string indent(rank.size(), ' ');
    const size_t room = width > indent.size() + 10 ? width - indent.size() : 10;
    const std::string headline =
        Truncate(OneLine(h.headline.empty() ? "(no headline)" : h.headline), room);
    out += rank;
    if (color) out.append(kBold);
    out += headline;
    if (color) out.append(kReset);
    out += "\n";
    std::string meta = (h.outlet.empty() ? std::string("(unknown outlet)") : h.outlet) + " · " +
                       (h.published.empty() ? std::string("undated") : h.published) + " · " + h.id;
    if (h.story_id) meta += " · story " + std::to_string(*h.story_id);
    out += indent;
    if (color) out.append(kDim);
    out += Truncate(OneLine(meta), room);
    if (color) out.append(kReset);
    out += "\n";
    for (const std::string& line : Wrap(h.snippet, room)) {
      out += indent + ReplaceAll(ReplaceAll(line, kOpenMark, open), kCloseMark, close) + "\n";
    }
    out += "\n";
  }
  return out;
}

int Run(SearchFlags flags) {
  std::string query;
  for (const std::string& part : flags.query) query += (query.empty() ? "" : " ") + part;
  if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ReportError(kVerb, "empty query; example: parallax search 'port AND strike'");
  }
  if (!CheckDateRange(kVerb, &flags.since, &flags.until)) return kExitUsage;
  int exit_code = kExitOk;
  std::optional<Store> store = OpenForReading(kVerb, flags.db, &exit_code);
  if (!store) return exit_code;

  const std::string format = ResolveListFormat(flags.format);
  SearchOptions options;
  options.filter.outlet = flags.outlet;
  options.filter.since = flags.since;
  options.filter.until = flags.until;
  options.filter.limit = flags.limit;
  options.filter.offset = flags.offset;
  if (format == "table") {
    options.open = std::string(kOpenMark);
    options.close = std::string(kCloseMark);
  }
  Result<std::vector<SearchHit>> hits = store->SearchArticles(query, options);
  if (!hits.ok()) return ReportError(kVerb, hits.status());

  std::string out;
  if (format == "table") {
    out = HitsAsText(*hits, flags.offset + 1, UseColor(stdout, flags.color));
  } else if (format == "csv") {
    out = CsvLine({"rank", "id", "score", "outlet", "published", "headline", "story", "snippet"});
    for (size_t i = 0; i < hits->size(); ++i) {
      const SearchHit& h = (*hits)[i];
      char score[32];
      std::snprintf(score, sizeof score, "%.6g", h.rank);
      out += CsvLine({std::to_string(flags.offset + i + 1), h.id, score, h.outlet, h.published,
                      h.headline, h.story_id ? std::to_string(*h.story_id) : "", h.snippet});
    }
  } else {
    for (size_t i = 0; i < hits->size(); ++i) {
      const SearchHit& h = (*hits)[i];
      nlohmann::ordered_json row = {{"rank", flags.offset + i + 1},
                                    {"id", h.id},
                                    {"score", h.rank},
                                    {"outlet", h.outlet},
                                    {"published", NullIfEmpty(h.published)},
                                    {"headline", h.headline}};
      row["story"] = h.story_id ? nlohmann::ordered_json(*h.story_id) : nullptr;
      row["snippet"] = h.snippet;
      out += JsonLine(row);
    }
  }
  if (!WriteOut(kVerb, out)) return kExitSomeFailed;
  if (hits->empty()) {
    std::fprintf(stderr, "parallax search: no articles match\n");
  } else if (format == "table" && flags.limit > 0 && hits->size() == flags.limit) {
    std::fprintf(stderr, "parallax search: first %zu hits shown; more with --offset %zu\n",
                 hits->size(), flags.offset + hits->size());
  }
  return kExitOk;
}

}  // namespace

Verb RegisterSearch(CLI::App& app) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Full-text search over the headlines and bodies of a corpus database (built by\n"
      "`parallax ingest`), best match first (BM25; headline matches weigh 4x), with a\n"
      "snippet around the matches (highlighted on a terminal, [marked] otherwise).\n"
      "Query syntax (SQLite FTS5): words (all must occur), \"a phrase\", OR, NOT, prefix*,\n"
      "NEAR(a b, 5), headline: word. Case and diacritics are ignored.\n"
      "Examples:\n"
      "  parallax search port strike --db news.db\n"
      "  parallax search '\"cargo flows\" OR minister*' --outlet Reuters --since 2024-03-01\n"
      "Exit status: 0 success (also with no hits); 2 bad query, bad date, usage error or no\n"
      "database.");
  cmd->add_option("query", flags->query, "The query; several words are joined with spaces")
      ->required();
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--outlet", flags->outlet, "Only articles of this outlet (name, alias, domain)");
  cmd->add_option("--since", flags->since,
                  "Only articles published on or after this date (YYYY-MM-DD[THH:MM])");
  cmd->add_option("--until", flags->until,
                  "Only articles published on or before this date (a date includes its day)");
  cmd->add_option("--limit", flags->limit, "At most this many hits; 0 = all")->default_str("20");
  cmd->add_option("--offset", flags->offset, "Skip this many hits first (paging)")
      ->default_str("0");
  cmd->add_option("--format", flags->format,
                  "table (hits with snippets), jsonl or csv; auto = table on a terminal,\n"
                  "jsonl otherwise")
      ->check(CLI::IsMember({"auto", "table", "jsonl", "csv"}))
      ->default_str("auto");
  cmd->add_option("--color", flags->color,
                  "Highlight matches: auto (on a terminal), always, never; NO_COLOR disables")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  return Verb{cmd, [flags] { return Run(*flags); }};
}

}  // namespace parallax::cli
