// WARC input: the records of a WARC 1.0 / 1.1 file (ISO 28500), plain or gzip-compressed with
// one or more members (the usual .warc.gz has one member per record), become raw documents.
//
// What becomes an article: a `response` record whose block is an HTTP response (status line,
// headers, body) with a 2xx status and an HTML body (Content-Type text/html or
// application/xhtml+xml, or no/generic type and a body that looks like HTML); also a `resource`
// record holding HTML. Chunked transfer encoding and gzip/deflate content encoding are undone.
// The document's hints carry url = WARC-Target-URI and date = WARC-Date (when the page was
// crawled: a hint for ordering, never the publication time).
//
// What is skipped silently: warcinfo, request, metadata, revisit, conversion and continuation
// records (they hold no article). What is skipped with a Failure (one per record, the input goes
// on): a response that is not HTML ("skipped: not HTML (image/png)"), a non-2xx status, an
// unsupported content encoding, a body over max_article_bytes, a malformed record header
// (the reader then looks for the next "WARC/1." line). What ends the file with a Failure: a
// record or gzip member cut short (truncated file), corrupt gzip data.
//
// Sources: documents and per-record failures are named "PATH@OFFSET", OFFSET being the byte
// offset of the record in the file as stored: for .warc.gz, the offset of the gzip member the
// record starts (what CDX indexes record); for a record inside a member that holds several
// records, "PATH@MEMBER+DELTA" (DELTA: uncompressed bytes into the member).
//
//   WarcReader warc(std::move(stream), "crawl.warc.gz", options);
//   ReadItem item;
//   while (warc.Next(&item)) Use(item);
#ifndef PARALLAX_INGEST_WARC_H_
#define PARALLAX_INGEST_WARC_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parallax/pipeline.h"
#include "parallax/status.h"
#include "src/ingest/byte_stream.h"
#include "src/ingest/reader.h"

namespace parallax::ingest {

// True when `path` ends in .warc or .warc.gz (any case).
bool IsWarcName(std::string_view path);

// True when `head`, the first bytes of a stream as stored, starts a WARC record ("WARC/1."),
// directly or after inflating the start of a gzip member. Needs about 64 bytes; more is fine.
bool LooksLikeWarc(std::string_view head);

// An HTTP response taken apart (ParseHttpResponse).
struct HttpResponse {
  int status = 0;          // 200, 404 ...
  std::string media_type;  // lower case, parameters removed: "text/html"; "" when absent
  std::string charset;     // the Content-Type charset parameter, or ""
  std::string body;        // de-chunked and decompressed
};

// Parses an HTTP response message (a WARC response block). Line endings CRLF or LF.
// Errors: InvalidArgument "no HTTP status line", "unterminated HTTP header",
// "corrupt gzip content encoding ..."; Unsupported "content encoding X";
// ResourceExhausted when the decoded body exceeds `max_body_bytes`.
Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes);

class WarcReader {
 public:
  // Reads `raw` (a WARC file as stored; gzip is recognised by its magic bytes). `name` names the
  // input in sources (a path, or "-").
  WarcReader(std::unique_ptr<ByteStream> raw, std::string name, const InputOptions& options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next document or failure; false at the end of the input.
  bool Next(ReadItem* item);
  // Bytes taken from `raw` so far.
  uint64_t raw_bytes() const;
  // Records seen so far, of every type (for tests and summaries).
  uint64_t records() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_WARC_H_
