#include "src/ingest/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "src/ingest/sniff.h"

namespace parallax::ingest {
namespace {

// A record header longer than this is not a WARC header (a binary file named .warc).
constexpr size_t kMaxHeaderBytes = size_t{64} << 10;
// HTTP headers allowed on top of max_article_bytes in a response block.
constexpr size_t kHttpOverhead = size_t{1} << 20;
constexpr size_t kChunk = size_t{64} << 10;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Saturating a + b.
size_t AddSat(size_t a, size_t b) {
  return a > std::numeric_limits<size_t>::max() - b ? std::numeric_limits<size_t>::max() : a + b;
}

std::optional<uint64_t> ParseDecimal(std::string_view s) {
  s = Trim(s);
  if (s.empty() || s.size() > 18) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

// Header fields of a WARC record or an HTTP message: "Name: value" lines, continuation lines
// (starting with a space or tab) appended to the previous value.
struct Fields {
  std::vector<std::pair<std::string_view, std::string>> items;

  // Parses `text` (the lines after the first, without the blank line that ends them).
  void Parse(std::string_view text) {
    while (!text.empty()) {
      size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      if ((line[0] == ' ' || line[0] == '\t') && !items.empty()) {
        items.back().second += ' ';
        items.back().second += Trim(line);
        continue;
      }
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      items.emplace_back(Trim(line.substr(0, colon)), std::string(Trim(line.substr(colon + 1))));
    }
  }

  // The first value of `name` (any case), or nullopt.
  const std::string* Get(std::string_view name) const {
    for (const auto& [k, v] : items)
      if (EqualsNoCase(k, name)) return &v;
    return nullptr;
  }
  std::string GetOr(std::string_view name) const {
    const std::string* v = Get(name);
    return v != nullptr ? *v : std::string();
  }
};

// "text/html; charset=UTF-8" -> ("text/html", "UTF-8").
void SplitContentType(std::string_view value, std::string* media_type, std::string* charset) {
  size_t semi = value.find(';');
  *media_type = LowerCopy(Trim(value.substr(0, semi)));
  charset->clear();
  while (semi != std::string_view::npos) {
    value.remove_prefix(semi + 1);
    semi = value.find(';');
    std::string_view param = Trim(value.substr(0, semi));
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (!EqualsNoCase(Trim(param.substr(0, eq)), "charset")) continue;
    std::string_view v = Trim(param.substr(eq + 1));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
      v = v.substr(1, v.size() - 2);
    *charset = std::string(v);
  }
}

// Inflates `in` (gzip or zlib when window_bits is 15 + 32, raw deflate when -15) up to `limit`
// output bytes. A stream that ends before its end marker is an error.
Result<std::string> InflateAll(std::string_view in, int window_bits, size_t limit) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status::Internal("inflateInit2 failed");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  int ret = Z_OK;
  for (;;) {
    size_t have = out.size();
    out.resize(have + kChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + have);
    zs.avail_out = static_cast<uInt>(kChunk);
    ret = inflate(&zs, Z_NO_FLUSH);
    out.resize(have + kChunk - zs.avail_out);
    if (out.size() > limit) {
      inflateEnd(&zs);
      return Status::ResourceExhausted("decoded body is over max_article_bytes (" +
                                       std::to_string(limit) + ")");
    }
    if (ret == Z_STREAM_END) break;
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) {
      inflateEnd(&zs);
      return Status::InvalidArgument("truncated compressed body");
    }
    if (ret != Z_OK && ret != Z_BUF_ERROR) {
      std::string msg = zs.msg != nullptr ? zs.msg : "inflate error";
      inflateEnd(&zs);
      return Status::InvalidArgument("corrupt compressed body: " + msg);
    }
  }
  inflateEnd(&zs);
  return out;
}

// Undoes chunked transfer coding. nullopt when `body` does not start like chunked data (some
// crawlers store the body de-chunked but keep the header): the caller then uses it as is.
// A body cut inside a chunk keeps what arrived (crawls often end pages early).
std::optional<std::string> Dechunk(std::string_view body) {
  std::string out;
  bool first = true;
  while (!body.empty()) {
    size_t nl = body.find('\n');
    if (nl == std::string_view::npos || nl > 1024) {
      if (first) return std::nullopt;
      break;
    }
    std::string_view line = body.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = line.substr(0, line.find(';'));  // chunk extensions
    line = Trim(line);
    if (line.empty() || line.size() > 15) {
      if (first) return std::nullopt;
      break;
    }
    uint64_t size = 0;
    for (char c : line) {
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return first ? std::nullopt : std::optional<std::string>(std::move(out));
      size = size * 16 + static_cast<uint64_t>(d);
    }
    first = false;
    body.remove_prefix(nl + 1);
    if (size == 0) break;  // last chunk; trailers ignored
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size()));
    out.append(body.substr(0, take));
    body.remove_prefix(take);
    // The CRLF after the chunk data.
    if (!body.empty() && body.front() == '\r') body.remove_prefix(1);
    if (!body.empty() && body.front() == '\n') body.remove_prefix(1);
  }
  return out;
}

