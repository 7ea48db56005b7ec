#include "src/serve/api.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <list>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "parallax/article.h"
#include "parallax/compare.h"
#include "parallax/format.h"
#include "parallax/store.h"
#include "src/compare/wordnet.h"
#include "src/serve/assets.h"
#include "src/serve/report_html.h"
#include "src/serve/story_page.h"

namespace parallax::serve {

using Json = nlohmann::json;

// ---- small helpers -------------------------------------------------------------------------

namespace {

std::string Dump(const Json& j) {
  // Text from the database is valid UTF-8 by the store's contract; `replace` keeps one bad row
  // from turning a whole response into an exception.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Response JsonResponse(const Json& j, int status = 200) {
  Response r;
  r.status = status;
  r.body = Dump(j);
  return r;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ISO 8601 date or date-time as the store compares them: YYYY-MM-DD, optionally followed by
// 'T' and HH:MM, HH:MM:SS, fractions or a zone. Only the date part is checked strictly.
bool IsIsoDate(std::string_view s) {
  if (s.size() < 10 || s.size() > 35) return false;
  if (!IsDigits(s.substr(0, 4)) || s[4] != '-' || !IsDigits(s.substr(5, 2)) || s[7] != '-' ||
      !IsDigits(s.substr(8, 2))) {
    return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' && s[10] != ' ') return false;
  for (char c : s.substr(11)) {
    if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == '+' || c == '-' || c == 'Z')) {
      return false;
    }
  }
  return s.size() >= 16 && IsDigits(s.substr(11, 2)) && s[13] == ':' && IsDigits(s.substr(14, 2));
}

bool IsArticleId(std::string_view s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    if (n == 2 && c < 0xC2) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    if (n == 3) {
      const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return false;
    }
    if (n == 4) {
      const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      if (c > 0xF4 || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return false;
    }
    i += n;
  }
  return true;
}

std::string AssetEtag(const Asset& asset) {
  // FNV-1a over the bytes, once per asset: stable for a build, cheap to compare.
  static std::mutex mu;
  static std::unordered_map<const void*, std::string> tags;
  std::lock_guard<std::mutex> lock(mu);
  std::string& tag = tags[asset.data.data()];
  if (tag.empty()) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : asset.data) h = (h ^ c) * 1099511628211ull;
    char buf[24];
    std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
    tag = buf;
  }
  return tag;
}

// The app's shell page: index.html with the bundles' URLs versioned by their content
// ("/assets/bundle.js?v=<etag>"), so that the browser may keep them without revalidating (the
// server answers a current ?v= with an immutable Cache-Control).
const std::string& ShellPage() {
  static const std::string page = [] {
    std::string html(AssetData("index.html"));
    for (std::string_view name : {"bundle.css", "bundle.js"}) {
      const Asset* asset = FindAsset(name);
      if (asset == nullptr) continue;
      const std::string url = "/assets/" + std::string(name);
      const size_t at = html.find(url + "\"");
      if (at == std::string::npos) continue;
      const std::string tag = AssetEtag(*asset);
      html.insert(at + url.size(), "?v=" + tag.substr(1, tag.size() - 2));
    }
    return html;
  }();
  return page;
}

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json OptionalId(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

// Why a request is refused: status and reason, carried out of the parameter parsers.
struct Refusal {
  int status = 400;
  std::string reason;
};

// Query parameters with validation. Each getter records the first problem; the handler checks
// `refusal` once after reading all parameters.
class Params {
 public:
  Params(const Request& r, const ApiOptions& o) : request_(r), options_(o) {}

  std::optional<std::string_view> Raw(std::string_view name) const {
    for (const auto& [k, v] : request_.params) {
      if (k == name) return std::string_view(v);
    }
    return std::nullopt;
  }
  std::string Text(std::string_view name) {
    auto v = Raw(name);
    if (!v) return "";
    if (v->size() > options_.max_query_bytes) {
      Refuse(std::string(name) + ": longer than " + std::to_string(options_.max_query_bytes) +
             " bytes");
      return "";
    }
    if (!IsValidUtf8(*v)) {
      Refuse(std::string(name) + ": not valid UTF-8");
      return "";
    }
    return std::string(*v);
  }
  std::string Date(std::string_view name) {
    std::string v = Text(name);
    if (!v.empty() && !IsIsoDate(v)) {
      Refuse(std::string(name) +
             ": expected an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM), got '" + Clip(v) + "'");
      return "";
    }
    return v;
  }
  size_t Count(std::string_view name, size_t fallback, size_t min, size_t max) {
    auto v = Raw(name);
    if (!v) return fallback;
    size_t n = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (v->empty() || ec != std::errc() || end != v->data() + v->size()) {
      Refuse(std::string(name) + ": expected a whole number, got '" + Clip(std::string(*v)) + "'");
      return fallback;
    }
    if (n < min || n > max) {
      Refuse(std::string(name) + ": must be between " + std::to_string(min) + " and " +
             std::to_string(max));
      return fallback;
    }
    return n;
  }
  std::optional<int64_t> Id(std::string_view name) {
    auto v = Raw(name);
    if (!v) return std::nullopt;
    int64_t n = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (v->empty() || ec != std::errc() || end != v->data() + v->size() || n < 0) {
      Refuse(std::string(name) + ": expected a story id (a whole number)");
      return std::nullopt;
    }
    return n;
  }
  // Parameters this endpoint does not know are refused, so a typo (`limt=`) is not silently
  // ignored.
  void Only(std::initializer_list<std::string_view> known) {
    for (const auto& [k, v] : request_.params) {
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        Refuse("unknown parameter '" + Clip(k) + "'");
        return;
      }
    }
  }
  void Refuse(std::string reason) {
    if (!refusal) refusal = Refusal{400, std::move(reason)};
  }
  static std::string Clip(const std::string& s) {
    std::string out = s.substr(0, 60);
    if (!IsValidUtf8(out)) return "(invalid UTF-8)";
    return out;
  }

  std::optional<Refusal> refusal;

 private:
  const Request& request_;
  const ApiOptions& options_;
};

