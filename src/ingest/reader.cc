#include "src/ingest/reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>
#include <utility>

#include "src/ingest/byte_stream.h"
#include "src/ingest/jsonl.h"
#include "src/ingest/sniff.h"
#include "src/ingest/warc.h"

namespace parallax::ingest {
namespace {

namespace fs = std::filesystem;

std::string ErrnoReason(int err) {
  switch (err) {
    case ENOENT:
      return "no such file or folder";
    case EACCES:
    case EPERM:
      return "permission denied";
    default:
      return std::strerror(err);
  }
}

std::string OverLimit(std::string_view what, uint64_t size, size_t limit) {
  std::string s(what);
  if (size > 0) s += " is " + std::to_string(size) + " bytes,";
  return s + " over max_article_bytes (" + std::to_string(limit) + ")";
}

// Saturating a * k + b for limits derived from max_article_bytes (which may be SIZE_MAX).
size_t Scaled(size_t a, size_t k, size_t b) {
  constexpr size_t kMax = std::numeric_limits<size_t>::max();
  if (a > (kMax - b) / k) return kMax;
  return a * k + b;
}

// A growable window over a ByteStream with simdjson's padding after it, so JSONL lines are
// parsed where they were read (no per-line copy). One per reader, reused across files.
class LineBuffer {
 public:
  void Reset(ByteStream* stream) {
    stream_ = stream;
    begin_ = end_ = scan_ = 0;
    eof_ = false;
  }

  // Reads one more chunk. Returns false at the end of the stream.
  Result<bool> Fill() {
    if (eof_) return false;
    if (cap_ - end_ < kMinRead) {
      if (begin_ > 0) {
        std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
        scan_ -= begin_;
        end_ -= begin_;
        begin_ = 0;
      }
      if (cap_ - end_ < kMinRead) Grow(std::max(cap_ * 2, end_ + kChunk));
    }
    PARALLAX_ASSIGN_OR_RETURN(size_t got, stream_->Read(buf_.get() + end_, cap_ - end_));
    if (got == 0) {
      eof_ = true;
      return false;
    }
    end_ += got;
    return true;
  }

  std::string_view buffered() const { return std::string_view(buf_.get() + begin_, end_ - begin_); }

  // The next line without its '\n'; false at the end. A line longer than `limit` is skipped up
  // to its end and reported with *too_long (line set to empty). *readable_after: bytes that may
  // be read from line.data() on (the line, what follows it, and the padding).
  Result<bool> NextLine(size_t limit, std::string_view* line, size_t* readable_after,
                        bool* too_long) {
    *too_long = false;
    for (;;) {
      const char* nl =
          static_cast<const char*>(std::memchr(buf_.get() + scan_, '\n', end_ - scan_));
      if (nl != nullptr) {
        size_t at = static_cast<size_t>(nl - buf_.get());
        if (*too_long) {
          *line = {};
        } else {
          *line = std::string_view(buf_.get() + begin_, at - begin_);
          *readable_after = cap_ + kPad - begin_;
        }
        begin_ = scan_ = at + 1;
        return true;
      }
      scan_ = end_;
      if (end_ - begin_ > limit) {
        // Drop what we have of an oversized line; keep looking for its end.
        *too_long = true;
        begin_ = scan_ = end_;
      }
      PARALLAX_ASSIGN_OR_RETURN(bool more, Fill());
      if (!more) {
        if (begin_ == end_ && !*too_long) return false;
        *line = *too_long ? std::string_view() : buffered();
        *readable_after = cap_ + kPad - begin_;
        begin_ = scan_ = end_;
        return true;
      }
    }
  }

  // Rewinds to the start of the buffer (only valid while the first line has not been dropped:
  // the buffer is compacted only when begin_ > 0, which the first line's end moves past).
  void RewindTo(size_t pos) { begin_ = scan_ = pos; }
  size_t begin() const { return begin_; }

  // Moves the rest of the stream into *out. Returns false when it exceeds `limit` bytes (and
  // stops reading soon after: a gzip bomb is not inflated to the end).
  Result<bool> ReadAll(size_t limit, uint64_t size_hint, std::string* out) {
    size_t cap =
        size_hint > 0 && size_hint <= limit ? static_cast<size_t>(size_hint) + 1 : size_t{1} << 16;
    out->reserve(std::max(cap, end_ - begin_));
    out->assign(buffered());
    begin_ = scan_ = end_;
    if (out->size() > limit) return false;
    if (eof_) return true;
    for (;;) {
      size_t len = out->size();
      if (len >= cap) cap = len * 2;
      out->resize(cap);
      Result<size_t> got = stream_->Read(out->data() + len, cap - len);
      if (!got.ok()) {
        out->resize(len);
        return got.status();
      }
      out->resize(len + *got);
      if (*got == 0) return true;
      if (out->size() > limit) return false;
    }
  }