// Decompressed bytes of a WARC file with look-ahead, and the map from uncompressed offsets back
// to the gzip members they came from.
class WarcInput {
 public:
  explicit WarcInput(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)) {}
  ~WarcInput() {
    if (zinit_) inflateEnd(&zs_);
  }
  WarcInput(const WarcInput&) = delete;
  WarcInput& operator=(const WarcInput&) = delete;

  // Buffers at least `n` bytes unless the input ends first. An error (I/O, truncated or corrupt
  // gzip) is returned once the bytes before it have been buffered; it is sticky.
  Status Fill(size_t n) {
    while (avail().size() < n && !eof_) {
      if (!error_.ok()) return error_;
      Status s = Produce();
      if (!s.ok()) {
        error_ = s;
        return s;
      }
    }
    return Status::Ok();
  }
  std::string_view avail() const { return std::string_view(buf_).substr(pos_); }
  bool eof() const { return eof_ && pos_ == buf_.size(); }
  void Consume(size_t n) {
    pos_ += n;
    offset_ += n;
    if (pos_ == buf_.size()) {
      buf_.clear();
      pos_ = 0;
    }
  }
  // Discards `n` bytes. Returns how many could be discarded before the end, or the error.
  Result<uint64_t> Skip(uint64_t n) {
    uint64_t done = 0;
    while (done < n) {
      if (avail().empty()) {
        PARALLAX_RETURN_IF_ERROR(Fill(1));
        if (avail().empty()) break;
      }
      size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, avail().size()));
      Consume(k);
      done += k;
    }
    return done;
  }
  // Uncompressed offset of the next unconsumed byte.
  uint64_t offset() const { return offset_; }
  uint64_t raw_bytes() const { return raw_->raw_bytes(); }
  bool gzip() const { return gz_; }

  // "OFFSET" of the record starting at uncompressed `offset` (see warc.h).
  std::string Label(uint64_t offset) {
    if (!gz_) return std::to_string(offset);
    while (members_.size() > 1 && members_[1].first <= offset) members_.pop_front();
    if (members_.empty()) return std::to_string(offset);
    const auto& [start, raw_start] = members_.front();
    if (start == offset || offset < start) return std::to_string(raw_start);
    return std::to_string(raw_start) + "+" + std::to_string(offset - start);
  }

 private:
  Result<size_t> ReadRaw(char* dst, size_t n) {
    PARALLAX_ASSIGN_OR_RETURN(size_t got, raw_->Read(dst, n));
    raw_read_ += got;
    return got;
  }

  void Compact() {
    if (pos_ > 0 && pos_ >= buf_.size() / 2) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
  }

  // Appends some bytes to buf_, or sets eof_.
  Status Produce() {
    Compact();
    if (!started_) {
      started_ = true;
      in_.resize(kChunk);
      PARALLAX_ASSIGN_OR_RETURN(size_t got, ReadRaw(in_.data(), kChunk));
      in_len_ = got;
      in_base_ = 0;
      gz_ = IsGzipMagic(std::string_view(in_.data(), got));
      if (!gz_) {
        buf_.append(in_.data(), got);
        if (got == 0) eof_ = true;
        return Status::Ok();
      }
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) return Status::Internal("inflateInit2 failed");
      zinit_ = true;
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
      zs_.avail_in = static_cast<uInt>(got);
    }
    if (!gz_) {
      size_t have = buf_.size();
      buf_.resize(have + kChunk);
      Result<size_t> got = ReadRaw(buf_.data() + have, kChunk);
      buf_.resize(have + (got.ok() ? *got : 0));
      if (!got.ok()) return got.status();
      if (*got == 0) eof_ = true;
      return Status::Ok();
    }
    for (;;) {
      if (zs_.avail_in == 0) {
        in_base_ += in_len_;
        PARALLAX_ASSIGN_OR_RETURN(size_t got, ReadRaw(in_.data(), kChunk));
        in_len_ = got;
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(got);
        if (got == 0) {
          if (in_member_) {
            return Status::InvalidArgument("truncated gzip member (starts at offset " +
                                           std::to_string(member_raw_start_) + ")");
          }
          eof_ = true;
          return Status::Ok();
        }
      }
      const uint64_t raw_pos =
          in_base_ + static_cast<uint64_t>(reinterpret_cast<char*>(zs_.next_in) - in_.data());
      if (!in_member_) {
        // Junk after the last member (padding, a partial copy) ends the input, as gzip -d does.
        if (members_seen_ > 0 && !(zs_.avail_in >= 2 ? IsGzipMagic(std::string_view(
                                                           reinterpret_cast<char*>(zs_.next_in), 2))
                                                     : *zs_.next_in == 0x1F)) {
          eof_ = true;
          return Status::Ok();
        }
        if (members_seen_ > 0) inflateReset(&zs_);
        in_member_ = true;
        member_raw_start_ = raw_pos;
        members_.emplace_back(decoded_, raw_pos);
      }
      size_t have = buf_.size();
      buf_.resize(have + kChunk);
      zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + have);
      zs_.avail_out = static_cast<uInt>(kChunk);
      int ret = inflate(&zs_, Z_NO_FLUSH);
      size_t produced = kChunk - zs_.avail_out;
      buf_.resize(have + produced);
      decoded_ += produced;
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        ++members_seen_;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        return Status::InvalidArgument(std::string("corrupt gzip member (starts at offset ") +
                                       std::to_string(member_raw_start_) +
                                       "): " + (zs_.msg != nullptr ? zs_.msg : "error"));
      }
      if (produced > 0) return Status::Ok();
    }
  }

  std::unique_ptr<ByteStream> raw_;
  uint64_t raw_read_ = 0;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
  Status error_;
  bool started_ = false;
  bool gz_ = false;
  // gzip state
  z_stream zs_{};
  bool zinit_ = false;
  std::string in_;
  size_t in_len_ = 0;
  uint64_t in_base_ = 0;  // raw offset of in_[0]
  bool in_member_ = false;
  uint64_t member_raw_start_ = 0;
  uint64_t members_seen_ = 0;
  uint64_t decoded_ = 0;
  // (uncompressed offset, raw offset) of each member start not yet passed.
  std::deque<std::pair<uint64_t, uint64_t>> members_;
};