// ---- raw read-only SQL for the aggregate views the Store API does not offer ----------------

class Query {
 public:
  Query(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  void Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  // true: a row; false: done or error (see error()).
  bool Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) error_ = rc;
    return false;
  }
  std::string Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p == nullptr ? std::string()
                        : std::string(reinterpret_cast<const char*>(p),
                                      static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  int error() const { return error_; }
  const char* message() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int error_ = 0;
};

// One reader: a Store (articles, stories, search) and a raw connection (aggregates).
struct Connection {
  std::optional<Store> store;
  sqlite3* db = nullptr;
  std::chrono::steady_clock::time_point deadline;
  ~Connection() { sqlite3_close_v2(db); }
};

// Progress handler: interrupts a query that runs past the connection's deadline.
int PastDeadline(void* arg) {
  auto* c = static_cast<Connection*>(arg);
  return std::chrono::steady_clock::now() > c->deadline ? 1 : 0;
}

Result<std::unique_ptr<Connection>> OpenConnection(const ApiOptions& options) {
  auto c = std::make_unique<Connection>();
  StoreOptions so;
  so.read_only = true;
  so.create = false;
  so.cache_kib = 16 * 1024;
  PARALLAX_ASSIGN_OR_RETURN(Store store, Store::Open(options.db_path, so));
  c->store.emplace(std::move(store));
  if (sqlite3_open_v2(options.db_path.c_str(), &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    return Status::IoError("cannot open " + options.db_path + ": " + sqlite3_errmsg(c->db));
  }
  sqlite3_busy_timeout(c->db, 5000);
  sqlite3_exec(c->db, "PRAGMA query_only = 1", nullptr, nullptr, nullptr);
  sqlite3_progress_handler(c->db, 4000, &PastDeadline, c.get());
  return c;
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kResourceExhausted:
      return 503;
    default:
      return 500;
  }
}

// A path segment after a prefix: "/api/stories/12" with prefix "/api/stories/" -> "12".
std::optional<std::string_view> Tail(std::string_view path, std::string_view prefix) {
  if (path.size() <= prefix.size() || path.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view rest = path.substr(prefix.size());
  if (rest.find('/') != std::string_view::npos) return std::nullopt;
  return rest;
}

Json SummaryJson(const ArticleSummary& a) {
  return Json{{"id", a.id},
              {"outlet", a.outlet},
              {"published", Nullable(a.published)},
              {"headline", a.headline},
              {"language", a.language},
              {"url", a.url},
              {"source", a.source},
              {"story", OptionalId(a.story_id)},
              {"duplicate_of", a.duplicate_of ? Json(*a.duplicate_of) : Json(nullptr)}};
}

Json StorySummaryJson(const StorySummary& s) {
  return Json{{"id", s.id},
              {"label", s.label},
              {"first", Nullable(s.first)},
              {"last", Nullable(s.last)},
              {"article_count", s.article_count},
              {"outlet_count", s.outlet_count}};
}

}  // namespace

Response ErrorResponse(int status, std::string_view reason) {
  Json j = {{"error", {{"status", status}, {"reason", std::string(reason)}}}};
  return JsonResponse(j, status);
}

// ---- the API -------------------------------------------------------------------------------

class Api::Impl {
 public:
  explicit Impl(ApiOptions options) : options_(std::move(options)) {}
  ~Impl() { StopWarm(); }

  // The warm-up thread (ApiOptions::warm).
  void StartWarm();
  void StopWarm();
  bool WaitWarm(int timeout_ms, int passes);

