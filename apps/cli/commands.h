// Subcommands of the parallax binary. Each Register* adds its verb to `app` and returns the
// function that runs it once CLI11 has parsed the command line; the function returns the
// process exit code (see README "Exit codes").
#ifndef PARALLAX_APPS_CLI_COMMANDS_H_
#define PARALLAX_APPS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace parallax::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;

struct Verb {
  CLI::App* command = nullptr;  // the subcommand, owned by the parent CLI::App
  std::function<int()> run;
};

Verb RegisterAnalyze(CLI::App& app);
Verb RegisterCompare(CLI::App& app);
Verb RegisterIngest(CLI::App& app);
Verb RegisterStories(CLI::App& app);
Verb RegisterShow(CLI::App& app);
Verb RegisterSearch(CLI::App& app);
Verb RegisterExport(CLI::App& app);
Verb RegisterServe(CLI::App& app);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_CLI_COMMANDS_H_