 private:
  static constexpr size_t kPad = JsonlParser::kPadding;
  static constexpr size_t kChunk = size_t{4} << 20;  // big reads: inflate and parse in bulk
  static constexpr size_t kMinRead = size_t{1} << 20;

  void Grow(size_t cap) {
    // Not value-initialised by make_unique and then zeroed again: zeroed once, from end_ on.
    std::unique_ptr<char[]> bigger(new char[cap + kPad]);
    if (end_ > 0) std::memcpy(bigger.get(), buf_.get(), end_);
    std::memset(bigger.get() + end_, 0, cap + kPad - end_);
    buf_ = std::move(bigger);
    cap_ = cap;
  }

  ByteStream* stream_ = nullptr;
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;
  size_t begin_ = 0, end_ = 0, scan_ = 0;
  bool eof_ = false;
};

struct Entry {
  enum class Kind { kFile, kStdin, kFailure };
  Kind kind = Kind::kFile;
  std::string path;
  std::string reason;  // kFailure
  uint64_t size = 0;   // when known (regular files)
  bool size_known = false;
};

Entry MakeFailure(std::string path, std::string reason, uint64_t size = 0) {
  Entry e;
  e.kind = Entry::Kind::kFailure;
  e.path = std::move(path);
  e.reason = std::move(reason);
  e.size = size;
  return e;
}

void AddFolder(const std::string& root, std::vector<Entry>* out) {
  if (access(root.c_str(), R_OK | X_OK) != 0) {
    out->push_back(MakeFailure(root, ErrnoReason(errno)));
    return;
  }
  std::vector<Entry> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->push_back(MakeFailure(root, "cannot read folder: " + ec.message()));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& de = *it;
    std::string name = de.path().filename().string();
    std::error_code type_ec;
    if (!name.empty() && name[0] == '.') {
      if (de.is_directory(type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (!de.is_regular_file(type_ec)) continue;
    Entry e;
    e.path = de.path().string();
    std::error_code size_ec;
    e.size = de.file_size(size_ec);
    e.size_known = !size_ec;
    if (size_ec) e.size = 0;
    files.push_back(std::move(e));
  }
  if (files.empty()) {
    out->push_back(
        MakeFailure(root, ec ? "cannot read folder: " + ec.message() : "no articles in folder"));
    return;
  }
  std::sort(files.begin(), files.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  for (Entry& e : files) out->push_back(std::move(e));
}

class ReaderImpl : public Reader {
 public:
  ReaderImpl(std::vector<Entry> entries, const InputOptions& options)
      : entries_(std::move(entries)),
        options_(options),
        parser_(options),
        line_limit_(Scaled(options.max_article_bytes, 4, size_t{1} << 20)) {
    for (const Entry& e : entries_) total_ += e.size;
  }

  bool Next(ReadItem* item) override {
    for (;;) {
      if (warc_ != nullptr) {
        if (warc_->Next(item)) return true;
        CloseCurrent();
        continue;
      }
      if (in_jsonl_) {
        if (NextRecord(item)) return true;
        CloseCurrent();
        continue;
      }
      if (next_ >= entries_.size()) return false;
      const Entry& e = entries_[next_++];
      if (e.kind == Entry::Kind::kFailure) {
        done_bytes_ += e.size;
        *item = Failure{e.path, e.reason};
        return true;
      }
      if (Open(e, item)) return true;
    }
  }

  uint64_t bytes_read() const override {
    return done_bytes_ + (stream_ != nullptr ? stream_->raw_bytes()
                          : warc_ != nullptr ? warc_->raw_bytes()
                                             : 0);
  }
  uint64_t bytes_total() const override { return total_; }

 private:
  bool Fail(ReadItem* item, const std::string& source, std::string reason) {
    *item = Failure{source, std::move(reason)};
    CloseCurrent();
    return true;
  }

  void CloseCurrent() {
    if (warc_ != nullptr) {
      done_bytes_ += current_size_known_ ? current_size_ : warc_->raw_bytes();
      warc_.reset();
    } else if (stream_ != nullptr) {
      done_bytes_ += current_size_known_ ? current_size_ : stream_->raw_bytes();
      stream_.reset();
    } else {
      done_bytes_ += current_size_;
    }
    current_size_ = 0;
    current_size_known_ = false;
    in_jsonl_ = false;
  }

  // Opens a file or stdin. Returns true when it produced an item (a whole document or a
  // failure); false when it switched to JSONL or WARC mode (records follow from NextRecord or
  // warc_).
  bool Open(const Entry& e, ReadItem* item) {
    const bool is_stdin = e.kind == Entry::Kind::kStdin;
    const std::string& name = e.path;
    int fd = 0;
    current_size_ = 0;
    current_size_known_ = false;
    if (!is_stdin) {
      fd = open(name.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        current_size_ = e.size;
        return Fail(item, name, ErrnoReason(errno));
      }
      struct stat st;
      if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        current_size_ = static_cast<uint64_t>(st.st_size);
        current_size_known_ = true;
      }
    }
    auto file = std::make_unique<FdStream>(fd, /*own=*/!is_stdin);
    if (current_size_known_ && current_size_ == 0) {
      return Fail(item, name, "empty file");
    }
    Result<std::string_view> head = file->Peek(2);
    if (!head.ok()) return Fail(item, name, "cannot read: " + head.status().message());
    const bool gz = IsGzipMagic(*head);
    if (head->empty()) return Fail(item, name, is_stdin ? "empty input" : "empty file");
    if (options_.format == InputFormat::kAuto) {
      // WARC by name or by its first record (inflated when gzip): it has its own reader, which
      // inflates member by member to name each record by its offset in the file.
      Result<std::string_view> warc_head = file->Peek(kWarcSniffBytes);
      if (!warc_head.ok()) return Fail(item, name, "cannot read: " + warc_head.status().message());
      if ((!is_stdin && IsWarcName(name)) || LooksLikeWarc(*warc_head)) {
        warc_ = std::make_unique<WarcReader>(std::move(file), is_stdin ? "-" : name, options_);
        return false;
      }
    }

    InputFormat format = options_.format;
    if (format == InputFormat::kAuto && !is_stdin) format = FormatFromName(name);
    const size_t limit = options_.max_article_bytes;
    const bool whole = format == InputFormat::kText || format == InputFormat::kHtml;
    // Check the size before reading: a 2 GB file is refused without being read.
    if (whole && !gz && current_size_known_ && current_size_ > limit)
      return Fail(item, name, OverLimit("file", current_size_, limit));

    stream_ = gz ? MakeGzipStream(std::move(file)) : std::move(file);
    lines_.Reset(stream_.get());
    if (format == InputFormat::kAuto) {
      // Enough of the start to sniff (pipes deliver it in small pieces).
      for (;;) {
        Result<bool> filled = lines_.Fill();
        if (!filled.ok()) return Fail(item, name, filled.status().message());
        if (!*filled || lines_.buffered().size() >= 4096) break;
      }
      Sniffed sniffed = SniffJsonl();
      if (sniffed == Sniffed::kTooLong)
        return Fail(item, name, OverLimit("first line", 0, line_limit_));
      format = sniffed == Sniffed::kJsonl         ? InputFormat::kJsonl
               : LooksLikeHtml(lines_.buffered()) ? InputFormat::kHtml
                                                  : InputFormat::kText;
    }
    if (format == InputFormat::kJsonl) {
      in_jsonl_ = true;
      jsonl_failed_ = false;
      current_name_ = is_stdin ? "-" : name;
      line_no_ = 0;
      produced_ = 0;
      return false;
    }

    if (!gz && current_size_known_ && current_size_ > limit)
      return Fail(item, name, OverLimit("file", current_size_, limit));
    RawDocument doc;
    Result<bool> fits = lines_.ReadAll(limit, current_size_, &doc.bytes);
    if (!fits.ok()) return Fail(item, name, fits.status().message());
    if (!*fits) {
      return Fail(item, name,
                  OverLimit(gz         ? "decompressed size"
                            : is_stdin ? "input"
                                       : "file",
                            0, limit));
    }
    if (doc.bytes.empty()) return Fail(item, name, is_stdin ? "empty input" : "empty file");
    doc.source = name;
    doc.format = format;
    if (format == InputFormat::kHtml) doc.declared_charset = FindMetaCharset(doc.bytes);
    *item = std::move(doc);
    CloseCurrent();
    return true;
  }

  static constexpr size_t kWarcSniffBytes = 512;

  enum class Sniffed { kJsonl, kNotJsonl, kTooLong };

  // kJsonl when the buffered start of the stream is a JSON object on its first line.
  Sniffed SniffJsonl() {
    std::string_view head = lines_.buffered();
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return Sniffed::kNotJsonl;
    const size_t start = lines_.begin();
    std::string_view line;
    size_t readable = 0;
    bool too_long = false;
    Result<bool> got = lines_.NextLine(line_limit_, &line, &readable, &too_long);
    bool object = false;
    if (got.ok() && *got && !too_long) {
      if (line.substr(0, 3) == "\xEF\xBB\xBF") {
        line.remove_prefix(3);
        readable -= 3;
      }
      while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      object = parser_.IsObject(line, readable);
    }
    // The line was dropped from the buffer: the stream cannot be rewound past it.
    if (too_long) return Sniffed::kTooLong;
    lines_.RewindTo(start);
    return object ? Sniffed::kJsonl : Sniffed::kNotJsonl;
  }

  // The next record or failure of the current JSONL stream; false when it is exhausted.
  bool NextRecord(ReadItem* item) {
    if (jsonl_failed_) return false;
    for (;;) {
      std::string_view line;
      size_t readable = 0;
      bool too_long = false;
      Result<bool> got = lines_.NextLine(line_limit_, &line, &readable, &too_long);
      if (!got.ok()) {
        jsonl_failed_ = true;
        *item = Failure{current_name_,
                        "after line " + std::to_string(line_no_) + ": " + got.status().message()};
        return true;
      }
      if (!*got) {
        if (produced_ > 0) return false;
        ++produced_;
        *item = Failure{current_name_, "empty file: no JSONL records"};
        return true;
      }
      ++line_no_;
      const std::string line_tag = "line " + std::to_string(line_no_);
      if (too_long) {
        ++produced_;
        *item = Failure{current_name_ + ":" + std::to_string(line_no_),
                        line_tag + ": " + OverLimit("record", 0, options_.max_article_bytes)};
        return true;
      }
      if (line_no_ == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") {
        line.remove_prefix(3);
        readable -= 3;
      }
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (IsAsciiSpace(line)) continue;  // blank lines separate nothing; skip silently
      ++produced_;
      RawDocument doc;
      Status s = parser_.Parse(line, readable, &doc);
      std::string source = current_name_ + ":" + std::to_string(line_no_);
      if (!s.ok()) {
        *item = Failure{std::move(source), line_tag + ": " + s.message()};
        return true;
      }
      doc.source =
          !options_.id_field.empty() && !doc.hints.id.empty() ? doc.hints.id : std::move(source);
      *item = std::move(doc);
      return true;
    }
  }

  std::vector<Entry> entries_;
  size_t next_ = 0;
  InputOptions options_;
  JsonlParser parser_;
  const size_t line_limit_;
  LineBuffer lines_;
  std::unique_ptr<ByteStream> stream_;
  std::unique_ptr<WarcReader> warc_;
  uint64_t current_size_ = 0;
  bool current_size_known_ = false;
  uint64_t done_bytes_ = 0;
  uint64_t total_ = 0;
  // JSONL state of the current file.
  bool in_jsonl_ = false;
  bool jsonl_failed_ = false;
  std::string current_name_;
  size_t line_no_ = 0;
  size_t produced_ = 0;
};

}  // namespace

Result<std::unique_ptr<Reader>> Reader::Create(const std::vector<std::string>& paths,
                                               const InputOptions& options) {
  if (paths.empty()) return Status::InvalidArgument("no input paths");
  std::vector<Entry> entries;
  for (const std::string& path : paths) {
    if (path == "-") {
      Entry e;
      e.kind = Entry::Kind::kStdin;
      e.path = "-";
      entries.push_back(std::move(e));
      continue;
    }
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      entries.push_back(MakeFailure(path, ErrnoReason(errno)));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      AddFolder(path, &entries);
      continue;
    }
    // Regular files, and also pipes and devices (process substitution, /dev/stdin): streamed
    // with an unknown size.
    Entry e;
    e.path = path;
    if (S_ISREG(st.st_mode)) {
      e.size = static_cast<uint64_t>(st.st_size);
      e.size_known = true;
    }
    entries.push_back(std::move(e));
  }
  return std::unique_ptr<Reader>(std::make_unique<ReaderImpl>(std::move(entries), options));
}

}  // namespace parallax::ingest
