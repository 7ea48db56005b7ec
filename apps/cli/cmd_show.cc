// parallax show article|story ID: one stored article (metadata with the rule that found each
// value, blocks with their roles, entities, quotes) or one story (span, outlets, articles,
// duplicates), as Markdown for people or JSON for programs.
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "apps/cli/commands.h"
#include "apps/cli/read_common.h"
#include "apps/cli/table.h"
#include "parallax/format.h"
#include "parallax/store.h"

namespace parallax::cli {
namespace {

constexpr std::string_view kVerb = "show";

struct ShowFlags {
  std::string db = std::string(kDefaultDbPath);
  std::string id;
  std::string format = "markdown";
};

// Text from the database, safe to print: control characters other than newline and tab
// (ESC above all) become U+FFFD, so stored text cannot drive the terminal.
std::string Printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      out += "\uFFFD";
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      out += "\uFFFD";  // a C1 control (U+0080..U+009F)
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string SpanText(const Span& span) {
  return "[" + std::to_string(span.start) + ", " + std::to_string(span.end) + ")";
}

std::string Similarity(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// "the headline block [0, 58)" for the first block of `role`, plus its reason; "" when none.
std::string FoundInBlock(const Article& a, BlockRole role) {
  for (const Block& b : a.blocks) {
    if (b.role != role) continue;
    std::string s = std::string(BlockRoleName(role)) + " block " + SpanText(b.span);
    if (!b.reason.empty()) s += ": " + b.reason;
    return s;
  }
  return "";
}

// ---- show article ----

std::string ArticleMarkdown(const Article& a, const ArticleLinks& links) {
  std::string md = "# " + OneLine(a.headline.empty() ? "(no headline)" : a.headline) + "\n\n";
  // One line per metadata value: "- **field**: value — found by: rule".
  auto field = [&md](std::string_view name, std::string_view value, std::string_view rule) {
    md += "- **";
    md += name;
    md += "**: ";
    md += value.empty() ? "—" : OneLine(value);
    if (!rule.empty()) {
      md += " — *";
      md += rule;
      md += "*";
    }
    md += "\n";
  };
  auto from_block_or_record = [&a](BlockRole role, std::string_view value) -> std::string {
    if (value.empty()) return "";
    std::string block = FoundInBlock(a, role);
    return block.empty() ? "from the source record" : "from the " + block;
  };
  field("id", a.id, "content hash of the text (XXH3-64)");
  field("source", a.source, "");
  std::string outlet_rule;
  if (!a.outlet.empty() && links.outlet != a.outlet) {
    outlet_rule = "outlet registry entry: " + links.outlet;
  }
  field("outlet", a.outlet.empty() ? links.outlet : a.outlet, outlet_rule);
  if (a.published) {
    field("published", a.published->value,
          a.published->rule + ", confidence " + Similarity(a.published->confidence));
  } else {
    field("published", "", "the article states no date");
  }
  if (a.dateline) {
    std::string value = a.dateline->place;
    if (!a.dateline->date.empty()) value += ", " + a.dateline->date;
    if (!a.dateline->agency.empty()) value += " (" + a.dateline->agency + ")";
    field("dateline", value, "from the text " + SpanText(a.dateline->span));
  }
  field("standfirst", a.standfirst, from_block_or_record(BlockRole::kStandfirst, a.standfirst));
  field("section", a.section, from_block_or_record(BlockRole::kSection, a.section));
  std::string byline;
  for (size_t i = 0; i < a.byline.size(); ++i) byline += (i ? ", " : "") + a.byline[i];
  field("byline", byline, from_block_or_record(BlockRole::kByline, byline));
  field("headline", a.headline, from_block_or_record(BlockRole::kHeadline, a.headline));
  field("language", a.language, "");
  field("url", a.url, "");
  field("charset", a.charset, "");
  field("ingested", links.ingested_at, "");
  if (links.story_id) {
    field("story", std::to_string(*links.story_id) + ": " + links.story_label,
          "parallax show story " + std::to_string(*links.story_id));
  } else {
    field("story", "", "in no story");
  }
  if (links.duplicate) {
    field("duplicate of", links.duplicate->duplicate_of,
          std::string(DuplicateKindName(links.duplicate->kind)) + " copy, similarity " +
              Similarity(links.duplicate->similarity));
  }
  for (const DuplicateRecord& copy : links.copies) {
    field(
        "copied by", copy.article_id,
        std::string(DuplicateKindName(copy.kind)) + ", similarity " + Similarity(copy.similarity));
  }
  for (const std::string& w : a.warnings) field("warning", w, "");

  size_t set_aside = 0;
  for (const Block& b : a.blocks) set_aside += b.role == BlockRole::kBoilerplate;
  md += "\n## Blocks (" + std::to_string(a.blocks.size()) + "; " + std::to_string(set_aside) +
        " set aside as boilerplate)\n\n";
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    const Block& b = a.blocks[i];
    md += std::to_string(i + 1) + ". ";
    if (b.role == BlockRole::kBoilerplate) {
      md += "**BOILERPLATE** — set aside";
      if (!b.reason.empty()) md += " (" + b.reason + ")";
    } else {
      md += "**" + std::string(BlockRoleName(b.role)) + "**";
      if (!b.reason.empty()) md += " (" + b.reason + ")";
    }
    md += " `" + SpanText(b.span) + "`\n";
    // The block's text, indented under the item; a boilerplate block is quoted so that it
    // reads as set aside.
    const std::string prefix = b.role == BlockRole::kBoilerplate ? "   > " : "   ";
    std::string_view text = a.View(b.span);
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      if (!line.empty()) md += prefix + std::string(line) + "\n";
      pos = nl + 1;
    }
  }

