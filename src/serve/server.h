// The HTTP server of `parallax serve`: cpp-httplib in front of Api (api.h). It binds loopback
// by default, answers GET and HEAD only (the database is opened read-only), refuses request
// bodies over `max_request_bytes` with 413 before reading them, and times out slow clients.
// cpp-httplib appears only in server.cc.
//
//   PARALLAX_ASSIGN_OR_RETURN(auto server, serve::Server::Create(options));  // binds
//   std::printf("http://%s:%d/\n", options.host.c_str(), server->port());
//   PARALLAX_RETURN_IF_ERROR(server->Run());  // until Stop() or a signal handler calls Stop()
#ifndef PARALLAX_SERVE_SERVER_H_
#define PARALLAX_SERVE_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "parallax/status.h"
#include "src/serve/api.h"

namespace parallax::serve {

struct ServeOptions {
  ApiOptions api;
  // Address to bind. Default: "127.0.0.1" (this machine only).
  std::string host = "127.0.0.1";
  // TCP port; 0 = any free port (see Server::port). Default: 8080.
  int port = 8080;
  // Largest request body accepted; a larger Content-Length gets 413 before the body is read.
  // (Request lines over 8 KiB get 414 and header sets over 8 KiB 400, from cpp-httplib.)
  // Default: 65536 bytes.
  size_t max_request_bytes = 64 * 1024;
  // How long a client may take to send a request, and to read the response. Default: 5000,
  // 10000 ms.
  int read_timeout_ms = 5000;
  int write_timeout_ms = 10000;
  // Idle keep-alive connections are closed after this long (whole seconds, at least 1).
  // Default: 2000 ms.
  int keep_alive_timeout_ms = 2000;
  // Worker threads. A keep-alive connection holds its thread while open (cpp-httplib), so
  // this bounds the concurrent connections served; a database connection is taken from a pool
  // only while a request is answered. Default: 32.
  size_t threads = 32;
};

class Server {
 public:
  // Opens the database (read-only) and binds the socket.
  // Errors: those of Api::Create; IoError when the address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();

  // The bound port (the chosen one when options.port was 0).
  int port() const;
  // Serves until Stop(). Errors: IoError when the listening socket fails.
  Status Run();
  // Stops Run() from any thread (async-signal use: call from a thread, not a handler).
  void Stop();

  class Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax::serve

#endif  // PARALLAX_SERVE_SERVER_H_