  // A pooled connection, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(Impl* impl, std::unique_ptr<Connection> c) : impl_(impl), c_(std::move(c)) {
      c_->deadline = std::chrono::steady_clock::now() +
                     std::chrono::milliseconds(impl_->options_.query_timeout_ms);
    }
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (c_) impl_->Release(std::move(c_));
    }
    Connection* operator->() { return c_.get(); }
    Store& store() { return *c_->store; }

   private:
    Impl* impl_;
    std::unique_ptr<Connection> c_;
  };

  Result<Lease> Acquire() {
    {
      std::lock_guard<std::mutex> lock(pool_mu_);
      if (!pool_.empty()) {
        std::unique_ptr<Connection> c = std::move(pool_.back());
        pool_.pop_back();
        return Lease(this, std::move(c));
      }
    }
    PARALLAX_ASSIGN_OR_RETURN(std::unique_ptr<Connection> c, OpenConnection(options_));
    return Lease(this, std::move(c));
  }
  void Release(std::unique_ptr<Connection> c) {
    std::lock_guard<std::mutex> lock(pool_mu_);
    pool_.push_back(std::move(c));
  }

  Response Handle(const Request& req);

 private:
  Response Route(const Request& req);
  Response Stories(const Request& req);
  // A story's summary (JSON) and its comparison record (JSON; "" when none, and why), with
  // how long computing it took (ms).
  struct StoryData {
    std::string story_json;
    std::string comparison_json;
    std::string comparison_error;
    // The story page's first screen drawn from them (story_page.h); "" when none.
    std::string first_screen_html;
    double read_ms = 0;
    double compare_ms = 0;
    double json_ms = 0;
  };
  // How LoadStory found a story: the time to look it up (ms) and where it came from.
  struct LoadInfo {
    double lookup_ms = 0;
    double wait_ms = 0;
    const char* source = "hit";  // "hit", "miss" (computed here) or "wait" (by another thread)
  };
  Result<std::shared_ptr<const StoryData>> LoadStory(int64_t id, LoadInfo* info);
  // The story's data when the cache holds its current comparison, else nullptr: never
  // computes one (a page does not wait for a comparison; its script does).
  std::shared_ptr<const StoryData> CachedStory(int64_t id);
  void WarmLoop();
  Response Story(std::string_view id, const Request& req, bool report);
  Response ArticleById(std::string_view id, const Request& req);
  Response Search(const Request& req);
  Response Outlets(const Request& req);
  Response OutletByName(std::string_view name, const Request& req);
  Response Speakers(const Request& req);
  Response SpeakerByKey(std::string_view key, const Request& req);
  Response Coverage(const Request& req);
  Response Index(const Request& req);

  Response DbError(const Status& s) {
    return ErrorResponse(HttpStatusOf(s), std::string(s.message()));
  }
  Response SqlError(Query& q) {
    if (q.error() == SQLITE_INTERRUPT) return ErrorResponse(503, "query took too long");
    return ErrorResponse(500, std::string("database: ") + q.message());
  }

  // Comparisons, by story id: the members' ids they were computed from, and the JSON body.
  struct Cached {
    std::string signature;
    std::shared_ptr<const StoryData> data;
    size_t bytes = 0;
  };
  void CachePut(int64_t story, std::string signature, std::shared_ptr<const StoryData> data) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    auto it = cache_index_.find(story);
    if (it != cache_index_.end()) {
      cache_bytes_ -= it->second->second.bytes;
      cache_lru_.erase(it->second);
      cache_index_.erase(it);
    }
    const size_t bytes = data->story_json.size() + data->comparison_json.size() +
                         data->comparison_error.size() + data->first_screen_html.size() +
                         signature.size() + 256;
    cache_bytes_ += bytes;
    cache_lru_.emplace_front(story, Cached{std::move(signature), std::move(data), bytes});
    cache_index_[story] = cache_lru_.begin();
    // The newest entry stays even when it alone is over the byte bound.
    while (cache_lru_.size() > std::max<size_t>(1, options_.cache_stories) ||
           (cache_lru_.size() > 1 && cache_bytes_ > options_.cache_bytes)) {
      cache_bytes_ -= cache_lru_.back().second.bytes;
      cache_index_.erase(cache_lru_.back().first);
      cache_lru_.pop_back();
    }
  }

  ApiOptions options_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> pool_;
  std::mutex cache_mu_;
  std::list<std::pair<int64_t, Cached>> cache_lru_;
  std::unordered_map<int64_t, std::list<std::pair<int64_t, Cached>>::iterator> cache_index_;
  size_t cache_bytes_ = 0;
  // Comparisons being computed (under cache_mu_): a second request for the same story and
  // members waits for the first one's result instead of computing it again.
  struct Inflight {
    std::string signature;
    std::shared_future<std::shared_ptr<const StoryData>> result;
  };
  std::unordered_map<int64_t, Inflight> inflight_;

  std::thread warm_thread_;
  std::mutex warm_mu_;
  std::condition_variable warm_cv_;
  bool warm_stop_ = false;
  int warm_passes_ = 0;  // passes over the recent stories made (under warm_mu_)
};

Response Api::Impl::Handle(const Request& req) {
  if (req.method != "GET" && req.method != "HEAD") {
    Response r = ErrorResponse(405, "the server is read-only: only GET and HEAD are allowed");
    return r;
  }
  return Route(req);
}

// Pages of the app: each is the same shell (index.html); app.js draws the page from the API.
static bool IsPagePath(std::string_view p) {
  if (p == "/" || p == "/search" || p == "/outlets" || p == "/speakers") return true;
  for (std::string_view prefix : {"/story/", "/article/", "/outlet/", "/speaker/"}) {
    if (Tail(p, prefix)) return true;
  }
  return false;
}

Response Api::Impl::Route(const Request& req) {
  const std::string_view p = req.path;
  if (p.substr(0, 5) == "/api/" || p == "/api") {
    if (p == "/api" || p == "/api/") return Index(req);
    if (p == "/api/stories") return Stories(req);
    if (auto id = Tail(p, "/api/stories/")) return Story(*id, req, false);
    if (auto id = Tail(p, "/api/articles/")) return ArticleById(*id, req);
    if (p == "/api/search") return Search(req);
    if (p == "/api/outlets") return Outlets(req);
    if (auto name = Tail(p, "/api/outlets/")) return OutletByName(*name, req);
    if (p == "/api/speakers") return Speakers(req);
    if (auto key = Tail(p, "/api/speakers/")) return SpeakerByKey(*key, req);
    if (p == "/api/coverage") return Coverage(req);
    return ErrorResponse(404, "no such endpoint: see docs/api.md");
  }
  if (auto id = Tail(p, "/report/story/")) return Story(*id, req, true);
  if (auto name = Tail(p, "/assets/")) {
    // Exact lookup in the compiled-in table: "..", "%2e%2e" or "a/b" name nothing there.
    const Asset* asset = FindAsset(*name);
    if (asset == nullptr) return ErrorResponse(404, "no such asset");
    // Assets change only with the binary: an ETag of their content lets the browser revalidate
    // with an empty 304 instead of downloading them again.
    Response r;
    r.etag = AssetEtag(*asset);
    r.cache_control = "no-cache";
    for (const auto& [k, v] : req.params) {
      // The versioned URL of the shell page: this content never changes under it.
      if (k == "v" && r.etag.size() == v.size() + 2 && r.etag.compare(1, v.size(), v) == 0) {
        r.cache_control = "public, max-age=31536000, immutable";
      }
    }
    if (req.if_none_match == r.etag) {
      r.status = 304;
      return r;
    }
    r.content_type = std::string(asset->content_type);
    r.body = std::string(asset->data);
    return r;
  }
  if (IsPagePath(p)) {
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = ShellPage();
    // A story page starts loading its data while the browser fetches the scripts: app.js's
    // fetch() of the same URL takes the preloaded response. When the story's comparison is
    // ready, the page also carries its first screen, drawn here (story_page.h): the browser
    // paints it before running any script, and app.js then draws the whole page over it.
    if (auto id = Tail(p, "/story/"); id && IsDigits(*id) && id->size() < 19) {
      const size_t head = r.body.find("</head>");
      if (head != std::string::npos) {
        r.body.insert(head, "<link rel=\"preload\" href=\"/api/stories/" + std::string(*id) +
                                "\" as=\"fetch\" crossorigin>\n");
      }
      int64_t story_id = 0;
      for (char c : *id) story_id = story_id * 10 + (c - '0');  // digits only, at most 18
      std::shared_ptr<const StoryData> data = id->empty() ? nullptr : CachedStory(story_id);
      constexpr std::string_view kPlaceholder = "<p>Loading&hellip;</p>";
      const size_t at = r.body.find(kPlaceholder);
      if (data != nullptr && !data->first_screen_html.empty() && at != std::string::npos) {
        r.body.replace(at, kPlaceholder.size(), data->first_screen_html);
        // The style sheet inline (allowed by its hash in the CSP, server.cc): the first paint
        // then waits for no other request.
        const size_t link = r.body.find("<link rel=\"stylesheet\" href=\"/assets/bundle.css");
        const size_t link_end = link == std::string::npos ? link : r.body.find('>', link);
        if (link_end != std::string::npos) {
          r.body.replace(link, link_end + 1 - link,
                         "<style>" + std::string(AssetData("bundle.css")) + "</style>");
        }
      }
    }
    r.cache_control = "no-cache";
    return r;
  }
  return ErrorResponse(404, "no such page");
}

