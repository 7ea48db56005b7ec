#include "src/pipeline/json_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "src/base/json_string.h"

namespace parallax::pipeline {

JsonWriter::JsonWriter(std::string* out, int indent) : out_(out), indent_(indent) {
  const size_t used = out->size();
  // Write into all the room the caller reserved (the zero fill is one memset).
  out->resize(std::max(out->capacity(), used + 64));
  p_ = out->data() + used;
  end_ = out->data() + out->size();
}

void JsonWriter::AppendQuoted(std::string_view s, std::string* out) { AppendJsonString(s, out); }

void JsonWriter::Grow(size_t n) {
  const size_t used = static_cast<size_t>(p_ - out_->data());
  out_->resize(std::max(out_->size() * 2, used + n + 256));
  p_ = out_->data() + used;
  end_ = out_->data() + out_->size();
}

void JsonWriter::Flush() {
  const size_t used = static_cast<size_t>(p_ - out_->data());
  out_->resize(used);
  p_ = out_->data() + used;
  end_ = p_;
}

void JsonWriter::AppendEscaped(std::string_view s) {
  const size_t n = s.size();
  size_t i = NextJsonEscape(s.data(), 0, n);
  if (i == n) {  // nothing to escape (most strings): one copy
    std::memcpy(p_, s.data(), n);
    p_ += n;
    return;
  }
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  while (i < n) {
    // Room for the pending run, this escape (at most 6 bytes), the rest of the input and the
    // caller's closing quote.
    Reserve((n - run) + 6 + 1);
    std::memcpy(p_, s.data() + run, i - run);
    p_ = WriteJsonEscape(static_cast<unsigned char>(s[i]), p_ + (i - run));
    run = i + 1;
    i = NextJsonEscape(s.data(), i + 1, n);
  }
  Reserve(n - run + 1);
  std::memcpy(p_, s.data() + run, n - run);
  p_ += n - run;
}

void JsonWriter::Newline() {
  const size_t spaces = static_cast<size_t>(depth_) * static_cast<size_t>(indent_);
  Reserve(spaces + 1);
  *p_++ = '\n';
  std::memset(p_, ' ', spaces);
  p_ += spaces;
}

void JsonWriter::PrettySeparator() {
  if (need_comma_) {
    Reserve(1);
    *p_++ = ',';
  }
  Newline();
}

void JsonWriter::PrettyKey(std::string_view key) {
  BeforeValue();
  Reserve(key.size() + 4);
  *p_++ = '"';
  std::memcpy(p_, key.data(), key.size());
  p_ += key.size();
  std::memcpy(p_, "\": ", 3);
  p_ += 3;
  need_comma_ = false;
  after_key_ = true;
}

void JsonWriter::PrettySpanObject(int64_t start, int64_t end) {
  BeginObject();
  Key("start");
  Int(start);
  Key("end");
  Int(end);
  EndObject();
}

void JsonWriter::Close(char bracket) {
  const bool had = need_comma_;
  --depth_;
  if (had && indent_ != 0) Newline();
  Reserve(1);
  *p_++ = bracket;
  AfterValue();
}

void JsonWriter::Double(double value) {
  if (!std::isfinite(value)) {
    Null();
    return;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), "%.4g", value);
  Literal(std::string_view(buf, static_cast<size_t>(n)));
}

void JsonWriter::JoinedString(const std::vector<std::string_view>& parts,
                              std::string_view separator) {
  BeforeValue();
  Reserve(2);
  *p_++ = '"';
  bool any = false;
  for (std::string_view part : parts) {
    if (any) {
      Reserve(separator.size() + 1);
      AppendEscaped(separator);
    }
    Reserve(part.size() + 1);
    AppendEscaped(part);
    any |= !part.empty();
  }
  Reserve(1);
  *p_++ = '"';
  AfterValue();
}

}  // namespace parallax::pipeline