bool IsHtmlType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml" ||
         media_type == "application/xml+html";
}

// A type that says nothing about the content: decided by sniffing.
bool IsGenericType(std::string_view media_type) {
  return media_type.empty() || media_type == "application/octet-stream" ||
         media_type == "unknown/unknown" || media_type == "application/unknown";
}

}  // namespace

bool IsWarcName(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           EqualsNoCase(path.substr(path.size() - suffix.size()), suffix);
  };
  return ends(".warc") || ends(".warc.gz");
}

bool LooksLikeWarc(std::string_view head) {
  constexpr std::string_view kMagic = "WARC/1.";
  if (head.substr(0, kMagic.size()) == kMagic) return true;
  if (!IsGzipMagic(head)) return false;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return false;
  char out[16];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(head.size(), UINT32_MAX));
  zs.next_out = reinterpret_cast<Bytef*>(out);
  zs.avail_out = sizeof out;
  while (zs.avail_out > 0) {
    int ret = inflate(&zs, Z_NO_FLUSH);
    if (ret != Z_OK) break;
  }
  size_t got = sizeof out - zs.avail_out;
  inflateEnd(&zs);
  return std::string_view(out, got).substr(0, kMagic.size()) == kMagic;
}

Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes) {
  HttpResponse r;
  if (block.substr(0, 5) != "HTTP/") return Status::InvalidArgument("no HTTP status line");
  size_t end = block.find("\r\n\r\n");
  size_t body_at = end == std::string_view::npos ? end : end + 4;
  size_t lf = block.find("\n\n");
  if (lf != std::string_view::npos && (end == std::string_view::npos || lf < end)) {
    end = lf;
    body_at = lf + 2;
  }
  if (end == std::string_view::npos) {
    // Headers only, without the blank line: a response cut short or without a body.
    if (block.size() > kMaxHeaderBytes) return Status::InvalidArgument("unterminated HTTP header");
    end = block.size();
    body_at = block.size();
  }
  std::string_view head = block.substr(0, end);
  size_t nl = head.find('\n');
  std::string_view status_line = Trim(head.substr(0, nl));
  // "HTTP/1.1 200 OK"
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return Status::InvalidArgument("no HTTP status line");
  std::string_view code = Trim(status_line.substr(sp + 1));
  code = code.substr(0, code.find(' '));
  std::optional<uint64_t> status = ParseDecimal(code);
  if (!status || code.size() != 3) return Status::InvalidArgument("bad HTTP status line");
  r.status = static_cast<int>(*status);
  Fields fields;
  if (nl != std::string_view::npos) fields.Parse(head.substr(nl + 1));
  SplitContentType(fields.GetOr("Content-Type"), &r.media_type, &r.charset);

  std::string_view body = block.substr(std::min(body_at, block.size()));
  std::string owned;
  const std::string te = LowerCopy(fields.GetOr("Transfer-Encoding"));
  if (te.find("chunked") != std::string::npos) {
    std::optional<std::string> dechunked = Dechunk(body);
    if (dechunked) {
      owned = std::move(*dechunked);
      body = owned;
    }
  }
  std::string ce = LowerCopy(Trim(fields.GetOr("Content-Encoding")));
  if (ce == "gzip" || ce == "x-gzip" || ce == "deflate") {
    // Some crawlers store the decoded body but keep the header: decode only what is encoded.
    const bool gz_magic = IsGzipMagic(body);
    const bool zlib_magic =
        body.size() >= 2 && (static_cast<unsigned char>(body[0]) & 0x0F) == 8 &&
        ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) % 31 ==
            0;
    Result<std::string> inflated = std::string();
    if (gz_magic || zlib_magic) {
      inflated = InflateAll(body, 15 + 32, max_body_bytes);
    } else if (ce == "deflate" && !LooksLikeHtml(body)) {
      inflated = InflateAll(body, -15, max_body_bytes);  // raw deflate, as some servers send
    } else {
      inflated = std::string(body);
    }
    if (!inflated.ok()) {
      if (inflated.status().code() == StatusCode::kResourceExhausted) return inflated.status();
      return Status::InvalidArgument(ce + " content encoding: " + inflated.status().message());
    }
    r.body = std::move(inflated).value();
  } else if (ce.empty() || ce == "identity" || ce == "none") {
    r.body = std::string(body);
  } else {
    return Status::Unsupported("content encoding " + ce);
  }
  if (r.body.size() > max_body_bytes) {
    return Status::ResourceExhausted("body of " + std::to_string(r.body.size()) +
                                     " bytes is over max_article_bytes (" +
                                     std::to_string(max_body_bytes) + ")");
  }
  return r;
}