Response Api::Impl::Index(const Request& req) {
  Params params(req, options_);
  params.Only({});
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  auto counts = lease.value().store().Counts();
  if (!counts.ok()) return DbError(counts.status());
  const StoreCounts& c = counts.value();
  Json j = {
      {"name", "parallax"},
      {"counts",
       {{"articles", c.articles},
        {"outlets", c.outlets},
        {"stories", c.stories},
        {"duplicates", c.duplicates},
        {"quotes", c.quotes},
        {"entities", c.entities}}},
      {"endpoints",
       {"/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/search", "/api/outlets",
        "/api/outlets/{name}", "/api/speakers", "/api/speakers/{key}", "/api/coverage"}}};
  return JsonResponse(j);
}

Response Api::Impl::Stories(const Request& req) {
  Params params(req, options_);
  params.Only({"since", "until", "outlet", "q", "limit", "offset", "min_articles"});
  StoryFilter filter;
  filter.since = params.Date("since");
  filter.until = params.Date("until");
  filter.outlet = params.Text("outlet");
  filter.text = params.Text("q");
  const size_t limit = params.Count("limit", options_.default_limit, 1, options_.max_limit);
  const size_t offset = params.Count("offset", 0, 0, options_.max_offset);
  filter.min_articles = params.Count("min_articles", 1, 1, 1000000);
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  if (!filter.since.empty() && !filter.until.empty() &&
      filter.since.substr(0, 10) > filter.until.substr(0, 10)) {
    return ErrorResponse(400, "since: later than until");
  }
  // StoryFilter has no offset: read up to offset + limit + 1 and keep the page.
  filter.limit = offset + limit + 1;
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  auto stories = lease.value().store().ListStories(filter);
  if (!stories.ok()) return DbError(stories.status());
  std::vector<StorySummary>& all = stories.value();
  const bool more = all.size() > offset + limit;
  std::vector<StorySummary> page(all.begin() + std::min(offset, all.size()),
                                 all.begin() + std::min(offset + limit, all.size()));

  // Outlets and publication times of each story on the page (the coverage timeline).
  std::map<int64_t, Json> coverage;
  if (!page.empty()) {
    std::string sql =
        "SELECT m.story_id, coalesce(o.name, a.outlet), a.published, a.id "
        "FROM story_members m JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE m.story_id IN (";
    for (size_t i = 0; i < page.size(); ++i) sql += i ? ",?" : "?";
    sql += ") ORDER BY m.story_id, a.published, a.ingest_seq";
    Query q(lease.value()->db, sql.c_str());
    if (!q.ok()) return SqlError(q);
    for (size_t i = 0; i < page.size(); ++i) q.Bind(static_cast<int>(i + 1), page[i].id);
    while (q.Step()) {
      coverage[q.Int(0)].push_back(
          Json{{"outlet", q.Text(1)},
               {"published", q.IsNull(2) ? Json(nullptr) : Json(q.Text(2))},
               {"article", q.Text(3)}});
    }
    if (q.error()) return SqlError(q);
  }
  Json list = Json::array();
  for (const StorySummary& s : page) {
    Json j = StorySummaryJson(s);
    Json& cov = coverage[s.id];
    if (cov.is_null()) cov = Json::array();
    std::vector<std::string> outlets;
    for (const Json& c : cov) {
      const std::string o = c["outlet"].get<std::string>();
      if (std::find(outlets.begin(), outlets.end(), o) == outlets.end()) outlets.push_back(o);
    }
    j["outlets"] = outlets;
    j["coverage"] = cov;
    list.push_back(std::move(j));
  }
  Json j = {{"stories", list},
            {"limit", limit},
            {"offset", offset},
            {"next_offset", more ? Json(offset + limit) : Json(nullptr)}};
  return JsonResponse(j);
}