  md += "\n## Entities (" + std::to_string(a.entities.size()) + ")\n\n";
  std::unordered_map<std::string, const Entity*> by_id;
  for (const Entity& e : a.entities) {
    by_id.emplace(e.id, &e);
    md += "- **" + OneLine(e.name) + "** (" + std::string(EntityTypeName(e.type));
    for (const std::string& role : e.roles) md += "; " + OneLine(role);
    md += ") — " + std::to_string(e.mentions.size()) + " mention" +
          (e.mentions.size() == 1 ? "" : "s") + ", id " + e.id;
    if (!e.key.empty()) md += ", key `" + e.key + "`";
    md += "\n";
  }

  md += "\n## Quotes (" + std::to_string(a.quotes.size()) + ")\n\n";
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    md += std::to_string(i + 1) + ". " + (q.direct ? "direct" : "reported") + " `" +
          SpanText(q.content) + "`: " + (q.direct ? "“" : "") + OneLine(a.View(q.content)) +
          (q.direct ? "”" : "") + "\n";
    std::string speaker = q.speaker.name.empty() ? "(unknown)" : OneLine(q.speaker.name);
    if (q.speaker.entity) {
      auto it = by_id.find(*q.speaker.entity);
      if (it != by_id.end() && it->second->name != q.speaker.name) {
        speaker += " → " + OneLine(it->second->name);
      }
      speaker += " (" + *q.speaker.entity + ")";
    }
    md += "   - speaker: " + speaker + "\n";
    md += "   - cue: " + (q.cue ? OneLine(a.View(*q.cue)) : std::string("—")) + "\n";
    md += "   - channel: " + (q.channel ? OneLine(a.View(*q.channel)) : std::string("—")) + "\n";
  }
  return md;
}

nlohmann::ordered_json DuplicateJson(const DuplicateRecord& d) {
  return {{"article_id", d.article_id},
          {"duplicate_of", d.duplicate_of},
          {"kind", std::string(DuplicateKindName(d.kind))},
          {"similarity", d.similarity}};
}

