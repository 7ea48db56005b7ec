// ParallelFor: runs fn(i) for i in [0, n) on up to `threads` threads (the caller's included).
// Work is handed out one index at a time from an atomic counter, so uneven items (one huge
// article among small ones) balance themselves. Returns when every call has finished.
#ifndef PARALLAX_BASE_PARALLEL_H_
#define PARALLAX_BASE_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <utility>
#include <vector>

namespace parallax {

// The number of worker threads to use for a request of `threads` (0 = all cores).
inline int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

// ParallelFor (below) with serial work for the calling thread: it first runs caller_first()
// (e.g. delivering the previous results in order) while the other threads already take
// indices, then takes indices too. With one worker: caller_first(), then every fn(i) in order.
template <typename First, typename Fn>
void ParallelForCallerFirst(size_t n, int threads, First&& caller_first, Fn&& fn) {
  int workers = std::min<size_t>(std::max(1, threads), n == 0 ? 1 : n);
  if (workers <= 1) {
    caller_first();
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (int t = 1; t < workers; ++t) pool.emplace_back(run);
  caller_first();
  run();
  for (auto& th : pool) th.join();
}

template <typename Fn>
void ParallelFor(size_t n, int threads, Fn&& fn) {
  ParallelForCallerFirst(
      n, threads, [] {}, std::forward<Fn>(fn));
}

}  // namespace parallax

#endif  // PARALLAX_BASE_PARALLEL_H_