static double MsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// The story's summary and its comparison, from the cache when its members have not changed.
Result<std::shared_ptr<const Api::Impl::StoryData>> Api::Impl::LoadStory(int64_t id,
                                                                         LoadInfo* info) {
  const auto t0 = std::chrono::steady_clock::now();
  auto data = std::make_shared<StoryData>();
  std::string signature;
  std::vector<Article> articles;
  std::shared_future<std::shared_ptr<const StoryData>> other;  // computed by another thread
  std::promise<std::shared_ptr<const StoryData>> promise;
  bool registered = false;
  {
    auto lease = Acquire();
    if (!lease.ok()) return lease.status();
    Store& store = lease.value().store();
    PARALLAX_ASSIGN_OR_RETURN(parallax::Story s, store.GetStory(id));
    signature = s.summary.label;
    for (const ArticleSummary& a : s.articles) signature += "|" + a.id;
    {
      std::lock_guard<std::mutex> lock(cache_mu_);
      auto it = cache_index_.find(id);
      if (it != cache_index_.end() && it->second->second.signature == signature) {
        cache_lru_.splice(cache_lru_.begin(), cache_lru_, it->second);
        info->lookup_ms = MsSince(t0);
        return it->second->second.data;
      }
      auto in = inflight_.find(id);
      if (in == inflight_.end()) {
        inflight_.emplace(id, Inflight{signature, promise.get_future().share()});
        registered = true;
      } else if (in->second.signature == signature) {
        other = in->second.result;
      }
      // (Another thread computing the story's previous members: compute this one alone.)
    }
    info->lookup_ms = MsSince(t0);
    if (!other.valid()) {
      Json head = StorySummaryJson(s.summary);
      Json members = Json::array();
      for (const ArticleSummary& a : s.articles) members.push_back(SummaryJson(a));
      head["articles"] = members;
      data->story_json = Dump(head);
      // The comparison over the story's original articles (copies would count an outlet
      // twice).
      for (const ArticleSummary& a : s.articles) {
        if (a.duplicate_of) continue;
        auto article = store.GetArticle(a.id);
        if (!article.ok()) continue;  // removed since GetStory: compare what is there
        articles.push_back(std::move(article).value());
      }
    }
  }  // the connection goes back to the pool before the comparison runs
  if (other.valid()) {
    info->source = "wait";
    const auto t1 = std::chrono::steady_clock::now();
    std::shared_ptr<const StoryData> result = other.get();
    info->wait_ms = MsSince(t1);
    return result;
  }
  info->source = "miss";
  data->read_ms = MsSince(t0);
  CompareOptions copts;
  copts.story = id;
  if (articles.size() > copts.max_articles) articles.resize(copts.max_articles);
  if (articles.empty()) {
    data->comparison_error = "the story has no stored articles";
  } else {
    const auto t1 = std::chrono::steady_clock::now();
    auto comparison = Compare(articles, copts);
    data->compare_ms = MsSince(t1);
    if (!comparison.ok()) {
      data->comparison_error = comparison.status().message();
    } else {
      const auto t2 = std::chrono::steady_clock::now();
      data->comparison_json = ComparisonToJson(comparison.value(), articles, false);
      data->json_ms = MsSince(t2);
      data->first_screen_html = StoryFirstScreenHtml(data->story_json, data->comparison_json);
    }
  }
  std::shared_ptr<const StoryData> shared = std::move(data);
  CachePut(id, signature, shared);
  if (registered) {
    {
      std::lock_guard<std::mutex> lock(cache_mu_);
      inflight_.erase(id);
    }
    promise.set_value(shared);
  }
  return shared;
}

std::shared_ptr<const Api::Impl::StoryData> Api::Impl::CachedStory(int64_t id) {
  auto lease = Acquire();
  if (!lease.ok()) return nullptr;
  auto s = lease.value().store().GetStory(id);
  if (!s.ok()) return nullptr;
  std::string signature = s.value().summary.label;
  for (const ArticleSummary& a : s.value().articles) signature += "|" + a.id;
  std::lock_guard<std::mutex> lock(cache_mu_);
  auto it = cache_index_.find(id);
  if (it == cache_index_.end() || it->second->second.signature != signature) return nullptr;
  return it->second->second.data;
}

// ---- warm-up -------------------------------------------------------------------------------

void Api::Impl::StartWarm() {
  if (!options_.warm) return;
  warm_thread_ = std::thread([this] { WarmLoop(); });
}

void Api::Impl::StopWarm() {
  {
    std::lock_guard<std::mutex> lock(warm_mu_);
    warm_stop_ = true;
  }
  warm_cv_.notify_all();
  if (warm_thread_.joinable()) warm_thread_.join();
}

bool Api::Impl::WaitWarm(int timeout_ms, int passes) {
  if (!options_.warm) return true;
  std::unique_lock<std::mutex> lock(warm_mu_);
  warm_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                    [this, passes] { return warm_passes_ >= passes || warm_stop_; });
  return warm_passes_ >= passes;
}

void Api::Impl::WarmLoop() {
  // The lexicon first: every comparison of English text needs it (hundreds of ms to load).
  compare::WordNet::Default();
  // A connection of its own: PRAGMA data_version counts commits by other connections since
  // this connection's previous call.
  auto opened = OpenConnection(options_);
  std::unique_ptr<Connection> conn;
  if (opened.ok()) conn = std::move(opened).value();
  int64_t last_version = -1;
  while (true) {
    int64_t version = last_version;
    std::vector<int64_t> ids;
    if (conn) {
      conn->deadline =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.query_timeout_ms);
      Query v(conn->db, "PRAGMA data_version");
      if (v.ok() && v.Step()) version = v.Int(0);
      if (version != last_version) {
        Query q(conn->db,
                "SELECT id FROM stories WHERE article_count >= 2 "
                "ORDER BY last IS NULL, last DESC, id DESC LIMIT ?");
        if (q.ok()) {
          q.Bind(1, static_cast<int64_t>(std::max<size_t>(1, options_.cache_stories)));
          while (q.Step()) ids.push_back(q.Int(0));
        }
      }
    }
    for (int64_t id : ids) {
      {
        std::lock_guard<std::mutex> lock(warm_mu_);
        if (warm_stop_) return;
      }
      LoadInfo info;
      (void)LoadStory(id, &info);  // a failure is the request's to report, not the warm-up's
    }
    std::unique_lock<std::mutex> lock(warm_mu_);
    if (version != last_version || warm_passes_ == 0) {
      ++warm_passes_;
      warm_cv_.notify_all();
    }
    last_version = version;
    if (!conn || warm_cv_.wait_for(lock, std::chrono::milliseconds(std::max(50, options_.watch_ms)),
                                   [this] { return warm_stop_; })) {
      return;
    }
  }
}

