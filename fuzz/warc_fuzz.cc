// WARC records on arbitrary bytes (plain, or gzip members when the bytes start with the gzip
// magic), plus the HTTP response parser and the WARC sniffer on the same bytes. Reading must end
// (no item loop without progress), every document must be HTML within max_article_bytes and
// named "fuzz.warc@OFFSET"; anything else aborts.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "src/ingest/byte_stream.h"
#include "src/ingest/warc.h"

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parallax::InputOptions options;
  options.max_article_bytes = 1 << 16;
  parallax::ingest::WarcReader reader(parallax::ingest::MakeStringStream(std::string(bytes)),
                                      "fuzz.warc", options);
  parallax::ingest::ReadItem item;
  size_t items = 0;
  while (reader.Next(&item)) {
    // Each item consumes at least a record header's first byte: never more items than bytes.
    Require(++items <= size + 1);
    if (const auto* doc = std::get_if<parallax::ingest::RawDocument>(&item)) {
      Require(doc->format == parallax::InputFormat::kHtml);
      Require(!doc->bytes.empty() && doc->bytes.size() <= options.max_article_bytes);
      Require(doc->source.rfind("fuzz.warc@", 0) == 0);
    } else {
      Require(!std::get<parallax::Failure>(item).reason.empty());
    }
  }
  Require(reader.raw_bytes() <= size);
  parallax::Result<parallax::ingest::HttpResponse> r =
      parallax::ingest::ParseHttpResponse(bytes, options.max_article_bytes);
  if (r.ok()) Require(r->body.size() <= options.max_article_bytes);
  (void)parallax::ingest::LooksLikeWarc(bytes);
  (void)parallax::ingest::IsWarcName(bytes);
  return 0;
}
