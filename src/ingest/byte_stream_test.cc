// The ISA-L gzip stream against the zlib one (the reference): same bytes for every well-formed
// input, the same fault class ("truncated gzip data" / "corrupt gzip data") for every cut and
// every corrupted byte, whatever the read sizes and however the raw bytes arrive.
#include "src/ingest/byte_stream.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "src/ingest/test_gzip.h"

namespace parallax::ingest {
namespace {

using fixtures::Compress;
using fixtures::Gzip;

struct Outcome {
  std::string out;     // bytes delivered before the end or the fault
  std::string fault;   // "" when the stream ended cleanly, else the fault's class
  std::string detail;  // the whole message
};

Outcome Inflate(bool isal, const std::string& raw, size_t raw_chunk, size_t read_size) {
  auto src = MakeStringStream(raw, raw_chunk);
  std::unique_ptr<ByteStream> in =
      isal ? MakeGzipStream(std::move(src)) : MakeZlibGzipStream(std::move(src));
  Outcome o;
  std::vector<char> buf(read_size);
  for (int guard = 0; guard < 100'000'000; ++guard) {
    Result<size_t> n = in->Read(buf.data(), buf.size());
    if (!n.ok()) {
      o.detail = n.status().message();
      o.fault = o.detail.starts_with("truncated gzip data")   ? "truncated"
                : o.detail.starts_with("corrupt gzip data: ") ? "corrupt"
                                                              : "other";
      return o;
    }
    if (*n == 0) return o;
    o.out.append(buf.data(), *n);
  }
  ADD_FAILURE() << "no end";
  return o;
}

// Both inflaters agree on `raw`: the same bytes when both end cleanly; the same fault class
// otherwise, with one's output a prefix of the other's (they may stop at different points).
void ExpectSame(const std::string& raw, const std::string& what, size_t raw_chunk = 1 << 20,
                size_t read_size = 1 << 16) {
  Outcome z = Inflate(false, raw, raw_chunk, read_size);
  Outcome i = Inflate(true, raw, raw_chunk, read_size);
  EXPECT_EQ(i.fault, z.fault) << what << ": isal '" << i.detail << "', zlib '" << z.detail << "'";
  if (z.fault.empty() && i.fault.empty()) {
    EXPECT_EQ(i.out, z.out) << what;
  } else {
    const std::string& a = i.out.size() < z.out.size() ? i.out : z.out;
    const std::string& b = i.out.size() < z.out.size() ? z.out : i.out;
    EXPECT_EQ(b.compare(0, a.size(), a), 0) << what;
  }
}

// Text that compresses like prose: words from a small vocabulary, pseudo-random order.
std::string Prose(size_t bytes, uint32_t seed) {
  static const char* kWords[] = {"the",     "council", "of",     "Marlow",   "voted", "to",
                                 "delay",   "a",       "bridge", "said",     "Ilsa",  "Varn,",
                                 "spokes-", "person.", "\n",     "\xC2\xA0", "über",  "河流"};
  std::string s;
  uint32_t x = seed;
  while (s.size() < bytes) {
    x = x * 1664525u + 1013904223u;
    s += kWords[(x >> 16) % (sizeof kWords / sizeof kWords[0])];
    s += ' ';
  }
  s.resize(bytes);
  return s;
}

// Random bytes: incompressible, so deflate stores them.
std::string Noise(size_t bytes, uint32_t seed) {
  std::string s(bytes, '\0');
  uint32_t x = seed;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 23);
  }
  return s;
}

// A gzip member with level `level` and the optional header fields (name, comment, extra,
// header CRC) that zlib can write.
std::string GzipWithHeader(const std::string& data, int level, bool fields) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  gz_header h{};
  std::string name = "report.txt", comment = "fictional", extra = "XY\x04\0abcd";
  if (fields) {
    h.name = reinterpret_cast<Bytef*>(name.data());
    h.comment = reinterpret_cast<Bytef*>(comment.data());
    h.extra = reinterpret_cast<Bytef*>(extra.data());
    h.extra_len = static_cast<uInt>(extra.size());
    h.hcrc = 1;
    EXPECT_EQ(deflateSetHeader(&zs, &h), Z_OK);
  }
  return fixtures::DeflateAll(zs, data);
}