static std::optional<int64_t> ParseStoryId(std::string_view text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || id < 0) {
    return std::nullopt;
  }
  return id;
}

Response Api::Impl::Story(std::string_view id_text, const Request& req, bool report) {
  Params params(req, options_);
  params.Only({});
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  const std::optional<int64_t> id = ParseStoryId(id_text);
  if (!id) return ErrorResponse(400, "story id: expected a whole number");
  LoadInfo info;
  auto data = LoadStory(*id, &info);
  if (!data.ok()) {
    if (data.status().code() == StatusCode::kNotFound) {
      return ErrorResponse(404, "no story " + std::to_string(*id));
    }
    return DbError(data.status());
  }
  const StoryData& d = *data.value();
  Response r;
  // Server-Timing: the lookup (SQL + cache), then how the comparison was had: computed here
  // (read articles, Compare, JSON), waited for (computed by another request or the warm-up),
  // or taken from the cache.
  char timing[256];
  if (std::string_view(info.source) == "miss") {
    std::snprintf(timing, sizeof timing,
                  "lookup;dur=%.1f, read;dur=%.1f, compare;dur=%.1f, json;dur=%.1f, "
                  "cache;desc=miss",
                  info.lookup_ms, d.read_ms, d.compare_ms, d.json_ms);
  } else if (std::string_view(info.source) == "wait") {
    std::snprintf(timing, sizeof timing, "lookup;dur=%.1f, wait;dur=%.1f, cache;desc=wait",
                  info.lookup_ms, info.wait_ms);
  } else {
    std::snprintf(timing, sizeof timing, "lookup;dur=%.1f, cache;desc=hit", info.lookup_ms);
  }
  r.server_timing = timing;
  if (report) {
    if (d.comparison_json.empty())
      return ErrorResponse(404, "no comparison: " + d.comparison_error);
    r.content_type = "text/html; charset=utf-8";
    r.body = ComparisonHtml(d.comparison_json);
    return r;
  }
  r.body.reserve(d.story_json.size() + d.comparison_json.size() + 64);
  r.body = "{\"story\":";
  r.body += d.story_json;
  r.body += ",\"comparison\":";
  if (d.comparison_json.empty()) {
    r.body += "null,\"comparison_error\":" + Dump(Json(d.comparison_error));
  } else {
    r.body += d.comparison_json;
  }
  r.body += "}";
  return r;
}

Response Api::Impl::ArticleById(std::string_view id, const Request& req) {
  Params params(req, options_);
  params.Only({});
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  if (!IsArticleId(id)) return ErrorResponse(400, "article id: expected 16 lower-case hex digits");
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  auto article = lease.value().store().GetArticle(id);
  if (!article.ok()) {
    if (article.status().code() == StatusCode::kNotFound) {
      return ErrorResponse(404, "no article " + std::string(id));
    }
    return DbError(article.status());
  }
  // Where it sits in the corpus: its resolved outlet, story and original.
  Query q(lease.value()->db,
          "SELECT o.name, o.kind, o.country, m.story_id, d.duplicate_of, d.kind, d.similarity, "
          "s.label FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
          "LEFT JOIN story_members m ON m.article_id = a.id "
          "LEFT JOIN stories s ON s.id = m.story_id "
          "LEFT JOIN duplicates d ON d.article_id = a.id WHERE a.id = ?");
  if (!q.ok()) return SqlError(q);
  q.Bind(1, id);
  Json corpus = {{"outlet", nullptr}, {"story", nullptr}, {"duplicate_of", nullptr}};
  if (q.Step()) {
    if (!q.IsNull(0)) {
      corpus["outlet"] = {{"name", q.Text(0)}, {"kind", q.Text(1)}, {"country", q.Text(2)}};
    }
    if (!q.IsNull(3)) corpus["story"] = {{"id", q.Int(3)}, {"label", q.Text(7)}};
    if (!q.IsNull(4)) {
      corpus["duplicate_of"] = {
          {"id", q.Text(4)}, {"kind", q.Text(5)}, {"similarity", q.Double(6)}};
    }
  }
  if (q.error()) return SqlError(q);
  Response r;
  r.body =
      "{\"article\":" + ArticleToJson(article.value(), false) + ",\"corpus\":" + Dump(corpus) + "}";
  return r;
}

Response Api::Impl::Search(const Request& req) {
  Params params(req, options_);
  params.Only({"q", "limit"});
  const std::string q = params.Text("q");
  const size_t limit = params.Count("limit", options_.default_limit, 1, options_.max_limit);
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorResponse(400, "q: a search query is required");
  }
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  auto hits = lease.value().store().Search(q, limit);
  if (!hits.ok()) return DbError(hits.status());
  Json list = Json::array();
  for (const SearchHit& h : hits.value()) {
    list.push_back(Json{{"id", h.id},
                        {"headline", h.headline},
                        {"outlet", h.outlet},
                        {"published", Nullable(h.published)},
                        {"snippet", h.snippet},
                        {"rank", h.rank}});
  }
  return JsonResponse(Json{{"query", q}, {"hits", list}});
}

Response Api::Impl::Outlets(const Request& req) {
  Params params(req, options_);
  params.Only({});
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  Query q(lease.value()->db,
          "SELECT coalesce(o.name, a.outlet) AS name, o.kind, o.country, count(*), "
          "min(a.published), max(a.published), "
          "count(DISTINCT m.story_id) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
          "LEFT JOIN story_members m ON m.article_id = a.id "
          "GROUP BY name ORDER BY count(*) DESC, name");
  if (!q.ok()) return SqlError(q);
  Json list = Json::array();
  while (q.Step()) {
    list.push_back(Json{{"name", q.Text(0)},
                        {"kind", q.IsNull(1) ? "unknown" : q.Text(1)},
                        {"country", q.Text(2)},
                        {"articles", q.Int(3)},
                        {"first", q.IsNull(4) ? Json(nullptr) : Json(q.Text(4))},
                        {"last", q.IsNull(5) ? Json(nullptr) : Json(q.Text(5))},
                        {"stories", q.Int(6)}});
  }
  if (q.error()) return SqlError(q);
  return JsonResponse(Json{{"outlets", list}});
}

