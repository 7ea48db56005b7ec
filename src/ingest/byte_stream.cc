#include "src/ingest/byte_stream.h"

#include <isa-l/igzip_lib.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

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

// The reference inflater (zlib): the oracle of the ISA-L one in the tests.
class ZlibGzipStream : public ByteStream {
 public:
  explicit ZlibGzipStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)) {
    // 15 window bits + 32: accept a gzip or zlib header, detected from the data.
    init_ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;
  }
  ~ZlibGzipStream() override {
    if (init_ok_) inflateEnd(&zs_);
  }
  ZlibGzipStream(const ZlibGzipStream&) = delete;
  ZlibGzipStream& operator=(const ZlibGzipStream&) = delete;

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
  std::unique_ptr<char[]> in_ = std::make_unique_for_overwrite<char[]>(kInBytes);
  z_stream zs_{};
  bool init_ok_ = false;
  bool raw_eof_ = false;
  bool in_member_ = false;
  bool done_ = false;
  int members_ = 0;
};

// The production inflater: ISA-L's igzip. Why ISA-L and not libdeflate (both inflate about
// three times faster than zlib): isal_inflate streams with bounded buffers whatever the member
// size, exactly like zlib's inflate, while libdeflate decompresses a whole member into one
// buffer (a single-member corpus of gigabytes would need its whole inflated size in memory, or
// a zlib fallback with behaviour of its own). The gzip and zlib headers are parsed here, as
// zlib parses them with window bits 15 + 32 (same checks, same order, same messages: ISA-L
// checks fewer header fields); ISA-L inflates the deflate data and verifies the trailer. As
// with zlib: junk after a complete member ends the input, an input that ends inside a member
// is "truncated gzip data", anything else is "corrupt gzip data: <what>" (the detail of a
// fault inside the deflate data is worded by fault kind, ISA-L telling fewer kinds apart).
class IsalGzipStream : public ByteStream {
 public:
  explicit IsalGzipStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)) {
    isal_inflate_init(state_.get());
  }
  ~IsalGzipStream() override {
    if (probe_init_) inflateEnd(&probe_);
  }
  IsalGzipStream(const IsalGzipStream&) = delete;
  IsalGzipStream& operator=(const IsalGzipStream&) = delete;

  uint64_t raw_bytes() const override { return raw_->raw_bytes(); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (done_ || n == 0) return size_t{0};
    inflate_state* st = state_.get();
    n = std::min<size_t>(n, size_t{1} << 30);  // ISA-L counts in 32-bit units
    st->next_out = reinterpret_cast<uint8_t*>(buf);
    st->avail_out = static_cast<uint32_t>(n);
    bool stalled = false;  // the last step moved nothing: more input is needed
    while (st->avail_out == n) {
      if ((st->avail_in == 0 || stalled) && !raw_eof_) {
        PARALLAX_RETURN_IF_ERROR(Refill());
        stalled = false;
        continue;
      }
      if (!in_member_) {
        if (st->avail_in == 0) {  // the end of the input, between members
          done_ = true;
          break;
        }
        size_t header = 0;
        uint32_t wrapper = 0;
        const char* fault = nullptr;
        if (!ParseHeader(st->next_in, st->avail_in, &header, &wrapper, &fault)) {
          if (raw_eof_) return Status::InvalidArgument("truncated gzip data");
          stalled = true;
          continue;
        }
        if (fault != nullptr) {
          if (members_ > 0) {  // padding or junk after the last member, not a member
            done_ = true;
            break;
          }
          return Status::InvalidArgument(std::string("corrupt gzip data: ") + fault);
        }
        probed_output_ = false;
        if (members_ > 0) {
          // zlib takes a later member whose deflate data is bad before its first output byte
          // for junk, and ISA-L accepts some block headers that zlib refuses: zlib decides.
          const Probe probe = ProbeWithZlib(st->next_in + header, st->avail_in - header);
          if (probe == Probe::kNeedMore) {
            if (raw_eof_) return Status::InvalidArgument("truncated gzip data");
            stalled = true;
            continue;
          }
          if (probe == Probe::kError) {
            done_ = true;
            break;
          }
          probed_output_ = probe == Probe::kOutput;
        }
        isal_inflate_reset(st);
        st->crc_flag = wrapper;
        st->next_in += header;
        st->avail_in -= static_cast<uint32_t>(header);
        in_member_ = true;
      }
      const uint32_t in_before = st->avail_in;
      const uint32_t out_before = st->avail_out;
      // Input left for a block header that starts here: ISA-L decodes a header from its own
      // buffer once fewer than ISAL_DEF_MAX_HDR_SIZE bytes remain, reading zero bits past them.
      const bool short_header =
          (st->block_state == ISAL_BLOCK_NEW_HDR || st->block_state == ISAL_BLOCK_HDR) &&
          in_before + static_cast<uint32_t>(st->tmp_in_size) < ISAL_DEF_MAX_HDR_SIZE;
      if (short_header && !raw_eof_) {  // read on first, so the header is judged on its bytes
        stalled = true;
        continue;
      }
      if (short_header) {  // the last header of the input: kept for JudgeLastHeader
        if (!header_state_) header_state_ = std::make_unique<inflate_state>();
        std::memcpy(header_state_.get(), st, offsetof(inflate_state, tmp_out_buffer));
        header_in_.assign(st->next_in, st->next_in + st->avail_in);
      }
      const int ret = isal_inflate(st);
      if (ret != ISAL_DECOMP_OK && ret != ISAL_END_INPUT && ret != ISAL_OUT_OVERFLOW) {
        if (members_ > 0 && st->total_out == 0 && !probed_output_) {  // junk after a member
          in_member_ = false;
          done_ = true;
          break;
        }
        // The input ended inside a block header: ISA-L judged it on padding bits where zlib
        // waits for the bytes that are not there. zlib decides on the same bits.
        if (short_header && ret == ISAL_INVALID_BLOCK &&
            JudgeLastHeader(*header_state_, nullptr) == HeaderEnd::kCutShort)
          return Status::InvalidArgument("truncated gzip data");
        return Status::InvalidArgument(std::string("corrupt gzip data: ") + Describe(ret));
      }
      if (st->block_state == ISAL_BLOCK_FINISH) {
        in_member_ = false;
        ++members_;
        continue;
      }
      stalled = st->avail_in == in_before && st->avail_out == out_before;
      if (stalled && raw_eof_) {
        // ISA-L waits for a whole header before judging it; zlib finds a fault in its first
        // bits when they already break the code (then the input is corrupt, not cut short).
        std::string fault;
        if (short_header && JudgeLastHeader(*header_state_, &fault) == HeaderEnd::kCorrupt)
          return Status::InvalidArgument("corrupt gzip data: " + fault);
        return Status::InvalidArgument("truncated gzip data");
      }
    }
    return n - st->avail_out;
  }

 private:
  static constexpr size_t kInBytes = size_t{1} << 20;

  enum class HeaderEnd { kCutShort, kCorrupt, kComplete };

  // zlib's verdict on the input's last block header, which starts at `st`'s bit position (its
  // bit buffer, then its held bytes, then header_in_) and which the input may cut short: raw
  // inflate primed with the same bits, stopped at the end of the header (Z_TREES). A fault
  // gets zlib's words in *fault (when given).
  HeaderEnd JudgeLastHeader(const inflate_state& st, std::string* fault) const {
    z_stream zs{};
    if (inflateInit2(&zs, -15) != Z_OK) return HeaderEnd::kComplete;
    uint64_t bits = st.read_in;
    for (int left = st.read_in_length; left > 0; left -= 16) {
      const int k = std::min(left, 16);
      inflatePrime(&zs, k, static_cast<int>(bits & ((1u << k) - 1)));
      bits >>= k;
    }
    std::string in(reinterpret_cast<const char*>(st.tmp_in_buffer),
                   static_cast<size_t>(std::max<int16_t>(st.tmp_in_size, 0)));
    in.append(header_in_.begin(), header_in_.end());
    zs.next_in = reinterpret_cast<Bytef*>(in.data());
    zs.avail_in = static_cast<uInt>(in.size());
    unsigned char out[64];
    zs.next_out = out;
    zs.avail_out = sizeof out;
    const int ret = inflate(&zs, Z_TREES);
    HeaderEnd end = HeaderEnd::kComplete;
    if (ret == Z_DATA_ERROR) {
      end = HeaderEnd::kCorrupt;
      if (fault != nullptr) *fault = zs.msg != nullptr ? zs.msg : "invalid block";
    } else if ((ret == Z_OK || ret == Z_BUF_ERROR) && (zs.data_type & (128 | 256)) == 0 &&
               zs.avail_in == 0) {
      end = HeaderEnd::kCutShort;
    }
    inflateEnd(&zs);
    return end;
  }

  // Moves the unread input to the front of the buffer and reads more after it (a full buffer
  // grows: only a gzip header with huge optional fields can need that).
  Status Refill() {
    inflate_state* st = state_.get();
    const size_t keep = st->avail_in;
    if (keep > 0 && st->next_in != in_.get()) std::memmove(in_.get(), st->next_in, keep);
    if (keep == in_size_) {
      auto bigger = std::make_unique_for_overwrite<uint8_t[]>(2 * in_size_);
      std::memcpy(bigger.get(), in_.get(), keep);
      in_ = std::move(bigger);
      in_size_ *= 2;
    }
    PARALLAX_ASSIGN_OR_RETURN(
        size_t got, raw_->Read(reinterpret_cast<char*>(in_.get()) + keep, in_size_ - keep));
    if (got == 0) raw_eof_ = true;
    st->next_in = in_.get();
    st->avail_in = static_cast<uint32_t>(keep + got);
    return Status::Ok();
  }

  // The member header at the start of p[0, n): a gzip header when the gzip magic opens it, else
  // a zlib header. Returns false when more bytes are needed to decide; else sets *size (the
  // header's bytes) and *wrapper (the ISA-L mode for what follows it), or *fault. The checks and
  // their order are zlib's, so that a fault is reported on the same bytes.
  static bool ParseHeader(const uint8_t* p, size_t n, size_t* size, uint32_t* wrapper,
                          const char** fault) {
    if (n < 2) return false;
    if (p[0] == 0x1F && p[1] == 0x8B) {
      if (n < 4) return false;
      if (p[2] != 8) {
        *fault = "unknown compression method";
        return true;
      }
      const uint8_t flags = p[3];
      if (flags & 0xE0) {
        *fault = "unknown header flags set";
        return true;
      }
      size_t pos = 10;  // magic, method, flags, mtime, extra flags, OS
      if (n < pos) return false;
      if (flags & 0x04) {  // FEXTRA
        if (n < pos + 2) return false;
        pos += 2 + (p[pos] | (size_t{p[pos + 1]} << 8));
        if (n < pos) return false;
      }
      for (uint8_t field : {uint8_t{0x08}, uint8_t{0x10}}) {  // FNAME, FCOMMENT
        if (!(flags & field)) continue;
        const void* nul = std::memchr(p + pos, 0, n - pos);
        if (nul == nullptr) return false;
        pos = static_cast<size_t>(static_cast<const uint8_t*>(nul) - p) + 1;
      }
      if (flags & 0x02) {  // FHCRC: the low 16 bits of the CRC-32 of the header before it
        if (n < pos + 2) return false;
        const uint32_t want = p[pos] | (uint32_t{p[pos + 1]} << 8);
        if ((crc32(0, p, static_cast<uInt>(pos)) & 0xFFFF) != want) {
          *fault = "header crc mismatch";
          return true;
        }
        pos += 2;
      }
      *size = pos;
      *wrapper = ISAL_GZIP_NO_HDR_VER;
      return true;
    }
    if (((p[0] << 8) | p[1]) % 31 != 0) {
      *fault = "incorrect header check";
    } else if ((p[0] & 0x0F) != 8) {
      *fault = "unknown compression method";
    } else if ((p[0] >> 4) + 8 > 15) {
      *fault = "invalid window size";
    } else if (p[1] & 0x20) {
      // A preset dictionary: zlib reads its 4-byte id, then gives up without a message.
      if (n < 6) return false;
      *fault = "inflate error";
    }
    *size = 2;
    *wrapper = ISAL_ZLIB_NO_HDR_VER;
    return true;
  }

  enum class Probe { kOutput, kEnd, kError, kNeedMore };

  // Runs zlib's raw inflate over the deflate data p[0, n) until its first output byte, the end
  // of the data, a fault, or the end of the bytes at hand.
  Probe ProbeWithZlib(const uint8_t* p, size_t n) {
    if (!probe_init_) {
      if (inflateInit2(&probe_, -15) != Z_OK) return Probe::kError;
      probe_init_ = true;
    } else {
      inflateReset(&probe_);
    }
    unsigned char byte;
    probe_.next_in = const_cast<Bytef*>(p);
    probe_.avail_in = static_cast<uInt>(std::min<size_t>(n, uInt{1} << 30));
    probe_.next_out = &byte;
    probe_.avail_out = 1;
    const int ret = inflate(&probe_, Z_NO_FLUSH);
    if (probe_.avail_out == 0) return Probe::kOutput;
    if (ret == Z_STREAM_END) return Probe::kEnd;
    if (ret != Z_OK && ret != Z_BUF_ERROR) return Probe::kError;
    return Probe::kNeedMore;
  }

  static const char* Describe(int ret) {
    switch (ret) {
      case ISAL_INVALID_BLOCK:
        return "invalid block";
      case ISAL_INVALID_SYMBOL:
        return "invalid code";
      case ISAL_INVALID_LOOKBACK:
        return "invalid distance too far back";
      case ISAL_INCORRECT_CHECKSUM:
        return "incorrect data check";
      default:
        return "inflate error";
    }
  }

  std::unique_ptr<ByteStream> raw_;
  // Not zeroed: a new stream costs no 1 MiB clearing pass (WARC.gz and fuzzing open many).
  std::unique_ptr<uint8_t[]> in_ = std::make_unique_for_overwrite<uint8_t[]>(kInBytes);
  size_t in_size_ = kInBytes;
  std::unique_ptr<inflate_state> state_ = std::make_unique<inflate_state>();
  std::unique_ptr<inflate_state> header_state_;  // before the input's last, short, header
  std::vector<uint8_t> header_in_;               // the bytes after it
  z_stream probe_{};                             // zlib, for the start of members after the first
  bool probe_init_ = false;
  bool probed_output_ = false;  // zlib inflated a byte of the current member
  bool raw_eof_ = false;
  bool in_member_ = false;
  bool done_ = false;
  int members_ = 0;
};

class StringStream : public ByteStream {
 public:
  StringStream(std::string bytes, size_t max_read)
      : bytes_(std::move(bytes)), max_read_(max_read) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, max_read_, bytes_.size() - pos_});
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  uint64_t raw_bytes() const override { return pos_; }

 private:
  std::string bytes_;
  size_t max_read_;
  size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> MakeStringStream(std::string bytes, size_t max_read) {
  return std::make_unique<StringStream>(std::move(bytes), std::max<size_t>(max_read, 1));
}

std::unique_ptr<ByteStream> MakeGzipStream(std::unique_ptr<ByteStream> raw) {
  return std::make_unique<IsalGzipStream>(std::move(raw));
}

std::unique_ptr<ByteStream> MakeZlibGzipStream(std::unique_ptr<ByteStream> raw) {
  return std::make_unique<ZlibGzipStream>(std::move(raw));
}

}  // namespace parallax::ingest
