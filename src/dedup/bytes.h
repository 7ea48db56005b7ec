// Little-endian byte encoding for the serialised state of dedup and stories (signatures,
// indexes, clusterer state). Internal: the format is versioned by its users.
//
//   ByteWriter w;  w.U32(7);  w.Str("abc");
//   ByteReader r(w.data());  uint32_t n;  std::string s;
//   if (!r.U32(&n) || !r.Str(&s)) return Status::InvalidArgument("truncated");
#ifndef PARALLAX_DEDUP_BYTES_H_
#define PARALLAX_DEDUP_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace parallax::dedup {

class ByteWriter {
 public:
  // A counting writer only adds up the size of what it is given (size()), so that a real one
  // can Reserve() it and write the state without reallocating (one copy in memory, not up to
  // three while the buffer doubles).
  enum Mode { kWrite, kCountOnly };
  explicit ByteWriter(Mode mode = kWrite) : counting_(mode == kCountOnly) {}
  void Reserve(size_t n) { out_.reserve(n); }
  size_t size() const { return counting_ ? counted_ : out_.size(); }

  void U8(uint8_t v) {
    if (counting_) {
      ++counted_;
      return;
    }
    out_.push_back(static_cast<char>(v));
  }
  void U16(uint16_t v) { Le(v, 2); }
  void U32(uint32_t v) { Le(v, 4); }
  void U64(uint64_t v) { Le(v, 8); }
  void I32(int32_t v) { U32(static_cast<uint32_t>(v)); }
  void F32(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    U32(bits);
  }
  void F64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    U64(bits);
  }
  // Length-prefixed (u32) bytes.
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    if (counting_) {
      counted_ += s.size();
      return;
    }
    out_.append(s);
  }
  const std::string& data() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Le(uint64_t v, int n) {
    if (counting_) {
      counted_ += static_cast<size_t>(n);
      return;
    }
    for (int i = 0; i < n; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  std::string out_;
  bool counting_ = false;
  size_t counted_ = 0;
};

// Every getter returns false (and leaves the reader failed) when the input is too short.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool U8(uint8_t* v) {
    uint64_t x;
    if (!Le(&x, 1)) return false;
    *v = static_cast<uint8_t>(x);
    return true;
  }
  bool U16(uint16_t* v) {
    uint64_t x;
    if (!Le(&x, 2)) return false;
    *v = static_cast<uint16_t>(x);
    return true;
  }
  bool U32(uint32_t* v) {
    uint64_t x;
    if (!Le(&x, 4)) return false;
    *v = static_cast<uint32_t>(x);
    return true;
  }
  bool U64(uint64_t* v) { return Le(v, 8); }
  bool I32(int32_t* v) {
    uint32_t x;
    if (!U32(&x)) return false;
    *v = static_cast<int32_t>(x);
    return true;
  }
  bool F32(float* v) {
    uint32_t bits;
    if (!U32(&bits)) return false;
    std::memcpy(v, &bits, 4);
    return true;
  }
  bool F64(double* v) {
    uint64_t bits;
    if (!U64(&bits)) return false;
    std::memcpy(v, &bits, 8);
    return true;
  }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || n > in_.size() - pos_) return Fail();
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  // A count of items that each need at least `min_item_bytes`: rejects counts the remaining
  // input cannot hold, so a corrupt count never triggers a huge allocation.
  bool Count(uint32_t* n, size_t min_item_bytes) {
    if (!U32(n)) return false;
    if (min_item_bytes > 0 && *n > (in_.size() - pos_) / min_item_bytes) return Fail();
    return true;
  }
  bool Skip(size_t n) {
    if (n > in_.size() - pos_) return Fail();
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == in_.size(); }
  size_t remaining() const { return in_.size() - pos_; }

 private:
  bool Le(uint64_t* v, int n) {
    if (in_.size() - pos_ < static_cast<size_t>(n)) return Fail();
    uint64_t x = 0;
    for (int i = 0; i < n; ++i) x |= uint64_t{static_cast<unsigned char>(in_[pos_ + i])} << (8 * i);
    pos_ += n;
    *v = x;
    return true;
  }
  bool Fail() {
    pos_ = in_.size();
    return false;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace parallax::dedup

#endif  // PARALLAX_DEDUP_BYTES_H_
