// Test helper for the ingest tests: compresses bytes in memory with zlib, as gzip files and
// WARC.gz members on disk are.
#ifndef PARALLAX_INGEST_TEST_GZIP_H_
#define PARALLAX_INGEST_TEST_GZIP_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace parallax::ingest::fixtures {

// `window_bits` as for deflateInit2: 15 + 16 writes a gzip wrapper, 15 a zlib one, -15 raw.
// Deflates all of `data` with `zs` (initialised, header set) and ends it.
inline std::string DeflateAll(z_stream& zs, const std::string& data) {
  std::string out(deflateBound(&zs, data.size()) + 256, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string Compress(const std::string& data, int window_bits) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  return DeflateAll(zs, data);
}

// One gzip member holding `data`.
inline std::string Gzip(const std::string& data) { return Compress(data, 15 + 16); }

}  // namespace parallax::ingest::fixtures

#endif  // PARALLAX_INGEST_TEST_GZIP_H_
