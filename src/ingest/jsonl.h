// One JSONL record to one RawDocument: the field mapping of InputOptions.
//
// Invariant: on success `doc->bytes` is the text (or HTML) field's string value, unescaped,
// valid UTF-8 (simdjson validates the whole line); hints hold the mapped fields, numbers and
// booleans as written in the record. `doc->source` is left to the caller (it knows the line
// number) except that hints.id is set from the id field.
//
//   JsonlParser parser(options);
//   RawDocument doc;
//   Status s = parser.Parse(line, &doc);   // reuses its buffers from record to record
#ifndef PARALLAX_INGEST_JSONL_H_
#define PARALLAX_INGEST_JSONL_H_

#include <memory>
#include <string_view>

#include "parallax/pipeline.h"
#include "parallax/status.h"
#include "src/ingest/reader.h"

namespace parallax::ingest {

// Reusable parser (one per reader; not thread-safe). Keeps the options by value.
class JsonlParser {
 public:
  explicit JsonlParser(const InputOptions& options);
  ~JsonlParser();
  JsonlParser(const JsonlParser&) = delete;
  JsonlParser& operator=(const JsonlParser&) = delete;

  // Parses one record. `line` has no line terminator. `readable_after` is how many bytes past
  // line.data() may be read (at least line.size() + kPadding lets the parser avoid a copy;
  // otherwise the line is copied into an internal padded buffer).
  // Errors (InvalidArgument): "malformed JSON: <simdjson message>", "not a JSON object",
  // "no string field '<text_field>'"; ResourceExhausted: "record text is N bytes, over
  // max_article_bytes (M)".
  Status Parse(std::string_view line, size_t readable_after, RawDocument* doc);
  Status Parse(std::string_view line, RawDocument* doc) { return Parse(line, 0, doc); }

  // True when `line` is a JSON object (used to sniff JSONL among files of unknown format).
  bool IsObject(std::string_view line, size_t readable_after);

  static constexpr size_t kPadding = 64;  // == SIMDJSON_PADDING, checked in jsonl.cc

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Stateless convenience for fuzzing and tests: a fresh parser per call.
Status ParseJsonlRecord(std::string_view line, const InputOptions& options, RawDocument* doc);

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_JSONL_H_
