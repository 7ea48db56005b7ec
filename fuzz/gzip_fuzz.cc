// Differential fuzzing of gzip input: ISA-L's inflate (MakeGzipStream, what ingest reads with)
// against zlib's (MakeZlibGzipStream, the reference) on arbitrary bytes. The first byte picks
// how the raw bytes arrive and the read size; a second mode prepends a valid gzip header so
// deflate data is reached often. Both must end (no read loop without progress) and agree: the
// same bytes when both end cleanly; otherwise both fail, one's output a prefix of the other's
// (they may stop at different points inside a corrupt block), with the same fault class except
// at an early end of the input (the one documented difference). Anything else aborts.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/ingest/byte_stream.h"

namespace {

#define REQUIRE(ok) Require(ok, #ok)

void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "gzip_fuzz: check failed: %s\n", what);
  std::abort();
}

struct Outcome {
  std::string out;
  bool fault = false;
  bool truncated = false;
  bool stopped = false;  // reached max_out before the end
  std::string detail;
};

Outcome Inflate(bool isal, const std::string& raw, size_t chunk, size_t read_size, size_t max_out) {
  auto source = parallax::ingest::MakeStringStream(raw, chunk);
  std::unique_ptr<parallax::ingest::ByteStream> in =
      isal ? parallax::ingest::MakeGzipStream(std::move(source))
           : parallax::ingest::MakeZlibGzipStream(std::move(source));
  Outcome o;
  std::vector<char> buf(read_size);
  // Output is bounded by deflate's maximum ratio (1032:1) plus slack; a read loop that goes past
  // it is a loop without progress.
  const size_t cap = raw.size() * 1100 + (1 << 16);
  for (;;) {
    auto n = in->Read(buf.data(), buf.size());
    if (!n.ok()) {
      o.fault = true;
      o.detail = n.status().message();
      o.truncated = o.detail.find("truncated") != std::string::npos;
      return o;
    }
    if (*n == 0) return o;
    o.out.append(buf.data(), *n);
    REQUIRE(o.out.size() <= cap);
    if (o.out.size() >= max_out) {
      o.stopped = true;
      return o;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string raw(reinterpret_cast<const char*>(data) + 1, size - 1);
  // Half the inputs get a minimal gzip header (no optional fields) before the bytes, so the
  // fuzzer spends its time in deflate blocks and trailers rather than in the magic check.
  if (mode & 0x80) raw.insert(0, std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03", 10));
  static const size_t kChunks[] = {1, 3, 64, 1 << 20};
  static const size_t kReads[] = {1, 7, 4096, 1 << 16};
  const size_t chunk = kChunks[mode & 3];
  const size_t read_size = kReads[(mode >> 2) & 3];
  // Tiny reads of a large output take one inflate call per byte or so: those compare the
  // first 16 KiB only, which keeps the fuzzer fast without losing the header and block paths.
  const size_t max_out = read_size < 4096 ? size_t{1} << 14 : static_cast<size_t>(-1);
  const Outcome z = Inflate(false, raw, chunk, read_size, max_out);
  const Outcome i = Inflate(true, raw, chunk, read_size, max_out);
  if (z.stopped || i.stopped) {
    const std::string& a = i.out.size() < z.out.size() ? i.out : z.out;
    const std::string& b = i.out.size() < z.out.size() ? z.out : i.out;
    REQUIRE(b.compare(0, a.size(), a) == 0);
    REQUIRE(z.stopped == i.stopped || z.fault || i.fault);
    return 0;
  }
  if (i.fault != z.fault)
    std::fprintf(stderr,
                 "isal: fault %d truncated %d '%s' (%zu bytes); zlib: fault %d truncated %d '%s' "
                 "(%zu bytes)\n",
                 i.fault, i.truncated, i.detail.c_str(), i.out.size(), z.fault, z.truncated,
                 z.detail.c_str(), z.out.size());
  REQUIRE(i.fault == z.fault);
  // The fault class may differ only at an early end of the input (see MakeGzipStream): ISA-L
  // decodes the last symbols on padding bits, and waits for a whole trailer before checking it.
  // Both are faults, and the bytes delivered agree (below).
  if (!z.fault) {
    REQUIRE(i.out == z.out);
  } else {
    const std::string& a = i.out.size() < z.out.size() ? i.out : z.out;
    const std::string& b = i.out.size() < z.out.size() ? z.out : i.out;
    REQUIRE(b.compare(0, a.size(), a) == 0);
  }
  return 0;
}
