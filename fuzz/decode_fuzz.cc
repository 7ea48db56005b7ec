// Decode on arbitrary bytes. The first byte picks the declared charset from a small list (none,
// UTF-8, legacy single-byte, a multi-byte East Asian one, UTF-16, a bogus name); the rest is the
// input. Any input must either fail with InvalidArgument/Unsupported or decode to valid UTF-8
// that is not blank; anything else aborts (a finding).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/ingest/decode.h"

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

constexpr std::string_view kDeclared[] = {
    "",          "utf-8",   "windows-1251", "KOI8-R", "iso-8859-1", "ISO-8859-2",
    "Shift_JIS", "gb18030", "utf-16",       "bogus",  "latin1",     " \"windows-1252\" ",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view declared = kDeclared[data[0] % (sizeof(kDeclared) / sizeof(kDeclared[0]))];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  parallax::Result<parallax::ingest::Decoded> d = parallax::ingest::Decode(bytes, declared);
  if (!d.ok()) {
    parallax::StatusCode code = d.status().code();
    Require(code == parallax::StatusCode::kInvalidArgument ||
            code == parallax::StatusCode::kUnsupported);
    Require(!d.status().message().empty());
    return 0;
  }
  Require(parallax::ingest::IsValidUtf8(d->text));
  Require(!d->text.empty());
  Require(!d->charset.empty());
  Require(d->text.find('\0') == std::string::npos);
  // The lossy UTF-8 path is also the oracle's subject: valid output, idempotent.
  size_t replaced = 0;
  std::string lossy = parallax::ingest::ToUtf8Lossy(bytes, &replaced);
  Require(parallax::ingest::IsValidUtf8(lossy));
  Require((replaced == 0) == parallax::ingest::IsValidUtf8(bytes));
  Require(parallax::ingest::ToUtf8Lossy(lossy) == lossy);
  return 0;
}
