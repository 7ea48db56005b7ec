// Stable content hashes. The algorithm (XXH3-64) and seed (0) are frozen: article ids computed
// today must match ids stored in databases made earlier.
#ifndef PARALLAX_BASE_HASH_H_
#define PARALLAX_BASE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace parallax {

uint64_t Hash64(std::string_view bytes);
// 16 lower-case hex digits of Hash64(bytes).
std::string HashHex(std::string_view bytes);

}  // namespace parallax

#endif  // PARALLAX_BASE_HASH_H_
