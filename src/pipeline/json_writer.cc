#include "src/pipeline/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "src/base/json_string.h"

namespace parallax::pipeline {

void JsonWriter::AppendQuoted(std::string_view s, std::string* out) { AppendJsonString(s, out); }

void JsonWriter::Newline() {
  if (indent_ == 0) return;
  out_->push_back('\n');
  out_->append(has_element_.size() * indent_, ' ');
}

void JsonWriter::Key(std::string_view key) {
  // One append for the comma, the quoted key and the colon (keys need no escaping).
  char buf[72];
  if (indent_ == 0 && !after_key_ && key.size() <= sizeof(buf) - 4) {
    size_t n = 0;
    if (!has_element_.empty()) {
      if (has_element_.back()) buf[n++] = ',';
      has_element_.back() = 1;
    }
    buf[n++] = '"';
    std::memcpy(buf + n, key.data(), key.size());
    n += key.size();
    buf[n++] = '"';
    buf[n++] = ':';
    out_->append(buf, n);
    after_key_ = true;
    return;
  }
  BeforeValue();
  out_->push_back('"');
  out_->append(key);
  out_->push_back('"');
  out_->push_back(':');
  if (indent_) out_->push_back(' ');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(value, out_);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  out_->append(buf, end);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_->append("null");
    return;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), "%.4g", value);
  out_->append(buf, n);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::SpanObject(int64_t start, int64_t end) {
  if (indent_ != 0) {
    BeginObject();
    Key("start");
    Int(start);
    Key("end");
    Int(end);
    EndObject();
    return;
  }
  BeforeValue();
  // One append of the whole object: the record writes one per block and sentence.
  char buf[64];
  std::memcpy(buf, "{\"start\":", 9);
  char* p = std::to_chars(buf + 9, buf + 32, start).ptr;
  std::memcpy(p, ",\"end\":", 7);
  p = std::to_chars(p + 7, buf + sizeof(buf) - 1, end).ptr;
  *p++ = '}';
  out_->append(buf, static_cast<size_t>(p - buf));
}

void JsonWriter::JoinedString(const std::vector<std::string_view>& parts,
                              std::string_view separator) {
  BeforeValue();
  out_->push_back('"');
  bool any = false;
  for (std::string_view part : parts) {
    if (any) AppendJsonStringContent(separator, out_);
    AppendJsonStringContent(part, out_);
    any |= !part.empty();
  }
  out_->push_back('"');
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

}  // namespace parallax::pipeline
