#include "src/base/hash.h"

#include <xxhash.h>

namespace parallax {

uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string HashHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t h = Hash64(bytes);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 0xF];
  return out;
}

}  // namespace parallax
