// Enumerates raw inputs: files, folders (recursive, sorted), stdin, JSONL records (plain or gzip),
// WARC records (.warc, .warc.gz; see warc.h), gzip-compressed single files. Produces one
// RawDocument per article or one Failure per input that cannot become an article.
#ifndef PARALLAX_INGEST_READER_H_
#define PARALLAX_INGEST_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "parallax/article.h"
#include "parallax/pipeline.h"
#include "parallax/status.h"

namespace parallax::ingest {

struct RawDocument {
  std::string source;  // "path", "path:LINE" (JSONL), "path@OFFSET" (WARC) or the record id
                       // when --id-field is set
  std::string bytes;   // undecoded bytes (JSONL: the field's UTF-8 string)
  InputFormat format = InputFormat::kText;  // kText or kHtml after detection
  std::string declared_charset;             // from the container, when it names one
  ArticleHints hints;
};

using ReadItem = std::variant<RawDocument, Failure>;

class Reader {
 public:
  // Folders are listed here (recursive, sorted by path, hidden files and folders skipped);
  // files are opened lazily by Next(). Per-input problems (missing, unreadable, empty, over
  // max_article_bytes, malformed JSONL line, truncated gzip) come out of Next() as Failures
  // and the batch goes on. JSONL: one item per non-blank line, source "path:LINE" (1-based)
  // or the id field's value; gzip is recognised by its magic bytes, whatever the name.
  // WARC (with format kAuto only): by the name .warc / .warc.gz or by a first record
  // "WARC/1.x"; one item per HTML response record, source "path@OFFSET" (warc.h).
  // Errors: InvalidArgument when `paths` is empty.
  static Result<std::unique_ptr<Reader>> Create(const std::vector<std::string>& paths,
                                                const InputOptions& options);
  virtual ~Reader() = default;
  // Fills `item` with the next document or failure; returns false at the end.
  virtual bool Next(ReadItem* item) = 0;
  // Bytes consumed so far and the total known up front (0 when unknown). Both count bytes on
  // disk (compressed bytes for .gz); the total is the sum of the regular files' sizes and leaves
  // out stdin and pipes, whose bytes still count as read.
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t bytes_total() const = 0;
};

}  // namespace parallax::ingest

#endif  // PARALLAX_INGEST_READER_H_