class WarcReader::Impl {
 public:
  Impl(std::unique_ptr<ByteStream> raw, std::string name, const InputOptions& options)
      : in_(std::move(raw)), name_(std::move(name)), options_(options) {}

  bool Next(ReadItem* item) {
    while (!done_) {
      if (Step(item)) return true;
    }
    return false;
  }

  uint64_t raw_bytes() const { return in_.raw_bytes(); }
  uint64_t records() const { return records_; }

 private:
  std::string SourceAt(uint64_t offset) { return name_ + "@" + in_.Label(offset); }

  // Ends the input with a failure.
  bool Stop(ReadItem* item, std::string source, std::string reason) {
    done_ = true;
    *item = Failure{std::move(source), std::move(reason)};
    return true;
  }

  // Skips to the next line that starts "WARC/1." (after a malformed header). False at the end.
  Status Resync() {
    constexpr std::string_view kMark = "\nWARC/1.";
    for (;;) {
      PARALLAX_RETURN_IF_ERROR(in_.Fill(kChunk));
      std::string_view a = in_.avail();
      if (a.substr(0, kMark.size() - 1) == kMark.substr(1)) return Status::Ok();
      size_t at = a.find(kMark);
      if (at != std::string_view::npos) {
        in_.Consume(at + 1);
        return Status::Ok();
      }
      if (in_.eof() || a.size() < kMark.size()) {
        in_.Consume(a.size());
        return Status::Ok();
      }
      in_.Consume(a.size() - kMark.size() + 1);
    }
  }

