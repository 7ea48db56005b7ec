#include "src/serve/server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <charconv>
#include <string>
#include <string_view>

#include "src/serve/assets.h"

namespace parallax::serve {
namespace {

// Headers on every response: nothing the page loads may come from elsewhere, and the page may
// not be framed or sniffed as another type.
void SetSecurityHeaders(httplib::Response& res) {
  // style-src: the app's style sheet, and the same text inlined by a story page (its hash).
  static const std::string kPolicy = "default-src 'self'; style-src 'self' " +
                                     InlineStyleHashSource() +
                                     "; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                     "form-action 'self'; frame-ancestors 'none'";
  res.set_header("Content-Security-Policy", kPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
}

void Send(const Response& r, httplib::Response& res) {
  res.status = r.status;
  SetSecurityHeaders(res);
  if (!r.cache_control.empty()) res.set_header("Cache-Control", r.cache_control);
  if (!r.etag.empty()) res.set_header("ETag", r.etag);
  if (!r.server_timing.empty()) res.set_header("Server-Timing", r.server_timing);
  if (r.status != 304) res.set_content(r.body, r.content_type.c_str());
}

// cpp-httplib compresses every text response for a client that accepts it, preferring brotli
// at its slowest setting (quality 11: ~280 ms for a 55 KB story page, more under load, paid on
// every request). So brotli is never offered to it, and nothing is compressed for a client on
// this machine (loopback: compression only costs time there); others get gzip.
// cpp-httplib decides from the request's Accept-Encoding header, which is the only control it
// has; the Request it passes is its own non-const object, so the header can be edited here.
void LimitCompression(const httplib::Request& req) {
  auto& headers = const_cast<httplib::Headers&>(req.headers);
  bool gzip = false;
  for (auto it = headers.find("Accept-Encoding"); it != headers.end();
       it = headers.find("Accept-Encoding")) {
    gzip = gzip || it->second.find("gzip") != std::string::npos;
    headers.erase(it);
  }
  const std::string& from = req.remote_addr;
  const bool loopback =
      from == "::1" || from.rfind("127.", 0) == 0 || from.rfind("::ffff:127.", 0) == 0;
  if (gzip && !loopback) headers.emplace("Accept-Encoding", "gzip");
}

}  // namespace

class Server::Impl {
 public:
  ServeOptions options;
  std::unique_ptr<Api> api;
  httplib::Server http;
  int port = 0;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  PARALLAX_ASSIGN_OR_RETURN(impl->api, Api::Create(options.api));
  httplib::Server& http = impl->http;
  const size_t threads = options.threads == 0 ? 1 : options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // TCP_NODELAY on the listening socket (accepted sockets inherit it): cpp-httplib writes the
  // headers and the body separately, and Nagle's algorithm with delayed ACKs would hold the body
  // ~40 ms on every keep-alive response.
  http.set_socket_options([](socket_t sock) {
    httplib::default_socket_options(sock);
    int yes = 1;
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  });
  http.set_payload_max_length(options.max_request_bytes);
  http.set_read_timeout(std::chrono::milliseconds(options.read_timeout_ms));
  http.set_write_timeout(std::chrono::milliseconds(options.write_timeout_ms));
  http.set_keep_alive_timeout(std::max(1, options.keep_alive_timeout_ms / 1000));
  Api* api = impl->api.get();
  const size_t max_body = options.max_request_bytes;
  // Every request is answered here, before cpp-httplib would read a body or match a route.
  http.set_pre_routing_handler([api, max_body](const httplib::Request& req,
                                               httplib::Response& res) {
    const std::string length = req.get_header_value("Content-Length");
    size_t n = 0;
    const bool chunked = req.has_header("Transfer-Encoding");
    if (chunked || !length.empty()) {
      auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), n);
      if (chunked || ec != std::errc() || end != length.data() + length.size() || n > max_body) {
        Send(ErrorResponse(413, "request body larger than " + std::to_string(max_body) +
                                    " bytes (or of unknown length)"),
             res);
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    LimitCompression(req);
    Request request;
    request.method = req.method;
    request.path = req.path;
    request.if_none_match = req.get_header_value("If-None-Match");
    for (const auto& [k, v] : req.params) request.params.emplace_back(k, v);
    Send(api->Handle(request), res);
    if (n > 0) res.set_header("Connection", "close");  // the unread body ends the connection
    return httplib::Server::HandlerResponse::Handled;
  });
  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
    if (impl->port < 0) return Status::IoError("cannot bind " + options.host);
  } else {
    if (!http.bind_to_port(options.host, options.port)) {
      return Status::IoError("cannot bind " + options.host + ":" + std::to_string(options.port) +
                             " (in use, or not an address of this machine)");
    }
    impl->port = options.port;
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  if (!impl_->http.listen_after_bind() && impl_->http.is_running()) {
    return Status::IoError("the listening socket failed");
  }
  return Status();
}

void Server::Stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace parallax::serve