// The SQL condition "this article is from outlet ?N" (name, alias or domain, any case).
static std::string OutletCondition(int n) {
  const std::string p = "?" + std::to_string(n);
  return "(a.outlet_id = (SELECT outlet_id FROM outlet_keys WHERE key = lower(trim(" + p +
         "))) OR lower(a.outlet) = lower(trim(" + p + ")))";
}

Response Api::Impl::OutletByName(std::string_view name, const Request& req) {
  Params params(req, options_);
  params.Only({"limit"});
  const size_t limit = params.Count("limit", 100, 1, options_.max_limit);
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  if (name.empty() || name.size() > 300 || !IsValidUtf8(name)) {
    return ErrorResponse(400, "outlet: expected a name, alias or domain");
  }
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  Store& store = lease.value().store();
  ArticleFilter filter;
  filter.outlet = std::string(name);
  filter.limit = limit;
  auto articles = store.ListArticles(filter);
  if (!articles.ok()) return DbError(articles.status());
  auto outlet = store.FindOutlet(name);
  if (!outlet.ok()) return DbError(outlet.status());
  if (articles.value().empty() && !outlet.value()) {
    return ErrorResponse(404, "no outlet '" + Params::Clip(std::string(name)) + "'");
  }
  Json facts = {{"name", std::string(name)}, {"kind", "unknown"}, {"country", ""}};
  if (outlet.value()) {
    const Outlet& o = *outlet.value();
    facts = {{"name", o.name},       {"kind", std::string(OutletKindName(o.kind))},
             {"country", o.country}, {"aliases", o.aliases},
             {"domains", o.domains}, {"ratings", Json::parse(o.ratings_json, nullptr, false)}};
    if (facts["ratings"].is_discarded()) facts["ratings"] = Json::object();
  }
  Json list = Json::array();
  for (const ArticleSummary& a : articles.value()) list.push_back(SummaryJson(a));

  // Its stories and whom it quotes.
  const std::string stories_sql =
      "SELECT s.id, s.label, s.first, s.last, count(*) FROM articles a "
      "JOIN story_members m ON m.article_id = a.id JOIN stories s ON s.id = m.story_id WHERE " +
      OutletCondition(1) + " GROUP BY s.id ORDER BY s.last DESC, s.id LIMIT 200";
  Query qs(lease.value()->db, stories_sql.c_str());
  if (!qs.ok()) return SqlError(qs);
  qs.Bind(1, name);
  Json stories = Json::array();
  while (qs.Step()) {
    stories.push_back(Json{{"id", qs.Int(0)},
                           {"label", qs.Text(1)},
                           {"first", qs.IsNull(2) ? Json(nullptr) : Json(qs.Text(2))},
                           {"last", qs.IsNull(3) ? Json(nullptr) : Json(qs.Text(3))},
                           {"articles", qs.Int(4)}});
  }
  if (qs.error()) return SqlError(qs);
  const std::string speakers_sql =
      "SELECT e.key, min(e.name), count(*), sum(q.direct) FROM quotes q "
      "JOIN articles a ON a.ingest_seq = q.article_seq "
      "JOIN entities e ON e.article_seq = q.article_seq AND e.entity_id = q.speaker_entity "
      "WHERE " +
      OutletCondition(1) + " GROUP BY e.key ORDER BY count(*) DESC, e.key LIMIT 200";
  Query qq(lease.value()->db, speakers_sql.c_str());
  if (!qq.ok()) return SqlError(qq);
  qq.Bind(1, name);
  Json speakers = Json::array();
  while (qq.Step()) {
    speakers.push_back(Json{
        {"key", qq.Text(0)}, {"name", qq.Text(1)}, {"quotes", qq.Int(2)}, {"direct", qq.Int(3)}});
  }
  if (qq.error()) return SqlError(qq);
  return JsonResponse(
      Json{{"outlet", facts}, {"articles", list}, {"stories", stories}, {"speakers", speakers}});
}

Response Api::Impl::Speakers(const Request& req) {
  Params params(req, options_);
  params.Only({"outlet", "limit", "offset"});
  const std::string outlet = params.Text("outlet");
  const size_t limit = params.Count("limit", 50, 1, options_.max_limit);
  const size_t offset = params.Count("offset", 0, 0, options_.max_offset);
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  std::string sql =
      "SELECT e.key, min(e.name), coalesce(o.name, a.outlet) AS outlet, count(*), sum(q.direct) "
      "FROM quotes q JOIN articles a ON a.ingest_seq = q.article_seq "
      "LEFT JOIN outlets o ON o.id = a.outlet_id "
      "JOIN entities e ON e.article_seq = q.article_seq AND e.entity_id = q.speaker_entity ";
  if (!outlet.empty()) {
    sql +=
        "WHERE e.key IN (SELECT e2.key FROM quotes q2 JOIN articles a ON a.ingest_seq = "
        "q2.article_seq JOIN entities e2 ON e2.article_seq = q2.article_seq AND "
        "e2.entity_id = q2.speaker_entity WHERE " +
        OutletCondition(1) + ") ";
  }
  sql += "GROUP BY e.key, outlet";
  Query q(lease.value()->db, sql.c_str());
  if (!q.ok()) return SqlError(q);
  if (!outlet.empty()) q.Bind(1, outlet);
  struct Row {
    std::string name;
    int64_t quotes = 0;
    int64_t direct = 0;
    Json outlets = Json::array();
  };
  std::map<std::string, Row> by_key;
  while (q.Step()) {
    Row& row = by_key[q.Text(0)];
    if (row.name.empty()) row.name = q.Text(1);
    row.quotes += q.Int(3);
    row.direct += q.Int(4);
    row.outlets.push_back(Json{{"outlet", q.Text(2)}, {"quotes", q.Int(3)}});
  }
  if (q.error()) return SqlError(q);
  std::vector<std::pair<std::string, Row*>> order;
  for (auto& [k, row] : by_key) order.emplace_back(k, &row);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.second->quotes > b.second->quotes;
  });
  Json list = Json::array();
  for (size_t i = offset; i < order.size() && i < offset + limit; ++i) {
    const Row& row = *order[i].second;
    list.push_back(Json{{"key", order[i].first},
                        {"name", row.name},
                        {"quotes", row.quotes},
                        {"direct", row.direct},
                        {"outlets", row.outlets}});
  }
  const bool more = order.size() > offset + limit;
  return JsonResponse(Json{{"speakers", list},
                           {"limit", limit},
                           {"offset", offset},
                           {"next_offset", more ? Json(offset + limit) : Json(nullptr)}});
}