int ShowArticle(const ShowFlags& flags, Store& store) {
  Result<std::string> id = store.ResolveArticleId(flags.id);
  if (!id.ok()) {
    if (id.status().code() == StatusCode::kNotFound) {
      return ReportError(kVerb, "no article " + flags.id + " in " + flags.db +
                                    " (`parallax search` and `parallax export articles` list "
                                    "article ids)");
    }
    return ReportError(kVerb, id.status());
  }
  Result<Article> article = store.GetArticle(*id);
  if (!article.ok()) return ReportError(kVerb, article.status());
  Result<ArticleLinks> links = store.GetArticleLinks(*id);
  if (!links.ok()) return ReportError(kVerb, links.status());
  if (flags.format == "markdown") {
    return WriteOut(kVerb, Printable(ArticleMarkdown(*article, *links))) ? kExitOk
                                                                         : kExitSomeFailed;
  }
  // The article record (schema parallax.article/1, as `analyze` prints it) plus "corpus": what
  // the database knows about it beyond the record.
  nlohmann::ordered_json record = nlohmann::ordered_json::parse(
      ArticleToJson(*article, /*pretty=*/false), nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return ReportError(kVerb, "internal error: bad article JSON");
  nlohmann::ordered_json corpus = {{"outlet", links->outlet}, {"ingested_at", links->ingested_at}};
  if (links->story_id) {
    corpus["story"] = {{"id", *links->story_id}, {"label", links->story_label}};
  } else {
    corpus["story"] = nullptr;
  }
  corpus["duplicate_of"] = links->duplicate ? DuplicateJson(*links->duplicate) : nullptr;
  corpus["copies"] = nlohmann::ordered_json::array();
  for (const DuplicateRecord& d : links->copies) corpus["copies"].push_back(DuplicateJson(d));
  record["corpus"] = std::move(corpus);
  std::string out =
      record.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  return WriteOut(kVerb, out) ? kExitOk : kExitSomeFailed;
}

// ---- show story ----

std::string StoryMarkdown(const Story& story, const std::vector<OutletCount>& outlets,
                          const std::vector<DuplicateRecord>& duplicates) {
  const StorySummary& s = story.summary;
  std::string md = "# Story " + std::to_string(s.id) + ": " + OneLine(s.label) + "\n\n";
  std::string span = s.first.empty() ? "undated" : s.first;
  if (!s.last.empty() && s.last != s.first) span += " – " + s.last;
  md += "- **span**: " + span + "\n";
  md += "- **articles**: " + std::to_string(s.article_count) + " (" +
        std::to_string(duplicates.size()) + " duplicate" + (duplicates.size() == 1 ? "" : "s") +
        ")\n";
  md += "- **outlets** (" + std::to_string(outlets.size()) + "): ";
  for (size_t i = 0; i < outlets.size(); ++i) {
    md += (i ? ", " : "") + OneLine(outlets[i].name.empty() ? "(unknown)" : outlets[i].name) +
          " (" + std::to_string(outlets[i].articles) + ")";
  }
  md += "\n\n## Articles (" + std::to_string(story.articles.size()) + ")\n\n";
  std::unordered_map<std::string, const DuplicateRecord*> dup_of;
  for (const DuplicateRecord& d : duplicates) dup_of.emplace(d.article_id, &d);
  for (size_t i = 0; i < story.articles.size(); ++i) {
    const ArticleSummary& a = story.articles[i];
    md += std::to_string(i + 1) + ". " + (a.published.empty() ? "undated" : a.published) + " · " +
          OneLine(a.outlet.empty() ? "(unknown outlet)" : a.outlet) + " · " +
          OneLine(a.headline.empty() ? "(no headline)" : a.headline) + " · `" + a.id + "`";
    auto it = dup_of.find(a.id);
    if (it != dup_of.end()) {
      md += " — " + std::string(DuplicateKindName(it->second->kind)) + " copy of `" +
            it->second->duplicate_of + "`";
    }
    md += "\n";
  }
  if (!duplicates.empty()) {
    md += "\n## Duplicates (" + std::to_string(duplicates.size()) + ")\n\n";
    for (const DuplicateRecord& d : duplicates) {
      md += "- `" + d.article_id + "` copies `" + d.duplicate_of + "` (" +
            std::string(DuplicateKindName(d.kind)) + ", similarity " + Similarity(d.similarity) +
            ")\n";
    }
  }
  return md;
}

int ShowStory(const ShowFlags& flags, Store& store) {
  int64_t id = -1;
  {
    const std::string& s = flags.id;
    bool digits = !s.empty() && s.size() <= 18;
    for (char c : s) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
      return ReportError(kVerb, "'" + s +
                                    "' is not a story id (story ids are numbers; see "
                                    "`parallax stories`)");
    }
    id = std::stoll(s);
  }
  Result<Story> story = store.GetStory(id);
  if (!story.ok()) {
    if (story.status().code() == StatusCode::kNotFound) {
      return ReportError(
          kVerb, "no story " + flags.id + " in " + flags.db + " (`parallax stories` lists them)");
    }
    return ReportError(kVerb, story.status());
  }
  Result<std::vector<OutletCount>> outlets = store.StoryOutlets(id);
  if (!outlets.ok()) return ReportError(kVerb, outlets.status());
  Result<std::vector<DuplicateRecord>> duplicates = store.StoryDuplicates(id);
  if (!duplicates.ok()) return ReportError(kVerb, duplicates.status());
  if (flags.format == "markdown") {
    return WriteOut(kVerb, Printable(StoryMarkdown(*story, *outlets, *duplicates)))
               ? kExitOk
               : kExitSomeFailed;
  }
  const StorySummary& s = story->summary;
  nlohmann::ordered_json j = {{"id", s.id},
                              {"label", s.label},
                              {"first", NullIfEmpty(s.first)},
                              {"last", NullIfEmpty(s.last)},
                              {"article_count", s.article_count},
                              {"outlet_count", s.outlet_count}};
  j["outlets"] = nlohmann::ordered_json::array();
  for (const OutletCount& o : *outlets) {
    j["outlets"].push_back({{"name", o.name}, {"articles", o.articles}});
  }
  j["articles"] = nlohmann::ordered_json::array();
  for (const ArticleSummary& a : story->articles) {
    nlohmann::ordered_json row = {{"id", a.id},
                                  {"published", NullIfEmpty(a.published)},
                                  {"outlet", a.outlet},
                                  {"headline", a.headline},
                                  {"source", a.source},
                                  {"url", a.url},
                                  {"language", a.language}};
    row["duplicate_of"] = a.duplicate_of ? nlohmann::ordered_json(*a.duplicate_of) : nullptr;
    j["articles"].push_back(std::move(row));
  }
  j["duplicates"] = nlohmann::ordered_json::array();
  for (const DuplicateRecord& d : *duplicates) j["duplicates"].push_back(DuplicateJson(d));
  std::string out = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  return WriteOut(kVerb, out) ? kExitOk : kExitSomeFailed;
}

