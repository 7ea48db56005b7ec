// The JSON API and page routing of `parallax serve`, independent of any HTTP library: a
// Request (method, decoded path, query parameters) goes in, a Response (status, content type,
// body) comes out. The HTTP server (server.h) only moves bytes; unit tests call Handle directly.
//
// Read-only: the API opens the database with read-only connections (a pool, one connection per
// concurrent request) and never writes. Every error is JSON {"error": {"status", "reason"}}:
// 400 for a bad parameter (the reason names it), 404 for an unknown id or route, 405 for a
// method other than GET/HEAD. docs/api.md lists every endpoint with an example.
//
// Thread safety: Handle may be called from many threads at once. A story's comparison is
// computed once even when several requests (or the warm-up) ask for it at the same time.
//
//   PARALLAX_ASSIGN_OR_RETURN(auto api, serve::Api::Create({.db_path = "corpus.db"}));
//   serve::Response r = api->Handle({"GET", "/api/stories", {{"limit", "5"}}});
#ifndef PARALLAX_SERVE_API_H_
#define PARALLAX_SERVE_API_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parallax/status.h"

namespace parallax::serve {

struct ApiOptions {
  std::string db_path;
  // Most rows one list request returns (limit=), and the default. Default: 200, 20.
  size_t max_limit = 200;
  size_t default_limit = 20;
  // Largest offset= accepted. Default: 100000.
  size_t max_offset = 100000;
  // Story comparisons kept in memory (least recently used dropped once either bound is
  // passed). A cached comparison is used only while the story's label and members are those it
  // was computed from. Default: 64 stories, 256 MiB of JSON.
  size_t cache_stories = 64;
  size_t cache_bytes = 256u << 20;
  // Warm-up: a background thread loads the lexicons Compare uses (WordNet), then computes the
  // comparisons of the most recent stories of two or more articles (up to `cache_stories`,
  // newest first) while requests are served, so that a story's first visit finds it ready.
  // It then checks the database every `watch_ms` (PRAGMA data_version) and, after a write by
  // another process (a concurrent ingest), recomputes the recent stories whose members
  // changed. Default: off (the CLI's `parallax serve` turns it on); 2000 ms.
  bool warm = false;
  int watch_ms = 2000;
  // A SQL query of the API running longer than this is interrupted (503). Default: 5000 ms.
  int query_timeout_ms = 5000;
  // Longest q= / text parameter, in bytes. Default: 1000.
  size_t max_query_bytes = 1000;
};

struct Request {
  std::string method;                                       // "GET", "HEAD", ...
  std::string path;                                         // decoded path, "/api/stories/3"
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters
  std::string if_none_match;                                // the If-None-Match header, or ""
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  // Cache-Control value; "" = none.
  std::string cache_control = "no-store";
  // ETag value (quoted), or "" = none. With status 304 the body is empty.
  std::string etag;
  // Server-Timing header value (how long the parts of the answer took), or "" = none.
  std::string server_timing;
};

class Api {
 public:
  // Opens one read-only connection to check the database (more are opened on demand).
  // Errors: those of Store::Open (NotFound/IoError for a missing file, Unsupported for a
  // database of another schema version).
  static Result<std::unique_ptr<Api>> Create(const ApiOptions& options);
  ~Api();

  Response Handle(const Request& request);

  // Blocks until the warm-up has made `passes` passes over the recent stories (the first at
  // start, one more after each change of the database it saw; at once when options.warm is
  // false) or `timeout_ms` passed; true when they are done. For tests and benchmarks.
  bool WaitWarm(int timeout_ms, int passes = 1);

  class Impl;

 private:
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The JSON error body {"error": {"status": 400, "reason": "..."}} with `status`.
Response ErrorResponse(int status, std::string_view reason);

}  // namespace parallax::serve

#endif  // PARALLAX_SERVE_API_H_
