// parallax serve: the local web app and JSON API over a corpus database (docs/api.md).
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <string>
#include <thread>

#include "apps/cli/commands.h"
#include "src/serve/server.h"

namespace parallax::cli {
namespace {

struct ServeFlags {
  std::string db = "parallax.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  size_t max_request_bytes = 64 * 1024;
  int timeout_ms = 5000;
  size_t threads = 32;
  bool no_warm = false;
  size_t cache_stories = 64;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

int RunServe(const ServeFlags& flags) {
  serve::ServeOptions options;
  options.api.db_path = flags.db;
  options.api.query_timeout_ms = flags.timeout_ms;
  options.api.warm = !flags.no_warm;
  options.api.cache_stories = flags.cache_stories;
  options.host = flags.host;
  options.port = flags.port;
  options.max_request_bytes = flags.max_request_bytes;
  options.read_timeout_ms = flags.timeout_ms;
  options.threads = flags.threads;

  // SIGINT/SIGTERM are taken by a waiting thread (sigwait), which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto server = serve::Server::Create(options);
  if (!server.ok()) {
    std::fprintf(stderr, "parallax serve: %s\n", std::string(server.status().message()).c_str());
    return kExitUsage;
  }
  serve::Server* s = server.value().get();
  if (!IsLoopback(flags.host)) {
    std::fprintf(stderr,
                 "parallax serve: warning: listening on %s: other machines can read this "
                 "database\n",
                 flags.host.c_str());
  }
  const std::string shown =
      flags.host.find(':') != std::string::npos ? "[" + flags.host + "]" : flags.host;
  std::printf("parallax serve: %s on http://%s:%d/ (Ctrl-C stops)\n", flags.db.c_str(),
              shown.c_str(), s->port());
  std::fflush(stdout);
  std::thread waiter([&signals, s] {
    int sig = 0;
    sigwait(&signals, &sig);
    s->Stop();
  });
  Status status = s->Run();
  // Wake the waiter if Run ended on its own.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!status.ok()) {
    std::fprintf(stderr, "parallax serve: %s\n", std::string(status.message()).c_str());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

Verb RegisterServe(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  Verb verb;
  verb.command = app.add_subcommand(
      "serve", "Local web app and JSON API over a corpus database (read-only; docs/api.md)");
  CLI::App* c = verb.command;
  c->add_option("--db", flags->db, "Database made by `parallax ingest`")->capture_default_str();
  c->add_option("--host", flags->host,
                "Address to bind (loopback by default; anything else exposes the corpus)")
      ->capture_default_str();
  c->add_option("--port", flags->port, "TCP port; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  c->add_option("--max-request-bytes", flags->max_request_bytes,
                "Largest request body accepted (413 above)")
      ->check(CLI::Range(size_t{0}, size_t{1} << 30))
      ->capture_default_str();
  c->add_option("--timeout-ms", flags->timeout_ms,
                "Longest time to receive a request, and to run one query")
      ->check(CLI::Range(100, 600000))
      ->capture_default_str();
  c->add_option("--threads", flags->threads,
                "Worker threads (each serves one open connection at a time)")
      ->check(CLI::Range(size_t{1}, size_t{256}))
      ->capture_default_str();
  c->add_option("--cache-stories", flags->cache_stories,
                "Story comparisons kept in memory (the most recent ones are computed at start)")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  c->add_flag("--no-warm", flags->no_warm,
              "Do not compute recent stories' comparisons in the background at start (each is "
              "then computed on its first visit)");
  verb.run = [flags] { return RunServe(*flags); };
  return verb;
}

}  // namespace parallax::cli