  // One record. Returns true when it produced an item.
  bool Step(ReadItem* item) {
    // Blank lines between records (the record's own trailing CRLF CRLF, or extra ones).
    for (;;) {
      Status s = in_.Fill(1);
      if (!s.ok()) return Stop(item, SourceAt(in_.offset()), s.message());
      std::string_view a = in_.avail();
      if (a.empty()) {
        done_ = true;
        if (records_ == 0) {
          *item = Failure{name_, in_.gzip() ? "empty WARC file (no records)" : "empty file"};
          return true;
        }
        return false;
      }
      size_t skip = a.find_first_not_of("\r\n");
      if (skip == std::string_view::npos) {
        in_.Consume(a.size());
        continue;
      }
      in_.Consume(skip);
      break;
    }
    const uint64_t start = in_.offset();
    // The header: up to the first blank line.
    size_t header_end = std::string_view::npos, block_at = 0;
    for (size_t want = 4096;; want = std::min(want * 2, kMaxHeaderBytes + 4)) {
      Status s = in_.Fill(want);
      std::string_view a = in_.avail();
      size_t crlf = a.find("\r\n\r\n");
      size_t lf = a.find("\n\n");
      if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) {
        header_end = crlf;
        block_at = crlf + 4;
      } else if (lf != std::string_view::npos) {
        header_end = lf;
        block_at = lf + 2;
      }
      if (header_end != std::string_view::npos) break;
      if (!s.ok()) return Stop(item, SourceAt(start), "truncated record header: " + s.message());
      if (a.size() < want) {
        // The input ended inside the header.
        ++records_;
        if (a.substr(0, 5) != "WARC/")
          return Stop(item, SourceAt(start), "not a WARC record (no WARC/1.x header)");
        return Stop(item, SourceAt(start), "truncated record: the file ends inside its header");
      }
      if (want >= kMaxHeaderBytes + 4) break;
    }
    ++records_;
    std::string_view a = in_.avail();
    if (header_end == std::string_view::npos || a.substr(0, 7) != "WARC/1.") {
      std::string reason = header_end == std::string_view::npos && a.substr(0, 7) == "WARC/1."
                               ? "record header over " + std::to_string(kMaxHeaderBytes) + " bytes"
                               : "not a WARC record (no WARC/1.x header)";
      in_.Consume(1);
      Status s = Resync();
      if (!s.ok()) return Stop(item, SourceAt(start), reason + "; then " + s.message());
      *item = Failure{SourceAt(start), reason};
      if (records_ == 1 && in_.eof()) done_ = true;
      return true;
    }
    size_t first_nl = a.find('\n');
    Fields fields;
    fields.Parse(a.substr(first_nl + 1, header_end - first_nl - 1));
    const std::string type = LowerCopy(fields.GetOr("WARC-Type"));
    std::string url = fields.GetOr("WARC-Target-URI");
    if (url.size() >= 2 && url.front() == '<' && url.back() == '>')
      url = url.substr(1, url.size() - 2);  // WARC 1.0 examples bracket the URI
    const std::string date = fields.GetOr("WARC-Date");
    const std::string content_type = fields.GetOr("Content-Type");
    std::optional<uint64_t> length;
    if (const std::string* v = fields.Get("Content-Length")) length = ParseDecimal(*v);
    in_.Consume(block_at);
    const std::string source = SourceAt(start);
    if (!length) {
      Status s = Resync();
      *item = Failure{source, "record without a valid Content-Length"};
      if (!s.ok()) done_ = true;
      return true;
    }

