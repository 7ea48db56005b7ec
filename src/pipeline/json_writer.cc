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

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_element_.empty()) return;
  if (has_element_.back()) out_->push_back(',');
  has_element_.back() = true;
  Newline();
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  has_element_.push_back(false);
}

void JsonWriter::EndObject() {
  bool had = has_element_.back();
  has_element_.pop_back();
  if (had) Newline();
  out_->push_back('}');
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  has_element_.push_back(false);
}

void JsonWriter::EndArray() {
  bool had = has_element_.back();
  has_element_.pop_back();
  if (had) Newline();
  out_->push_back(']');
}

void JsonWriter::Key(std::string_view key) {
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
  char num[24];
  out_->append("{\"start\":", 9);
  out_->append(num, std::to_chars(num, num + sizeof(num), start).ptr);
  out_->append(",\"end\":", 7);
  out_->append(num, std::to_chars(num, num + sizeof(num), end).ptr);
  out_->push_back('}');
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