int Run(const ShowFlags& flags, bool article) {
  int exit_code = kExitOk;
  std::optional<Store> store = OpenForReading(kVerb, flags.db, &exit_code);
  if (!store) return exit_code;
  return article ? ShowArticle(flags, *store) : ShowStory(flags, *store);
}

}  // namespace

Verb RegisterShow(CLI::App& app) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* cmd = app.add_subcommand(
      "show",
      "Show one stored article or story from a corpus database (built by `parallax ingest`).\n"
      "Examples:\n"
      "  parallax show article 5be0c0dd --db news.db        # an id prefix of 8+ hex digits\n"
      "  parallax show story 12 --format json --db news.db\n"
      "Exit status: 0 shown; 2 unknown id, usage error or no database.");
  cmd->require_subcommand(1);
  auto add_common = [flags](CLI::App* sub) {
    AddDbOption(sub, &flags->db);
    sub->add_option("--format", flags->format, "markdown (for people) or json")
        ->check(CLI::IsMember({"markdown", "json"}))
        ->default_str("markdown");
  };
  CLI::App* article = cmd->add_subcommand(
      "article",
      "An article: its metadata with the rule that found each value, its blocks with their\n"
      "roles (boilerplate marked and set aside), entities, and quotes with speaker, cue and\n"
      "channel; its story and duplicates. JSON is the analyze record plus a \"corpus\" object.\n"
      "Example: parallax show article 5be0c0ddc7a55f1e --db news.db");
  article->add_option("id", flags->id, "Article id, or a unique prefix of at least 8 hex digits")
      ->required();
  add_common(article);
  CLI::App* story = cmd->add_subcommand(
      "story",
      "A story: label, time span, outlets, its articles with dates and headlines, and which\n"
      "of them copy another.\n"
      "Example: parallax show story 12 --db news.db");
  story->add_option("id", flags->id, "Story id (a number, as `parallax stories` lists)")
      ->required();
  add_common(story);
  return Verb{cmd, [flags, article] { return Run(*flags, article->parsed()); }};
}

}  // namespace parallax::cli