    const bool wanted = type == "response" || type == "resource";
    const size_t limit = AddSat(options_.max_article_bytes, kHttpOverhead);
    if (!wanted || *length > limit) {
      Result<uint64_t> skipped = in_.Skip(*length);
      if (!skipped.ok()) return Stop(item, source, skipped.status().message());
      if (*skipped < *length) {
        return Stop(item, source,
                    "truncated record: Content-Length " + std::to_string(*length) +
                        ", the file "
                        "ends after " +
                        std::to_string(*skipped) + " bytes");
      }
      if (!wanted) return false;  // warcinfo, request, metadata, revisit ...: not articles
      *item = Failure{source, "skipped: " + type + " record of " + std::to_string(*length) +
                                  " bytes is over max_article_bytes (" +
                                  std::to_string(options_.max_article_bytes) + ")"};
      return true;
    }
    const size_t n = static_cast<size_t>(*length);
    Status s = in_.Fill(n);
    if (in_.avail().size() < n) {
      std::string why = s.ok() ? "truncated record: Content-Length " + std::to_string(n) +
                                     ", the file ends after " + std::to_string(in_.avail().size()) +
                                     " bytes"
                               : "truncated record: " + s.message();
      return Stop(item, source, why);
    }
    std::string_view block = in_.avail().substr(0, n);
    bool produced = Convert(type, content_type, block, source, url, date, item);
    in_.Consume(n);
    return produced;
  }

  bool Convert(const std::string& type, const std::string& content_type, std::string_view block,
               const std::string& source, const std::string& url, const std::string& date,
               ReadItem* item) {
    std::string warc_media, warc_charset;
    SplitContentType(content_type, &warc_media, &warc_charset);
    HttpResponse r;
    const bool http = type == "response" && (warc_media.rfind("application/http", 0) == 0 ||
                                             block.substr(0, 5) == "HTTP/");
    if (http) {
      Result<HttpResponse> parsed = ParseHttpResponse(block, options_.max_article_bytes);
      if (!parsed.ok()) {
        const bool skip = parsed.status().code() == StatusCode::kUnsupported ||
                          parsed.status().code() == StatusCode::kResourceExhausted;
        *item = Failure{source,
                        (skip ? "skipped: " : "bad HTTP response: ") + parsed.status().message()};
        return true;
      }
      r = std::move(parsed).value();
      if (r.status < 200 || r.status > 299) {
        *item = Failure{source, "skipped: HTTP status " + std::to_string(r.status) +
                                    " (only 2xx responses hold articles)"};
        return true;
      }
    } else {
      r.media_type = warc_media;
      r.charset = warc_charset;
      r.body = std::string(block);
    }
    if (IsAsciiSpace(r.body)) {
      *item = Failure{source, "skipped: empty response body"};
      return true;
    }
    if (!IsHtmlType(r.media_type) && !(IsGenericType(r.media_type) && LooksLikeHtml(r.body))) {
      *item = Failure{
          source, "skipped: not HTML (" +
                      (r.media_type.empty() ? std::string("no content type") : r.media_type) + ")"};
      return true;
    }
    RawDocument doc;
    doc.source = source;
    doc.format = InputFormat::kHtml;
    doc.declared_charset = !r.charset.empty() ? r.charset : FindMetaCharset(r.body);
    doc.bytes = std::move(r.body);
    doc.hints.url = url;
    doc.hints.date = date;
    *item = std::move(doc);
    return true;
  }

  WarcInput in_;
  std::string name_;
  InputOptions options_;
  bool done_ = false;
  uint64_t records_ = 0;
};

WarcReader::WarcReader(std::unique_ptr<ByteStream> raw, std::string name,
                       const InputOptions& options)
    : impl_(std::make_unique<Impl>(std::move(raw), std::move(name), options)) {}
WarcReader::~WarcReader() = default;
bool WarcReader::Next(ReadItem* item) { return impl_->Next(item); }
uint64_t WarcReader::raw_bytes() const { return impl_->raw_bytes(); }
uint64_t WarcReader::records() const { return impl_->records(); }

}  // namespace parallax::ingest
