// A minimal streaming JSON writer. Hand-written rather than built on nlohmann::json because the
// article record is written once per article on the hot path and a DOM per record costs more
// than the analysis stages themselves; tests parse its output back with nlohmann::json as the
// oracle.
#ifndef PARALLAX_PIPELINE_JSON_WRITER_H_
#define PARALLAX_PIPELINE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::pipeline {

class JsonWriter {
 public:
  // indent 0: compact, one line. Otherwise pretty-printed with `indent` spaces per level.
  explicit JsonWriter(std::string* out, int indent = 0) : out_(out), indent_(indent) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // Precondition: `key` needs no escaping (keys are the schema's own names).
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  void Double(double value);
  void Bool(bool value);
  void Null();
  // The object {"start": start, "end": end} as a value (the record's spans; a fast path).
  void SpanObject(int64_t start, int64_t end);
  // One string value made of `parts` joined by `separator` (nothing is joined before the
  // first non-empty part), without building the joined string first.
  void JoinedString(const std::vector<std::string_view>& parts, std::string_view separator);

  // Appends `s` to `out` as a JSON string literal (quotes included). Input must be valid UTF-8;
  // control characters are escaped, everything else is written as is.
  static void AppendQuoted(std::string_view s, std::string* out);

 private:
  void BeforeValue();
  void Newline();

  std::string* out_;
  int indent_;
  // Per open container: whether it already holds an element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace parallax::pipeline

#endif  // PARALLAX_PIPELINE_JSON_WRITER_H_
