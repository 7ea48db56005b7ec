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

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
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

  // A value already written as JSON by the caller (one complete value, e.g. an object built
  // in a buffer on a hot path), placed with the usual separator.
  void RawValue(std::string_view json) {
    BeforeValue();
    out_->append(json);
  }

  // Appends `s` to `out` as a JSON string literal (quotes included). Input must be valid UTF-8;
  // control characters are escaped, everything else is written as is.
  static void AppendQuoted(std::string_view s, std::string* out);

 private:
  // The separator before a value (or a key): a comma after an element, a newline and
  // indentation when pretty. Inline: it runs before every key and value of every record.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (has_element_.empty()) return;
    if (has_element_.back()) out_->push_back(',');
    has_element_.back() = 1;
    if (indent_ != 0) Newline();
  }
  void Open(char bracket) {
    BeforeValue();
    out_->push_back(bracket);
    has_element_.push_back(0);
  }
  void Close(char bracket) {
    const bool had = has_element_.back() != 0;
    has_element_.pop_back();
    if (had && indent_ != 0) Newline();
    out_->push_back(bracket);
  }
  void Newline();

  std::string* out_;
  int indent_;
  // Per open container: whether it already holds an element (bytes, not vector<bool>: this is
  // touched before every value).
  std::vector<uint8_t> has_element_;
  bool after_key_ = false;
};

}  // namespace parallax::pipeline

#endif  // PARALLAX_PIPELINE_JSON_WRITER_H_
