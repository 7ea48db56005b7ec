// parallax export: placeholder registration; the verb is being built (see the open issues).
#include <cstdio>

#include "apps/cli/commands.h"

namespace parallax::cli {

Verb RegisterExport(CLI::App& app) {
  Verb verb;
  verb.command = app.add_subcommand("export", "(not built yet)");
  verb.run = [] {
    std::fprintf(stderr, "parallax export: not built yet\n");
    return kExitUsage;
  };
  return verb;
}

}  // namespace parallax::cli
