// SHA-256 (FIPS 180-4), for the Content-Security-Policy hash of the story page's inline style
// sheet. Not for secrets: no constant-time guarantees are needed or made.
//
//   std::string source = "'sha256-" + Base64(Sha256(css)) + "'";
#ifndef PARALLAX_SERVE_SHA256_H_
#define PARALLAX_SERVE_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax::serve {

// The 32-byte digest of `data`.
std::array<uint8_t, 32> Sha256(std::string_view data);

// Standard base64 (RFC 4648, with '=' padding) of `bytes`.
std::string Base64(std::string_view bytes);

}  // namespace parallax::serve

#endif  // PARALLAX_SERVE_SHA256_H_
