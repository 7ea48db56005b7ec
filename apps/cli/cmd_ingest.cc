// parallax ingest: placeholder registration; the verb is being built (see the open issues).
#include <cstdio>

#include "apps/cli/commands.h"

namespace parallax::cli {

Verb RegisterIngest(CLI::App& app) {
  Verb verb;
  verb.command = app.add_subcommand("ingest", "(not built yet)");
  verb.run = [] {
    std::fprintf(stderr, "parallax ingest: not built yet\n");
    return kExitUsage;
  };
  return verb;
}

}  // namespace parallax::cli