Response Api::Impl::SpeakerByKey(std::string_view key, const Request& req) {
  Params params(req, options_);
  params.Only({});
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  if (key.empty() || key.size() > 300 || !IsValidUtf8(key)) {
    return ErrorResponse(400, "speaker: expected an entity key");
  }
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  Query q(lease.value()->db,
          "SELECT a.id, coalesce(o.name, a.outlet), a.published, a.headline, q.direct, "
          "q.content_start, q.content_end, "
          "CAST(substr(CAST(a.text AS BLOB), q.content_start + 1, q.content_end - "
          "q.content_start) AS TEXT), e.name, q.idx, m.story_id, "
          "CAST(substr(CAST(a.text AS BLOB), q.cue_start + 1, q.cue_end - q.cue_start) AS TEXT) "
          "FROM entities e "
          "JOIN quotes q ON q.article_seq = e.article_seq AND q.speaker_entity = e.entity_id "
          "JOIN articles a ON a.ingest_seq = e.article_seq "
          "LEFT JOIN outlets o ON o.id = a.outlet_id "
          "LEFT JOIN story_members m ON m.article_id = a.id "
          "WHERE e.key = ? ORDER BY a.published, a.ingest_seq, q.idx LIMIT 1000");
  if (!q.ok()) return SqlError(q);
  q.Bind(1, key);
  Json quotes = Json::array();
  std::string name;
  while (q.Step()) {
    if (name.empty() || q.Text(8).size() > name.size()) name = q.Text(8);
    quotes.push_back(Json{{"article", q.Text(0)},
                          {"outlet", q.Text(1)},
                          {"published", q.IsNull(2) ? Json(nullptr) : Json(q.Text(2))},
                          {"headline", q.Text(3)},
                          {"direct", q.Int(4) != 0},
                          {"start", q.Int(5)},
                          {"end", q.Int(6)},
                          {"text", q.Text(7)},
                          {"quote", q.Int(9)},
                          {"story", q.IsNull(10) ? Json(nullptr) : Json(q.Int(10))},
                          {"cue", q.IsNull(11) ? Json(nullptr) : Json(q.Text(11))}});
  }
  if (q.error()) return SqlError(q);
  if (quotes.empty()) {
    return ErrorResponse(
        404, "no quotes by a speaker with key '" + Params::Clip(std::string(key)) + "'");
  }
  return JsonResponse(Json{{"key", std::string(key)}, {"name", name}, {"quotes", quotes}});
}

Response Api::Impl::Coverage(const Request& req) {
  Params params(req, options_);
  params.Only({"since", "until", "outlet", "story"});
  const std::string since = params.Date("since");
  const std::string until = params.Date("until");
  const std::string outlet = params.Text("outlet");
  const std::optional<int64_t> story = params.Id("story");
  if (params.refusal) return ErrorResponse(params.refusal->status, params.refusal->reason);
  auto lease = Acquire();
  if (!lease.ok()) return DbError(lease.status());
  std::string sql =
      "SELECT substr(a.published, 1, 10) AS day, coalesce(o.name, a.outlet) AS outlet, count(*) "
      "FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.published IS NOT NULL";
  if (!since.empty()) sql += " AND a.published >= ?1";
  if (!until.empty()) sql += " AND substr(a.published, 1, 10) <= substr(?2, 1, 10)";
  if (!outlet.empty()) sql += " AND " + OutletCondition(3);
  if (story) sql += " AND a.id IN (SELECT article_id FROM story_members WHERE story_id = ?4)";
  sql += " GROUP BY day, outlet ORDER BY day, outlet";
  Query q(lease.value()->db, sql.c_str());
  if (!q.ok()) return SqlError(q);
  if (!since.empty()) q.Bind(1, since);
  if (!until.empty()) q.Bind(2, until);
  if (!outlet.empty()) q.Bind(3, outlet);
  if (story) q.Bind(4, *story);
  Json days = Json::array();
  while (q.Step()) {
    days.push_back(Json{{"day", q.Text(0)}, {"outlet", q.Text(1)}, {"articles", q.Int(2)}});
  }
  if (q.error()) return SqlError(q);
  return JsonResponse(Json{{"coverage", days}});
}

// ---- Api -----------------------------------------------------------------------------------

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

Result<std::unique_ptr<Api>> Api::Create(const ApiOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  {
    auto lease = impl->Acquire();  // fail early on a missing or foreign database
    if (!lease.ok()) return lease.status();
  }
  impl->StartWarm();
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

Response Api::Handle(const Request& request) { return impl_->Handle(request); }

bool Api::WaitWarm(int timeout_ms, int passes) { return impl_->WaitWarm(timeout_ms, passes); }

}  // namespace parallax::serve
