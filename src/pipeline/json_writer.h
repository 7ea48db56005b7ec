// A minimal streaming JSON writer. Hand-written rather than built on nlohmann::json because the
// article record is written once per article on the hot path and a DOM per record costs more
// than the analysis stages themselves; tests parse its output back with nlohmann::json as the
// oracle.
//
// The writer fills the string's buffer through a raw cursor (a record makes hundreds of small
// writes, and each std::string::append costs a call and its checks): while it writes, `out`
// may hold zero bytes past what was written. `out` holds exactly what was written once the
// outermost value is complete (its container closed, or a top-level scalar written), after
// Flush(), and when the writer is destroyed. Do not touch `out` while a value is incomplete.
// Reserve capacity in `out` before writing a large record: the writer uses all of it before it
// grows the string.
#ifndef PARALLAX_PIPELINE_JSON_WRITER_H_
#define PARALLAX_PIPELINE_JSON_WRITER_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::pipeline {

class JsonWriter {
 public:
  // indent 0: compact, one line. Otherwise pretty-printed with `indent` spaces per level.
  // Writes after what `out` already holds.
  explicit JsonWriter(std::string* out, int indent = 0);
  // Flushes an incomplete document (nothing to do, and `out` is not touched, once the outermost
  // value was completed).
  ~JsonWriter() {
    if (p_ != end_) Flush();
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Precondition: `key` needs no escaping (keys are the schema's own names). Inline: a record
  // writes hundreds of keys, and with a literal key the copy is a few stores.
  void Key(std::string_view key) {
    if (indent_ != 0) {
      PrettyKey(key);
      return;
    }
    Reserve(key.size() + 4);
    char* p = p_;
    if (need_comma_) *p++ = ',';
    *p++ = '"';
    std::memcpy(p, key.data(), key.size());
    p += key.size();
    p[0] = '"';
    p[1] = ':';
    p_ = p + 2;
    need_comma_ = false;
    after_key_ = true;
  }
  void String(std::string_view value) {
    BeforeValue();
    Reserve(value.size() + 2);
    *p_++ = '"';
    AppendEscaped(value);
    *p_++ = '"';
    AfterValue();
  }
  void Int(int64_t value) {
    BeforeValue();
    Reserve(24);
    p_ = std::to_chars(p_, p_ + 24, value).ptr;
    AfterValue();
  }
  void Double(double value);
  void Bool(bool value) { Literal(value ? std::string_view("true") : std::string_view("false")); }
  void Null() { Literal("null"); }
  // The object {"start": start, "end": end} as a value (the record's spans; a fast path).
  void SpanObject(int64_t start, int64_t end) {
    if (indent_ != 0) {
      PrettySpanObject(start, end);
      return;
    }
    BeforeValue();
    Reserve(64);
    char* p = p_;
    std::memcpy(p, "{\"start\":", 9);
    p = std::to_chars(p + 9, p + 29, start).ptr;
    std::memcpy(p, ",\"end\":", 7);
    p = std::to_chars(p + 7, p + 27, end).ptr;
    *p++ = '}';
    p_ = p;
    AfterValue();
  }
  // One string value made of `parts` joined by `separator` (nothing is joined before the
  // first non-empty part), without building the joined string first.
  void JoinedString(const std::vector<std::string_view>& parts, std::string_view separator);

  // A value already written as JSON by the caller (one complete value, e.g. an object built
  // in a buffer on a hot path), placed with the usual separator.
  void RawValue(std::string_view json) { Literal(json); }

  // Cuts `out` to what was written (the writer may go on writing afterwards).
  void Flush();

  // Appends `s` to `out` as a JSON string literal (quotes included). Input must be valid UTF-8;
  // control characters are escaped, everything else is written as is.
  static void AppendQuoted(std::string_view s, std::string* out);

 private:
  // Makes room for `n` more bytes at p_.
  void Reserve(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) Grow(n);
  }
  void Grow(size_t n);
  // The separator before a value: a comma after an element, a newline and indentation when
  // pretty; nothing right after a key or at the top level.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (indent_ != 0) {
      PrettySeparator();
      return;
    }
    if (need_comma_) {
      Reserve(1);
      *p_++ = ',';
    }
  }
  // After a complete value: the next one in its container needs a comma; a complete top-level
  // value is flushed.
  void AfterValue() {
    need_comma_ = true;
    if (depth_ == 0) Flush();
  }
  void Open(char bracket) {
    BeforeValue();
    Reserve(1);
    *p_++ = bracket;
    ++depth_;
    need_comma_ = false;
  }
  void Close(char bracket);
  // `word` as written (a literal, a number or a value the caller wrote as JSON).
  void Literal(std::string_view word) {
    BeforeValue();
    Reserve(word.size());
    std::memcpy(p_, word.data(), word.size());
    p_ += word.size();
    AfterValue();
  }
  // `s` escaped at p_ (no quotes). The caller reserved s.size() bytes; escapes reserve more.
  void AppendEscaped(std::string_view s);
  void PrettyKey(std::string_view key);
  void PrettySeparator();
  void PrettySpanObject(int64_t start, int64_t end);
  void Newline();

  std::string* out_;
  char* p_;    // the next byte to write, inside out_'s buffer
  char* end_;  // the end of out_'s buffer as sized for writing
  int indent_;
  int depth_ = 0;            // open containers
  bool need_comma_ = false;  // the open container already holds an element
  bool after_key_ = false;   // a key was written; its value comes next
};

}  // namespace parallax::pipeline

#endif  // PARALLAX_PIPELINE_JSON_WRITER_H_
