// One JSONL record on arbitrary bytes, plus the format sniffers on the same bytes. The first
// byte picks the field mapping; the rest is the line. Parsing must either fail with a message
// or yield a document whose text is valid UTF-8 within max_article_bytes; anything else aborts.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/ingest/decode.h"
#include "src/ingest/jsonl.h"
#include "src/ingest/sniff.h"

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  parallax::InputOptions options;
  const uint8_t mode = data[0];
  if (mode & 1) options.html_field = "html";
  if (mode & 2) {
    options.id_field = "id";
    options.title_field = "title";
    options.date_field = "date";
    options.outlet_field = "outlet";
    options.url_field = "url";
  }
  if (mode & 4) options.text_field = "";  // an empty key is a legal JSON key
  options.max_article_bytes = (mode & 8) ? 16 : size_t{1} << 20;
  std::string_view line(reinterpret_cast<const char*>(data) + 1, size - 1);

  parallax::ingest::RawDocument doc;
  parallax::Status s = parallax::ingest::ParseJsonlRecord(line, options, &doc);
  if (s.ok()) {
    Require(parallax::ingest::IsValidUtf8(doc.bytes));
    Require(doc.bytes.size() <= options.max_article_bytes);
    Require(doc.format == parallax::InputFormat::kText ||
            doc.format == parallax::InputFormat::kHtml);
    for (const std::string* h :
         {&doc.hints.id, &doc.hints.title, &doc.hints.date, &doc.hints.outlet, &doc.hints.url}) {
      Require(parallax::ingest::IsValidUtf8(*h));
    }
  } else {
    Require(!s.message().empty());
  }
  // The sniffers see the same bytes as the start of a file.
  (void)parallax::ingest::LooksLikeHtml(line);
  std::string charset = parallax::ingest::FindMetaCharset(line);
  Require(charset.size() <= 40);
  (void)parallax::ingest::FormatFromName(line);
  return 0;
}
