// parallax: one story, seen from every side. The binary's verbs live in cmd_<verb>.cc.
#include <malloc.h>

#include <vector>

#include "apps/cli/commands.h"

int main(int argc, char** argv) {
  namespace cli = parallax::cli;
  // Every verb streams articles: tens of KB allocated and freed per article on every thread.
  // glibc hands free memory at the top of a heap back to the kernel once it passes 128 KiB
  // (and serves blocks past its mmap threshold with fresh mappings), so the next batch faults
  // the same pages in again; page faults are expensive in a VM. Keep freed memory for reuse:
  // the peak stays what the batches need (see docs/PERFORMANCE.md, "page faults"). The release
  // binary links tcmalloc (apps/cli/CMakeLists.txt), which keeps freed memory by itself and
  // ignores these; they matter when it is built without (PARALLAX_TCMALLOC=OFF, sanitizers).
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
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
