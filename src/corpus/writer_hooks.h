// Internal to the corpus stage: how IngestPaths opens its CorpusWriter (options that the public
// CorpusWriter contract does not offer).
//
// A CorpusWriter opened (CorpusWriter::Open) on a thread while a WriterHooksScope lives on that
// thread takes the scope's hooks:
//   * async_writes: each full batch is handed to a store thread and Add returns, so the store
//     transaction of batch k overlaps the features and clustering of batch k+1. Batches still
//     commit in order, one transaction each, with the same contents, so the database after
//     Finish, and after a crash, is one the synchronous writer could have left. For the
//     caller: a store error of batch k is returned by the Add that fills batch k+1 (or by
//     Finish); the Store belongs to the writer until Finish returns; stats() counts batch k
//     once batch k+1 is handed over (or at Finish).
//   * known_ids: filled at Open with the articles already in the corpus, each id as its 64-bit
//     value (ids are 16 hex digits, Article::id; other ids are left out), sorted, so that
//     analysis can skip them before the costly stages (KnownId). Read-only afterwards: safe to
//     share between threads.
// Without a scope (the default, and what tests of the public contract see) every batch is
// written before Add returns and nothing is filled.
#ifndef PARALLAX_CORPUS_WRITER_HOOKS_H_
#define PARALLAX_CORPUS_WRITER_HOOKS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace parallax::corpus {

struct WriterHooks {
  bool async_writes = false;
  std::vector<uint64_t>* known_ids = nullptr;
};

class WriterHooksScope {
 public:
  explicit WriterHooksScope(WriterHooks hooks);
  ~WriterHooksScope();
  WriterHooksScope(const WriterHooksScope&) = delete;
  WriterHooksScope& operator=(const WriterHooksScope&) = delete;

 private:
  WriterHooks saved_;
};

// The hooks of the innermost scope on the calling thread (all off without one).
WriterHooks CurrentWriterHooks();

// The 64-bit value of a 16-hex-digit id (either case), or nullopt.
std::optional<uint64_t> IdValue(std::string_view id);

// Whether `id` is in `sorted` (values of IdValue).
bool KnownId(const std::vector<uint64_t>& sorted, std::string_view id);

}  // namespace parallax::corpus

#endif  // PARALLAX_CORPUS_WRITER_HOOKS_H_
