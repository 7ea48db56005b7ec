#include "src/ingest/byte_stream.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace parallax::ingest {

FdStream::~FdStream() {
  if (own_ && fd_ >= 0) close(fd_);
}

Result<size_t> FdStream::ReadFd(char* buf, size_t n) {
  for (;;) {
    ssize_t r = read(fd_, buf, n);
    if (r >= 0) {
      raw_ += static_cast<uint64_t>(r);
      return static_cast<size_t>(r);
    }
    if (errno == EINTR) continue;
    return Status::IoError(std::strerror(errno));
  }
}

Result<size_t> FdStream::Read(char* buf, size_t n) {
  if (pending_pos_ < pending_.size()) {
    size_t k = std::min(n, pending_.size() - pending_pos_);
    std::memcpy(buf, pending_.data() + pending_pos_, k);
    pending_pos_ += k;
    if (pending_pos_ == pending_.size()) {
      pending_.clear();
      pending_pos_ = 0;
    }
    if (k == n) return k;
    // Fill the rest from the file too: callers size their reads for throughput.
    Result<size_t> more = ReadFd(buf + k, n - k);
    return k + (more.ok() ? *more : 0);
  }
  return ReadFd(buf, n);
}

Result<std::string_view> FdStream::Peek(size_t n) {
  if (pending_pos_ > 0) {
    pending_.erase(0, pending_pos_);
    pending_pos_ = 0;
  }
  while (pending_.size() < n) {
    size_t have = pending_.size();
    pending_.resize(n);
    Result<size_t> r = ReadFd(pending_.data() + have, n - have);
    if (!r.ok()) {
      pending_.resize(have);
      return r.status();
    }
    pending_.resize(have + *r);
    if (*r == 0) break;
  }
  return std::string_view(pending_).substr(0, n);
}

namespace {

class GzipStream : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)) {
    // 15 window bits + 32: accept a gzip or zlib header, detected from the data.
    init_ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;
  }
  ~GzipStream() override {
    if (init_ok_) inflateEnd(&zs_);
  }
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  uint64_t raw_bytes() const override { return raw_->raw_bytes(); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!init_ok_) return Status::Internal("inflateInit2 failed");
    if (done_ || n == 0) return size_t{0};
    // zlib counts in 32-bit units.
    n = std::min<size_t>(n, size_t{1} << 30);
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(n);
    while (zs_.avail_out == n) {
      if (zs_.avail_in == 0 && !raw_eof_) {
        PARALLAX_ASSIGN_OR_RETURN(size_t got, raw_->Read(in_.get(), kInBytes));
        if (got == 0) raw_eof_ = true;
        zs_.next_in = reinterpret_cast<Bytef*>(in_.get());
        zs_.avail_in = static_cast<uInt>(got);
      }
      if (zs_.avail_in == 0 && raw_eof_) {
        if (in_member_) return Status::InvalidArgument("truncated gzip data");
        done_ = true;
        break;
      }
      if (!in_member_) {
        if (members_ > 0) inflateReset(&zs_);
        in_member_ = true;
      }
      int ret = inflate(&zs_, Z_NO_FLUSH);
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        ++members_;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        if (members_ > 0 && zs_.total_out == 0) {
          // Padding or junk after the last complete member, not a member of its own.
          in_member_ = false;
          done_ = true;
          break;
        }
        return Status::InvalidArgument(std::string("corrupt gzip data: ") +
                                       (zs_.msg != nullptr ? zs_.msg : "inflate error"));
      }
    }
    return n - zs_.avail_out;
  }

 private:
  static constexpr size_t kInBytes = size_t{1} << 20;
  std::unique_ptr<ByteStream> raw_;
  std::unique_ptr<char[]> in_ = std::make_unique<char[]>(kInBytes);
  z_stream zs_{};
  bool init_ok_ = false;
  bool raw_eof_ = false;
  bool in_member_ = false;
  bool done_ = false;
  int members_ = 0;
};

class StringStream : public ByteStream {
 public:
  explicit StringStream(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  uint64_t raw_bytes() const override { return pos_; }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> MakeStringStream(std::string bytes) {
  return std::make_unique<StringStream>(std::move(bytes));
}

std::unique_ptr<ByteStream> MakeGzipStream(std::unique_ptr<ByteStream> raw) {
  return std::make_unique<GzipStream>(std::move(raw));
}

}  // namespace parallax::ingest
