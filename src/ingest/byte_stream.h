// Sequential byte sources for the reader: a file descriptor, and gzip inflation over another
// source (concatenated members included). Internal to ingest.
//
//   PARALLAX_ASSIGN_OR_RETURN(auto file, OpenFile("a.jsonl.gz"));
//   std::unique_ptr<ByteStream> in = std::move(file);
//   if (LooksGzipped(...)) in = MakeGzipStream(std::move(in));
//   char buf[1 << 16];
//   for (;;) { PARALLAX_ASSIGN_OR_RETURN(size_t n, in->Read(buf, sizeof buf)); if (!n) break; }
#ifndef PARALLAX_INGEST_BYTE_STREAM_H_
#define PARALLAX_INGEST_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::ingest {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes (n > 0) into `buf`; returns 0 only at the end of the stream.
  // Errors: IoError (the OS refused a read), InvalidArgument ("truncated gzip data",
  // "corrupt gzip data: ...").
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // Bytes taken from the underlying file so far (compressed bytes for gzip).
  virtual uint64_t raw_bytes() const = 0;
};

// A file descriptor source that can look ahead without consuming.
class FdStream : public ByteStream {
 public:
  // Takes ownership of `fd` (closed on destruction) unless `own` is false (stdin).
  FdStream(int fd, bool own) : fd_(fd), own_(own) {}
  ~FdStream() override;
  FdStream(const FdStream&) = delete;
  FdStream& operator=(const FdStream&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;
  uint64_t raw_bytes() const override { return raw_; }
  // The first up to `n` bytes not yet read (fewer at the end of the file); they stay unread.
  Result<std::string_view> Peek(size_t n);

 private:
  Result<size_t> ReadFd(char* buf, size_t n);
  int fd_;
  bool own_;
  uint64_t raw_ = 0;
  std::string pending_;  // peeked bytes, returned by Read first
  size_t pending_pos_ = 0;
};

// Inflates gzip (or zlib) data read from `raw`, member after member. A stream that ends inside
// a member is "truncated gzip data"; trailing bytes after a complete member that do not start a
// new member are ignored (as gzip -d does, with a warning there).
// Inflates with ISA-L (igzip); the output and the faults it reports are those of
// MakeZlibGzipStream, up to the wording of a corrupt stream's detail, with one difference at
// an input that ends early: cut inside a block's compressed data it may be "corrupt gzip data"
// (ISA-L decodes the last symbols on padding bits) where zlib says "truncated gzip data", and
// with a bad checksum followed by a cut trailer "truncated" where zlib says "corrupt" (ISA-L
// checks a whole trailer only). Cut inside a block header, the verdict is zlib's.
std::unique_ptr<ByteStream> MakeGzipStream(std::unique_ptr<ByteStream> raw);

// The same contract with zlib's inflate: slower, kept as the tests' reference.
std::unique_ptr<ByteStream> MakeZlibGzipStream(std::unique_ptr<ByteStream> raw);

// A source over bytes held in memory (tests, fuzzing, in-memory inputs); each Read hands out
// at most `max_read` bytes (>= 1), as a pipe may.
std::unique_ptr<ByteStream> MakeStringStream(std::string bytes,
                                             size_t max_read = static_cast<size_t>(-1));

// True when `head` starts with the gzip magic bytes.
inline bool IsGzipMagic(std::string_view head) {
  return head.size() >= 2 && head[0] == '\x1F' && head[1] == '\x8B';
}

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_BYTE_STREAM_H_
