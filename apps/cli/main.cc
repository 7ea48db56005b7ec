// parallax: one story, seen from every side. The binary's verbs live in cmd_<verb>.cc.
#include <vector>

#include "apps/cli/commands.h"

int main(int argc, char** argv) {
  namespace cli = parallax::cli;
  CLI::App app{"parallax: one news story, seen from every side. Offline analysis of news."};
  app.set_version_flag("--version", "parallax 0.1.0");
  app.require_subcommand(1);
  std::vector<cli::Verb> verbs = {cli::RegisterAnalyze(app), cli::RegisterCompare(app),
                                  cli::RegisterIngest(app),  cli::RegisterStories(app),
                                  cli::RegisterShow(app),    cli::RegisterSearch(app),
                                  cli::RegisterExport(app),  cli::RegisterServe(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
  }
  for (const cli::Verb& verb : verbs)
    if (verb.command->parsed()) return verb.run();
  return cli::kExitUsage;
}
