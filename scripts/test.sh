#!/usr/bin/env bash
# The README's second command: install what is missing, build Release with tests, run them all
# (unit, golden, integration, browser, fuzz-corpus replays). Exit status is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --browser
scripts/build.sh release
ctest --preset release -j "$(nproc)"
