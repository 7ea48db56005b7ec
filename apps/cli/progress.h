// A one-line progress bar on stderr, drawn only when stderr is a terminal.
#ifndef PARALLAX_APPS_CLI_PROGRESS_H_
#define PARALLAX_APPS_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string_view>

#include "parallax/pipeline.h"

namespace parallax::cli {

class ProgressBar {
 public:
  // mode: "auto" (terminal only), "always", "never".
  explicit ProgressBar(std::string_view mode);
  // `suffix` is appended to the line (counts a verb adds).
  void Update(const Progress& p, std::string_view suffix = {});
  // Clears the bar line so that the summary starts on a clean line.
  void Finish();
  bool enabled() const { return enabled_; }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_CLI_PROGRESS_H_