TEST(GzipStream, WellFormedInputsMatchZlib) {
  const std::string prose = Prose(300'000, 7);
  const struct {
    std::string name;
    std::string raw;
  } cases[] = {
      {"empty input", ""},
      {"one member", Gzip(prose)},
      {"empty member", Gzip("")},
      {"one byte member", Gzip("x")},
      {"members back to back", Gzip("first, ") + Gzip("") + Gzip(prose) + Gzip("last")},
      {"zlib wrapper", Compress(prose, 15)},
      {"gzip then zlib member", Gzip("a gzip member, ") + Compress("then a zlib one", 15)},
      {"header fields", GzipWithHeader(prose, 6, true) + GzipWithHeader("second", 1, true)},
      {"stored blocks", GzipWithHeader(Noise(200'000, 3), 0, false)},
      {"level 9 noise", GzipWithHeader(Noise(100'000, 5), 9, false)},
      {"zero padding after", Gzip(prose) + std::string(512, '\0')},
      {"text after", Gzip("member") + "trailing junk that is no member"},
      {"newline after", Gzip("member") + "\n"},
      {"two junk bytes after", Gzip("member") + "ab"},
      {"bad zlib window after", Gzip("member") + "\x88\x98"},
      {"zlib dictionary flag after", Gzip("member") + "\x78\xBB"},
      {"gzip magic then junk after", Gzip("member") + "\x1F\x8B\x07zzzzzzzzzz"},
      {"raw deflate", Compress(prose, -15)},
      {"plain text", "not compressed at all"},
      {"one byte", "\x1F"},
      {"dictionary flag first", "\x78\xBB\x01\x02\x03"},
  };
  for (const auto& c : cases) {
    ExpectSame(c.raw, c.name);
    ExpectSame(c.raw, c.name + " (raw in 1-byte pieces, small reads)", 1, 7);
    ExpectSame(c.raw, c.name + " (raw in 3-byte pieces)", 3, 1 << 16);
    ExpectSame(c.raw, c.name + " (1-byte reads)", 1 << 20, 1);
  }
}

TEST(GzipStream, LargeMembersAcrossInputRefills) {
  // Over the 1 MiB input buffer, several members, read in odd sizes.
  std::string raw = Gzip(Prose(5'000'000, 11)) + GzipWithHeader(Noise(1'500'000, 13), 1, false) +
                    Gzip(Prose(2'000'000, 17));
  ExpectSame(raw, "large");
  ExpectSame(raw, "large, odd reads", 65'537, 12'345);
  Outcome i = Inflate(true, raw, 1 << 20, 1 << 16);
  EXPECT_EQ(i.out.size(), 8'500'000u);
}

TEST(GzipStream, EveryCutMatchesZlib) {
  const std::string raw = Gzip(Prose(3000, 19)) + GzipWithHeader("second member", 6, true) +
                          Compress(Prose(500, 23), 15);
  for (size_t cut = 0; cut <= raw.size(); ++cut) {
    ExpectSame(raw.substr(0, cut), "cut at " + std::to_string(cut));
    ExpectSame(raw.substr(0, cut), "cut at " + std::to_string(cut) + " (pieces)", 5, 100);
  }
  // A cut inside the first member is always truncation, never a clean end.
  Outcome i = Inflate(true, raw.substr(0, 20), 1 << 20, 1 << 16);
  EXPECT_EQ(i.fault, "truncated") << i.detail;
}

TEST(GzipStream, EveryCorruptedByteMatchesZlib) {
  const std::string raw = Gzip(Prose(4000, 29)) + Gzip(Prose(300, 31));
  for (size_t pos = 0; pos < raw.size(); ++pos) {
    for (unsigned char flip : {0x01, 0x55, 0xFF}) {
      std::string bad = raw;
      bad[pos] = static_cast<char>(bad[pos] ^ flip);
      ExpectSame(bad, "byte " + std::to_string(pos) + " ^ " + std::to_string(flip));
    }
  }
}

// A gzip member cut inside its first dynamic block header (found by fuzz/gzip_fuzz.cc): zlib waits
// for the missing bytes, so the verdict is "truncated", whatever the bits ISA-L pads it with.
TEST(GzipStream, CutInsideADynamicHeaderIsTruncated) {
  const std::string raw(
      "\x1F\x8B\x08\x00\xE7\x71\x04\x6B\x02\xFF\xED\xCC\x3D\x0A\x80\x30\x0C\x06\xD0\xDD\x53\x7C"
      "\x74\x16\x0F\xE1\xEA\xE0\x52\x70\x4E\x49\xF7\x20\xE6\x1D\xE0\xC5\x4B\x70\x51\x4D\x36\x2A"
      "\x92\x51\x65",
      47);
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{1} << 20}) {
    ExpectSame(raw, "cut header, pieces of " + std::to_string(chunk), chunk, 1);
    EXPECT_EQ(Inflate(true, raw, chunk, 1 << 16).fault, "truncated");
  }
}

// The input ends inside a block header whose first bits already break the code: zlib calls it
// corrupt, though ISA-L would wait for the rest of the header.
TEST(GzipStream, HeaderFaultBeforeTheEndIsCorrupt) {
  const std::string raw(
      "\x1F\x8B\x08\x00\xE7\x71\x04\x6B\x02\xFF\xED\xCC\x3D\x0A\x80\x30\x0C\x06\x00\x00\x00\x00"
      "\x00\x00\x00\x21\xEA\xE0\x52\x92\x51\x65",
      32);
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{1} << 20}) {
    ExpectSame(raw, "header fault, pieces of " + std::to_string(chunk), chunk, 1);
    EXPECT_EQ(Inflate(true, raw, chunk, 1 << 16).fault, "corrupt");
  }
}

TEST(GzipStream, CorruptDataIsReported) {
  std::string gz = Gzip(std::string(5000, 'q') + "tail");
  gz[gz.size() - 6] ^= 0x55;  // inside the CRC of the trailer
  Outcome i = Inflate(true, gz, 1 << 20, 1 << 16);
  EXPECT_EQ(i.fault, "corrupt") << i.detail;
  Outcome p = Inflate(true, "\x1F\x8B\x08\0\0\0\0\0\0\x03", 1 << 20, 1 << 16);
  EXPECT_EQ(p.fault, "truncated") << p.detail;
}

}  // namespace
}  // namespace parallax::ingest
