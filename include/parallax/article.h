// The document model: one news article, its decoded text, and every annotation as a span.
//
// Invariant: `text` is the decoded article (valid UTF-8) and is never modified after ingest.
// Every annotation (block, sentence, entity mention, quote, speaker, cue, channel, dateline) is
// a Span of UTF-8 byte offsets [start, end) into `text`, with start <= end <= text.size().
// Metadata strings (headline, outlet, dateline place ...) are derived values cached beside the
// spans that justify them; they never replace the spans.
//
//   parallax::Article a = ...;                 // from parallax::Analyzer
//   for (const auto& b : a.blocks)
//     if (b.role == parallax::BlockRole::kBody) Print(a.View(b.span));
//   std::string body = a.Body();               // body blocks joined by blank lines
#ifndef PARALLAX_ARTICLE_H_
#define PARALLAX_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// [start, end) in UTF-8 bytes of Article::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class BlockRole {
  kHeadline,
  kStandfirst,
  kSection,
  kTimestamp,
  kDateline,
  kByline,
  kBody,
  kCaption,
  kCredit,
  kBoilerplate,
};
// The record's spelling: "headline", "standfirst", ... "boilerplate".
std::string_view BlockRoleName(BlockRole role);

// A run of the article's text with one role. `reason` says why a boilerplate block is
// boilerplate ("donation appeal", "read-more link", "repeated in 5 articles of TASS"); for other
// roles it may name the rule that assigned the role, or stay empty.
struct Block {
  BlockRole role = BlockRole::kBody;
  Span span;
  std::string reason;
  // HTML input only: the byte range of the page's markup the block's text came from (from its
  // first to its last text node). Not an offset into `text`.
  std::optional<Span> markup;
};

struct Sentence {
  Span span;
};

// A publication time the article states, with the rule that found it.
struct Published {
  std::string value;      // ISO 8601: "2023-12-25T18:21" or "2023-12-25" when no time is given
  std::string rule;       // "text:timestamp-line", "record:date-field", "dateline" ...
  double confidence = 0;  // 0..1
};

// `MOSCOW, December 25. /TASS/.`: place, date as written, agency tag; span covers the dateline.
struct Dateline {
  std::string place;
  std::string date;
  std::string agency;
  Span span;
};

enum class EntityType { kPerson, kOrganization, kLocation, kOther };
std::string_view EntityTypeName(EntityType type);

struct Entity {
  std::string id;    // unique within the article: "e1", "e2" ...
  std::string name;  // the fullest name the article gives
  EntityType type = EntityType::kOther;
  std::vector<std::string> roles;  // "Russian Presidential Spokesman"
  std::string key;                 // folded matching key, comparable across articles
  std::vector<Span> mentions;
};

struct Speaker {
  std::optional<std::string> entity;  // Entity::id, or nullopt when unresolved
  std::string name;                   // the local mention as written ("he", "Peskov")
  Span span;                          // the local mention
};

struct Quote {
  Span content;  // the quoted or reported content only
  bool direct = false;
  Speaker speaker;
  std::optional<Span> cue;      // "said", "told", "according to"
  std::optional<Span> channel;  // "told state-run news agency RIA Novosti"
};

// What the source record already knew about the article (JSONL fields, flags, outlet map).
// Empty strings mean unknown.
struct ArticleHints {
  std::string id;
  std::string title;
  std::string date;
  std::string outlet;
  std::string url;
};

struct Article {
  static constexpr std::string_view kSchema = "parallax.article/1";

  std::string id;      // content hash of `text` (16 hex digits, xxh3-64); stable across runs
  std::string source;  // path, "path:line" / record id for JSONL, "-" for stdin
  std::string outlet;
  std::string headline;
  std::string standfirst;
  std::string section;
  std::optional<Published> published;
  std::optional<Dateline> dateline;
  std::vector<std::string> byline;
  std::string language;  // ISO 639-1 ("en", "ru") or "" when unknown
  std::string url;
  std::string charset;  // the charset the input was decoded from ("UTF-8", "windows-1251")
  std::string text;
  std::vector<Block> blocks;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<std::string> warnings;
  ArticleHints hints;  // not serialised; input to extraction

  std::string_view View(Span span) const {
    return std::string_view(text).substr(span.start, span.end - span.start);
  }
  // The article body: body blocks, in order, joined by one blank line ("\n\n").
  std::string Body() const;
};

}  // namespace parallax

#endif  // PARALLAX_ARTICLE_H_
