#include "apps/cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace parallax::cli {

ProgressBar::ProgressBar(std::string_view mode)
    : enabled_(mode == "always" || (mode == "auto" && isatty(STDERR_FILENO))),
      start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(const Progress& p, std::string_view suffix) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mbps = secs > 0 ? p.bytes_read / 1e6 / secs : 0;
  std::string bar;
  if (p.bytes_total > 0) {
    double frac = std::min(1.0, static_cast<double>(p.bytes_read) / p.bytes_total);
    int filled = static_cast<int>(frac * 30);
    bar = "[" + std::string(filled, '#') + std::string(30 - filled, '.') + "] ";
    char pct[16];
    std::snprintf(pct, sizeof(pct), "%3.0f%% ", frac * 100);
    bar += pct;
    if (frac > 0.01) {
      int eta = static_cast<int>(secs / frac - secs);
      char e[32];
      std::snprintf(e, sizeof(e), " ETA %d:%02d", eta / 60, eta % 60);
      bar += std::to_string(p.articles) + " articles, " + std::to_string(p.failures) + " failed, " +
             std::to_string(static_cast<int>(mbps)) + " MB/s" + e;
    }
  } else {
    bar = std::to_string(p.articles) + " articles, " + std::to_string(p.failures) + " failed, " +
          std::to_string(static_cast<int>(mbps)) + " MB/s";
  }
  bar += suffix;
  std::fprintf(stderr, "\r\033[K%s", bar.c_str());
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace parallax::cli
