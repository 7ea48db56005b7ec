// ArticleToJson / ArticleToMarkdown: the article record as other tools and people read it.
// Field names and order follow docs/schema/article.md ("parallax.article/1").
#include <charconv>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/format.h"
#include "src/pipeline/json_writer.h"

namespace parallax {
namespace {

using pipeline::JsonWriter;

void WriteSpan(JsonWriter& w, Span span) {
  w.Key("start");
  w.Int(span.start);
  w.Key("end");
  w.Int(span.end);
}

// {"start": .., "end": ..} as a value.
void WriteSpanObject(JsonWriter& w, Span span) { w.SpanObject(span.start, span.end); }

void WriteOptionalSpan(JsonWriter& w, std::string_view key, const std::optional<Span>& span) {
  w.Key(key);
  if (!span) {
    w.Null();
    return;
  }
  WriteSpanObject(w, *span);
}

void WriteStrings(JsonWriter& w, const std::vector<std::string>& values) {
  w.BeginArray();
  for (const auto& v : values) w.String(v);
  w.EndArray();
}

void WriteEntities(JsonWriter& w, const Article& a) {
  w.BeginArray();
  for (const Entity& e : a.entities) {
    w.BeginObject();
    w.Key("id");
    w.String(e.id);
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(EntityTypeName(e.type));
    w.Key("roles");
    WriteStrings(w, e.roles);
    w.Key("key");
    w.String(e.key);
    w.Key("mentions");
    w.BeginArray();
    for (Span m : e.mentions) WriteSpanObject(w, m);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void WriteQuotes(JsonWriter& w, const Article& a) {
  w.BeginArray();
  for (const Quote& q : a.quotes) {
    w.BeginObject();
    WriteSpan(w, q.content);
    w.Key("direct");
    w.Bool(q.direct);
    w.Key("speaker");
    w.BeginObject();
    w.Key("entity");
    if (q.speaker.entity) {
      w.String(*q.speaker.entity);
    } else {
      w.Null();
    }
    w.Key("name");
    w.String(q.speaker.name);
    WriteSpan(w, q.speaker.span);
    w.EndObject();
    WriteOptionalSpan(w, "cue", q.cue);
    WriteOptionalSpan(w, "channel", q.channel);
    w.EndObject();
  }
  w.EndArray();
}

// Appends `s` at `p` (the caller checked the room).
char* Put(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

// True when `s` can go into a JSON string literal as is.
bool PlainJson(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') return false;
  return true;
}

// One block object, written by the generic writer.
void WriteBlock(JsonWriter& w, const Block& b) {
  w.BeginObject();
  w.Key("role");
  w.String(BlockRoleName(b.role));
  WriteSpan(w, b.span);
  w.Key("reason");
  w.String(b.reason);
  if (b.markup) {
    w.Key("markup");
    WriteSpanObject(w, *b.markup);
  }
  w.EndObject();
}

// The same object, compact, built in one buffer and appended at once: a record has dozens of
// blocks, and the generic writer's dozen calls per block cost more than escaping the text.
// Falls back to WriteBlock for a reason that needs escaping or does not fit.
void WriteBlockCompact(JsonWriter& w, const Block& b) {
  std::string_view role = BlockRoleName(b.role);
  if (role.size() > 16 || b.reason.size() > 96 || !PlainJson(b.reason)) {
    WriteBlock(w, b);
    return;
  }
  char buf[256];
  char* p = Put(buf, "{\"role\":\"");
  p = Put(p, role);
  p = Put(p, "\",\"start\":");
  p = std::to_chars(p, p + 12, b.span.start).ptr;
  p = Put(p, ",\"end\":");
  p = std::to_chars(p, p + 12, b.span.end).ptr;
  p = Put(p, ",\"reason\":\"");
  p = Put(p, b.reason);
  *p++ = '"';
  if (b.markup) {
    p = Put(p, ",\"markup\":{\"start\":");
    p = std::to_chars(p, p + 12, b.markup->start).ptr;
    p = Put(p, ",\"end\":");
    p = std::to_chars(p, p + 12, b.markup->end).ptr;
    *p++ = '}';
  }
  *p++ = '}';
  w.RawValue(std::string_view(buf, static_cast<size_t>(p - buf)));
}

}  // namespace

std::string ArticleToJson(const Article& a, bool pretty) {
  std::string out;
  // Room for the whole record, so that it is written without growing: text and body (escaping
  // rarely adds much), then ~60 bytes per block, ~32 per sentence, ~48 per mention and ~160 per
  // quote (compact form; a pretty record may still grow).
  size_t mentions = 0;
  for (const Entity& e : a.entities) mentions += e.mentions.size() + 2;
  out.reserve(a.text.size() * 2 + a.blocks.size() * 64 + a.sentences.size() * 32 + mentions * 48 +
              a.quotes.size() * 160 + 2048);
  JsonWriter w(&out, pretty ? 2 : 0);
  w.BeginObject();
  w.Key("schema");
  w.String(Article::kSchema);
  w.Key("id");
  w.String(a.id);
  w.Key("source");
  w.String(a.source);
  w.Key("outlet");
  w.String(a.outlet);
  w.Key("headline");
  w.String(a.headline);
  w.Key("standfirst");
  w.String(a.standfirst);
  w.Key("section");
  w.String(a.section);
  w.Key("published");
  if (a.published) {
    w.BeginObject();
    w.Key("value");
    w.String(a.published->value);
    w.Key("rule");
    w.String(a.published->rule);
    w.Key("confidence");
    w.Double(a.published->confidence);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("dateline");
  if (a.dateline) {
    w.BeginObject();
    w.Key("place");
    w.String(a.dateline->place);
    w.Key("date");
    w.String(a.dateline->date);
    w.Key("agency");
    w.String(a.dateline->agency);
    WriteSpan(w, a.dateline->span);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("byline");
  WriteStrings(w, a.byline);
  w.Key("language");
  w.String(a.language);
  w.Key("url");
  w.String(a.url);
  w.Key("charset");
  w.String(a.charset);
  w.Key("text");
  w.String(a.text);
  w.Key("body");  // Article::Body(), written without joining it first
  std::vector<std::string_view> body;
  for (const Block& b : a.blocks)
    if (b.role == BlockRole::kBody) body.push_back(a.View(b.span));
  w.JoinedString(body, "\n\n");
  w.Key("blocks");
  w.BeginArray();
  for (const Block& b : a.blocks) {
    if (pretty) {
      WriteBlock(w, b);
    } else {
      WriteBlockCompact(w, b);
    }
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : a.sentences) WriteSpanObject(w, s.span);
  w.EndArray();
  w.Key("entities");
  WriteEntities(w, a);
  w.Key("quotes");
  WriteQuotes(w, a);
  w.Key("warnings");
  WriteStrings(w, a.warnings);
  w.EndObject();
  return out;
}

namespace {

// One line of a Markdown table cell: pipes escaped, newlines folded.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string Shorten(std::string_view s, size_t max_bytes) {
  std::string out = Cell(s);
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  out += "…";
  return out;
}

}  // namespace

std::string ArticleToMarkdown(const Article& a) {
  std::string md;
  md += "# " + (a.headline.empty() ? std::string("(no headline)") : Cell(a.headline)) + "\n\n";
  md += "| field | value |\n|---|---|\n";
  auto row = [&](std::string_view k, std::string_view v) {
    if (v.empty()) return;
    md += "| ";
    md += k;
    md += " | ";
    md += Cell(v);
    md += " |\n";
  };
  row("source", a.source);
  row("id", a.id);
  row("outlet", a.outlet);
  row("section", a.section);
  if (a.published) {
    row("published", a.published->value + " (" + a.published->rule + ")");
  } else {
    row("published", "not stated");
  }
  if (a.dateline) {
    std::string d = a.dateline->place;
    if (!a.dateline->date.empty()) d += ", " + a.dateline->date;
    if (!a.dateline->agency.empty()) d += " /" + a.dateline->agency + "/";
    row("dateline", d);
  }
  std::string byline;
  for (const auto& b : a.byline) byline += (byline.empty() ? "" : "; ") + b;
  row("byline", byline);
  row("language", a.language);
  row("charset", a.charset);
  row("url", a.url);
  if (!a.standfirst.empty()) md += "\n> " + Cell(a.standfirst) + "\n";
  md += "\n## Body\n\n";
  std::string body = a.Body();
  md += body.empty() ? std::string("(no body found)") : body;
  md += "\n";
  bool any_aside = false;
  for (const Block& b : a.blocks) {
    if (b.role == BlockRole::kBody || b.role == BlockRole::kHeadline) continue;
    if (!any_aside) {
      md += "\n## Set aside\n\n| role | reason | text |\n|---|---|---|\n";
      any_aside = true;
    }
    md += "| " + std::string(BlockRoleName(b.role)) + " | " + Cell(b.reason) + " | " +
          Shorten(a.View(b.span), 80) + " |\n";
  }
  if (!a.quotes.empty()) {
    md += "\n## Quotes\n\n| speaker | direct | content |\n|---|---|---|\n";
    for (const Quote& q : a.quotes) {
      md += "| " + Cell(q.speaker.name) + " | " + (q.direct ? "yes" : "no") + " | " +
            Shorten(a.View(q.content), 100) + " |\n";
    }
  }
  if (!a.warnings.empty()) {
    md += "\n## Warnings\n\n";
    for (const auto& w : a.warnings) md += "- " + w + "\n";
  }
  return md;
}

}  // namespace parallax
